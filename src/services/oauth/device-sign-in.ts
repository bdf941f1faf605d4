import { type DeviceEndpoints, pollDeviceToken, requestDeviceCode } from './device-flow.js';
import { type OAuthProviderInfo, oauthEndpoint } from './oauth-providers.js';
import type { SignedIn, SignInOptions } from './sign-in-types.js';
import type { OAuthTokens } from './token-endpoint.js';

/** RFC 8628: a code shown to the person, then polling until they approve it on the provider's page. */
export async function runDeviceFlow(endpoints: DeviceEndpoints, options: SignInOptions): Promise<OAuthTokens> {
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
  return tokens;
}

/** GitHub Copilot: the GitHub token itself; the gateway turns it into Copilot access when it runs. */
export async function copilotDeviceSignIn(info: OAuthProviderInfo, options: SignInOptions): Promise<SignedIn> {
  const tokens = await runDeviceFlow(
    {
      deviceUrl: oauthEndpoint(info, 'deviceCode', options.env),
      tokenUrl: oauthEndpoint(info, 'token', options.env),
      clientId: info.clientId,
      scope: info.scope,
    },
    options,
  );
  return { kind: 'token', secret: tokens.access, fields: {}, suggestedName: info.profileName ?? 'default' };
}
