/** The real AppServices (app-services.ts): each method calls the services; screens get it through the context. */

import type { AppServices, SignInResult } from './app-services.js';
import type { ActionContext } from './services/actions.js';
import * as actions from './services/actions.js';
import { listKnownAgentIds, rereadConfig, resolveWorkspace, type Workspace } from './services/config/workspace.js';
import { runDoctor } from './services/doctor/run-doctor.js';
import { errorMessage, UsageError } from './services/errors.js';
import { findOnPath } from './services/find-program.js';
import { type AgentState, loadAgentState } from './services/profiles/agent-state.js';
import { CLOUDFLARE_CHOICE, cloudflareIds, cloudflareSetup } from './services/providers/cloudflare-gateway.js';
import {
  FOUNDRY_KEY_CHOICE,
  type FoundryAnswers,
  type FoundryDeployment,
  foundryDeployment,
  foundryKeyRefused,
  foundryMetadata,
  foundrySetup,
} from './services/providers/foundry.js';
import { installPlugin } from './services/providers/plugin-install.js';
import { setInstalledPluginDefault, setUpProvider, writeDefaultModel } from './services/providers/provider-setup.js';
import type { ProviderSetup } from './services/providers/setup-plan.js';
import { CLAUDE_INSTALL_HINT_IN_APP, findClaudeBinary } from './services/setup-token/find-claude.js';
import type { PtySpawner } from './services/setup-token/pty.js';
import { SetupTokenSession } from './services/setup-token/session.js';
import { buildStatusReport } from './services/status/report.js';

/**
 * The setup a choice built from the wizard's answers writes — Cloudflare's ids, Foundry's
 * endpoint and deployment — for the save and for the summary's `d` alike; none for the others.
 */
function answeredSetup(
  authChoice: string | undefined,
  answers: { metadata?: Record<string, string>; foundry?: FoundryAnswers; profileId: string },
): { setup?: ProviderSetup; foundry?: FoundryDeployment } {
  if (authChoice === CLOUDFLARE_CHOICE)
    return { setup: cloudflareSetup(cloudflareIds(answers.metadata?.accountId, answers.metadata?.gatewayId)) };
  if (authChoice === FOUNDRY_KEY_CHOICE && answers.foundry) {
    const foundry = foundryDeployment(answers.foundry, 'api-key');
    return { setup: foundrySetup(foundry, answers.profileId), foundry };
  }
  return {};
}

export interface RealServicesOptions {
  workspace: Workspace;
  preloadedState?: AgentState;
  warnWithinMs: number;
  spawnPty: PtySpawner;
  watch: (workspace: Workspace, onChange: () => void) => () => void;
  writeToTerminal: (data: string) => void;
  env: NodeJS.ProcessEnv;
  setupTokenOptions?: { unrecognisedAfterMs?: number };
  /** A `claude setup-token` started before Ink loaded: the first session asked for. */
  earlySetupToken?: { claudeBin: string; session: SetupTokenSession };
  /** false: do not ask the running gateway to reload auth after a write (--no-reload). */
  reload?: boolean;
}

export function createAppServices(options: RealServicesOptions): AppServices {
  const { workspace } = options;
  // The store the screens last read: an action that follows uses it, so a save does not detect
  // the store's generation again (the first frame's read, or the last reload after a change).
  let lastState = options.preloadedState;
  const context = (): ActionContext => ({
    workspace,
    ...(lastState ? { store: lastState.store } : {}),
    reload: options.reload !== false,
  });
  /** Whether the home runs OpenClaw 2026.8+ (providers/fit-to-openclaw.ts), from the last read store. */
  const stamp = async () => (lastState ?? (await loadAgentState(workspace))).store.pluginsServeProviders;
  let earlyTaken = false;
  return {
    workspace,
    ...(options.preloadedState ? { preloadedState: options.preloadedState } : {}),
    lastReadState: () => lastState,
    warnWithinMs: options.warnWithinMs,
    now: Date.now,
    loadState: async () => {
      // openclaw.json changes under a running screen (a save's setup, another process): read it again.
      try {
        workspace.config = await rereadConfig(workspace);
      } catch {
        // Unreadable now: the config as last read stands; the store read below reports its own trouble.
      }
      lastState = await loadAgentState(workspace);
      return lastState;
    },
    watchState: (onChange) => options.watch(workspace, onChange),
    saveCredential: async ({ authChoice, foundry: answers, ...given }) => {
      // Cloudflare's ids and Foundry's endpoint and deployment, asked by the wizard, go into the
      // profile's metadata and build its setup (checked before anything is written).
      const answered = answeredSetup(authChoice, { ...given, ...(answers ? { foundry: answers } : {}) });
      const foundry = answered.foundry;
      const input = foundry ? { ...given, metadata: foundryMetadata(foundry, 'api-key') } : given;
      const olderFoundry = foundry && lastState && foundryKeyRefused(lastState.store.pluginsServeProviders);
      if (olderFoundry) throw new UsageError(olderFoundry);
      const saved = await actions.saveCredential(context(), input);
      const kind = input.kind === 'api_key' ? 'api_key' : 'token';
      try {
        const setup = await setUpProvider(workspace, {
          provider: input.provider,
          kind,
          policy: 'auto',
          stamp: saved.store.pluginsServeProviders,
          ...(authChoice ? { authChoice } : {}),
          ...(answered.setup ? { setup: answered.setup } : {}),
        });
        return { ...saved, setup };
      } catch (error) {
        // The secret is saved: what could not be set up beside it is told, not a failed save.
        return { ...saved, setupError: errorMessage(error) };
      }
    },
    // `d` writes what the save set up, built from the same answers (Foundry's deployment, Cloudflare's ids).
    setDefaultModel: async ({ answers, ...input }) => {
      const { setup } = answers ? answeredSetup(input.authChoice, answers) : {};
      return setUpProvider(workspace, { ...input, ...(setup ? { setup } : {}), policy: 'set', stamp: await stamp() });
    },
    makeModelDefault: async ({ provider, ref }) =>
      writeDefaultModel(workspace, { provider, ref, policy: 'set', stamp: await stamp() }),
    setInstalledPluginDefault: async (input) =>
      setInstalledPluginDefault(workspace, { ...input, stamp: await stamp() }),
    canInstallPlugin: () => findOnPath('openclaw', workspace.env.PATH) !== undefined,
    // The same state dir and config the saves went to, as `add-key` in a terminal installs it.
    installPlugin: (need, signal) => installPlugin(workspace, need.source, signal ? { signal } : {}),
    findLocalServer: async (kind, apiKey, baseUrl) => {
      const { findLocalServer } = await import('./services/providers/local-server.js');
      return findLocalServer(kind, { timeoutMs: 5000, ...(apiKey ? { apiKey } : {}), ...(baseUrl ? { baseUrl } : {}) });
    },
    setUpLocalServer: async ({ kind, modelId, apiKey, baseUrl }) => {
      const [{ planLocalServer }, { findChoice }] = await Promise.all([
        import('./services/providers/local-setup.js'),
        import('./services/providers/catalog.js'),
      ]);
      const choice = findChoice(kind);
      if (!choice) throw new Error(`OpenClaw has no ${kind} choice`);
      const local = await planLocalServer({
        kind,
        modelId,
        ...(apiKey ? { apiKey } : {}),
        ...(baseUrl ? { baseUrl } : {}),
      });
      return actions.onboardChoice(context(), {
        choice,
        provider: kind,
        ...(local.credential ? { credential: { kind: 'api_key', ...local.credential } } : {}),
        setup: local.setup,
        defaultModel: 'auto',
      });
    },
    setUpCustomEndpoint: async ({ apiKey, ...input }) => {
      const [{ customSetup }, { findChoice }] = await Promise.all([
        import('./services/providers/custom-endpoint.js'),
        import('./services/providers/catalog.js'),
      ]);
      const choice = findChoice('custom-api-key');
      if (!choice) throw new Error('OpenClaw has no custom-api-key choice');
      // Checked before anything is written: a bad URL or model id stops here with its reason.
      customSetup({}, input, apiKey);
      return actions.onboardChoice(context(), {
        choice,
        provider: 'custom',
        setupFor: (doc: Record<string, unknown>) => customSetup(doc, input, apiKey),
        defaultModel: 'auto',
      });
    },
    setUpCopilotProxy: async ({ baseUrl, modelIds }) => {
      const [proxy, { findChoice }] = await Promise.all([
        import('./services/providers/copilot-proxy.js'),
        import('./services/providers/catalog.js'),
      ]);
      const choice = findChoice(proxy.COPILOT_PROXY);
      if (!choice) throw new Error('OpenClaw has no copilot-proxy choice');
      const planned = proxy.copilotProxySetup({ baseUrl, modelIds });
      return actions.onboardChoice(context(), {
        choice,
        provider: proxy.COPILOT_PROXY,
        credential: { kind: 'token', ...planned.credential },
        setup: planned.setup,
        defaultModel: 'auto',
      });
    },
    removeProfile: (profileId) => actions.removeCredential(context(), profileId),
    setOrder: (provider, ids) => actions.setOrder(context(), provider, ids),
    clearCooldown: (profileId) => actions.clearCooldown(context(), profileId),
    listAgents: () => listKnownAgentIds(workspace.config, workspace.stateDir),
    forAgent: async (agentId) =>
      createAppServices({
        ...options,
        preloadedState: undefined,
        earlySetupToken: undefined,
        workspace: await resolveWorkspace({ env: workspace.env, stateDir: workspace.stateDir, agent: agentId }),
      }),
    findClaude: (explicit) => findClaudeBinary(options.env.PATH, explicit, CLAUDE_INSTALL_HINT_IN_APP),
    createSetupTokenSession: (claudeBin) => {
      const early = options.earlySetupToken;
      if (early && !earlyTaken && early.claudeBin === claudeBin) {
        earlyTaken = true;
        return early.session;
      }
      return new SetupTokenSession({
        claudeBin,
        spawn: options.spawnPty,
        env: options.env,
        ...options.setupTokenOptions,
      });
    },
    tookEarlySetupToken: () => earlyTaken,
    copyToClipboard: (text) => options.writeToTerminal(`\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`),
    probe: async (ids, signal) => {
      const [{ probeTargets }, { runProbes }] = await Promise.all([
        import('./services/probe/probe-targets.js'),
        import('./services/probe/probe-runner.js'),
      ]);
      const state = await loadAgentState(workspace);
      const report = buildStatusReport(state, { nowMs: Date.now(), warnWithinMs: options.warnWithinMs });
      return runProbes(probeTargets(state, report, ids ? { profiles: ids } : {}), {
        env: options.env,
        ...(signal ? { signal } : {}),
      });
    },
    runDoctor: () => runDoctor(workspace, { nowMs: Date.now(), warnWithinMs: options.warnWithinMs }),
    applyDoctorFixes: async (findings) => {
      const { fixed, ...told } = await actions.applyDoctorFixes(context(), findings);
      return { done: fixed.map((fix) => fix.done), ...told };
    },
    explain: async () => {
      const { buildExplanation } = await import('./services/explain/explain.js');
      const state = await loadAgentState(workspace);
      return buildExplanation(state, { nowMs: Date.now(), warnWithinMs: options.warnWithinMs });
    },
    pluginWarnings: async (state, report) => {
      const [
        { pluginProblemWords, pluginWarning, reportPluginProblems },
        { unknownProviders, unknownProviderWarning, unknownUnserved },
        { unservedBy },
      ] = await Promise.all([
        import('./services/providers/plugin-state.js'),
        import('./services/providers/unknown-providers.js'),
        import('./services/status/unserved.js'),
      ]);
      const problems = await reportPluginProblems(state, report);
      const unknown = unknownProviders(state, report);
      return {
        lines: [...problems.map(pluginWarning), ...unknown.map(unknownProviderWarning)],
        unserved: {
          ...Object.fromEntries(problems.map((found) => [found.provider, pluginProblemWords(found.problem)])),
          ...unknownUnserved(unknown, 'line'),
        },
        notTried: { ...unservedBy(problems), ...unknownUnserved(unknown, 'notTried') },
      };
    },
    refusedSignIns: async (state) => {
      const { refusedForReport } = await import('./services/monitor/refused-sign-ins.js');
      return refusedForReport(state);
    },
    signIn: async (request) => {
      const { signedIn, saved } = await actions.signIn(
        context(),
        { provider: request.provider, method: request.method, openBrowser: true },
        {
          env: options.env,
          onPrompt: request.onPrompt,
          signal: request.signal,
          ...(request.pastedRedirect ? { pastedRedirect: request.pastedRedirect } : {}),
          ...(request.ask ? { ask: request.ask } : {}),
        },
      );
      // signInAndSave saves every kind but `none` (it refuses that one).
      return {
        ...saved,
        kind: signedIn.kind as SignInResult['kind'],
        ...(signedIn.fields.email ? { email: signedIn.fields.email } : {}),
      };
    },
    // A key pressed on one row is the person asking for it now (`refresh --force`): a sign-in
    // nine minutes from expiry was answered "good for a while" while the counts said "renewing soon".
    refreshProfile: (profileId) => actions.refreshSignIn(context(), profileId, { env: options.env, force: true }),
  };
}
