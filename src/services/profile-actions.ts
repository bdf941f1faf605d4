import { recordProfileInConfig, type ConfigRecordResult } from './config-edit.js';
import { storedProfileType } from './credential-view.js';
import { maskSecret, type SecretKind } from './credentials.js';
import { SETUP_TOKEN_LIFETIME_MS } from './durations.js';
import { setDaemonEnvVar } from './env-file.js';
import { AuthdeckError, UsageError } from './errors.js';
import { normalizeProviderId } from './providers.js';
import {
  locationPath,
  type AuthStoreSnapshot,
  type AuthStoreTransaction,
  type JsonObject,
  type StoreUpdate,
} from './store-docs.js';
import { lockWaitMs } from './lock.js';
import { readLayer, type AgentLayers, type LayerRole, type StoreLayer } from './store-layers.js';
import { credentialLayer, planWrite, StoreMissingError, updateStoreLayer, withLayerLock } from './store-writer.js';
import { hasOpenclaw, openclawFailure, runOpenclaw } from './openclaw/openclaw-cli.js';
import type { GatewayNote } from './gateway/reload-auth.js';
import type { StoreEra } from './store-generation.js';
import type { Workspace } from './workspace.js';

/** `--profile-id work` means `<provider>:work`; a full id must belong to the provider. */
export function resolveProfileId(provider: string, requested?: string): string {
  const id = normalizeProviderId(provider);
  if (requested === undefined || requested.trim() === '') return `${id}:default`;
  const value = requested.trim();
  if (/\s/.test(value)) throw new UsageError(`--profile-id: "${requested}" must not contain spaces`);
  if (!value.includes(':')) return `${id}:${value}`;
  const [prefix, ...rest] = value.split(':');
  if (normalizeProviderId(prefix!) !== id) {
    throw new UsageError(`--profile-id: "${value}" belongs to provider "${prefix}", not "${id}"`);
  }
  if (rest.join(':') === '') throw new UsageError(`--profile-id: "${value}" has no name after the ":"`);
  return `${id}:${rest.join(':')}`;
}

export class ProfileConflictError extends AuthdeckError {
  constructor(
    readonly profileId: string,
    readonly existingType: string,
  ) {
    super(
      `${profileId} already exists (${existingType}); choose another --profile-id or remove it first with \`authdeck remove ${profileId}\``,
    );
    this.name = 'ProfileConflictError';
  }
}

export interface SaveCredentialInput {
  workspace: Workspace;
  profileId: string;
  provider: string;
  kind: SecretKind;
  secret: string;
  /** When it expires; unset for an Anthropic setup-token means a year from now (they last one). */
  expiresAt?: number;
  /** same-type: a renewal of the same kind of credential may replace it (the default). */
  replace?: 'same-type' | 'any' | 'never';
  /** Also set this variable in the daemon's .env (after the profile is saved). */
  envVariable?: string;
  now?: () => number;
}

export interface SaveCredentialResult {
  profileId: string;
  storePath: string;
  /** Which layer it went to: the agent's own store, or the shared one (SQLite era 2026.8+). */
  layer: LayerRole;
  era: StoreEra;
  replaced: boolean;
  expiresAt?: number;
  /** The expiry was not given: a year was assumed for an Anthropic setup-token. */
  expiryAssumed: boolean;
  config: ConfigRecordResult;
  env?: { path: string; variable: string; changed: boolean; previousMasked?: string };
  /** The OpenClaw command that created the store first (authdeck never creates its databases). */
  createdWith?: string;
  /** What the running gateway made of the change (set by the caller that asked it). */
  gateway?: GatewayNote;
}

/** Setup-tokens last a year: a token without a given expiry is taken to be one (SPEC §3). */
export function assumedExpiry(provider: string, kind: SecretKind, nowMs: number): number | undefined {
  return kind === 'token' && normalizeProviderId(provider) === 'anthropic'
    ? nowMs + SETUP_TOKEN_LIFETIME_MS
    : undefined;
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
  const edit = (mode: typeof replace) => (tx: AuthStoreTransaction) => {
    const existing = tx.getProfile(profileId);
    refuseReplacing(profileId, existing, kind, mode);
    tx.putProfile(profileId, credentialEntry(existing, provider, kind, secret, expiresAt));
    // A new secret starts with a clean slate: the old one's failures say nothing about it.
    tx.updateUsage(profileId, resetFailureStats);
    return existing !== undefined;
  };
  // One deadline for every lock this save takes (config, then store), not one each.
  const lock = { deadline: Date.now() + lockWaitMs() };
  let plan = await planWrite(workspace);
  let target = await credentialLayer(plan, profileId);
  // A clash is found before anything is written.
  refuseReplacing(profileId, target.present ? (await readLayer(target)).profiles[profileId] : undefined, kind, replace);
  // The config first, the store second: an id in openclaw.json that the store lacks is
  // skipped by the gateway, while a secret in the store that the config leaves out of a
  // provider's list is never tried. A failure in between leaves only the harmless half.
  let config!: ConfigRecordResult;
  let update!: StoreUpdate<boolean>;
  let createdWith: string | undefined;
  await withLayerLock(target, lock, async (lockHeld) => {
    config = await recordProfileInConfig(workspace.configPath, { id: profileId, provider, mode: kind }, lock);
    try {
      try {
        update = await updateStoreLayer(target, edit(replace), { lock, lockHeld });
      } catch (error) {
        if (!(error instanceof StoreMissingError)) throw error;
        // The store does not exist yet: OpenClaw creates it with the secret (from stdin), then
        // authdeck writes its own entry (expiry, kept fields) over the one OpenClaw made.
        const command = kind === 'api_key' ? 'paste-api-key' : 'paste-token';
        createdWith = await createStoreWithOpenclaw(
          workspace,
          ['models', 'auth', command, '--provider', provider, '--profile-id', profileId],
          `${secret}\n`,
          error,
        );
        plan = await planWrite(workspace);
        target = await credentialLayer(plan, profileId);
        update = await updateStoreLayer(target, edit('same-type'));
        update.result = false;
      }
    } catch (error) {
      if (config.changed && error instanceof AuthdeckError) {
        error.message = `${error.message}. Nothing was saved to the store (${config.path} now lists ${profileId}, which the gateway skips while the store lacks it)`;
      }
      throw error;
    }
  });
  const env = input.envVariable ? await writeEnvVariable(workspace, input.envVariable, secret) : undefined;
  return {
    profileId,
    storePath: locationPath(target.location),
    layer: target.role,
    era: plan.generation.era,
    replaced: update.result,
    ...(expiresAt !== undefined ? { expiresAt } : {}),
    expiryAssumed: assumed !== undefined,
    config,
    ...(env ? { env } : {}),
    ...(createdWith ? { createdWith } : {}),
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

/** One rule for the CLI and the wizard: a renewal may replace the same kind of credential, nothing else. */
export function refuseReplacing(
  profileId: string,
  existing: JsonObject | undefined,
  kind: SecretKind,
  mode: 'same-type' | 'any' | 'never',
): void {
  const existingType = existing ? storedProfileType(existing) : undefined;
  if (existingType !== undefined && (mode === 'never' || (mode === 'same-type' && existingType !== kind))) {
    throw new ProfileConflictError(profileId, existingType);
  }
}

function credentialEntry(
  existing: JsonObject | undefined,
  provider: string,
  kind: SecretKind,
  secret: string,
  expiresAt: number | undefined,
): JsonObject {
  // Keep fields authdeck does not manage (email, displayName, metadata, unknown ones).
  const entry: JsonObject = { ...(existing ?? {}) };
  for (const key of ['key', 'apiKey', 'keyRef', 'token', 'tokenRef', 'expires']) delete entry[key];
  if ('mode' in entry && !('type' in entry)) entry.mode = kind;
  else entry.type = kind;
  entry.provider = provider;
  if (kind === 'api_key') entry.key = secret;
  else entry.token = secret;
  if (expiresAt !== undefined) entry.expires = expiresAt;
  return entry;
}

export interface RemoveResult {
  profileId: string;
  storePath: string;
  type: string;
  layer: LayerRole;
  /** The same id also lives in the layer underneath, which now applies. */
  stillIn?: { layer: LayerRole; path: string };
  gateway?: GatewayNote;
}

export interface OrderResult {
  path: string;
  changed: boolean;
  layer: LayerRole;
  gateway?: GatewayNote;
}

/**
 * Removes a profile from the layer that holds it as the agent sees it: its own store first,
 * else the shared store. A profile inherited from the main agent is removed there, not here.
 */
/**
 * The layer a remove takes a profile from, as the agent sees it: its own, else the shared
 * store. One rule (and one message) for the command's question and the removal itself.
 */
export function removalLayer(
  view: { workspace: Workspace; layers: AgentLayers; own: AuthStoreSnapshot; base?: AuthStoreSnapshot },
  profileId: string,
): StoreLayer {
  const { layers, own, base } = view;
  const target = Object.hasOwn(own.profiles, profileId)
    ? layers.own
    : base && Object.hasOwn(base.profiles, profileId)
      ? layers.base
      : undefined;
  if (target?.role === 'inherited') {
    throw new AuthdeckError(
      `${profileId} is inherited from the main agent; remove it there with \`authdeck remove ${profileId} --agent main\``,
    );
  }
  if (!target) {
    const where = `${locationPath(layers.own.location)}${layers.base ? ` or ${locationPath(layers.base.location)}` : ''}`;
    throw new AuthdeckError(`no profile ${profileId} for agent ${view.workspace.agentId} in ${where}`);
  }
  return target;
}

export async function removeProfile(workspace: Workspace, profileId: string): Promise<RemoveResult> {
  const { layers } = await planWrite(workspace);
  const own = await readLayer(layers.own);
  const base = layers.base ? await readLayer(layers.base) : undefined;
  const target = removalLayer({ workspace, layers, own, ...(base ? { base } : {}) }, profileId);
  const update = await updateStoreLayer(target, (tx) => {
    const existing = tx.getProfile(profileId);
    if (!existing) return undefined;
    tx.deleteProfile(profileId);
    return storedProfileType(existing);
  });
  if (update.result === undefined) throw new AuthdeckError(`${profileId} was removed by someone else meanwhile`);
  // Gone from the shared store: the agent's own order and stats must not keep naming it.
  // Best effort: an order entry naming a missing profile is skipped by the gateway anyway.
  if (target !== layers.own && layers.own.present && !own.profiles[profileId]) {
    await updateStoreLayer(layers.own, (tx) => tx.forgetReferences(profileId)).catch(() => undefined);
  }
  const below =
    target === layers.own && layers.base && base?.profiles[profileId]
      ? { layer: layers.base.role, path: locationPath(layers.base.location) }
      : undefined;
  return {
    profileId,
    storePath: locationPath(target.location),
    type: update.result,
    layer: target.role,
    ...(below ? { stillIn: below } : {}),
  };
}

/** Writes (or with `undefined`, clears) the agent's order override for one provider, in its own layer. */
export async function setOrderOverride(
  workspace: Workspace,
  provider: string,
  ids: string[] | undefined,
): Promise<OrderResult> {
  const { layers } = await planWrite(workspace);
  const id = normalizeProviderId(provider);
  try {
    const update = await updateStoreLayer(layers.own, (tx) => tx.setOrder(id, ids));
    const { location } = update.snapshot;
    const path =
      location.backend === 'json'
        ? update.snapshot.split
          ? location.statePath
          : location.profilesPath
        : location.dbPath;
    return { path, changed: update.changed, layer: layers.own.role };
  } catch (error) {
    if (!(error instanceof StoreMissingError)) throw error;
    if (ids === undefined) return { path: locationPath(layers.own.location), changed: false, layer: layers.own.role };
    // The agent's own database does not exist yet: OpenClaw's `order set` creates it.
    await createStoreWithOpenclaw(
      workspace,
      ['models', 'auth', 'order', 'set', '--provider', id, ...ids],
      undefined,
      error,
    );
    return { path: locationPath(layers.own.location), changed: true, layer: layers.own.role };
  }
}

/** Ends a cooldown or disabled window early, in whichever layer recorded it. */
export async function clearProfileCooldown(workspace: Workspace, profileId: string): Promise<{ changed: boolean }> {
  const { layers } = await planWrite(workspace);
  let changed = false;
  for (const layer of [layers.own, layers.base]) {
    if (!layer?.present) continue;
    if (!(await readLayer(layer)).usageStats[profileId]) continue;
    const update = await updateStoreLayer(layer, (tx) => tx.updateUsage(profileId, resetFailureStats));
    changed ||= update.changed;
  }
  return { changed };
}

/**
 * Has OpenClaw create a store that does not exist yet, with the same change authdeck was about
 * to make. Without openclaw on PATH, stops with the exact command to run.
 */
async function createStoreWithOpenclaw(
  workspace: Workspace,
  args: string[],
  stdin: string | undefined,
  missing: StoreMissingError,
): Promise<string> {
  const command = `openclaw ${args.join(' ')}`;
  if (!hasOpenclaw(workspace)) {
    throw new AuthdeckError(
      `${missing.message}. Create it with \`${command}\`${stdin !== undefined ? ' (it reads the secret from stdin)' : ''}, or put openclaw on PATH and authdeck will run it for you`,
    );
  }
  const run = await runOpenclaw(workspace, args, stdin);
  if (run.code !== 0) throw new AuthdeckError(`\`${command}\` failed: ${openclawFailure(run)}`);
  return command;
}

/** Forgets failures and the windows they caused; `lastUsed` stays for round-robin order. */
function resetFailureStats(stats: JsonObject): void {
  for (const key of [
    'cooldownUntil',
    'disabledUntil',
    'disabledReason',
    'errorCount',
    'failureCounts',
    'lastFailureAt',
  ])
    delete stats[key];
}
