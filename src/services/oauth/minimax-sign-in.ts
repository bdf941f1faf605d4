import { randomBytes, randomUUID } from 'node:crypto';
import { AuthdeckError } from '../errors.js';
import { readBodyText } from '../http-body.js';
import { couldNotReach } from '../network-failure.js';
import { shown } from '../terminal-text.js';
import { defaultModel, pluginEnabled } from './config-facts.js';
import { pollUntilApproved } from './device-flow.js';
import { minimaxOrigin, type OAuthProviderInfo, oauthEndpoint } from './oauth-providers.js';
import { createPkce } from './pkce.js';
import { lifetimeMs, MAX_ACCESS_TOKEN_SECONDS } from './server-numbers.js';
import type { SignedIn, SignInOptions } from './sign-in-types.js';
import { hostOf, OAuthNetworkError, refuseUnsendableTokens } from './token-endpoint.js';

const PROVIDER = 'minimax-portal';
const GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:user_code';
/** MiniMax gives its poll interval in milliseconds; OpenClaw never polls faster than every 2 s. */
const MIN_INTERVAL_MS = 2_000;
const MODEL_ALIASES: Record<string, string> = {
  'MiniMax-M3': 'minimax-m3',
  'MiniMax-M2.7': 'minimax-m2.7',
  'MiniMax-M2.7-highspeed': 'minimax-m2.7-highspeed',
};

/**
 * MiniMax's own device sign-in (README "More sign-ins"): PKCE travels with the code request, its
 * `state` must come back, the code's `expired_in` is a moment (ms since epoch), and polls answer
 * a `status` instead of OAuth errors. Stored as `minimax-portal:default`, type oauth.
 */
export async function minimaxDeviceSignIn(info: OAuthProviderInfo, options: SignInOptions): Promise<SignedIn> {
  const cn = info.id.includes('-cn-');
  const now = options.now ?? Date.now;
  const { verifier, challenge } = createPkce();
  const state = randomBytes(16).toString('base64url');
  const code = await post(
    oauthEndpoint(info, 'deviceCode', options.env),
    {
      response_type: 'code',
      client_id: info.clientId,
      scope: info.scope,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state,
    },
    options,
    { 'x-request-id': randomUUID() },
  );
  if (!code.ok) throw new AuthdeckError(`MiniMax refused the sign-in: ${shown(code.reason, 300)}`);
  const { user_code: userCode, verification_uri: verificationUri, expired_in: expiredIn } = code.body;
  if (typeof userCode !== 'string' || !userCode || typeof verificationUri !== 'string' || !verificationUri)
    throw new AuthdeckError('MiniMax answered without a code or a verification URL');
  if (code.body.state !== state) throw new AuthdeckError('MiniMax answered for another sign-in (state differs)');
  if (typeof expiredIn !== 'number' || !Number.isSafeInteger(expiredIn) || expiredIn < 1)
    throw new AuthdeckError('MiniMax gave no valid expiry for the code');
  const expiresAt = Math.min(expiredIn, now() + 3_600_000);
  const interval = Number(code.body.interval);
  const intervalMs = Math.min(60_000, Math.max(MIN_INTERVAL_MS, Number.isFinite(interval) ? interval : 0));
  options.onPrompt({ kind: 'device', userCode, verificationUri, expiresAt });
  const tokenUrl = oauthEndpoint(info, 'token', options.env);
  const token = await pollUntilApproved({ intervalMs, expiresAt }, options, async () => {
    const answer = await post(
      tokenUrl,
      { grant_type: GRANT_TYPE, client_id: info.clientId, user_code: userCode, code_verifier: verifier },
      options,
    );
    if (!answer.ok) throw new AuthdeckError(`MiniMax refused the sign-in: ${shown(answer.reason, 300)}`);
    if (answer.body.status === 'error')
      throw new AuthdeckError('MiniMax ended the sign-in with an error: try again later');
    if (answer.body.status !== 'success') return 'pending';
    return { approved: answer.body };
  });
  options.onPrompt({ kind: 'exchanging' });
  const { access_token: access, refresh_token: refresh } = token;
  const expires = tokenExpiry(token.expired_in, now());
  if (typeof access !== 'string' || !access || typeof refresh !== 'string' || !refresh || expires === undefined)
    throw new AuthdeckError('MiniMax answered without a complete token (access, refresh and expiry)');
  refuseUnsendableTokens('MiniMax', [access, refresh]);
  const baseUrl = httpsUrl(token.resource_url) ?? `${minimaxOrigin(cn ? 'cn' : 'global', 'api')}/anthropic`;
  const notice = typeof token.notification_message === 'string' ? token.notification_message.trim() : '';
  return {
    kind: 'oauth',
    secret: access,
    expiresAt: expires,
    fields: { refresh, authFlow: 'device-code' },
    suggestedName: 'default',
    config: [
      pluginEnabled('minimax'),
      {
        kind: 'provider',
        providerId: PROVIDER,
        entry: { baseUrl, api: 'anthropic-messages', authHeader: true, models: [] },
      },
      ...Object.entries(MODEL_ALIASES).map(([id, alias]) => ({
        kind: 'model' as const,
        ref: `${PROVIDER}/${id}`,
        entry: { alias },
      })),
      defaultModel(`${PROVIDER}/MiniMax-M3`),
    ],
    ...(notice ? { notes: [notice] } : {}),
  };
}

/** `expired_in`: seconds from now below 1e9, seconds since epoch below 1e12, else milliseconds. */
function tokenExpiry(value: unknown, nowMs: number): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) return undefined;
  if (n < 1e9) return nowMs + (lifetimeMs(n, MAX_ACCESS_TOKEN_SECONDS) ?? 3_600_000);
  const ms = n < 1e12 ? n * 1000 : n;
  return Math.min(ms, nowMs + MAX_ACCESS_TOKEN_SECONDS * 1000);
}

function httpsUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' && !url.username && !url.password ? url.toString().replace(/\/+$/, '') : undefined;
  } catch {
    return undefined;
  }
}

type Answer = { ok: true; body: Record<string, unknown> } | { ok: false; reason: string };

/** A form POST; a refusal's reason is MiniMax's `base_resp.status_msg`, else its text. */
async function post(
  url: string,
  params: Record<string, string>,
  options: SignInOptions,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await (options.fetch ?? fetch)(url, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
    signal: AbortSignal.timeout(30_000),
    redirect: 'error',
  }).catch((error: unknown) => {
    throw new OAuthNetworkError(couldNotReach(hostOf(url), error));
  });
  const text = await readBodyText(response, 'MiniMax', 8192).catch(() => '');
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: the text itself is the reason of a refusal.
  }
  if (response.ok) return { ok: true, body };
  const status =
    body.base_resp && typeof body.base_resp === 'object' ? (body.base_resp as Record<string, unknown>) : {};
  const reason = typeof status.status_msg === 'string' && status.status_msg ? status.status_msg : text;
  return { ok: false, reason: reason || `HTTP ${response.status}` };
}
