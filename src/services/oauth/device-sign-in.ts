import { AuthdeckError } from '../errors.js';
import { pollDeviceToken, requestDeviceCode, type DeviceEndpoints } from './device-flow.js';
import { oauthEndpoint, type OAuthProviderInfo } from './oauth-providers.js';
import type { SignedIn, SignInOptions } from './sign-in-types.js';
import { jwtClaims } from './token-endpoint.js';

/** RFC 8628 device sign-in for GitHub Copilot and xAI: a code to enter on the provider's page. */
export async function deviceSignIn(info: OAuthProviderInfo, options: SignInOptions): Promise<SignedIn> {
  const endpoints = info.id === 'xai' ? await xaiEndpoints(info, options) : githubEndpoints(info, options);
  const requestOptions = {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.now ? { now: options.now } : {}),
  };
  const code = await requestDeviceCode(endpoints, requestOptions);
  options.onPrompt({
    kind: 'device',
    userCode: code.userCode,
    verificationUri: code.verificationUri,
    ...(code.verificationUriComplete ? { verificationUriComplete: code.verificationUriComplete } : {}),
    expiresAt: code.expiresAt,
  });
  const tokens = await pollDeviceToken(endpoints, code, {
    ...requestOptions,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  options.onPrompt({ kind: 'exchanging' });
  if (info.kind === 'token') {
    // Copilot: the GitHub token itself; the gateway turns it into Copilot access when it runs.
    return { kind: 'token', secret: tokens.access, fields: {}, suggestedName: info.profileName ?? 'default' };
  }
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
      issuer: 'https://auth.x.ai',
      authFlow: 'device-code',
    },
    suggestedName: email ?? sub ?? 'default',
  };
}

function githubEndpoints(info: OAuthProviderInfo, options: SignInOptions): DeviceEndpoints {
  return {
    deviceUrl: oauthEndpoint(info, 'deviceCode', options.env),
    tokenUrl: oauthEndpoint(info, 'token', options.env),
    clientId: info.clientId,
    scope: info.scope,
  };
}

/** xAI publishes its endpoints (OpenID discovery); only https hosts of x.ai are believed. */
async function xaiEndpoints(info: OAuthProviderInfo, options: SignInOptions): Promise<DeviceEndpoints> {
  const discoveryUrl = oauthEndpoint(info, 'discovery', options.env);
  const response = await (options.fetch ?? fetch)(discoveryUrl, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(30_000),
  }).catch(() => undefined);
  const document = response?.ok ? ((await response.json().catch(() => ({}))) as Record<string, unknown>) : {};
  const overridden = discoveryUrl !== info.endpoints.discovery;
  const trusted = (value: unknown): value is string => {
    if (typeof value !== 'string') return false;
    const url = new URL(value);
    return overridden || (url.protocol === 'https:' && (url.hostname === 'x.ai' || url.hostname.endsWith('.x.ai')));
  };
  const deviceUrl = document.device_authorization_endpoint;
  const tokenUrl = document.token_endpoint;
  if (!trusted(deviceUrl) || !trusted(tokenUrl))
    throw new AuthdeckError('xAI did not publish its sign-in endpoints (auth.x.ai discovery): try again later');
  return { deviceUrl, tokenUrl, clientId: info.clientId, scope: info.scope };
}
