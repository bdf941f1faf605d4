import { AuthdeckError, CancelledError } from '../errors.js';
import { abortableSleep } from './abortable-sleep.js';
import { lifetimeMs, MAX_DEVICE_CODE_SECONDS, pollIntervalMs } from './server-numbers.js';
import {
  OAuthError,
  OAuthNetworkError,
  type OAuthTokens,
  postForm,
  requestTokens,
  type TokenRequestOptions,
} from './token-endpoint.js';

/** Polls that may fail to connect in a row before the sign-in gives up. */
const NETWORK_FAILURES_ALLOWED_IN_A_ROW = 3;

export interface DeviceCode {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  /** The verification URL with the code filled in, when the server gives one. */
  verificationUriComplete?: string;
  expiresAt: number;
  intervalMs: number;
}

export interface DeviceEndpoints {
  deviceUrl: string;
  tokenUrl: string;
  clientId: string;
  scope?: string;
  /** Extra fields for both requests (some providers want them). */
  extra?: Record<string, string>;
}

/** RFC 8628 §3.1: ask for a user code to show. */
export async function requestDeviceCode(
  endpoints: DeviceEndpoints,
  options: TokenRequestOptions = {},
): Promise<DeviceCode> {
  const body = await postForm(
    endpoints.deviceUrl,
    { client_id: endpoints.clientId, ...(endpoints.scope ? { scope: endpoints.scope } : {}), ...endpoints.extra },
    options,
  );
  const deviceCode = body.device_code;
  const userCode = body.user_code;
  const verificationUri = body.verification_uri ?? body.verification_url;
  if (typeof deviceCode !== 'string' || typeof userCode !== 'string' || typeof verificationUri !== 'string')
    throw new AuthdeckError('the device-code answer lacks a code or a verification URL');
  const now = (options.now ?? Date.now)();
  return {
    deviceCode,
    userCode,
    verificationUri,
    ...(typeof body.verification_uri_complete === 'string'
      ? { verificationUriComplete: body.verification_uri_complete }
      : {}),
    expiresAt: now + (lifetimeMs(body.expires_in, MAX_DEVICE_CODE_SECONDS) ?? 900_000),
    intervalMs: pollIntervalMs(body.interval),
  };
}

export interface PollOptions extends TokenRequestOptions {
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
}

/** What one poll found: approved (with what it brought), not yet, or asked to poll less often. */
export type PollAnswer<T> = { approved: T } | 'pending' | 'slow-down';

/**
 * Polls at the interval until `attempt` reports approval, for every device sign-in: `slow-down`
 * adds 5 s to the interval, a few network failures in a row (OAuthNetworkError) are waited out,
 * and the code's expiry or a cancel ends it.
 */
export async function pollUntilApproved<T>(
  schedule: { intervalMs: number; expiresAt: number },
  options: { now?: () => number; sleep?: (ms: number) => Promise<void>; signal?: AbortSignal },
  attempt: () => Promise<PollAnswer<T>>,
): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => abortableSleep(ms, options.signal));
  let interval = schedule.intervalMs;
  let networkFailures = 0;
  for (;;) {
    if (options.signal?.aborted) throw new CancelledError('sign-in cancelled');
    if (now() >= schedule.expiresAt) throw new AuthdeckError('the code expired before it was entered: start again');
    // Never past the code's life: the last poll comes just before it expires.
    await sleep(Math.max(0, Math.min(interval, schedule.expiresAt - now() - 1)));
    if (options.signal?.aborted) throw new CancelledError('sign-in cancelled');
    let answer: PollAnswer<T>;
    try {
      answer = await attempt();
    } catch (error) {
      // A network blip during a long wait is not the end: a few in a row are.
      if (error instanceof OAuthNetworkError && ++networkFailures <= NETWORK_FAILURES_ALLOWED_IN_A_ROW) continue;
      throw error;
    }
    networkFailures = 0;
    if (answer === 'slow-down') interval = Math.min(60_000, interval + 5_000);
    else if (answer !== 'pending') return answer.approved;
  }
}

/**
 * RFC 8628 §3.4–3.5: polls the token endpoint until the user has approved; `slow_down` and
 * `authorization_pending` keep polling, `expired_token` and `access_denied` end it with a
 * clear message.
 */
export function pollDeviceToken(
  endpoints: DeviceEndpoints,
  code: DeviceCode,
  options: PollOptions = {},
): Promise<OAuthTokens> {
  return pollUntilApproved(code, options, async () => {
    try {
      return {
        approved: await requestTokens(
          endpoints.tokenUrl,
          {
            grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
            device_code: code.deviceCode,
            client_id: endpoints.clientId,
            ...endpoints.extra,
          },
          options,
        ),
      };
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      if (error.code === 'authorization_pending') return 'pending';
      if (error.code === 'slow_down') return 'slow-down';
      if (error.code === 'expired_token')
        throw new AuthdeckError('the code expired before it was entered: start again');
      if (error.code === 'access_denied') throw new AuthdeckError('the sign-in was denied on the verification page');
      throw error;
    }
  });
}
