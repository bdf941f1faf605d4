import { Spinner } from '@inkjs/ui';
import { Box, Text } from 'ink';
import { useEffect } from 'react';
import { useSyncReducer } from '../../hooks/use-sync-reducer.js';
import { Header } from '../../components/Header.js';
import { useNavigation, useServices } from '../../contexts.js';
import { useAgentState } from '../../hooks/use-agent-state.js';
import { SETUP_TOKEN_LIFETIME_MS } from '../../services/durations.js';
import { storedProfileType } from '../../services/credential-view.js';
import { profileAWriteWouldReplace } from '../../services/agent-state.js';
import { errorMessage, ExitCode } from '../../services/errors.js';
import { resolveProfileId } from '../../services/profile-actions.js';
import { isValidProviderId, type OnboardingMethod } from '../../services/providers.js';
import { EnvStep } from './EnvStep.js';
import { MethodStep } from './MethodStep.js';
import { initialOnboardState, onboardReducer, secretKind, type OnboardState } from './onboard-flow.js';
import { OverwriteStep, ProfileIdStep } from './ProfileIdStep.js';
import { CustomProviderStep, ProviderStep } from './ProviderStep.js';
import { SecretStep } from './SecretStep.js';
import { SummaryStep } from './SummaryStep.js';
import { WelcomeStep } from './WelcomeStep.js';
import { useHoldRestOfKeys, useKeys } from '../../components/key-router.js';
import type { OnboardAction } from './onboard-flow.js';

/**
 * The onboarding wizard: provider, method, secret, profile, .env, then one write and a summary.
 * Esc goes back a step; leaving before the end writes nothing.
 */
export function OnboardScreen({ provider, method }: { provider?: string; method?: OnboardingMethod }) {
  const services = useServices();
  const navigation = useNavigation();
  const agent = useAgentState();
  const [state, dispatchNow, currentState] = useSyncReducer(onboardReducer, () =>
    initialOnboardState(provider, method),
  );
  const holdRestOfKeys = useHoldRestOfKeys();
  /** A step change: keys typed after it (same chunk) belong to the next step's view. */
  const dispatch = (action: OnboardAction) => {
    const before = currentState().step;
    dispatchNow(action);
    if (currentState().step !== before) holdRestOfKeys();
  };

  useKeys((_input, key) => {
    const now = currentState();
    if (!key.escape || now.step === 'summary' || (now.step === 'saving' && !now.error)) return;
    if (now.history.length === 0) navigation.finish({ exitCode: ExitCode.cancelled });
    else dispatch({ type: 'back' });
  });

  // setup-token has its own screen: it takes over from here.
  useEffect(() => {
    if (state.step === 'secret' && state.method === 'setup-token') navigation.replace({ name: 'setup-token' });
  }, [state.step, state.method, navigation]);

  useEffect(() => {
    if (state.step !== 'saving') return;
    void save(state);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.step]);

  async function save(current: OnboardState) {
    const kind = secretKind(current.method);
    const expiryAssumed = kind === 'token' && current.provider === 'anthropic';
    try {
      const saved = await services.saveCredential({
        profileId: current.profileId!,
        provider: current.provider!,
        kind,
        secret: current.secret!,
        replace: current.replace,
        ...(expiryAssumed ? { expiresAt: services.now() + SETUP_TOKEN_LIFETIME_MS } : {}),
      });
      const env =
        current.writeEnv && current.envVariable
          ? {
              path: services.workspace.daemonEnvPath,
              variable: current.envVariable,
              ...(await services.setDaemonEnv(current.envVariable, current.secret!)),
            }
          : undefined;
      dispatch({ type: 'saved', result: { saved, expiryAssumed, ...(env ? { env } : {}) } });
    } catch (error) {
      dispatch({ type: 'save-failed', error: errorMessage(error) });
    }
  }

  const chooseProfile = (name: string) => {
    let profileId: string;
    try {
      profileId = resolveProfileId(currentState().provider!, name);
    } catch (error) {
      dispatch({ type: 'save-failed', error: errorMessage(error) });
      return;
    }
    const existing = agent.state ? profileAWriteWouldReplace(agent.state, profileId) : undefined;
    dispatch({ type: 'profile-id', profileId, ...(existing ? { existingType: storedProfileType(existing) } : {}) });
  };

  const step = (() => {
    switch (state.step) {
      case 'welcome':
        return <WelcomeStep agent={agent} onContinue={() => dispatch({ type: 'continue' })} />;
      case 'provider':
        return (
          <ProviderStep
            onSelect={(value) => dispatch({ type: 'provider', provider: value })}
            onCustom={() => dispatch({ type: 'custom-provider' })}
          />
        );
      case 'custom-provider':
        return (
          <CustomProviderStep
            validate={(value) =>
              isValidProviderId(value.trim().toLowerCase())
                ? undefined
                : 'letters, digits, ".", "_" and "-" only, starting with a letter or digit'
            }
            onSubmit={(value) => dispatch({ type: 'provider', provider: value })}
          />
        );
      case 'method':
        return (
          <MethodStep provider={state.provider!} onSelect={(value) => dispatch({ type: 'method', method: value })} />
        );
      case 'secret':
        return state.method === 'setup-token' ? (
          <Text dimColor>Starting setup-token…</Text>
        ) : (
          <SecretStep
            provider={state.provider!}
            kind={secretKind(state.method)}
            onSubmit={(secret) => dispatch({ type: 'secret', secret })}
          />
        );
      case 'profile-id':
        return (
          <ProfileIdStep
            provider={state.provider!}
            initial={state.profileId?.split(':').slice(1).join(':') ?? 'default'}
            onSubmit={chooseProfile}
            problem={state.error}
          />
        );
      case 'overwrite':
        return (
          <OverwriteStep
            profileId={state.profileId!}
            existingType={state.existingType ?? 'unknown'}
            onOverwrite={() => dispatch({ type: 'overwrite' })}
            onRename={() => dispatch({ type: 'back' })}
          />
        );
      case 'env':
        return (
          <EnvStep
            variable={state.envVariable!}
            path={services.workspace.daemonEnvPath}
            onAnswer={(writeEnv) => dispatch({ type: 'env', writeEnv })}
          />
        );
      case 'saving':
        return state.error ? (
          <Box flexDirection="column">
            <Text color="red">✘ {state.error}</Text>
            <Text dimColor>Nothing else was changed. Esc goes back.</Text>
          </Box>
        ) : (
          <Spinner label="Saving…" />
        );
      case 'summary':
        return <SummaryStep result={state.result!} onDone={() => navigation.finish({ exitCode: ExitCode.ok })} />;
    }
  })();

  return (
    <Box flexDirection="column">
      <Header
        title={`onboard${state.provider ? ` · ${state.provider}` : ''}${state.method && state.method !== 'setup-token' ? ` · ${state.method}` : ''}`}
      />
      {step}
    </Box>
  );
}
