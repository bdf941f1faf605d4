import { AuthdeckError } from '../errors.js';
import { readBodyJson } from '../http-body.js';
import { couldNotReach } from '../network-failure.js';
import { runBrowserFlow } from './browser-flow.js';
import { runDeviceFlow } from './device-sign-in.js';
import { callbackPort } from './loopback.js';
import { type OAuthProviderInfo, oauthEndpoint } from './oauth-providers.js';
import type { SignedIn, SignInOptions } from './sign-in-types.js';
import { hostOf, jwtClaims, OAuthNetworkError, type OAuthTokens } from './token-endpoint.js';

const ISSUER = 'https://auth.x.ai';
/** The loopback address xAI's shared client is registered for (OpenClaw 2026.5's browser flow). */
const CALLBACK_PORT = 56121;
const CALLBACK_PATH = '/callback';

interface XaiEndpoints {
  authorizeUrl: string;
  tokenUrl: string;
  deviceUrl: string;
}

/** The device code, as OpenClaw 2026.7+ signs in to xAI. */
export async function xaiDeviceSignIn(info: OAuthProviderInfo, options: SignInOptions): Promise<SignedIn> {
  const endpoints = await xaiEndpoints(info, options);
  const tokens = await runDeviceFlow(
    { deviceUrl: endpoints.deviceUrl, tokenUrl: endpoints.tokenUrl, clientId: info.clientId, scope: info.scope },
    options,
  );
  return xaiSignedIn(info, tokens, endpoints, { authFlow: 'device-code' });
}

/** The browser, as OpenClaw 2026.5 did: PKCE to http://127.0.0.1:56121/callback. */
export async function xaiBrowserSignIn(info: OAuthProviderInfo, options: SignInOptions): Promise<SignedIn> {
  const endpoints = await xaiEndpoints(info, options);
  const tokens = await runBrowserFlow(
    {
      label: 'xAI',
      authorizeUrl: endpoints.authorizeUrl,
      tokenUrl: endpoints.tokenUrl,
      clientId: info.clientId,
      scope: info.scope,
      port: callbackPort(options.env, CALLBACK_PORT),
      path: CALLBACK_PATH,
      redirectHost: '127.0.0.1',
      extraAuthorize: { plan: 'generic', referrer: 'openclaw' },
      repeatChallenge: true,
    },
    options,
  );
  return xaiSignedIn(info, tokens, endpoints, {});
}

function xaiSignedIn(
  info: OAuthProviderInfo,
  tokens: OAuthTokens,
  endpoints: XaiEndpoints,
  extra: Record<string, string>,
): SignedIn {
  if (!tokens.refresh) throw new AuthdeckError(`${info.label} gave no refresh token: the gateway could not renew it`);
  const claims = jwtClaims(tokens.idToken ?? tokens.access);
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  const sub = typeof claims.sub === 'string' ? claims.sub : undefined;
  return {
    kind: 'oauth',
    secret: tokens.access,
    expiresAt: tokens.expires,
    fields: {
      refresh: tokens.refresh,
      email,
      accountId: sub,
      displayName: typeof claims.name === 'string' ? claims.name : undefined,
      tokenEndpoint: endpoints.tokenUrl,
      deviceAuthorizationEndpoint: endpoints.deviceUrl,
      issuer: ISSUER,
      ...extra,
    },
    suggestedName: email ?? sub ?? 'default',
  };
}

/** xAI publishes its endpoints (OpenID discovery); only https hosts of x.ai are believed. */
async function xaiEndpoints(info: OAuthProviderInfo, options: SignInOptions): Promise<XaiEndpoints> {
  const discoveryUrl = oauthEndpoint(info, 'discovery', options.env);
  const response = await (options.fetch ?? fetch)(discoveryUrl, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(30_000),
  }).catch((error: unknown) => {
    // No network is not xAI's doing: say what to check, not "try again later".
    throw new OAuthNetworkError(couldNotReach(hostOf(discoveryUrl), error));
  });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new AuthdeckError(
      `xAI's sign-in discovery (${hostOf(discoveryUrl)}) answered HTTP ${response.status}: try again later`,
    );
  }
  const document: Record<string, unknown> = await readBodyJson(response, 'xAI').catch(() => ({}));
  const overridden = discoveryUrl !== info.endpoints.discovery;
  const trusted = (value: unknown): value is string => {
    if (typeof value !== 'string') return false;
    try {
      const url = new URL(value);
      return overridden || (url.protocol === 'https:' && (url.hostname === 'x.ai' || url.hostname.endsWith('.x.ai')));
    } catch {
      return false;
    }
  };
  const {
    authorization_endpoint: authorizeUrl,
    token_endpoint: tokenUrl,
    device_authorization_endpoint: deviceUrl,
  } = document;
  if (!trusted(authorizeUrl) || !trusted(tokenUrl) || !trusted(deviceUrl))
    throw new AuthdeckError('xAI did not publish its sign-in endpoints (auth.x.ai discovery): try again later');
  return { authorizeUrl, tokenUrl, deviceUrl };
}
