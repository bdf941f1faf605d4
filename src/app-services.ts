import type * as actions from './services/actions.js';
import type { GatewayOutcome, SavedCredential } from './services/actions.js';
import type { Workspace } from './services/config/workspace.js';
import type { Finding } from './services/doctor/doctor-types.js';
import type { DoctorReport } from './services/doctor/run-doctor.js';
import type { ExplainReport } from './services/explain/explain.js';
import type { SignInMethod } from './services/oauth/oauth-providers.js';
import type { RefreshOutcome } from './services/oauth/refresh.js';
import type { SignInPrompt, SignInQuestion } from './services/oauth/sign-in-types.js';
import type { ProbeOutcome } from './services/probe/probe-runner.js';
import type { AgentState } from './services/profiles/agent-state.js';
import type { OrderResult } from './services/profiles/profile-actions.js';
import type { SaveCredentialInput } from './services/profiles/save-credential.js';
import type { CatalogChoice } from './services/providers/catalog.js';
import type { CustomEndpointInput } from './services/providers/custom-endpoint.js';
import type { FoundryAnswers } from './services/providers/foundry.js';
import type { LocalServerFailure, LocalServerFound, LocalServerKind } from './services/providers/local-server.js';
import type { WrittenSetup } from './services/providers/onboard-choice.js';
import type { PluginNeed } from './services/providers/plugin-install.js';
import type { ProviderSetUp, setUpProvider } from './services/providers/provider-setup.js';
import type { DefaultModelPolicy } from './services/providers/setup-plan.js';
import type { SetupTokenSession } from './services/setup-token/session.js';
import type { StatusReport } from './services/status/types.js';

/**
 * Everything the screens may do, in one object passed through one context: the real one wraps
 * the services, tests pass fakes. No React here.
 */
/** The warnings of providers whose plugin keeps the gateway from them, and the same per provider in a few words. */
export interface PluginNotes {
  lines: string[];
  /** Provider → "zai plugin not installed" (the dashboard's group line says it instead of "next"). */
  unserved: Record<string, string>;
  /** Provider → "the zai plugin is not installed": why none of its profiles is tried. */
  notTried?: Record<string, string>;
}

export interface AppServices {
  workspace: Workspace;
  /** The agent's state as read while the TUI started, for the first frame. */
  preloadedState?: AgentState;
  /** The state last read (loadState, else the preloaded one): what a screen opened later shows first. */
  lastReadState?(): AgentState | undefined;
  warnWithinMs: number;
  now(): number;
  loadState(): Promise<AgentState>;
  /** Calls `onChange` (debounced) when the agent's files change on disk; returns the stop. */
  watchState(onChange: () => void): () => void;
  /**
   * Saves a secret, then sets its provider up as onboarding does (plugin, provider block, default
   * model when none is set): the wizard, setup-token and the dashboard's add all come here.
   */
  saveCredential(input: SaveInput): Promise<SavedCredential>;
  /** Looks for a model server on this machine (Ollama, LM Studio, vLLM, SGLang) and lists its models. */
  findLocalServer(
    kind: LocalServerKind,
    apiKey?: string,
    baseUrl?: string,
  ): Promise<LocalServerFound | LocalServerFailure>;
  /** Writes what OpenClaw's onboarding writes for the server and the model chosen (a key too, where it needs one). */
  setUpLocalServer(input: {
    kind: LocalServerKind;
    modelId: string;
    apiKey?: string;
    baseUrl?: string;
  }): Promise<LocalSetUp>;
  /** A custom OpenAI- or Anthropic-compatible endpoint, written as `onboard --auth-choice custom-api-key` writes it. */
  setUpCustomEndpoint(input: CustomEndpointInput & { apiKey: string }): Promise<LocalSetUp>;
  /** The Copilot Proxy at this base URL with these models (as typed), written as `onboard --auth-choice copilot-proxy` writes it. */
  setUpCopilotProxy(input: { baseUrl: string; modelIds: string }): Promise<LocalSetUp>;
  /** Makes the provider's model the default even over another provider's (the summary's `d`). */
  setDefaultModel(
    input: Omit<SetUpInput, 'policy' | 'stamp' | 'setup'> & { answers?: SetupAnswers },
  ): Promise<ProviderSetUp>;
  /** Makes a model just set up the default over another provider's (a local server's, an endpoint's summary `d`). */
  makeModelDefault(input: { provider: string; ref: string }): Promise<WrittenSetup>;
  /**
   * After the summary's `i`: the default model the installed plugin's manifest names, for a
   * choice the catalog has none for (`auto` keeps another provider's; `set` is `d`). Undefined:
   * it names none.
   */
  setInstalledPluginDefault(input: {
    choice: CatalogChoice;
    provider: string;
    policy: DefaultModelPolicy;
  }): Promise<WrittenSetup | undefined>;
  /** Whether installPlugin can run here: `openclaw` is on PATH. */
  canInstallPlugin(): boolean;
  /**
   * Runs `openclaw plugins install` for the plugin a provider still lacks, into this agent's
   * state dir (the summary's `i`): undefined once it is installed, else why not, in a line.
   */
  installPlugin(need: PluginNeed, signal?: AbortSignal): Promise<string | undefined>;
  removeProfile(profileId: string): Promise<Awaited<ReturnType<typeof actions.removeCredential>>>;
  setOrder(provider: string, ids: string[] | undefined): Promise<OrderResult & GatewayOutcome>;
  clearCooldown(profileId: string): Promise<{ changed: boolean } & GatewayOutcome>;
  /** Agents the user can switch to (config list, dirs on disk, main). */
  listAgents(): string[];
  /** The services for another agent of the same state dir. */
  forAgent(agentId: string): Promise<AppServices>;
  /** Path of `claude`, or throws an error that says how to install it. */
  findClaude(explicit?: string): string;
  createSetupTokenSession(claudeBin: string): SetupTokenSessionLike;
  /** Whether the session started before Ink (if any) went to a screen. */
  tookEarlySetupToken(): boolean;
  copyToClipboard(text: string): void;
  /**
   * Live, read-only checks of the agent's keys (all, or these ids). Writes nothing. `signal`: the
   * screen left, so unanswered checks stop (a request left running would keep authdeck from exiting).
   */
  probe(ids?: string[], signal?: AbortSignal): Promise<ProbeOutcome[]>;
  /** The doctor's findings for this agent (reads only). */
  runDoctor(): Promise<DoctorReport>;
  /** Applies the doctor's safe fixes; returns what each did (and what the gateway said). */
  applyDoctorFixes(findings: Finding[]): Promise<{ done: string[] } & GatewayOutcome>;
  /** `authdeck explain` for this agent: each model, its profiles as the gateway treats them (reads only). */
  explain(): Promise<ExplainReport>;
  /** `status`'s warnings for the report's providers whose plugin is off or missing (reads only). */
  pluginWarnings(state: AgentState, report: StatusReport): Promise<PluginNotes>;
  /** Sign-ins whose refresh token the provider refused (a `monitor run` found it), and `status`'s warning for each. */
  refusedSignIns(state: AgentState): Promise<{ ids: ReadonlySet<string>; warnings: string[] }>;
  /** A browser or device-code sign-in, saved where the gateway reads it. */
  signIn(request: SignInRequest): Promise<SignInResult>;
  /** Renews an OAuth profile's access token under the gateway's refresh lock. */
  refreshProfile(profileId: string): Promise<RefreshOutcome & GatewayOutcome>;
}

type SetUpInput = Parameters<typeof setUpProvider>[1];

/** What the wizard asked beside the secret that its choice's setup is built from: `d` builds it again. */
export interface SetupAnswers {
  /** Cloudflare AI Gateway's account and gateway ids, as the profile's metadata holds them. */
  metadata?: Record<string, string>;
  /** Microsoft Foundry's endpoint and deployment. */
  foundry?: FoundryAnswers;
  profileId: string;
}

/** A local server set up: what was written and what the gateway said. */
export type LocalSetUp = Awaited<ReturnType<typeof actions.onboardChoice>>;

/** A save from a screen; `authChoice` names the region or plan where the provider has several. */
export type SaveInput = Omit<SaveCredentialInput, 'workspace' | 'store'> & {
  authChoice?: string;
  /** Microsoft Foundry's deployment, asked by the wizard: the key's metadata and setup are built from it. */
  foundry?: FoundryAnswers;
};

export interface SignInRequest {
  provider: string;
  method: SignInMethod;
  onPrompt: (prompt: SignInPrompt) => void;
  signal: AbortSignal;
  /** The address a browser on another machine ended on, pasted by the user. */
  pastedRedirect?: Promise<string>;
  /** Asks the person for a value the sign-in needs that the environment does not give. */
  ask?: (question: SignInQuestion) => Promise<string>;
}

export type SignInResult = SavedCredential & { kind: 'oauth' | 'token' | 'api_key'; email?: string };

/** What the setup-token screen needs of a session (SetupTokenSession, or a fake). */
export type SetupTokenSessionLike = Pick<
  SetupTokenSession,
  'current' | 'subscribe' | 'onRawData' | 'start' | 'submitCode' | 'retry' | 'write' | 'resize' | 'cancel' | 'dispose'
>;
