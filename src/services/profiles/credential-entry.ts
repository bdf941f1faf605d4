/**
 * A credential as the store keeps it: the entry a save writes (fields authdeck does not manage
 * kept), the expiry a setup-token is given, and the rule for what a save may replace.
 */
import { SETUP_TOKEN_LIFETIME_MS } from '../durations.js';
import { normalizeProviderId } from '../providers.js';
import type { JsonObject } from '../store/documents.js';
import { type SecretRef, storedProfileType } from './credential-view.js';
import type { SecretKind } from './credentials.js';
import { ProfileConflictError } from './profile-actions.js';

/**
 * What an OAuth sign-in stores beside the access token, as OpenClaw names it: refresh,
 * accountId, email, displayName, projectId, tokenEndpoint… (undefined leaves a field as it was).
 */
export type OAuthFields = Record<string, string | undefined>;

export type CredentialKind = SecretKind | 'oauth';

export function assumedExpiry(provider: string, kind: CredentialKind, nowMs: number): number | undefined {
  return kind === 'token' && normalizeProviderId(provider) === 'anthropic'
    ? nowMs + SETUP_TOKEN_LIFETIME_MS
    : undefined;
}

/** One rule for the CLI and the wizard: a renewal may replace the same kind of credential, nothing else. */
export function refuseReplacing(
  profileId: string,
  existing: JsonObject | undefined,
  kind: CredentialKind,
  mode: 'same-type' | 'any' | 'never',
): void {
  const existingType = existing ? storedProfileType(existing) : undefined;
  if (existingType !== undefined && (mode === 'never' || (mode === 'same-type' && existingType !== kind))) {
    throw new ProfileConflictError(profileId, existingType);
  }
}

export function credentialEntry(
  existing: JsonObject | undefined,
  provider: string,
  kind: CredentialKind,
  secret: string,
  expiresAt: number | undefined,
  oauth: OAuthFields | undefined,
  metadata?: Record<string, string>,
  /** Stored instead of the secret (`--secret-input-mode ref`): the gateway reads the variable it names. */
  ref?: SecretRef,
): JsonObject {
  // Keep fields authdeck does not manage (email, displayName, metadata, unknown ones).
  const entry: JsonObject = { ...(existing ?? {}) };
  for (const key of ['key', 'apiKey', 'keyRef', 'token', 'tokenRef', 'expires', 'access']) delete entry[key];
  if ('mode' in entry && !('type' in entry)) entry.mode = kind;
  else entry.type = kind;
  entry.provider = provider;
  if (ref && kind === 'api_key') entry.keyRef = { ...ref };
  else if (ref && kind === 'token') entry.tokenRef = { ...ref };
  else if (kind === 'api_key') entry.key = secret;
  else if (kind === 'token') entry.token = secret;
  else entry.access = secret;
  // A refresh that brought no new refresh token keeps the one it used.
  for (const [field, value] of Object.entries(oauth ?? {})) if (value !== undefined) entry[field] = value;
  if (metadata) entry.metadata = { ...metadata };
  if (expiresAt !== undefined) entry.expires = expiresAt;
  return entry;
}
