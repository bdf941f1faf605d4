import { AuthdeckError } from '../errors.js';
import { readBodyText } from '../http-body.js';
import { couldNotReach } from '../network-failure.js';
import { isFencedProfile } from '../store/transaction.js';
import { shown } from '../terminal-text.js';
import { lifetimeMs, MAX_ACCESS_TOKEN_SECONDS } from './server-numbers.js';

/** What a token endpoint answered, as OpenClaw stores it (`expires` in ms since epoch). */
export interface OAuthTokens {
  access: string;
  refresh?: string;
  expires: number;
  idToken?: string;
  scope?: string;
}

/** An OAuth error answer (RFC 6749 §5.2), kept apart so that callers can act on `code`. */
export class OAuthError extends AuthdeckError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'OAuthError';
  }
}

/** The endpoint could not be reached (or did not answer in time): worth another try later. */
export class OAuthNetworkError extends AuthdeckError {}

export interface TokenRequestOptions {
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
  /** Send the body as JSON instead of a form (some providers want it). */
  json?: boolean;
  headers?: Record<string, string>;
}

/**
 * POSTs to a token endpoint and reads the answer. Never echoes the request or the tokens in
 * an error: only the endpoint's host, the HTTP status and the OAuth error code and description.
 */
export async function requestTokens(
  tokenUrl: string,
  params: Record<string, string>,
  options: TokenRequestOptions = {},
): Promise<OAuthTokens> {
  const body = await postForm(tokenUrl, params, options);
  const access = stringField(body, 'access_token');
  if (!access) throw new AuthdeckError(`${hostOf(tokenUrl)} answered without an access token`);
  refuseUnsendableTokens(hostOf(tokenUrl), [access, body.refresh_token, body.id_token]);
  // OpenClaw's refresh fence is a value it writes while it refreshes: from a server it would fence
  // the profile for good (no refresh or remove would touch it again).
  if (isFencedProfile({ access, refresh: body.refresh_token }))
    throw new AuthdeckError(
      `${hostOf(tokenUrl)} answered with OpenClaw's refresh fence as a token; nothing was stored`,
    );
  const now = (options.now ?? Date.now)();
  return {
    access,
    ...(stringField(body, 'refresh_token') ? { refresh: stringField(body, 'refresh_token') as string } : {}),
    // No lifetime given (or an absurd one): an hour, the common one; the gateway refreshes early anyway.
    expires: now + (lifetimeMs(body.expires_in, MAX_ACCESS_TOKEN_SECONDS) ?? 3_600_000),
    ...(stringField(body, 'id_token') ? { idToken: stringField(body, 'id_token') as string } : {}),
    ...(stringField(body, 'scope') ? { scope: stringField(body, 'scope') as string } : {}),
  };
}

/** A POST whose JSON answer is returned; an OAuth error answer becomes an OAuthError. */
export async function postForm(
  url: string,
  params: Record<string, string>,
  options: TokenRequestOptions = {},
): Promise<Record<string, unknown>> {
  const fetcher = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await fetcher(url, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': options.json ? 'application/json' : 'application/x-www-form-urlencoded',
        ...options.headers,
      },
      body: options.json ? JSON.stringify(params) : new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      redirect: 'error',
    });
  } catch (error) {
    // It answered, with a redirect: a token endpoint never sends one (and a token is never
    // posted on to wherever it points). Not the network's fault, and not worth a retry.
    if (error instanceof Error && error.cause instanceof Error && /redirect/i.test(error.cause.message))
      throw new AuthdeckError(
        `${hostOf(url)} answered with a redirect, which a token endpoint never does; nothing was sent on`,
      );
    throw new OAuthNetworkError(couldNotReach(hostOf(url), error));
  }
  const text = await readBodyText(response, hostOf(url));
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // Some endpoints answer a form: access_token=…&token_type=…
    body = Object.fromEntries(new URLSearchParams(text));
  }
  const code = stringField(body, 'error');
  if (code || !response.ok) {
    // A server may repeat the request in its answer ("bad body grant_type=refresh_token&…"):
    // what was sent (a refresh token, a code, a client secret) never reaches a screen or a file.
    const said = (text: string) => shown(withoutSent(text, params), 300);
    const description = stringField(body, 'error_description');
    throw new OAuthError(
      code ?? `http_${response.status}`,
      `${hostOf(url)} refused: ${said(code ?? `HTTP ${response.status}`)}${description ? ` (${said(description)})` : ''}`,
    );
  }
  return body;
}

/** The request fields that carry a secret (RFC 6749, 7636, 8628, 8693). */
const SECRET_PARAMS = new Set([
  'refresh_token',
  'code',
  'code_verifier',
  'client_secret',
  'device_code',
  'password',
  'assertion',
  'access_token',
  'subject_token',
]);

/** `text` with each secret the request carried, as sent or form-encoded, taken out. */
function withoutSent(text: string, params: Record<string, string>): string {
  let out = text;
  for (const [name, value] of Object.entries(params)) {
    if (!SECRET_PARAMS.has(name) || value.length < 4) continue;
    const spellings = new Set([
      value,
      encodeURIComponent(value),
      new URLSearchParams({ v: value }).toString().slice(2),
    ]);
    for (const spelling of spellings) out = out.split(spelling).join('[sent value]');
  }
  return out;
}

/** The claims of a JWT, unverified: only to read the account id and email the provider put there. */
export function jwtClaims(token: string | undefined): Record<string, unknown> {
  const payload = token?.split('.')[1];
  if (!payload) return {};
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Tokens go in HTTP headers, which carry visible ASCII only: one holding a control character,
 * a space or anything else is no token (and printed it could drive the terminal). Refused before
 * anything is stored, so the tokens there stay as they were.
 */
export function refuseUnsendableTokens(host: string, tokens: unknown[]): void {
  if (tokens.some((token) => typeof token === 'string' && !/^[\x21-\x7e]*$/.test(token)))
    throw new AuthdeckError(`${host} answered with a token no request can carry (not plain ASCII); nothing was stored`);
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the sign-in server';
  }
}
