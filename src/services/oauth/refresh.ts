import type { Workspace } from '../config/workspace.js';
import { AuthdeckError, UsageError } from '../errors.js';
import { countedWrite } from '../files/write-activity.js';
import { removalLayer } from '../profiles/profile-actions.js';
import { type AgentStore, openAgentStoreForWrite } from '../store/agent-store.js';
import { chutesExpiry } from './chutes-sign-in.js';
import { findOAuthProvider, oauthEndpoint } from './oauth-providers.js';
import { openaiAccountFields } from './openai-sign-in.js';
import { radiusExpiry } from './radius-sign-in.js';
import { acquireOAuthRefreshLock } from './refresh-lock.js';
import { findRefreshPeers, putRefreshedTokens, updateRefreshPeers } from './refresh-peers.js';
import { signInAgainCommand } from './sign-in-again.js';
import { OAuthError, type OAuthTokens, requestTokens } from './token-endpoint.js';

const FENCE = 'openclaw-oauth-refresh-fence:';
/** The gateway refreshes within 5 minutes of expiry; a token further off needs nothing. */
const REFRESH_MARGIN_MS = 5 * 60_000;

export type RefreshOutcome =
  | { status: 'refreshed'; expiresAt: number }
  | { status: 'still-valid'; expiresAt: number }
  | { status: 'refreshed-meanwhile'; expiresAt: number };

/** The tokens a refresh was decided on: any of them changed by the time the lock is held means someone refreshed. */
export interface TokenSnapshot {
  access: unknown;
  refresh: string;
  expires: number;
}

export interface RefreshOptions {
  env: NodeJS.ProcessEnv;
  /** Refresh even when the access token is still good for a while. */
  force?: boolean;
  fetch?: typeof fetch;
  now?: () => number;
  lockWaitMs?: number;
  /** The profile as read when the refresh was decided (default: as read on entry). */
  decidedOn?: TokenSnapshot;
  /** The store already opened by the caller (a keep-alive refreshes several profiles). */
  store?: AgentStore;
}

/** The provider no longer takes the refresh token (`invalid_grant`, revoked, reused): only a new sign-in helps. */
export class RefreshRefusedError extends AuthdeckError {
  constructor(
    readonly profileId: string,
    readonly code: string,
    readonly signIn: string,
  ) {
    super(`${profileId}: the provider no longer accepts its refresh token (${code}); sign in again with \`${signIn}\``);
    this.name = 'RefreshRefusedError';
  }
}

/** The profile carries OpenClaw's refresh fence: the gateway is refreshing it right now. */
export class GatewayRefreshingError extends AuthdeckError {
  constructor(profileId: string) {
    super(`${profileId}: the gateway is refreshing it right now`);
    this.name = 'GatewayRefreshingError';
  }
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
  const store = options.store ?? (await openAgentStoreForWrite(workspace));
  if (options.store) store.requireKnownGeneration();
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
    if (changedSince(options.decidedOn ?? first, current))
      return { status: 'refreshed-meanwhile', expiresAt: current.expires };
    if (!options.force && current.expires - now() > REFRESH_MARGIN_MS)
      return { status: 'still-valid', expiresAt: current.expires };
    // Copies holding the same refresh token would be left with a spent one: they get the new tokens too.
    const peers = await findRefreshPeers(workspace, store, layer, profileId, current.refresh);
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
    // From the request on, the provider may rotate the refresh token and spend the stored one: a
    // Ctrl+C waits for the new tokens to be stored, as it waits for any write under way.
    return await countedWrite(async () => {
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
          throw new RefreshRefusedError(
            profileId,
            error.code,
            signInAgainCommand(workspace, current.provider, profileId),
          );
        throw error;
      }
      // Never throw once the provider has rotated the refresh token: what the new token lacks is kept from the old.
      const refreshed = {
        access: tokens.access,
        expires: tokens.expires,
        refresh: tokens.refresh,
        ...(info.id === 'openai-codex' ? openaiAccountFields(tokens.access) : {}),
      };
      const written = await layer.update((tx) => putRefreshedTokens(tx, profileId, current.refresh, refreshed));
      if (written.result) await updateRefreshPeers(peers, profileId, current.refresh, refreshed);
      return written.result
        ? { status: 'refreshed' as const, expiresAt: tokens.expires }
        : { status: 'refreshed-meanwhile' as const, expiresAt: current.expires };
    });
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

/** Another refresh happened: a rotated refresh token, or a provider that keeps it and renewed only the access token. */
function changedSince(decided: TokenSnapshot, now: TokenSnapshot): boolean {
  // By value: two reads of the store never share objects.
  const access = (snapshot: TokenSnapshot) => JSON.stringify(snapshot.access ?? null);
  return decided.refresh !== now.refresh || access(decided) !== access(now) || decided.expires !== now.expires;
}

/** OpenClaw 2026.9 marks the tokens while it refreshes them, and leaves `failed:` in them when that failed. */
export function refreshFence(raw: Record<string, unknown>): 'refreshing' | 'failed' | undefined {
  const { access } = raw;
  if (typeof access !== 'string' || !access.startsWith(FENCE)) return undefined;
  return access.includes(':failed:') ? 'failed' : 'refreshing';
}

/** The tokens a keep-alive decides on, as `describe` reads them. */
export function tokenSnapshot(raw: Record<string, unknown>): TokenSnapshot | undefined {
  const { access, refresh, expires } = raw;
  if (typeof refresh !== 'string' || refresh === '') return undefined;
  return { access, refresh, expires: typeof expires === 'number' ? expires : 0 };
}

function describe(raw: Record<string, unknown> | undefined, profileId: string) {
  if (!raw) throw new AuthdeckError(`no profile ${profileId}`);
  if ((raw.type ?? raw.mode) !== 'oauth')
    // The id names something that cannot be refreshed: a wrong argument, as an unknown id is.
    throw new UsageError(`${profileId} is not an OAuth sign-in: nothing to refresh`);
  const { access, refresh, expires, provider } = raw;
  const fence = refreshFence(raw);
  if (fence === 'refreshing') throw new GatewayRefreshingError(profileId);
  if (fence === 'failed') throw new AuthdeckError(`${profileId}: the gateway's last refresh failed; sign in again`);
  if (typeof refresh !== 'string' || refresh === '')
    throw new AuthdeckError(`${profileId} has no refresh token: sign in again`);
  return {
    raw,
    provider: typeof provider === 'string' ? provider : (profileId.split(':')[0] ?? ''),
    access,
    refresh,
    expires: typeof expires === 'number' ? expires : 0,
  };
}
