import { AuthdeckError, UsageError } from '../errors.js';
import { shown } from '../terminal-text.js';
import { askFor } from './ask.js';
import { pluginEnabled } from './config-facts.js';
import { type DeviceEndpoints, pollDeviceToken, requestDeviceCode } from './device-flow.js';
import { type OAuthProviderInfo, oauthEndpoint, onExpectedPage } from './oauth-providers.js';
import type { SignedIn, SignInOptions } from './sign-in-types.js';
import type { OAuthTokens } from './token-endpoint.js';

/** RFC 8628: a code shown to the person, then polling until they approve it on the provider's page. */
export async function runDeviceFlow(
  endpoints: DeviceEndpoints,
  options: SignInOptions,
  trustedPage: (verificationUri: string) => boolean = () => true,
): Promise<OAuthTokens> {
  const requestOptions = {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.now ? { now: options.now } : {}),
  };
  const code = await requestDeviceCode(endpoints, requestOptions);
  // A code that sends the person to a page of another host is not shown (OpenClaw refuses it too).
  if (!trustedPage(code.verificationUri))
    throw new AuthdeckError(`the sign-in server sent a verification page on another host: not shown`);
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

/** A GitHub Enterprise Cloud tenant with data residency: <name>.ghe.com (OpenClaw accepts no other). */
const GHE_HOST = /^[a-z0-9-]+\.ghe\.com$/;

/**
 * Copilot on a GitHub Enterprise host: the same device login against https://<host>/, the token
 * stored as `github-copilot:github` like the public one, and the host written to
 * models.providers.github-copilot.params.githubDomain for the gateway to use.
 */
export async function copilotEnterpriseDeviceSignIn(
  info: OAuthProviderInfo,
  options: SignInOptions,
): Promise<SignedIn> {
  const answer = await askFor(options, {
    message: 'GitHub Enterprise domain (data residency)',
    placeholder: 'your-org.ghe.com',
    envName: 'COPILOT_GITHUB_DOMAIN',
  });
  const domain = answer.toLowerCase();
  if (domain === 'github.com')
    throw new UsageError('github.com is the public host: sign in with `authdeck login --provider github-copilot`');
  if (!GHE_HOST.test(domain))
    throw new UsageError(
      `"${shown(answer, 100)}" is not a GitHub Enterprise tenant: enter its root, like your-org.ghe.com (no scheme, path or service host)`,
    );
  const tokenUrl = oauthEndpoint(info, 'token', options.env, domain);
  const tokens = await runDeviceFlow(
    {
      deviceUrl: oauthEndpoint(info, 'deviceCode', options.env, domain),
      tokenUrl,
      clientId: info.clientId,
      scope: info.scope,
    },
    options,
    (uri) => onExpectedPage(info, 'deviceCode', options.env, uri, `https://${domain}`),
  );
  return {
    kind: 'token',
    secret: tokens.access,
    fields: {},
    suggestedName: info.profileName ?? 'github',
    config: [
      pluginEnabled('github-copilot'),
      { kind: 'provider', providerId: 'github-copilot', entry: { params: { githubDomain: domain } } },
    ],
  };
}
