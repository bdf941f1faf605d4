import { recordProfileInConfig, type ConfigRecordResult } from './config.js';
import { storedProfileType } from './credential-view.js';
import type { SecretKind } from './credentials.js';
import { AuthdeckError, UsageError } from './errors.js';
import { normalizeProviderId } from './providers.js';
import { readAuthStore, updateAuthStore, type JsonObject } from './store.js';
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
    super(`${profileId} already exists (${existingType}); choose another --profile-id or remove it first with \`authdeck remove ${profileId}\``);
    this.name = 'ProfileConflictError';
  }
}

export interface SaveCredentialInput {
  workspace: Workspace;
  profileId: string;
  provider: string;
  kind: SecretKind;
  secret: string;
  expiresAt?: number;
  /** same-type: a renewal of the same kind of credential may replace it (the default). */
  replace?: 'same-type' | 'any' | 'never';
}

export interface SaveCredentialResult {
  profileId: string;
  storePath: string;
  replaced: boolean;
  expiresAt?: number;
  config: ConfigRecordResult;
}

export async function saveCredentialProfile(input: SaveCredentialInput): Promise<SaveCredentialResult> {
  const { workspace, profileId, kind, secret } = input;
  const provider = normalizeProviderId(input.provider);
  const replace = input.replace ?? 'same-type';
  const update = await updateAuthStore(workspace.agentDir, (tx) => {
    const existing = tx.getProfile(profileId);
    const existingType = existing ? storedProfileType(existing) : undefined;
    if (existingType !== undefined && (replace === 'never' || (replace === 'same-type' && existingType !== kind))) {
      throw new ProfileConflictError(profileId, existingType);
    }
    tx.putProfile(profileId, credentialEntry(existing, provider, kind, secret, input.expiresAt));
    // A new secret starts with a clean slate: the old one's failures say nothing about it.
    tx.updateUsage(profileId, resetFailureStats);
    return existing !== undefined;
  });
  const config = await recordProfileInConfig(workspace.configPath, { id: profileId, provider, mode: kind });
  return {
    profileId,
    storePath: update.snapshot.files.profilesPath,
    replaced: update.result,
    ...(input.expiresAt !== undefined ? { expiresAt: input.expiresAt } : {}),
    config,
  };
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
}

/** Removes one of the agent's own profiles; inherited ones belong to the main agent. */
export async function removeProfile(workspace: Workspace, profileId: string): Promise<RemoveResult> {
  const update = await updateAuthStore(workspace.agentDir, (tx) => {
    const existing = tx.getProfile(profileId);
    if (!existing) return undefined;
    tx.deleteProfile(profileId);
    return storedProfileType(existing);
  });
  if (update.result === undefined) {
    if (!workspace.isMain && (await readAuthStore(workspace.mainAgentDir)).profiles[profileId]) {
      throw new AuthdeckError(`${profileId} is inherited from the main agent; remove it there with \`authdeck remove ${profileId} --agent main\``);
    }
    throw new AuthdeckError(`no profile ${profileId} in ${update.snapshot.files.profilesPath}`);
  }
  return { profileId, storePath: update.snapshot.files.profilesPath, type: update.result };
}

/** Writes (or with `undefined`, clears) the agent's order override for one provider. */
export async function setOrderOverride(workspace: Workspace, provider: string, ids: string[] | undefined): Promise<{ path: string; changed: boolean }> {
  const update = await updateAuthStore(workspace.agentDir, (tx) => tx.setOrder(normalizeProviderId(provider), ids));
  const { files, split } = update.snapshot;
  return { path: split ? files.statePath : files.profilesPath, changed: update.changed };
}

/** Ends a cooldown or disabled window early, in whichever store recorded it. */
export async function clearProfileCooldown(workspace: Workspace, profileId: string): Promise<{ changed: boolean }> {
  const dirs = workspace.isMain ? [workspace.agentDir] : [workspace.agentDir, workspace.mainAgentDir];
  let changed = false;
  for (const dir of dirs) {
    const update = await updateAuthStore(dir, (tx) => {
      if (!tx.current.usageStats[profileId]) return;
      tx.updateUsage(profileId, resetFailureStats);
    });
    changed ||= update.changed;
  }
  return { changed };
}

/** Forgets failures and the windows they caused; `lastUsed` stays for round-robin order. */
function resetFailureStats(stats: JsonObject): void {
  for (const key of ['cooldownUntil', 'disabledUntil', 'disabledReason', 'errorCount', 'failureCounts', 'lastFailureAt']) delete stats[key];
}
