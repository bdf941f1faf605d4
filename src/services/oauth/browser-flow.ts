import { AuthdeckError, CancelledError } from '../errors.js';
import {
  checkPastedRedirect,
  listenForRedirect,
  PortTakenError,
  parsePastedRedirect,
  type RedirectResult,
} from './loopback.js';
import { createPkce, createState } from './pkce.js';
import type { SignInOptions } from './sign-in-types.js';
import { type OAuthTokens, requestTokens } from './token-endpoint.js';

/** One provider's authorization-code sign-in: where to send the person, and where they come back. */
export interface BrowserFlowSpec<T = OAuthTokens> {
  /** The name pages and errors use: "OpenAI". */
  label: string;
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  scope: string;
  /** The loopback port and path the provider's client registration expects. */
  port: number;
  path: string;
  /** How the redirect URI names this machine (registrations differ: localhost or 127.0.0.1). */
  redirectHost: 'localhost' | '127.0.0.1';
  extraAuthorize?: Record<string, string>;
  /** Some token endpoints want the challenge repeated in the exchange (xAI). */
  repeatChallenge?: boolean;
  /** More fields for the code exchange (an OAuth app's client secret). */
  extraToken?: Record<string, string>;
  headers?: Record<string, string>;
  /** The provider's own deadline (OpenRouter: 5 min, Chutes: 3 min), unless the caller sets one. */
  timeoutMs?: number;
  /** A provider whose authorize link is not the standard one (OpenRouter's callback_url). */
  authorizeLink?: (parts: { redirectUri: string; state: string; challenge: string }) => string;
  /** A provider whose code is exchanged for something else than tokens (OpenRouter: an API key). */
  exchange?: (parts: { code: string; verifier: string; redirectUri: string }) => Promise<T>;
}

/**
 * PKCE (S256) with a `state`; a loopback listener on 127.0.0.1 that takes only this sign-in's
 * redirect, raced by an address the person pastes (a browser on another machine). A taken
 * port leaves the paste, and the prompt says so. Returns the exchanged tokens.
 */
export async function runBrowserFlow<T = OAuthTokens>(spec: BrowserFlowSpec<T>, options: SignInOptions): Promise<T> {
  const { verifier, challenge } = createPkce();
  const state = createState();
  let portProblem: string | undefined;
  const listener = await listenForRedirect({ port: spec.port, path: spec.path, label: spec.label, state }).catch(
    (error: Error) => {
      if (!(error instanceof PortTakenError) || !options.pastedRedirect) throw error;
      portProblem = `${error.reason}: finish by pasting the address the browser ends on, or close what holds the port and start again`;
      return undefined;
    },
  );
  const redirectUri = `http://${spec.redirectHost}:${spec.port}${spec.path}`;
  const url =
    spec.authorizeLink?.({ redirectUri, state, challenge }) ??
    standardAuthorizeLink(spec, redirectUri, state, challenge);
  const timeoutMs = options.timeoutMs ?? spec.timeoutMs ?? 900_000;
  options.onPrompt({
    kind: 'link',
    url,
    expiresAt: (options.now ?? Date.now)() + timeoutMs,
    ...(portProblem ? { portProblem } : {}),
    checkPaste: (text) => checkPastedRedirect(text, state),
  });
  try {
    const redirect = await firstOf(
      [
        ...(listener ? [listener.result] : []),
        ...(options.pastedRedirect ? [options.pastedRedirect.then(parsePastedRedirect)] : []),
      ],
      timeoutMs,
      options.signal,
    );
    if (redirect.state !== state)
      throw new AuthdeckError('the redirect belongs to another sign-in (state differs): start again');
    options.onPrompt({ kind: 'exchanging' });
    if (spec.exchange) return await spec.exchange({ code: redirect.code, verifier, redirectUri });
    return (await requestTokens(
      spec.tokenUrl,
      {
        grant_type: 'authorization_code',
        client_id: spec.clientId,
        code: redirect.code,
        code_verifier: verifier,
        redirect_uri: redirectUri,
        ...(spec.repeatChallenge ? { code_challenge: challenge, code_challenge_method: 'S256' } : {}),
        ...spec.extraToken,
      },
      {
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.now ? { now: options.now } : {}),
        ...(spec.headers ? { headers: spec.headers } : {}),
      },
    )) as T;
  } finally {
    listener?.close();
  }
}

function standardAuthorizeLink(spec: BrowserFlowSpec<unknown>, redirectUri: string, state: string, challenge: string) {
  const url = new URL(spec.authorizeUrl);
  const params = {
    response_type: 'code',
    client_id: spec.clientId,
    redirect_uri: redirectUri,
    scope: spec.scope,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
    ...spec.extraAuthorize,
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

/**
 * The first redirect to arrive (the listener only answers this sign-in's state; a paste is
 * checked before it is handed over), within the deadline. A provider's error ends it at once.
 */
function firstOf(sources: Promise<RedirectResult>[], timeoutMs: number, signal?: AbortSignal): Promise<RedirectResult> {
  return new Promise((resolve, reject) => {
    const minutes = Math.max(1, Math.round(timeoutMs / 60_000));
    const timer = setTimeout(
      () => reject(new AuthdeckError(`no sign-in within ${minutes} minute${minutes === 1 ? '' : 's'}: start again`)),
      timeoutMs,
    );
    const onAbort = () => settle(() => reject(new CancelledError('sign-in cancelled')));
    const settle = (fn: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    for (const source of sources)
      source.then(
        (value) => settle(() => resolve(value)),
        (error: unknown) => settle(() => reject(error)),
      );
  });
}
