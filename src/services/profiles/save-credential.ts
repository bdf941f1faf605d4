import { deferredInterrupts } from '../../interrupts.js';
import { type ConfigRecordResult, recordProfileInConfig } from '../config/config-edit.js';
import type { Workspace } from '../config/workspace.js';
import { setDaemonEnvVar } from '../env-file.js';
import { AuthdeckError } from '../errors.js';
import { lockWaitMs } from '../files/lock.js';
import { normalizeProviderId } from '../providers.js';
import {
  type AgentStore,
  type LayerRole,
  openAgentStore,
  openAgentStoreForWrite,
  type StoreLayer,
  StoreMissingError,
} from '../store/agent-store.js';
import type { AuthStoreTransaction, StoreUpdate } from '../store/transaction.js';
import {
  assumedExpiry,
  type CredentialKind,
  credentialEntry,
  type OAuthFields,
  refuseReplacing,
} from './credential-entry.js';
import { describeProfile, type SecretRef } from './credential-view.js';
import { maskSecret } from './credentials.js';
import { joinOtherOrders } from './join-order.js';
import { createStoreWithOpenclaw, makeStoreFirst, noOpenclawToCreate, resetFailureStats } from './profile-actions.js';
import { forgetAddedEntry, otherProfilesOf } from './save-config.js';

export type { CredentialKind, OAuthFields };
export { assumedExpiry, refuseReplacing };

export interface SaveCredentialInput {
  workspace: Workspace;
  profileId: string;
  provider: string;
  kind: CredentialKind;
  /** The key, the token, or (oauth) the access token. */
  secret: string;
  /** The other fields of the profile (an OAuth sign-in's refresh token, email…; any kind). */
  oauth?: OAuthFields;
  /** An api_key profile's `metadata` object, as OpenClaw's key-issuing sign-ins store it. */
  metadata?: Record<string, string>;
  /** Store a reference to where the secret is (`keyRef`), not the secret (`--secret-input-mode ref`). */
  secretRef?: SecretRef;
  /** When it expires; unset for an Anthropic setup-token means a year from now (they last one). */
  expiresAt?: number;
  /** same-type: a renewal of the same kind of credential may replace it (the default). */
  replace?: 'same-type' | 'any' | 'never';
  /** Also set this variable in the daemon's .env (after the profile is saved). */
  envVariable?: string;
  now?: () => number;
  /** The agent's store as already opened (a screen read it): its generation is not detected again. */
  store?: AgentStore;
}

export interface SaveCredentialResult {
  profileId: string;
  storePath: string;
  /** Which layer it went to: the agent's own store, or the shared one (SQLite era 2026.8+). */
  layer: LayerRole;
  /** The store written (its generation as detected), for what follows the write: telling the gateway. */
  store: AgentStore;
  replaced: boolean;
  /** It replaced the same secret: nothing changed but its failures, cleared (said as "Already saved"). */
  sameSecret?: boolean;
  /** The same secret, with the new expiry given for it (said as "Updated the expiry of"). */
  expiryUpdated?: boolean;
  expiresAt?: number;
  /** The expiry was not given: a year was assumed for an Anthropic setup-token. */
  expiryAssumed: boolean;
  config: ConfigRecordResult;
  /** Stores whose explicit order for the provider the new profile joined, at the end. */
  orderAppendedIn: string[];
  /** An explicit order this save could not join (the main agent's), and the command that fixes it. */
  orderNote?: string;
  env?: { path: string; variable: string; changed: boolean; previousMasked?: string };
  /** The OpenClaw command that created the store first (authdeck never creates its databases). */
  createdWith?: string;
  /** OpenClaw stored the secret as it made the store, and told the running gateway itself. */
  openclawSaved?: boolean;
  /** Other profiles this agent sees that hold the very same secret. */
  sameSecretAs?: string[];
}

/** Profiles other than `profileId` holding `secret` (a key, a token or an access token), in the layers this agent sees. */
async function profilesHolding(store: AgentStore, secret: string, profileId: string): Promise<string[]> {
  const { own, base } = await store.read();
  const ids = new Set<string>();
  for (const snapshot of [own, base]) {
    for (const [id, profile] of Object.entries(snapshot?.profiles ?? {})) {
      if (id === profileId) continue;
      if (describeProfile(id, profile, {}).secret === secret) ids.add(id);
    }
  }
  return [...ids];
}

/** OpenClaw has no command that takes an OAuth profile on stdin to create its store with. */
function unsavableSignIn(missing: StoreMissingError, provider: string): AuthdeckError {
  return new AuthdeckError(
    `${missing.message}, and OpenClaw takes no sign-in from another program to create it with: sign in once with \`openclaw models auth login --provider ${provider}\` (that creates it), or save any API key first (\`authdeck add-key --provider <id>\`), then sign in here`,
  );
}

/** makeStoreFirst, for a save: nothing of it is written yet when OpenClaw fails, and it says so. */
async function makeStoreBeforeSaving(
  workspace: Workspace,
  store: AgentStore,
  target: StoreLayer,
  provider: string,
): Promise<string | undefined> {
  try {
    return await makeStoreFirst(workspace, store, target, provider);
  } catch (error) {
    // A cancel too: "cancelled while … was creating the store" left open whether the key was kept.
    if (error instanceof AuthdeckError) error.message = `${error.message.replace(/[.\s]+$/, '')}. Nothing was saved`;
    throw error;
  }
}

/**
 * Saves a secret as a profile where the gateway reads it (config entry first, then the store),
 * then — when asked — sets the daemon's .env variable. Returns what was written and assumed.
 */
export async function saveCredentialProfile(input: SaveCredentialInput): Promise<SaveCredentialResult> {
  const { workspace, profileId, kind, secret } = input;
  const provider = normalizeProviderId(input.provider);
  const assumed = input.expiresAt === undefined ? assumedExpiry(provider, kind, (input.now ?? Date.now)()) : undefined;
  const expiresAt = input.expiresAt ?? assumed;
  const replace = input.replace ?? 'same-type';
  /** Explicit orders the new profile joined (at the end), so that it is tried at all. */
  const appendedTo: string[] = [];
  let sameSecret = false;
  let expiryUpdated = false;
  const edit = (mode: typeof replace) => (tx: AuthStoreTransaction) => {
    const existing = tx.getProfile(profileId);
    refuseReplacing(profileId, existing, kind, mode);
    sameSecret = existing !== undefined && (kind === 'api_key' ? existing.key : existing.token) === secret;
    // An expiry given for the token already stored (`paste-token --expires-in`) is a change.
    expiryUpdated = sameSecret && input.expiresAt !== undefined && existing?.expires !== input.expiresAt;
    tx.putProfile(
      profileId,
      credentialEntry(existing, provider, kind, secret, expiresAt, input.oauth, input.metadata, input.secretRef),
    );
    if (existing === undefined && tx.appendToOrder(provider, profileId)) appendedTo.push(target.path);
    // A new secret starts with a clean slate: the old one's failures say nothing about it.
    tx.updateUsage(profileId, resetFailureStats);
    return existing !== undefined;
  };
  // One deadline for every lock this save takes (config, then store), not one each.
  const lock = { deadline: Date.now() + lockWaitMs() };
  // Ctrl+C from here on, let pass once the config entry is written, still stops the save before
  // OpenClaw is run to create its store.
  const interruptsBefore = deferredInterrupts();
  let store = input.store ?? (await openAgentStore(workspace));
  store.requireKnownGeneration();
  let target = await store.credentialLayer(profileId);
  // A clash is found before anything is written.
  refuseReplacing(profileId, target.present ? (await target.read()).profiles[profileId] : undefined, kind, replace);
  let createdWith = await makeStoreBeforeSaving(workspace, store, target, provider);
  if (createdWith) {
    store = await openAgentStoreForWrite(workspace);
    target = await store.credentialLayer(profileId);
  }
  const pasteCommand = ['models', 'auth', kind === 'api_key' ? 'paste-api-key' : 'paste-token'];
  const pasteArgs = [...pasteCommand, '--provider', provider, '--profile-id', profileId];
  // A store still missing that nothing here can create stops the save before the config is
  // touched (it was written, then put back).
  const missing = target.writeProblem();
  if (missing instanceof StoreMissingError) {
    if (kind === 'oauth') throw unsavableSignIn(missing, provider);
    const { hasOpenclaw } = await import('../openclaw/openclaw-cli.js');
    if (!hasOpenclaw(workspace)) {
      const error = noOpenclawToCreate(missing, pasteArgs, true);
      error.message += '. Nothing was saved';
      throw error;
    }
  }
  // The config first, the store second: an id in openclaw.json that the store lacks is
  // skipped by the gateway, while a secret in the store that the config leaves out of a
  // provider's list is never tried. A failure in between leaves only the harmless half.
  let config!: ConfigRecordResult;
  let update!: StoreUpdate<boolean>;
  /** OpenClaw stored the secret itself as it made the store (and told the running gateway). */
  let openclawSaved = false;
  const keepTried = await otherProfilesOf(store, provider, profileId);
  await target.withLock(lock, async (lockHeld) => {
    config = await recordProfileInConfig(
      workspace.configPath,
      {
        id: profileId,
        provider,
        mode: kind,
        ...(input.oauth?.email ? { email: input.oauth.email } : {}),
        ...(input.oauth?.displayName ? { displayName: input.oauth.displayName } : {}),
      },
      lock,
      { setupFollows: true, keepTried },
    );
    try {
      try {
        update = await target.update(edit(replace), { lock, lockHeld });
      } catch (error) {
        if (!(error instanceof StoreMissingError)) throw error;
        if (kind === 'oauth') throw unsavableSignIn(error, provider);
        // The store does not exist yet: OpenClaw creates it with the secret (from stdin), then
        // authdeck writes its own entry (expiry, kept fields) over the one OpenClaw made.
        openclawSaved = true;
        createdWith = await createStoreWithOpenclaw(
          workspace,
          pasteArgs,
          `${secret}\n`,
          error,
          async () => {
            const made = await (await openAgentStoreForWrite(workspace)).credentialLayer(profileId);
            return made.present && (await made.read()).profiles[profileId] !== undefined;
          },
          () => deferredInterrupts() > interruptsBefore,
        );
        store = await openAgentStoreForWrite(workspace);
        target = await store.credentialLayer(profileId);
        update = await target.update(edit('same-type'));
        update.result = false;
      }
    } catch (error) {
      // What this save wrote to the config goes again: an entry naming a profile the store lacks
      // (the gateway would skip it), or a mode changed for a store that kept another type (two
      // saves of different types at once: the gateway then tried neither). One there before stays.
      const undone = config.changed ? await forgetAddedEntry(workspace.configPath, profileId, config, lock) : false;
      if (config.changed && error instanceof AuthdeckError) {
        // A reason that ends its own sentence (OpenClaw's often do) is not given a second stop.
        const reason = error.message.replace(/[.\s]+$/, '');
        error.message =
          undone === 'restored'
            ? `${reason}. Nothing was saved (${config.path}${config.created ? ', made for it, was removed again' : ' was put back as it was'})`
            : undone === 'removed'
              ? `${reason}. Nothing was saved (the auth.profiles entry for ${profileId} was taken back out of ${config.path})`
              : `${reason}. Nothing was saved to the store (${config.path} now lists ${profileId}, which the gateway skips while the store lacks it)`;
        // The JSON5 file spelled as JSON on the way stays so (the same values): said, with its original.
        if (config.backupPath && undone !== 'restored')
          error.message += `; ${config.path} was rewritten as JSON on the way (same values; the original is ${config.backupPath})`;
      }
      throw error;
    }
  });
  const orderNote = await joinOtherOrders(workspace, store, target, provider, profileId, update.result, appendedTo);
  const env = input.envVariable ? await writeEnvVariable(workspace, input.envVariable, secret) : undefined;
  const sameSecretAs = await profilesHolding(store, secret, profileId).catch(() => []);
  return {
    profileId,
    storePath: target.path,
    layer: target.role,
    store,
    replaced: update.result,
    ...(update.result && sameSecret ? { sameSecret: true } : {}),
    ...(update.result && expiryUpdated ? { expiryUpdated: true } : {}),
    ...(expiresAt !== undefined ? { expiresAt } : {}),
    expiryAssumed: assumed !== undefined,
    // What undoes it is for a failure here only: the file's text goes no further.
    config: { ...config, undo: undefined },
    orderAppendedIn: [...new Set(appendedTo)],
    ...(orderNote ? { orderNote } : {}),
    ...(env ? { env } : {}),
    ...(createdWith ? { createdWith } : {}),
    ...(openclawSaved ? { openclawSaved } : {}),
    ...(sameSecretAs.length > 0 ? { sameSecretAs } : {}),
  };
}

async function writeEnvVariable(
  workspace: Workspace,
  variable: string,
  secret: string,
): Promise<NonNullable<SaveCredentialResult['env']>> {
  try {
    const change = await setDaemonEnvVar(workspace.daemonEnvPath, variable, secret);
    const replaced =
      change.previous !== undefined && change.previous !== secret
        ? { previousMasked: maskSecret(change.previous) }
        : {};
    return { path: workspace.daemonEnvPath, variable, changed: change.changed, ...replaced };
  } catch (error) {
    if (error instanceof AuthdeckError)
      error.message = `the profile was saved, but ${workspace.daemonEnvPath} was not changed: ${error.message}`;
    throw error;
  }
}
