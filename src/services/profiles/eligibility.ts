import { asDateMs } from '../durations.js';
import { asRecord } from '../json-text.js';
import type { JsonObject } from '../store/documents.js';

/**
 * What the gateway holds against a stored entry whatever the time, following OpenClaw 2026.9's
 * evaluateStoredCredentialEligibility (credential-state.ts). A missing secret and an expired
 * token are judged elsewhere, from the view (health.ts, order.ts).
 */
export type CredentialProblem =
  /** An API key that is an `openclaw onboard … --auth-choice …` command line pasted as the key. */
  | 'malformed-key'
  /** A token whose `expires` is not a number a Date can hold (a string, 0, 1e16): invalid_expires. */
  | 'invalid-expires'
  /** OpenClaw's inert marker after a refresh that failed: the sign-in is gone (reason "expired"). */
  | 'refresh-failed'
  /** The marker while another process refreshes the sign-in: not used until it settles. */
  | 'refresh-pending'
  /** A sign-in with neither access nor refresh token, only an `oauthRef` the gateway cannot read now. */
  | 'unresolved-oauth-ref'
  /**
   * A replacement an onboarding saved beside the credential in use (`setup.replacement`):
   * inactive until `openclaw models auth activate` tests it (setup_inactive).
   */
  | 'inactive-setup';

// The shape OpenClaw's isMalformedApiKeyInput rejects: the onboarding command instead of a key.
const ONBOARD_COMMAND = /^openclaw\s+onboard(?:\s+.*)?\s+--auth-choice(?:\s|=|$)/i;
// parseOAuthRefreshFence: both values carry the same claim and state, and `expires` is exactly 1.
const FENCE_ACCESS = /^openclaw-oauth-refresh-fence:v1:([a-f0-9]{32}):(failed:)?access:[a-f0-9]{64}$/;
const FENCE_REFRESH = /^openclaw-oauth-refresh-fence:v1:([a-f0-9]{32}):(failed:)?refresh:[a-f0-9]{64}$/;

export function storedCredentialProblem(raw: JsonObject, type: string): CredentialProblem | undefined {
  // Any truthy marker, as OpenClaw's isSetupCredentialAccessible reads `setup?.replacement`.
  if (asRecord(raw.setup)?.replacement) return 'inactive-setup';
  if (type === 'api_key') return ONBOARD_COMMAND.test(text(raw.key) ?? '') ? 'malformed-key' : undefined;
  if (type === 'token') return raw.expires !== undefined && !validExpiry(raw.expires) ? 'invalid-expires' : undefined;
  if (type !== 'oauth') return undefined;
  const fence = refreshFence(raw);
  if (fence) return fence;
  if (text(raw.access) === undefined && text(raw.refresh) === undefined && raw.oauthRef) return 'unresolved-oauth-ref';
  return undefined;
}

/** resolveTokenExpiryState's valid range: a positive finite number a Date can hold, in ms. */
function validExpiry(value: unknown): boolean {
  return (asDateMs(value) ?? 0) > 0;
}

function refreshFence(raw: JsonObject): CredentialProblem | undefined {
  if (raw.expires !== 1 || typeof raw.access !== 'string' || typeof raw.refresh !== 'string') return undefined;
  const access = FENCE_ACCESS.exec(raw.access);
  const refresh = FENCE_REFRESH.exec(raw.refresh);
  if (!access || !refresh || access[1] !== refresh[1] || access[2] !== refresh[2]) return undefined;
  return access[2] ? 'refresh-failed' : 'refresh-pending';
}

/** How the ref an oauthRef names reads in words: its id, else just "oauthRef". */
export function describeOAuthRef(raw: JsonObject): string {
  const ref = asRecord(raw.oauthRef);
  const id = ref && typeof ref.id === 'string' && ref.id.trim() !== '' ? ref.id.trim() : undefined;
  return id ? `oauthRef ${id}` : 'oauthRef';
}

/** A secret string as OpenClaw reads one (normalizeSecretInputString): trimmed, never blank. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
