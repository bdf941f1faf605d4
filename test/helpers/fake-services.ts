import type { AppServices, SignInRequest, SignInResult } from '../../src/app-services.js';
import type { SavedCredential } from '../../src/services/actions.js';
import { readPluginPolicy } from '../../src/services/config/plugin-policy.js';
import { readRuntimePolicies } from '../../src/services/config/runtime-policies.js';
import type { Workspace } from '../../src/services/config/workspace.js';
import type { Finding } from '../../src/services/doctor/doctor-types.js';
import { buildExplanation } from '../../src/services/explain/explain.js';
import type { ProbeOutcome } from '../../src/services/probe/probe-runner.js';
import type { AgentState } from '../../src/services/profiles/agent-state.js';
import { catalog } from '../../src/services/providers/catalog.js';
import type { LocalServerFailure, LocalServerFound } from '../../src/services/providers/local-server.js';
import type { PluginNeed } from '../../src/services/providers/plugin-install.js';
import type { ProviderSetUp } from '../../src/services/providers/provider-setup.js';
import type { DefaultModelOutcome } from '../../src/services/providers/setup-plan.js';
import { readModelSettings } from '../../src/services/status/model-usage.js';
import { AgentStore } from '../../src/services/store/agent-store.js';
import { FakeSetupTokenSession } from './ink.js';

/** Fake services tell no gateway. */
const NOT_TOLD = { status: 'skipped', reason: 'fake services' } as const;

export const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

export function fakeWorkspace(overrides: Partial<Workspace> = {}): Workspace {
  return {
    env: {},
    home: '/home/me',
    stateDir: '/home/me/.openclaw',
    configPath: '/home/me/.openclaw/openclaw.json',
    config: {
      path: '/home/me/.openclaw/openclaw.json',
      exists: true,
      authProfiles: {},
      authOrder: {},
      agents: [],
      agentProblems: [],
      shapeProblems: [],
      unknownRootKeys: [],
      models: readModelSettings({}),
      plugins: readPluginPolicy(undefined),
      runtimePolicies: readRuntimePolicies({}),
    },
    agentId: 'main',
    agentDir: '/home/me/.openclaw/agents/main/agent',
    agentFrom: 'config',
    isMain: true,
    mainAgentDir: '/home/me/.openclaw/agents/main/agent',
    daemonEnvPath: '/home/me/.openclaw/.env',
    ...overrides,
  };
}

export function fakeState(
  profiles: Record<string, Record<string, unknown>> = {},
  extra: Partial<AgentState['own']> = {},
  workspace = fakeWorkspace(),
): AgentState {
  const location = {
    backend: 'json' as const,
    agentDir: workspace.agentDir,
    profilesPath: `${workspace.agentDir}/auth-profiles.json`,
    statePath: `${workspace.agentDir}/auth-state.json`,
  };
  const store = new AgentStore(workspace, { id: 'json', evidence: 'test', certain: true });
  return {
    workspace,
    store,
    generation: store.generation,
    layers: store.layers,
    own: {
      location,
      path: location.profilesPath,
      exists: true,
      split: false,
      profilesDoc: { version: 1, profiles },
      profiles,
      order: {},
      lastGood: {},
      usageStats: {},
      ...extra,
    },
    daemonEnv: {},
    legacyFiles: [],
    leftoverTempFiles: [],
  };
}

/** The fake agent's state as on a home of OpenClaw 2026.8+ (one shared SQLite store). */
export function sharedSqliteState(): AgentState {
  const state = fakeState();
  const store = new AgentStore(state.workspace, { id: 'shared-sqlite', evidence: 'test', certain: true });
  return { ...state, store, generation: store.generation };
}

export interface FakeServices extends AppServices {
  calls: Array<[string, ...unknown[]]>;
  sessions: FakeSetupTokenSession[];
  state: AgentState;
  clipboard: string[];
  changeListeners: Set<() => void>;
  doctorFindings: Finding[];
  probeOutcomes: ProbeOutcome[];
  /** Plugin installs the screens started; the test answers them (undefined: installed, else why not). */
  pluginInstalls: Array<{ need: PluginNeed; resolve(reason: string | undefined): void }>;
  /** Sign-ins the screens started; the test answers them. */
  signIns: Array<{ request: SignInRequest; resolve(result: SignInResult): void; reject(error: Error): void }>;
  /** What pluginWarnings answers: the status warnings of plugins that are off or missing. */
  pluginWarningLines: string[];
  /** …and per provider, in a few words (the dashboard's group line). */
  pluginUnserved: Record<string, string>;
  /** Provider → why none of its profiles is tried (PluginNotes.notTried). */
  pluginNotTried: Record<string, string>;
  /** What refusedSignIns answers: sign-ins whose refresh token was refused, and their warnings. */
  refused: { ids: ReadonlySet<string>; warnings: string[] };
  /** What findLocalServer answers (default: nothing running). */
  localServer?: LocalServerFound | LocalServerFailure;
  /** The setup saveCredential reports beside the save (none: nothing to set up). */
  setupAnswer?: ProviderSetUp;
  /** The default model the installed plugin's manifest names (none: setInstalledPluginDefault sets nothing). */
  manifestDefault?: string;
  /** The default model the config has already: setInstalledPluginDefault's `auto` keeps another provider's. */
  currentDefault?: string;
  /** What refreshProfile answers (or throws). */
  refreshAnswer: () => Awaited<ReturnType<AppServices['refreshProfile']>>;
}

/** AppServices with no I/O: records calls, serves `state`, hands out fake sessions. */
export function createFakeServices(overrides: Partial<AppServices> & { state?: AgentState } = {}): FakeServices {
  const calls: FakeServices['calls'] = [];
  const sessions: FakeSetupTokenSession[] = [];
  const changeListeners = new Set<() => void>();
  // As planSetup decides with `auto`: another provider's default (services.currentDefault) is kept.
  const setOrKept = (ref: string): DefaultModelOutcome => {
    const current = services.currentDefault;
    if (!current || current === ref) return { status: 'set', ref };
    const sameProvider = current.slice(0, current.indexOf('/')) === ref.slice(0, ref.indexOf('/'));
    return { status: sameProvider ? 'same-provider' : 'kept', ref, current };
  };
  const services: FakeServices = {
    workspace: fakeWorkspace(),
    warnWithinMs: 86_400_000,
    now: () => NOW,
    state: overrides.state ?? fakeState(),
    calls,
    sessions,
    clipboard: [],
    changeListeners,
    doctorFindings: [],
    probeOutcomes: [],
    pluginWarningLines: [],
    pluginUnserved: {},
    pluginNotTried: {},
    refused: { ids: new Set(), warnings: [] },
    signIns: [],
    pluginInstalls: [],
    refreshAnswer: () => ({ status: 'refreshed', expiresAt: NOW + 3_600_000, gateway: NOT_TOLD }),
    loadState: async () => services.state,
    watchState: (onChange) => {
      changeListeners.add(onChange);
      return () => changeListeners.delete(onChange);
    },
    saveCredential: async (input) => {
      calls.push(['saveCredential', input]);
      const result: SavedCredential = {
        profileId: input.profileId,
        storePath: `${services.workspace.agentDir}/auth-profiles.json`,
        layer: 'local',
        store: services.state.store,
        gateway: NOT_TOLD,
        replaced: false,
        ...(input.expiresAt !== undefined ? { expiresAt: input.expiresAt } : {}),
        expiryAssumed: false,
        orderAppendedIn: [],
        config: { path: services.workspace.configPath, changed: true, created: false },
        ...(input.envVariable
          ? { env: { path: services.workspace.daemonEnvPath, variable: input.envVariable, changed: true } }
          : {}),
        ...(services.setupAnswer ? { setup: services.setupAnswer } : {}),
      };
      return result;
    },
    findLocalServer: async (kind, apiKey, baseUrl) => {
      calls.push(['findLocalServer', kind, apiKey, ...(baseUrl !== undefined ? [baseUrl] : [])]);
      return (
        services.localServer ?? {
          ok: false,
          kind,
          problem: 'not-running',
          reason: `nothing answers at the ${kind} address`,
          command: `${kind} serve`,
        }
      );
    },
    setUpLocalServer: async (input) => {
      calls.push(['setUpLocalServer', input]);
      const ref = `${input.kind}/${input.modelId}`;
      return {
        choice: catalog.choices.find((choice) => choice.id === input.kind)!,
        provider: input.kind,
        saved: [],
        config: { path: services.workspace.configPath, files: [], changed: true, created: false, applied: [] },
        defaultModel: setOrKept(ref),
        enabled: [input.kind],
        setup: { plugins: [input.kind], providers: { [input.kind]: {} } },
        gateway: NOT_TOLD,
      };
    },
    setUpCustomEndpoint: async (input) => {
      calls.push(['setUpCustomEndpoint', input]);
      const provider = 'custom-127-0-0-1-8080';
      return {
        choice: catalog.choices.find((choice) => choice.id === 'custom-api-key')!,
        provider,
        saved: [],
        config: { path: services.workspace.configPath, files: [], changed: true, created: false, applied: [] },
        defaultModel: setOrKept(`${provider}/${input.modelId}`),
        enabled: [],
        setup: { plugins: [], providers: { [provider]: {} } },
        gateway: NOT_TOLD,
      };
    },
    setUpCopilotProxy: async (input) => {
      calls.push(['setUpCopilotProxy', input]);
      const first = input.modelIds.split(',')[0]?.trim() ?? 'gpt-5-mini';
      return {
        choice: catalog.choices.find((choice) => choice.id === 'copilot-proxy')!,
        provider: 'copilot-proxy',
        saved: [],
        config: { path: services.workspace.configPath, files: [], changed: true, created: false, applied: [] },
        defaultModel: setOrKept(`copilot-proxy/${first}`),
        enabled: ['copilot-proxy'],
        setup: { plugins: ['copilot-proxy'], providers: { 'copilot-proxy': {} } },
        gateway: NOT_TOLD,
      };
    },
    setDefaultModel: async (input) => {
      calls.push(['setDefaultModel', input]);
      const ref = services.setupAnswer?.setup.defaultModel?.ref ?? `${input.provider}/model`;
      return {
        config: { path: services.workspace.configPath, files: [], changed: true, created: false, applied: [] },
        defaultModel: { status: 'set', ref },
        enabled: [],
        setup: { plugins: [], providers: {} },
        alternatives: [],
      };
    },
    makeModelDefault: async (input) => {
      calls.push(['makeModelDefault', input]);
      const previous = services.currentDefault;
      services.currentDefault = input.ref;
      return {
        config: { path: services.workspace.configPath, files: [], changed: true, created: false, applied: [] },
        defaultModel: { status: 'set', ref: input.ref, ...(previous ? { previous } : {}) },
        enabled: [],
        setup: { plugins: [], providers: {} },
      };
    },
    setInstalledPluginDefault: async (input) => {
      calls.push([
        'setInstalledPluginDefault',
        { choice: input.choice.id, provider: input.provider, policy: input.policy },
      ]);
      const ref = services.manifestDefault;
      if (!ref) return undefined;
      const current = services.currentDefault;
      // As planSetup decides: `auto` keeps a default already set (of this provider or another).
      const kept = input.policy === 'auto' && current !== undefined;
      const same = current?.startsWith(`${input.provider}/`);
      return {
        config: { path: services.workspace.configPath, files: [], changed: !kept, created: false, applied: [] },
        defaultModel:
          kept && current
            ? { status: same ? 'same-provider' : 'kept', ref, current }
            : { status: 'set', ref, ...(current ? { previous: current } : {}) },
        enabled: [],
        setup: { plugins: [], providers: {}, defaultModel: { ref, entry: {} } },
      };
    },
    // fakeWorkspace's env has no PATH, so no openclaw on it: the summary names the command only.
    canInstallPlugin: () => false,
    installPlugin: (need, signal) => {
      calls.push(['installPlugin', need.id]);
      return new Promise((resolve) => {
        services.pluginInstalls.push({ need, resolve });
        signal?.addEventListener('abort', () => resolve('stopped'));
      });
    },
    removeProfile: async (profileId) => {
      calls.push(['removeProfile', profileId]);
      return {
        profileId,
        storePath: `${services.workspace.agentDir}/auth-profiles.json`,
        type: 'token',
        layer: 'local',
        config: { status: 'removed', path: services.workspace.configPath, places: [`auth.profiles["${profileId}"]`] },
        gateway: NOT_TOLD,
      };
    },
    setOrder: async (provider, ids) => {
      calls.push(['setOrder', provider, ids]);
      return {
        path: `${services.workspace.agentDir}/auth-profiles.json`,
        changed: true,
        layer: 'local',
        gateway: NOT_TOLD,
      };
    },
    clearCooldown: async (profileId) => {
      calls.push(['clearCooldown', profileId]);
      return { changed: true, gateway: NOT_TOLD };
    },
    listAgents: () => ['main', 'ops'],
    forAgent: async (agentId) => {
      calls.push(['forAgent', agentId]);
      return { ...services, workspace: fakeWorkspace({ agentId, isMain: agentId === 'main' }) };
    },
    findClaude: () => '/usr/local/bin/claude',
    createSetupTokenSession: () => {
      const session = new FakeSetupTokenSession();
      sessions.push(session);
      return session;
    },
    copyToClipboard: (text) => services.clipboard.push(text),
    tookEarlySetupToken: () => false,
    probe: async (ids) => {
      calls.push(['probe', ids]);
      return services.probeOutcomes.filter((outcome) => !ids || ids.includes(outcome.id));
    },
    runDoctor: async () => {
      calls.push(['runDoctor']);
      return { findings: services.doctorFindings };
    },
    explain: async () => {
      calls.push(['explain']);
      return buildExplanation(services.state, { nowMs: NOW, warnWithinMs: 86_400_000 });
    },
    pluginWarnings: async () => ({
      lines: services.pluginWarningLines,
      unserved: services.pluginUnserved,
      notTried: services.pluginNotTried,
    }),
    refusedSignIns: async () => services.refused,
    applyDoctorFixes: async (findings) => {
      calls.push(['applyDoctorFixes', findings.length]);
      services.doctorFindings = [];
      return {
        done: findings.filter((finding) => finding.safeFix).map((finding) => `fixed ${finding.subject}`),
        gateway: NOT_TOLD,
      };
    },
    signIn: (request) => {
      calls.push(['signIn', request.provider, request.method]);
      return new Promise((resolve, reject) => services.signIns.push({ request, resolve, reject }));
    },
    refreshProfile: async (profileId) => {
      calls.push(['refreshProfile', profileId]);
      return services.refreshAnswer();
    },
    ...overrides,
  };
  return services;
}

/** Holds every setOrder until the returned release is called: a write that is still landing. */
/** saveCredential waits until the returned function is called (a save still under way). */
export function holdSaveCredential(services: FakeServices): () => void {
  const save = services.saveCredential;
  let release!: () => void;
  const released = new Promise<void>((done) => {
    release = done;
  });
  services.saveCredential = async (input) => {
    await released;
    return save(input);
  };
  return () => release();
}

export function holdSetOrder(services: FakeServices): () => void {
  const setOrder = services.setOrder;
  let release!: () => void;
  const released = new Promise<void>((done) => {
    release = done;
  });
  services.setOrder = async (provider, ids) => {
    await released;
    return setOrder(provider, ids);
  };
  return () => release();
}

/** Two Anthropic profiles, a setup-token first and an API key, as the picker and key tests use them. */
export function anthropicPair(): Record<string, Record<string, unknown>> {
  return {
    'anthropic:work': {
      type: 'token',
      provider: 'anthropic',
      token: 'sk-ant-oat01-aaaaaaaaaaaaaaaaaaaaaaaa',
      expires: NOW + 86_400_000 * 30,
    },
    'anthropic:default': { type: 'api_key', provider: 'anthropic', key: 'sk-ant-api03-bbbbbbbbbbbbbbbbbbbbbbbb' },
  };
}

/** What a sign-in that saved `profileId` answers (an OAuth profile of me@example.com). */
export function signInResult(services: FakeServices, profileId: string): SignInResult {
  return {
    profileId,
    storePath: `${services.workspace.agentDir}/auth-profiles.json`,
    layer: 'local',
    store: services.state.store,
    gateway: { status: 'skipped', reason: 'fake services' },
    replaced: false,
    expiresAt: NOW + 3_600_000,
    expiryAssumed: false,
    orderAppendedIn: [],
    config: { path: services.workspace.configPath, changed: true, created: false },
    kind: 'oauth',
    email: 'me@example.com',
  };
}
