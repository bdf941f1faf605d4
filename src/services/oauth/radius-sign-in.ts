import { AuthdeckError } from '../errors.js';
import { readBodyJson } from '../http-body.js';
import { couldNotReach } from '../network-failure.js';
import { defaultModel, pluginEnabled } from './config-facts.js';
import { runDeviceFlow } from './device-sign-in.js';
import { type OAuthProviderInfo, oauthEndpoint, onExpectedPage } from './oauth-providers.js';
import type { SignedIn, SignInOptions } from './sign-in-types.js';
import { hostOf, OAuthNetworkError, type OAuthTokens } from './token-endpoint.js';

/** The only page Radius sends people to (a code pointing elsewhere is refused, as OpenClaw does). */
const VERIFICATION_ORIGIN = 'https://radius.earendil.com';

/**
 * Radius: a standard device code whose page picks the organization; stored as `radius:default`
 * (type oauth). The default model comes from the organization's catalog: `radius/balanced`
 * when offered, else its first model.
 */
export async function radiusDeviceSignIn(info: OAuthProviderInfo, options: SignInOptions): Promise<SignedIn> {
  const endpoints = {
    deviceUrl: oauthEndpoint(info, 'deviceCode', options.env),
    tokenUrl: oauthEndpoint(info, 'token', options.env),
    clientId: info.clientId,
    scope: info.scope,
  };
  const tokens = await runDeviceFlow(endpoints, options, (uri) =>
    onExpectedPage(info, 'deviceCode', options.env, uri, VERIFICATION_ORIGIN),
  );
  if (!tokens.refresh) throw new AuthdeckError('Radius gave no refresh token: the gateway could not renew it');
  const model = await catalogDefault(oauthEndpoint(info, 'catalog', options.env), tokens.access, options);
  return {
    kind: 'oauth',
    secret: tokens.access,
    expiresAt: radiusExpiry(tokens, (options.now ?? Date.now)()),
    fields: { refresh: tokens.refresh },
    suggestedName: 'default',
    config: [pluginEnabled('radius'), { kind: 'model', ref: model, entry: {} }, defaultModel(model)],
  };
}

/** Radius tokens are stored as expiring early by a minute, or half their life when shorter. */
export function radiusExpiry(tokens: OAuthTokens, nowMs: number): number {
  const life = Math.max(0, tokens.expires - nowMs);
  return tokens.expires - Math.min(60_000, Math.floor(life / 2));
}

async function catalogDefault(url: string, access: string, options: SignInOptions): Promise<string> {
  const response = await (options.fetch ?? fetch)(url, {
    headers: { authorization: `Bearer ${access}`, accept: 'application/json' },
    signal: AbortSignal.timeout(30_000),
  }).catch((error: unknown) => {
    throw new OAuthNetworkError(couldNotReach(hostOf(url), error));
  });
  if (!response.ok) throw new AuthdeckError(`${hostOf(url)} did not list the organization's models: sign in again`);
  const body = await readBodyJson(response, 'Radius');
  const ids = (Array.isArray(body.models) ? body.models : [])
    .map((model) => (model && typeof model === 'object' ? (model as Record<string, unknown>) : {}))
    .filter((model) => model.enabled !== false && typeof model.id === 'string' && /^[\w.:/-]{1,200}$/.test(model.id))
    .map((model) => model.id as string);
  const id = ids.includes('balanced') ? 'balanced' : ids[0];
  if (!id) throw new AuthdeckError("Radius offers no models: check the organization's model access");
  return `radius/${id}`;
}
