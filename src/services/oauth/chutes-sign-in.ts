import { AuthdeckError, UsageError } from '../errors.js';
import { readBodyJson } from '../http-body.js';
import { askFor } from './ask.js';
import { runBrowserFlow } from './browser-flow.js';
import { defaultModel, pluginEnabled } from './config-facts.js';
import { callbackPort } from './loopback.js';
import { type OAuthProviderInfo, oauthEndpoint } from './oauth-providers.js';
import type { SignedIn, SignInOptions } from './sign-in-types.js';
import type { OAuthTokens } from './token-endpoint.js';

const REDIRECT_URI = 'http://127.0.0.1:1456/oauth-callback';
const DEFAULT_MODEL = 'chutes/zai-org/GLM-5.2-TEE';
/** The catalog models the plugin's preset names, and its two aliases (README "More sign-ins"). */
const CATALOG = [
  'deepseek-ai/DeepSeek-V3.2-TEE',
  'moonshotai/Kimi-K2.6-TEE',
  'moonshotai/Kimi-K2.5-TEE',
  'zai-org/GLM-5.2-TEE',
  'MiniMaxAI/MiniMax-M2.5-TEE',
  'Qwen/Qwen3.6-27B-TEE',
  'Qwen/Qwen3.5-397B-A17B-TEE',
];

/**
 * "Sign in with Chutes": the person's own OAuth app (CHUTES_CLIENT_ID, asked otherwise; an
 * optional CHUTES_CLIENT_SECRET), PKCE to a loopback redirect, then userinfo for the profile
 * name. The client id is stored in the profile: refreshing needs it.
 */
export async function chutesBrowserSignIn(info: OAuthProviderInfo, options: SignInOptions): Promise<SignedIn> {
  const clientId = await askFor(options, {
    message: 'Chutes OAuth client id',
    placeholder: 'cid_xxx',
    envName: 'CHUTES_CLIENT_ID',
  });
  const clientSecret = options.env.CHUTES_CLIENT_SECRET?.trim();
  const redirect = loopbackRedirect(options.env.CHUTES_OAUTH_REDIRECT_URI?.trim() || REDIRECT_URI);
  const tokenUrl = oauthEndpoint(info, 'token', options.env);
  const now = options.now ?? Date.now;
  const tokens = await runBrowserFlow(
    {
      label: 'Chutes',
      authorizeUrl: oauthEndpoint(info, 'authorize', options.env),
      tokenUrl,
      clientId,
      scope: options.env.CHUTES_OAUTH_SCOPES?.trim().split(/\s+/).join(' ') || info.scope,
      port: callbackPort(options.env, redirect.port),
      path: redirect.path,
      redirectHost: redirect.host,
      timeoutMs: 180_000,
      ...(clientSecret ? { extraToken: { client_secret: clientSecret } } : {}),
    },
    options,
  );
  if (!tokens.refresh) throw new AuthdeckError('Chutes gave no refresh token: the gateway could not renew it');
  const user = await userinfo(oauthEndpoint(info, 'userinfo', options.env), tokens.access, options);
  return {
    kind: 'oauth',
    secret: tokens.access,
    expiresAt: chutesExpiry(tokens, now()),
    fields: { refresh: tokens.refresh, email: user.username, accountId: user.sub, clientId },
    suggestedName: user.username ?? 'default',
    config: [
      pluginEnabled('chutes'),
      {
        kind: 'provider',
        providerId: 'chutes',
        entry: { baseUrl: 'https://llm.chutes.ai/v1', api: 'openai-completions' },
      },
      ...CATALOG.map((id) => ({ kind: 'model' as const, ref: `chutes/${id}`, entry: {} })),
      { kind: 'model', ref: 'chutes-vision', entry: { alias: 'chutes/moonshotai/Kimi-K2.6-TEE' }, keepAlias: true },
      { kind: 'model', ref: 'chutes-pro', entry: { alias: 'chutes/deepseek-ai/DeepSeek-V3.2-TEE' }, keepAlias: true },
      defaultModel(DEFAULT_MODEL),
    ],
  };
}

/** Chutes' tokens are stored as expiring 5 minutes early, but never sooner than 30 s from now. */
export function chutesExpiry(tokens: OAuthTokens, nowMs: number): number {
  return Math.max(nowMs + 30_000, tokens.expires - 300_000);
}

/** Who signed in; a failure here does not lose the tokens (the profile is then `chutes:default`). */
async function userinfo(
  url: string,
  access: string,
  options: SignInOptions,
): Promise<{ username?: string; sub?: string }> {
  try {
    const response = await (options.fetch ?? fetch)(url, {
      headers: { authorization: `Bearer ${access}`, accept: 'application/json' },
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return {};
    }
    const body = await readBodyJson(response, 'Chutes');
    return {
      ...(typeof body.username === 'string' && body.username ? { username: body.username } : {}),
      ...(typeof body.sub === 'string' && body.sub ? { sub: body.sub } : {}),
    };
  } catch {
    return {};
  }
}

/** The redirect OpenClaw registers (or CHUTES_OAUTH_REDIRECT_URI): http on a loopback host only. */
function loopbackRedirect(uri: string): { host: 'localhost' | '127.0.0.1'; port: number; path: string } {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new UsageError(`CHUTES_OAUTH_REDIRECT_URI="${uri}" is not a URL`);
  }
  if (url.protocol !== 'http:' || (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1'))
    throw new UsageError('the Chutes redirect must be http://127.0.0.1:<port>/… or http://localhost:<port>/…');
  return { host: url.hostname, port: url.port ? Number(url.port) : 80, path: url.pathname || '/' };
}
