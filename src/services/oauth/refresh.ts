import type { Workspace } from '../config/workspace.js';
import { AuthdeckError } from '../errors.js';
import { asRecord } from '../json-text.js';
import { removalLayer } from '../profiles/profile-actions.js';
import { openAgentStoreForWrite } from '../store/agent-store.js';
import { chutesExpiry } from './chutes-sign-in.js';
import { findOAuthProvider, oauthEndpoint } from './oauth-providers.js';
import { openaiAccountFields } from './openai-sign-in.js';
import { radiusExpiry } from './radius-sign-in.js';
import { acquireOAuthRefreshLock } from './refresh-lock.js';
import { OAuthError, type OAuthTokens, requestTokens } from './token-endpoint.js';

const FENCE = 'openclaw-oauth-refresh-fence:';
/** The gateway refreshes within 5 minutes of expiry; a token further off needs nothing. */
const REFRESH_MARGIN_MS = 5 * 60_000;

export type RefreshOutcome =
  | { status: 'refreshed'; expiresAt: number }
  | { status: 'still-valid'; expiresAt: number }
  | { status: 'refreshed-meanwhile'; expiresAt: number };

export interface RefreshOptions {
  env: NodeJS.ProcessEnv;
  /** Refresh even when the access token is still good for a while. */
  force?: boolean;
  fetch?: typeof fetch;
  now?: () => number;
  lockWaitMs?: number;
}

/**
 * Refreshes one OAuth profile without racing the gateway: providers revoke a refresh token once
 * used (`refresh_token_reused`), so the gateway's own refresh lock for the profile is held across
 * the request, the profile is read again inside it (someone may have refreshed it meanwhile),
 * and the result is written only if the stored refresh token is still the one that was used.
 */
export async function refreshOAuthProfile(
  workspace: Workspace,
  profileId: string,
  options: RefreshOptions,
): Promise<RefreshOutcome> {
  const now = options.now ?? Date.now;
  const store = await openAgentStoreForWrite(workspace);
  const { own, base } = await store.read();
  const layer = removalLayer({ workspace, layers: store.layers, own, ...(base ? { base } : {}) }, profileId);
  const first = describe((await layer.read()).profiles[profileId], profileId);
  const info = findOAuthProvider(first.provider);
  if (info?.kind !== 'oauth') throw new AuthdeckError(`authdeck cannot refresh ${first.provider} sign-ins`);
  const release = await acquireOAuthRefreshLock(store.refreshLockPath(first.provider, profileId), {
    ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}),
    now,
  });
  try {
    const current = describe((await layer.read()).profiles[profileId], profileId);
    if (current.refresh !== first.refresh) return { status: 'refreshed-meanwhile', expiresAt: current.expires };
    if (!options.force && current.expires - now() > REFRESH_MARGIN_MS)
      return { status: 'still-valid', expiresAt: current.expires };
    const tokenUrl =
      info.id === 'xai' &&
      typeof current.raw.tokenEndpoint === 'string' &&
      current.raw.tokenEndpoint.startsWith('https://')
        ? current.raw.tokenEndpoint
        : oauthEndpoint(info, 'token', options.env);
    // A provider whose people bring their own OAuth app (Chutes) refreshes with the id stored at sign-in.
    const clientId = info.clientId || (typeof current.raw.clientId === 'string' ? current.raw.clientId : '');
    if (!clientId) throw new AuthdeckError(`${profileId} names no OAuth client id: sign in again`);
    const secret = info.id === 'chutes' ? options.env.CHUTES_CLIENT_SECRET?.trim() : undefined;
    let tokens: Awaited<ReturnType<typeof requestTokens>>;
    try {
      tokens = await requestTokens(
        tokenUrl,
        {
          grant_type: 'refresh_token',
          refresh_token: current.refresh,
          client_id: clientId,
          ...(secret ? { client_secret: secret } : {}),
        },
        { ...(options.fetch ? { fetch: options.fetch } : {}), now },
      );
      tokens.expires = storedExpiry(info.id, tokens, now());
    } catch (error) {
      if (error instanceof OAuthError && /invalid_grant|reused|invalid_refresh|expired|revoked/.test(error.code))
        throw new AuthdeckError(
          `${profileId}: the provider no longer accepts its refresh token (${error.code}); sign in again with \`authdeck login --provider ${info.id}\``,
        );
      throw error;
    }
    // Never throw once the provider has rotated the refresh token: what the new token lacks is kept from the old.
    const fields = {
      refresh: tokens.refresh,
      ...(info.id === 'openai-codex' ? openaiAccountFields(tokens.access) : {}),
    };
    const written = await layer.update((tx) => {
      const stored = asRecord(tx.getProfile(profileId));
      // Someone else refreshed it in the meantime (the lock guards gateways, not hand edits).
      if (!stored || stored.refresh !== current.refresh) return false;
      const next: Record<string, unknown> = { ...stored, access: tokens.access, expires: tokens.expires };
      for (const [key, value] of Object.entries(fields)) if (value !== undefined) next[key] = value;
      tx.putProfile(profileId, next);
      return true;
    });
    return written.result
      ? { status: 'refreshed', expiresAt: tokens.expires }
      : { status: 'refreshed-meanwhile', expiresAt: current.expires };
  } finally {
    await release();
  }
}

/** The expiry stored: Chutes' 5 minutes early (never under 30 s), Radius' as at sign-in. */
function storedExpiry(provider: string, tokens: OAuthTokens, nowMs: number): number {
  if (provider === 'chutes') return chutesExpiry(tokens, nowMs);
  if (provider === 'radius') return radiusExpiry(tokens, nowMs);
  return tokens.expires;
}

function describe(raw: Record<string, unknown> | undefined, profileId: string) {
  if (!raw) throw new AuthdeckError(`no profile ${profileId}`);
  if ((raw.type ?? raw.mode) !== 'oauth')
    throw new AuthdeckError(`${profileId} is not an OAuth sign-in: nothing to refresh`);
  const { access, refresh, expires, provider } = raw;
  if (typeof access === 'string' && access.startsWith(FENCE))
    throw new AuthdeckError(
      access.includes(':failed:')
        ? `${profileId}: the gateway's last refresh failed; sign in again`
        : `${profileId}: the gateway is refreshing it right now`,
    );
  if (typeof refresh !== 'string' || refresh === '')
    throw new AuthdeckError(`${profileId} has no refresh token: sign in again`);
  return {
    raw,
    provider: typeof provider === 'string' ? provider : (profileId.split(':')[0] ?? ''),
    refresh,
    expires: typeof expires === 'number' ? expires : 0,
  };
}
