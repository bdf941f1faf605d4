import { AuthdeckError } from '../errors.js';
import { readBodyJson } from '../http-body.js';
import { couldNotReach } from '../network-failure.js';
import { runBrowserFlow } from './browser-flow.js';
import { type PollAnswer, pollUntilApproved } from './device-flow.js';
import { callbackPort } from './loopback.js';
import { type OAuthProviderInfo, oauthEndpoint } from './oauth-providers.js';
import { pollIntervalMs } from './server-numbers.js';
import type { SignedIn, SignInOptions } from './sign-in-types.js';
import { hostOf, jwtClaims, OAuthNetworkError, type OAuthTokens, postForm, requestTokens } from './token-endpoint.js';

const CALLBACK_PORT = 1455;
const CALLBACK_PATH = '/auth/callback';
const HEADERS = { originator: 'openclaw' };

/** ChatGPT in the browser: its client is registered for http://localhost:1455/auth/callback. */
export async function openaiBrowserSignIn(info: OAuthProviderInfo, options: SignInOptions): Promise<SignedIn> {
  const tokens = await runBrowserFlow(
    {
      label: 'OpenAI',
      authorizeUrl: oauthEndpoint(info, 'authorize', options.env),
      tokenUrl: oauthEndpoint(info, 'token', options.env),
      clientId: info.clientId,
      scope: info.scope,
      port: callbackPort(options.env, CALLBACK_PORT),
      path: CALLBACK_PATH,
      redirectHost: 'localhost',
      extraAuthorize: { id_token_add_organizations: 'true', codex_cli_simplified_flow: 'true', originator: 'openclaw' },
    },
    options,
  );
  return openaiSignedIn(tokens);
}

/** ChatGPT's own device pairing: a code to enter at auth.openai.com/codex/device. */
export async function openaiDeviceSignIn(info: OAuthProviderInfo, options: SignInOptions): Promise<SignedIn> {
  const now = options.now ?? Date.now;
  const started = await postForm(
    oauthEndpoint(info, 'deviceUserCode', options.env),
    { client_id: info.clientId },
    { ...fetchOptions(options), json: true, headers: HEADERS },
  );
  const deviceAuthId = started.device_auth_id;
  const userCode = started.user_code ?? started.usercode;
  if (typeof deviceAuthId !== 'string' || typeof userCode !== 'string')
    throw new AuthdeckError('OpenAI did not give a device code (is device sign-in enabled for this account?)');
  const intervalMs = pollIntervalMs(started.interval);
  const expiresAt = now() + (options.timeoutMs ?? 900_000);
  options.onPrompt({
    kind: 'device',
    userCode,
    verificationUri: oauthEndpoint(info, 'deviceVerify', options.env),
    expiresAt,
  });
  const deviceToken = oauthEndpoint(info, 'deviceToken', options.env);
  const answer = await pollUntilApproved({ intervalMs, expiresAt }, options, () =>
    pollOpenaiDevice(deviceToken, deviceAuthId, userCode, options),
  );
  options.onPrompt({ kind: 'exchanging' });
  const tokens = await requestTokens(
    oauthEndpoint(info, 'token', options.env),
    {
      grant_type: 'authorization_code',
      code: answer.code,
      redirect_uri: oauthEndpoint(info, 'deviceRedirect', options.env),
      client_id: info.clientId,
      code_verifier: answer.verifier,
    },
    { ...fetchOptions(options), headers: HEADERS },
  );
  return openaiSignedIn(tokens);
}

/** 403 and 404 mean "not approved yet"; 200 brings the code and the verifier the server made. */
async function pollOpenaiDevice(
  url: string,
  deviceAuthId: string,
  userCode: string,
  options: SignInOptions,
): Promise<PollAnswer<{ code: string; verifier: string }>> {
  const response = await (options.fetch ?? fetch)(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...HEADERS },
    body: JSON.stringify({ device_auth_id: deviceAuthId, user_code: userCode }),
    signal: AbortSignal.timeout(30_000),
  }).catch((error: unknown) => {
    throw new OAuthNetworkError(couldNotReach(hostOf(url), error));
  });
  if (response.status === 403 || response.status === 404) return 'pending';
  const body = await readBodyJson(response, 'OpenAI');
  if (!response.ok) throw new AuthdeckError(`OpenAI refused the device sign-in (HTTP ${response.status})`);
  if (typeof body.authorization_code !== 'string' || typeof body.code_verifier !== 'string')
    throw new AuthdeckError('OpenAI answered the device sign-in without a code');
  return { approved: { code: body.authorization_code, verifier: body.code_verifier } };
}

/** The account id, plan and email OpenClaw reads from the access token's claims (those present). */
export function openaiAccountFields(access: string): { accountId?: string; email?: string; chatgptPlanType?: string } {
  const claims = jwtClaims(access);
  const auth = (claims['https://api.openai.com/auth'] ?? {}) as Record<string, unknown>;
  const profile = (claims['https://api.openai.com/profile'] ?? {}) as Record<string, unknown>;
  return {
    ...(typeof auth.chatgpt_account_id === 'string' ? { accountId: auth.chatgpt_account_id } : {}),
    ...(typeof profile.email === 'string' ? { email: profile.email } : {}),
    ...(typeof auth.chatgpt_plan_type === 'string' ? { chatgptPlanType: auth.chatgpt_plan_type } : {}),
  };
}

/** A new ChatGPT sign-in: without an account id in the token the gateway could not use it. */
export function openaiSignedIn(tokens: OAuthTokens): SignedIn {
  const fields = openaiAccountFields(tokens.access);
  if (!fields.accountId)
    throw new AuthdeckError('the OpenAI token names no ChatGPT account: the gateway could not use it');
  return {
    kind: 'oauth',
    secret: tokens.access,
    expiresAt: tokens.expires,
    fields: { refresh: tokens.refresh, ...fields },
    suggestedName: fields.email ?? 'default',
  };
}

function fetchOptions(options: SignInOptions) {
  return { ...(options.fetch ? { fetch: options.fetch } : {}), ...(options.now ? { now: options.now } : {}) };
}
