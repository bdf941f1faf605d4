import { asDateMs } from '../durations.js';
import { envValue } from '../env-value.js';
import { asRecord } from '../json-text.js';
import { resolveAuthProvider } from '../providers/catalog.js';
import type { JsonObject } from '../store/documents.js';
import { type CredentialProblem, describeOAuthRef, storedCredentialProblem } from './eligibility.js';

export const KNOWN_CREDENTIAL_TYPES = ['api_key', 'token', 'oauth'] as const;
export type KnownCredentialType = (typeof KNOWN_CREDENTIAL_TYPES)[number];

export interface SecretRef {
  source: string;
  provider?: string;
  id: string;
}

/** One stored profile, read leniently: aliases accepted, unknown types kept as they are. */
export interface ProfileView {
  id: string;
  /** The provider it serves, aliases followed (resolveAuthProvider), lowercase. */
  provider: string;
  /** `type` (or its alias `mode`) as written; may be a type authdeck does not know. */
  type: string;
  known: boolean;
  /** The usable secret: inline, or resolved from an `env` ref. Never printed whole. */
  secret?: string;
  secretRef?: SecretRef;
  expiresAt?: number;
  hasRefresh: boolean;
  email?: string;
  displayName?: string;
  /** What the gateway holds against the entry whatever the time (eligibility.ts). */
  problem?: CredentialProblem;
  /** For `unresolved-oauth-ref`: the ref in words. */
  oauthRef?: string;
}

export function isKnownCredentialType(type: string): type is KnownCredentialType {
  return (KNOWN_CREDENTIAL_TYPES as readonly string[]).includes(type);
}

/** A stored entry's credential type: `type`, else its alias `mode`, else "unknown". */
export function storedProfileType(raw: JsonObject): string {
  return stringField(raw, 'type') ?? stringField(raw, 'mode') ?? 'unknown';
}

export function describeProfile(
  id: string,
  raw: JsonObject,
  env: Readonly<Record<string, string | undefined>>,
): ProfileView {
  const type = storedProfileType(raw);
  // The provider whose credential it is for the gateway: one stored as `x-ai` serves `xai`.
  const provider = resolveAuthProvider(stringField(raw, 'provider') ?? id.split(':')[0] ?? '');
  // A sign-in is its access and refresh tokens: OpenClaw reads no keyRef or tokenRef for one.
  const secretRef =
    type === 'oauth'
      ? undefined
      : (readRef(raw[type === 'token' ? 'tokenRef' : 'keyRef']) ?? readRef(raw.keyRef) ?? readRef(raw.tokenRef));
  const inline =
    type === 'api_key'
      ? (stringField(raw, 'key') ?? stringField(raw, 'apiKey'))
      : type === 'token'
        ? stringField(raw, 'token')
        : type === 'oauth'
          ? stringField(raw, 'access')
          : undefined;
  const fromRef = secretRef?.source === 'env' ? nonEmpty(envValue(env, secretRef.id)) : undefined;
  const secret = inline ?? fromRef;
  const view: ProfileView = {
    id,
    provider,
    type,
    known: isKnownCredentialType(type),
    hasRefresh: type === 'oauth' && stringField(raw, 'refresh') !== undefined,
  };
  if (secret !== undefined) view.secret = secret;
  if (secretRef && inline === undefined) view.secretRef = secretRef;
  const expiresAt = readEpochMs(raw.expires);
  if (expiresAt !== undefined) view.expiresAt = expiresAt;
  const problem = storedCredentialProblem(raw, type);
  if (problem) view.problem = problem;
  if (problem === 'unresolved-oauth-ref') view.oauthRef = describeOAuthRef(raw);
  const email = stringField(raw, 'email');
  if (email) view.email = email;
  const displayName = stringField(raw, 'displayName');
  if (displayName) view.displayName = displayName;
  return view;
}

/** A ref that is not resolved here (file, exec) still stands for a secret the gateway can read. */
export function hasSecretSource(view: ProfileView): boolean {
  return view.secret !== undefined || (view.secretRef !== undefined && view.secretRef.source !== 'env');
}

export function describeRef(ref: SecretRef): string {
  return `${ref.source}:${ref.id}`;
}

function readRef(value: unknown): SecretRef | undefined {
  const record = asRecord(value);
  if (!record || typeof record.source !== 'string' || typeof record.id !== 'string') return undefined;
  return {
    source: record.source,
    id: record.id,
    ...(typeof record.provider === 'string' ? { provider: record.provider } : {}),
  };
}

/**
 * Times are ms since epoch; a value that small can only be seconds, so read it as such. One no
 * Date can hold is no expiry (a token with one is `invalid-expires`, eligibility.ts).
 */
function readEpochMs(value: unknown): number | undefined {
  const ms = asDateMs(value);
  if (ms === undefined || ms <= 0) return undefined;
  return ms < 1e11 ? ms * 1000 : ms;
}

function stringField(raw: JsonObject, key: string): string | undefined {
  return nonEmpty(typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
