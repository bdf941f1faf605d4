import { AuthdeckError } from '../errors.js';
import { readBodyText } from '../http-body.js';
import { couldNotReach } from '../network-failure.js';
import { shown } from '../terminal-text.js';
import { runBrowserFlow } from './browser-flow.js';
import { defaultModel, pluginEnabled } from './config-facts.js';
import { callbackPort } from './loopback.js';
import { type OAuthProviderInfo, oauthEndpoint } from './oauth-providers.js';
import type { SignedIn, SignInOptions } from './sign-in-types.js';
import { hostOf, OAuthNetworkError } from './token-endpoint.js';

/** OpenRouter's PKCE app registration answers at http://localhost:3000/openrouter-oauth/callback. */
const CALLBACK_PORT = 3000;
const CALLBACK_PATH = '/openrouter-oauth/callback';
const DEFAULT_MODEL = 'openrouter/auto';

/**
 * OpenRouter's PKCE sign-in: no client id, the `state` rides inside the callback URL, and the
 * code is exchanged for an OpenRouter API key (not tokens), stored as the `openrouter:default`
 * api_key profile, as OpenClaw's OpenRouter plugin does (README "More sign-ins").
 */
export async function openrouterBrowserSignIn(info: OAuthProviderInfo, options: SignInOptions): Promise<SignedIn> {
  const keysUrl = oauthEndpoint(info, 'token', options.env);
  const answer = await runBrowserFlow(
    {
      label: 'OpenRouter',
      authorizeUrl: oauthEndpoint(info, 'authorize', options.env),
      tokenUrl: keysUrl,
      clientId: '',
      scope: '',
      port: callbackPort(options.env, CALLBACK_PORT),
      path: CALLBACK_PATH,
      redirectHost: 'localhost',
      timeoutMs: 300_000,
      authorizeLink: ({ redirectUri, state, challenge }) => {
        const callback = new URL(redirectUri);
        callback.searchParams.set('state', state);
        const url = new URL(oauthEndpoint(info, 'authorize', options.env));
        url.searchParams.set('callback_url', callback.toString());
        url.searchParams.set('code_challenge', challenge);
        url.searchParams.set('code_challenge_method', 'S256');
        return url.toString();
      },
      exchange: ({ code, verifier }) => exchangeForKey(keysUrl, code, verifier, options),
    },
    options,
  );
  const metadata: Record<string, string> = {
    authFlow: 'oauth-pkce',
    ...(answer.userId ? { userId: answer.userId } : {}),
  };
  return {
    kind: 'api_key',
    secret: answer.key,
    fields: { displayName: answer.userId ? `OpenRouter ${answer.userId}` : 'OpenRouter OAuth' },
    metadata,
    suggestedName: 'default',
    config: [
      pluginEnabled('openrouter'),
      { kind: 'model', ref: DEFAULT_MODEL, entry: { alias: 'OpenRouter' }, keepAlias: true },
      defaultModel(DEFAULT_MODEL),
    ],
  };
}

async function exchangeForKey(
  url: string,
  code: string,
  verifier: string,
  options: SignInOptions,
): Promise<{ key: string; userId?: string }> {
  const response = await (options.fetch ?? fetch)(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ code, code_verifier: verifier, code_challenge_method: 'S256' }),
    signal: AbortSignal.timeout(30_000),
    redirect: 'error',
  }).catch((error: unknown) => {
    throw new OAuthNetworkError(`${couldNotReach(hostOf(url), error)}; the key exchange did not happen`);
  });
  const text = await readBodyText(response, 'OpenRouter');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  if (!response.ok) {
    const reason = errorText(body);
    throw new AuthdeckError(
      `OpenRouter refused the key exchange (HTTP ${response.status})${reason ? `: ${shown(reason, 300)}` : ''}`,
    );
  }
  const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const key = typeof record.key === 'string' ? record.key.trim() : '';
  if (!key) throw new AuthdeckError('OpenRouter answered the key exchange without an API key');
  const userId = [record.user_id, record.userId].find((value): value is string => typeof value === 'string');
  return { key, ...(userId?.trim() ? { userId: userId.trim() } : {}) };
}

/** The reason in an error answer, wherever OpenRouter put it (OpenClaw reads the same places). */
function errorText(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() || undefined;
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  for (const value of [record.message, record.error_description, record.error])
    if (typeof value === 'string' && value.trim()) return value.trim();
  const nested = record.error;
  if (nested !== null && typeof nested === 'object') {
    const { message, code } = nested as Record<string, unknown>;
    if (typeof message === 'string' && message.trim()) return message.trim();
    if (typeof code === 'string' || typeof code === 'number') return String(code);
  }
  return undefined;
}
