import type { ConfigChangeResult } from './config/config-changes.js';
import type { Workspace } from './config/workspace.js';
import type { Finding } from './doctor/doctor-types.js';
import { errorMessage } from './errors.js';
import { describeReload, type GatewayNote, type GatewayReload } from './gateway/reload-auth.js';
import type { ConfigFact } from './oauth/config-facts.js';
import type { AgentState } from './profiles/agent-state.js';
import { clearProfileCooldown, removeProfile, setOrderOverride } from './profiles/profile-actions.js';
import {
  type SaveCredentialInput,
  type SaveCredentialResult,
  saveCredentialProfile,
} from './profiles/save-credential.js';
import type { DefaultModelOutcome, DefaultModelPolicy } from './providers/setup-plan.js';
import { type AgentStore, openAgentStoreForWrite } from './store/agent-store.js';

/** openclaw.json after a sign-in: what was written (undefined: the sign-in needs nothing there). */
export interface SignInSetup {
  config: ConfigChangeResult | undefined;
  defaultModel: DefaultModelOutcome;
  enabled: string[];
}

/**
 * What the CLI and the screens do to the store, in one place: each action writes and then tells
 * the running gateway (it caches auth and does not watch the store), and returns what it wrote
 * and what the gateway said. The rule for telling the gateway lives here and nowhere else.
 */
export interface ActionContext {
  workspace: Workspace;
  /** The store as already opened (a screen or command read it first): not detected again. */
  store?: AgentStore;
  /** false: do not ask the gateway to reload (--no-reload). */
  reload: boolean;
}

/** What the running gateway made of a write: the outcome, and a line for a person (none when skipped). */
export interface GatewayOutcome {
  gateway: GatewayReload;
  gatewayNote?: GatewayNote;
}

/** A credential saved and the gateway told: what the screens show after a save. */
export type SavedCredential = SaveCredentialResult &
  GatewayOutcome & {
    /** What onboarding writes beside the secret, as written (screens' saves; see app-services). */
    setup?: import('./providers/provider-setup.js').ProviderSetUp;
    /** Why the setup beside a saved secret could not be written. */
    setupError?: string;
  };

export async function storeFor(context: ActionContext): Promise<AgentStore> {
  if (context.store) {
    context.store.requireKnownGeneration();
    return context.store;
  }
  return openAgentStoreForWrite(context.workspace);
}

/** Asks the running gateway to reload its auth after a write that changed something. */
export async function tellGateway(
  context: ActionContext,
  store: AgentStore,
  changed: boolean,
): Promise<GatewayOutcome> {
  let gateway: GatewayReload;
  if (!changed) gateway = { status: 'skipped', reason: 'nothing changed' };
  else if (!context.reload) gateway = { status: 'skipped', reason: '--no-reload' };
  else if (!store.gatewayCachesAuth) gateway = { status: 'skipped', reason: 'the gateway reads the files itself' };
  else {
    const { reloadGatewayAuth } = await import('./gateway/reload-auth.js');
    gateway = await reloadGatewayAuth(context.workspace);
  }
  const note = describeReload(gateway);
  return { gateway, ...(note ? { gatewayNote: note } : {}) };
}

export async function saveCredential(context: ActionContext, input: Omit<SaveCredentialInput, 'workspace' | 'store'>) {
  const store = await storeFor(context);
  // As OpenClaw's onboarding: no credential for a provider whose plugin the config blocks.
  const { refuseBlockedPlugin } = await import('./providers/plugin-state.js');
  refuseBlockedPlugin(store, input.provider);
  const saved = await saveCredentialProfile({ ...input, workspace: context.workspace, store });
  // A store OpenClaw had to create was written by OpenClaw's own CLI, which told the gateway.
  return { ...saved, ...(await tellGateway(context, saved.store, !saved.openclawSaved)) };
}

export async function removeCredential(context: ActionContext, profileId: string) {
  const store = await storeFor(context);
  const removed = await removeProfile(store, profileId);
  const { forgetInConfig } = await import('./profiles/config-references.js');
  const config = await forgetInConfig(context.workspace, profileId, removed.stillIn !== undefined).catch(
    (error: unknown) => ({
      status: 'failed' as const,
      path: context.workspace.configPath,
      reason: errorMessage(error),
    }),
  );
  return { ...removed, config, ...(await tellGateway(context, store, true)) };
}

/** An auth choice set up as OpenClaw's onboarding does (credential, plugin, provider block, model), then the gateway told. */
export async function onboardChoice(
  context: ActionContext,
  input: Omit<import('./providers/onboard-choice.js').OnboardChoiceInput, 'workspace' | 'store'>,
) {
  const [{ onboardChoice: apply }, { refuseBlockedChoice }] = await Promise.all([
    import('./providers/onboard-choice.js'),
    import('./providers/plugin-state.js'),
  ]);
  const store = await storeFor(context);
  // The commands refuse before the secret is read; this holds for every caller (the screens too).
  refuseBlockedChoice(store, input.choice, input.provider);
  const done = await apply({ ...input, workspace: context.workspace, store });
  // OpenClaw told the gateway when it stored the secret itself (a store it made with it).
  const toldByOpenclaw = done.saved.some((saved) => saved.openclawSaved);
  const changed = done.saved.length > 0 && !toldByOpenclaw;
  return { ...done, ...(await tellGateway(context, done.saved[0]?.store ?? store, changed)) };
}

/** The agent's order override for a provider; `undefined` clears it. */
export async function setOrder(context: ActionContext, provider: string, ids: string[] | undefined) {
  const store = await storeFor(context);
  const result = await setOrderOverride(store, provider, ids);
  return { ...result, ...(await tellGateway(context, store, result.changed)) };
}

export async function clearCooldown(context: ActionContext, profileId: string) {
  const store = await storeFor(context);
  const result = await clearProfileCooldown(store, profileId);
  return { ...result, ...(await tellGateway(context, store, result.changed)) };
}

export async function refreshSignIn(
  context: ActionContext,
  profileId: string,
  options: { env: Record<string, string | undefined>; force?: boolean },
) {
  const { refreshOAuthProfile } = await import('./oauth/refresh.js');
  const outcome = await refreshOAuthProfile(context.workspace, profileId, options);
  const store = await storeFor(context);
  return { ...outcome, ...(await tellGateway(context, store, outcome.status === 'refreshed')) };
}

/** doctor --fix and the dashboard's D→f: the safe fixes, then the gateway told when one touched the store. */
export async function applyDoctorFixes(context: ActionContext, findings: Finding[]) {
  const { applySafeFixes } = await import('./doctor/run-doctor.js');
  const fixed = await applySafeFixes(context.workspace, findings);
  const touchedStore = fixed.some(
    ({ finding }) =>
      finding.safeFix?.kind === 'dangling-order' ||
      finding.safeFix?.kind === 'unread-order' ||
      finding.safeFix?.kind === 'refresh-oauth',
  );
  const store = touchedStore ? await storeFor(context) : undefined;
  return {
    fixed,
    ...(store
      ? await tellGateway(context, store, true)
      : { gateway: { status: 'skipped', reason: 'no store change' } as GatewayReload }),
  };
}

export async function migrateJsonFiles(context: ActionContext, options: { preferJson?: boolean }) {
  const { applyMigration } = await import('./profiles/migrate.js');
  const store = await storeFor(context);
  const result = await applyMigration(store, options);
  return { ...result, ...(await tellGateway(context, store, result.written.length > 0)) };
}

/** A sign-in from its first prompt to the saved profile, then the gateway told. */
export async function signIn(
  context: ActionContext,
  request: Parameters<typeof import('./oauth/oauth-profiles.js').signInAndSave>[1],
  options: Parameters<typeof import('./oauth/oauth-profiles.js').signInAndSave>[2],
  defaultModel: DefaultModelPolicy = 'auto',
) {
  const { signInAndSave } = await import('./oauth/oauth-profiles.js');
  const { signedIn, saved } = await signInAndSave(context.workspace, request, options);
  const provider = saved.profileId.slice(0, saved.profileId.indexOf(':'));
  const setup = await writeSignInFacts(
    context.workspace,
    signedIn.config ?? [],
    provider,
    defaultModel,
    saved.store.pluginsServeProviders,
  );
  return {
    signedIn,
    setup,
    saved: { ...saved, ...(await tellGateway(context, saved.store, !saved.openclawSaved)) },
  };
}

/** What OpenClaw's onboarding writes to openclaw.json for a sign-in besides the profile (config-facts.ts). */
export async function writeSignInFacts(
  workspace: Workspace,
  facts: readonly ConfigFact[],
  provider: string,
  policy: DefaultModelPolicy,
  /** The home runs OpenClaw 2026.9+ (providers/fit-to-openclaw.ts). */
  stamp: boolean,
): Promise<SignInSetup> {
  if (facts.length === 0) return { config: undefined, defaultModel: { status: 'none' }, enabled: [] };
  const [{ changeConfig }, { planFacts }, { fittedToOpenclaw }, { planForAgent }] = await Promise.all([
    import('./config/config-changes.js'),
    import('./providers/facts-plan.js'),
    import('./providers/fit-to-openclaw.js'),
    import('./providers/agent-models.js'),
  ]);
  let outcome: Pick<SignInSetup, 'defaultModel' | 'enabled'> = { defaultModel: { status: 'none' }, enabled: [] };
  const config = await changeConfig(workspace.configPath, (whole) =>
    planForAgent(whole, workspace.agentId, (doc) => {
      const plan = planFacts(doc, facts, provider, policy);
      outcome = plan;
      return fittedToOpenclaw(doc, plan.changes, stamp);
    }),
  );
  return { config, ...outcome };
}

/** The store an already-read agent state was read from, for an action that follows the read. */
export function contextFor(state: AgentState, reload: boolean): ActionContext {
  return { workspace: state.workspace, store: state.store, reload };
}
