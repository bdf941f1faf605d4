import { Box, Text } from 'ink';
import { useEffect, useMemo, useRef } from 'react';
import { Header } from '../../components/Header.js';
import { useHoldRestOfKeys } from '../../components/key-router.js';
import { SavingSpinner } from '../../components/SavingSpinner.js';
import { useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { headerLines } from '../../components/text-layout.js';
import { useNavigation, useServices } from '../../contexts.js';
import { useAgentState } from '../../hooks/use-agent-state.js';
import { useSyncReducer } from '../../hooks/use-sync-reducer.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { listAgentProfiles } from '../../services/profiles/agent-state.js';
import { foundryKeyRefused } from '../../services/providers/foundry.js';
import { isLocalServerKind } from '../../services/providers/local-server.js';
import type { OnboardingMethod } from '../../services/providers.js';
import { shown } from '../../services/terminal-text.js';
import { useOnboardingDone } from '../use-onboarding-done.js';
import { CloudflareIdsStep } from './CloudflareIdsStep.js';
import { CopilotProxyStep } from './CopilotProxyStep.js';
import { CustomEndpointStep } from './CustomEndpointStep.js';
import { EndpointStep } from './EndpointStep.js';
import { EnvStep } from './EnvStep.js';
import { FoundryStep } from './FoundryStep.js';
import { LocalServerStep } from './LocalServerStep.js';
import { MethodStep } from './MethodStep.js';
import { endpointChoices, handOverScreen, initialOnboardState, onboardReducer, secretKind } from './onboard-flow.js';
import type { OnboardAction, OnboardState } from './onboard-types.js';
import { viewOf } from './onboard-view.js';
import { OverwriteStep } from './ProfileIdStep.js';
import { CustomProviderStep, ProviderStep } from './ProviderStep.js';
import { SecretStep } from './SecretStep.js';
import { SummaryStep } from './SummaryStep.js';
import { useOnboardSave } from './use-onboard-save.js';
import { useWizardEscape, WizardEscContext, wizardEscWord } from './use-wizard-escape.js';
import { VerifyStep } from './VerifyStep.js';
import { WelcomeStep } from './WelcomeStep.js';
import { WizardProfileStep } from './WizardProfileStep.js';

/**
 * The onboarding wizard: provider, method, secret, profile, .env, then one write and a summary.
 * Esc goes back a step; leaving before the end writes nothing.
 */
export function OnboardScreen({
  provider,
  method,
  resumeAt,
  lastMethod,
  providerGiven = false,
  home = false,
}: {
  provider?: string;
  method?: OnboardingMethod;
  resumeAt?: 'method' | 'auth-choice';
  lastMethod?: OnboardingMethod;
  providerGiven?: boolean;
  home?: boolean;
}) {
  const services = useServices();
  const { columns } = useTerminalSize();
  const navigation = useNavigation();
  const agent = useAgentState();
  // Who holds a secret already, read once per state of the store, not on every key of the paste.
  const savedAs = useMemo(() => {
    const bySecret = new Map<string, string[]>();
    for (const { view } of agent.state ? listAgentProfiles(agent.state) : [])
      if (view.secret !== undefined) bySecret.set(view.secret, [...(bySecret.get(view.secret) ?? []), view.id]);
    return (secret: string) => bySecret.get(secret) ?? [];
  }, [agent.state]);
  const [state, dispatchNow, currentState] = useSyncReducer(onboardReducer, () =>
    initialOnboardState(provider, method, resumeAt, providerGiven),
  );
  const holdRestOfKeys = useHoldRestOfKeys();
  const { save, modelNotesAfterSave, makeDefault } = useOnboardSave();
  const providerSearch = useTextFieldState();
  /** The known id the provider id being typed is close to (Esc goes back to the list on it). */
  const nearTyped = useRef<string | undefined>(undefined);
  /**
   * Every step change goes through here, and so does what a step change starts: the save
   * when the last answer is in, the setup-token screen when that method is chosen. Keys typed
   * after a step change (same chunk) belong to the next step's view.
   */
  const dispatch = (action: OnboardAction) => {
    const before = currentState().step;
    dispatchNow(action);
    const after = currentState();
    if (after.step === before) return;
    holdRestOfKeys();
    if (after.step === 'saving') void save(after, dispatch);
    if (after.step === 'secret') handOver(after);
  };

  /** A method with its own screen (setup-token, a sign-in): that screen takes over the secret step. */
  function handOver(at: OnboardState) {
    const screen = handOverScreen(at, home);
    if (screen) navigation.replace(screen);
  }

  // Opened on the secret step (`--provider anthropic --method setup-token`): no step change to hand over on.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for the step the wizard opened on
  useEffect(() => {
    if (currentState().step === 'secret') handOver(currentState());
  }, []);

  /** Set by a step with questions of its own: one of them back, or false at its first. */
  const stepBack = useRef<(() => boolean) | undefined>(undefined);
  const done = useOnboardingDone(home);
  // A setup with no profile of its own (a custom endpoint, a local server) ends as a save does:
  // on the dashboard when the wizard was the first screen of an empty home, else back or out.
  const finish = () => done();
  useWizardEscape(
    currentState,
    providerSearch,
    nearTyped,
    () => dispatch({ type: 'back' }),
    stepBack,
    () => done(),
  );

  /** A summary's `a`: the provider list again, its search cleared. */
  const addAnother = () => {
    providerSearch.set('');
    dispatch({ type: 'add-another' });
  };

  const view = viewOf(state);
  const title = `onboard${state.provider ? ` · ${state.provider}` : ''}${state.method && (state.method === 'api-key' || state.method === 'paste-token') ? ` · ${state.method}` : ''}`;
  const step = (() => {
    switch (view.step) {
      case 'welcome':
        return (
          <WelcomeStep
            agent={agent}
            onContinue={(typed) => {
              // Typing at the welcome is a search for the provider: the keys are not lost.
              if (typed !== undefined) {
                if (currentState().provider) return;
                providerSearch.set(typed);
              }
              dispatch({ type: 'continue' });
            }}
          />
        );
      case 'provider':
        return (
          <ProviderStep
            search={providerSearch}
            {...(state.method ? { method: state.method } : {})}
            store={agent.state?.store}
            onSelect={(value) => dispatch({ type: 'provider', provider: value })}
            onCustom={() => {
              nearTyped.current = undefined;
              dispatch({ type: 'custom-provider' });
            }}
            onCustomEndpoint={() => dispatch({ type: 'custom-endpoint' })}
            onPastedKey={(use, secret) => {
              providerSearch.set('');
              dispatch({ type: 'pasted-secret', provider: use.provider, method: use.method, secret });
            }}
          />
        );
      case 'custom-provider':
        return (
          <CustomProviderStep
            initial={providerSearch.value}
            onNear={(id) => {
              nearTyped.current = id;
            }}
            onSubmit={(value) => dispatch({ type: 'provider', provider: value })}
          />
        );
      case 'method':
        return (
          <MethodStep
            provider={view.provider}
            initial={state.lastMethod ?? lastMethod}
            onSelect={(value) => dispatch({ type: 'method', method: value })}
          />
        );
      case 'custom-endpoint':
        return <CustomEndpointStep stepBack={stepBack} onDone={finish} onAddAnother={addAnother} />;
      case 'local':
        if (view.provider === 'copilot-proxy')
          return <CopilotProxyStep stepBack={stepBack} onDone={finish} onAddAnother={addAnother} />;
        return isLocalServerKind(view.provider) ? (
          <LocalServerStep stepBack={stepBack} kind={view.provider} onDone={finish} onAddAnother={addAnother} />
        ) : null;
      case 'cloudflare-ids':
        return (
          <CloudflareIdsStep
            stepBack={stepBack}
            {...(state.cloudflare ? { initial: state.cloudflare } : {})}
            onSubmit={(ids) => dispatch({ type: 'cloudflare-ids', ids })}
          />
        );
      case 'foundry':
        return (
          <FoundryStep
            {...(agent.state ? { refused: foundryKeyRefused(agent.state.store.pluginsServeProviders) } : {})}
            stepBack={stepBack}
            {...(state.foundry ? { initial: state.foundry } : {})}
            {...(services.workspace.env.AZURE_OPENAI_ENDPOINT
              ? { endpointFromEnv: services.workspace.env.AZURE_OPENAI_ENDPOINT }
              : {})}
            onSubmit={(answers) => dispatch({ type: 'foundry', answers })}
          />
        );
      case 'auth-choice':
        return (
          <EndpointStep
            provider={view.provider}
            choices={endpointChoices(view.provider, state.method)}
            signIn={state.method === 'browser' || state.method === 'device'}
            initial={state.lastAuthChoice}
            onSelect={(authChoice) => dispatch({ type: 'auth-choice', authChoice })}
          />
        );
      case 'secret':
        return state.method === 'setup-token' || state.method === 'browser' || state.method === 'device' ? (
          <Text dimColor>Starting the sign-in…</Text>
        ) : (
          <SecretStep
            provider={view.provider}
            {...(state.authChoice ? { authChoice: state.authChoice } : {})}
            kind={secretKind(state.method)}
            initial={state.secret}
            savedAs={savedAs}
            onSubmit={(secret) => dispatch({ type: 'secret', secret })}
          />
        );
      case 'profile-id':
        return (
          <WizardProfileStep
            provider={view.provider}
            currentState={currentState}
            agentState={agent.state}
            dispatch={dispatch}
          />
        );
      case 'overwrite':
        return (
          <OverwriteStep
            profileId={view.profileId}
            existingType={view.existingType}
            onOverwrite={() => dispatch({ type: 'overwrite' })}
            onRename={() => dispatch({ type: 'back' })}
          />
        );
      case 'env':
        return (
          <EnvStep
            variable={view.variable}
            path={services.workspace.daemonEnvPath}
            current={agent.state?.daemonEnv[view.variable]}
            secret={state.secret}
            onAnswer={(writeEnv) => dispatch({ type: 'env', writeEnv })}
          />
        );
      case 'saving':
        return state.error ? (
          <Box flexDirection="column">
            <Text color="red">✘ {shown(state.error)}</Text>
            <Text dimColor>Nothing else was changed. Esc goes back.</Text>
          </Box>
        ) : (
          <SavingSpinner store={agent.state?.store} />
        );
      case 'verify':
        return (
          <VerifyStep
            profileId={view.result.saved.profileId}
            provider={view.provider}
            onDone={(probe) => dispatch({ type: 'verified', ...(probe ? { probe } : {}) })}
          />
        );
      case 'summary':
        return (
          <SummaryStep
            result={view.result}
            headerRows={headerLines(title, shown(services.workspace.agentId), columns).length + 1}
            {...(state.probe ? { probe: state.probe } : {})}
            onDone={() => done(view.result.saved.profileId)}
            onAddAnother={addAnother}
            onMakeDefault={() => makeDefault(state, view.provider, view.result.saved.profileId, dispatch)}
            installedDefault={async (choice, policy) => {
              const written = await services.setInstalledPluginDefault({ choice, provider: view.provider, policy });
              if (written) dispatch({ type: 'model-notes', notes: await modelNotesAfterSave(view.provider) });
              return written;
            }}
          />
        );
    }
  })();

  return (
    <Box flexDirection="column">
      <Header title={title} />
      <WizardEscContext.Provider value={wizardEscWord(state, navigation.canGoBack)}>{step}</WizardEscContext.Provider>
    </Box>
  );
}
