import { createServer, type Server, type ServerResponse } from 'node:http';
import { AuthdeckError, UsageError } from '../errors.js';
import { shown } from '../terminal-text.js';

export interface RedirectResult {
  code: string;
  state: string;
}

export interface LoopbackListener {
  /** The redirect URI to register with the authorize request. */
  redirectUri: string;
  /** The code and state the browser brings back (once), or an error the provider sent. */
  result: Promise<RedirectResult>;
  close(): void;
}

/**
 * Listens on 127.0.0.1 only, at the port the provider's client registration expects, for one
 * request to the expected path; answers it with a page that says to go back to the terminal,
 * then closes. Anything else gets a 404 and is ignored.
 */
export async function listenForRedirect(options: {
  port: number;
  path: string;
  /** The name the page and errors use: "OpenAI". */
  label: string;
  /** This sign-in's `state`: a redirect with another one (an old tab, another page) is turned away. */
  state: string;
}): Promise<LoopbackListener> {
  let resolve!: (value: RedirectResult) => void;
  let reject!: (error: Error) => void;
  const result = new Promise<RedirectResult>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  // The caller may never wait (a pasted redirect won); an unhandled rejection must not follow.
  result.catch(() => undefined);
  let done = false;
  const answer = (response: ServerResponse, status: number, message: string) =>
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', connection: 'close' }).end(page(message));
  const server: Server = createServer((request, response) => {
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://127.0.0.1');
    } catch {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request');
      return;
    }
    if (done || request.method !== 'GET' || url.pathname !== options.path) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    if (url.searchParams.get('state') !== options.state) {
      answer(response, 400, 'This address belongs to another sign-in. Go back to the terminal.');
      return;
    }
    done = true;
    const error = url.searchParams.get('error');
    const code = url.searchParams.get('code');
    if (!error && code) {
      answer(response, 200, `${options.label} sign-in received. Go back to the terminal: authdeck finishes there.`);
      resolve({ code, state: options.state });
    } else {
      const description = url.searchParams.get('error_description');
      answer(response, 400, `Sign-in failed${error ? `: ${error}` : ''}. Go back to the terminal.`);
      reject(
        new AuthdeckError(
          `${options.label} sign-in failed: ${shown(error ?? 'the redirect had no code', 300)}${description ? ` (${shown(description, 300)})` : ''}`,
        ),
      );
    }
    setImmediate(() => server.close());
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        error.code === 'EADDRINUSE'
          ? new PortTakenError(
              `port ${options.port} on 127.0.0.1 is taken (another sign-in, or a CLI of ${options.label} waiting for its own)`,
            )
          : error,
      ),
    );
    server.listen(options.port, '127.0.0.1', () => ok());
  });
  // Not unref'd: in a script with no terminal, the listener is what keeps the sign-in waiting.
  return {
    redirectUri: `http://localhost:${options.port}${options.path}`,
    result,
    close: () => {
      done = true;
      server.close();
      server.closeAllConnections?.();
    },
  };
}

const NOT_A_URL = 'that is not a URL: paste the whole address the browser ended on (http://localhost:…)';
const NO_CODE = 'that URL has no code and state: paste the address the browser ended on';

/** The address as a URL, or why it is not one. */
function pastedUrl(text: string): URL | string {
  try {
    return new URL(text.trim());
  } catch {
    return NOT_A_URL;
  }
}

/**
 * Whether a pasted address can finish this sign-in: a reason to paste again, or undefined. An
 * address of another sign-in (an old tab) is turned away as the listener turns it away; a
 * provider's error of this sign-in passes, and ends it with its reason.
 */
export function checkPastedRedirect(text: string, state: string): string | undefined {
  const url = pastedUrl(text);
  if (typeof url === 'string') return url;
  const given = url.searchParams.get('state');
  if (given !== null && given !== state)
    return 'that address belongs to another sign-in (an older link): paste the one this link ended on';
  if (given === null || (!url.searchParams.get('code') && !url.searchParams.get('error'))) return NO_CODE;
  return undefined;
}

/** A redirect URL pasted by hand (a browser on another machine): its code and state. */
export function parsePastedRedirect(text: string): RedirectResult {
  const url = pastedUrl(text);
  if (typeof url === 'string') throw new AuthdeckError(url);
  const error = url.searchParams.get('error');
  if (error) throw new AuthdeckError(`the sign-in page answered: ${shown(error, 300)}`);
  const code = url.searchParams.get('code');
  const state = url.searchParams.get('state');
  if (!code || !state) throw new AuthdeckError(NO_CODE);
  return { code, state };
}

/** The loopback port is in use: the sign-in can still finish by a pasted address. */
/**
 * The port the sign-in listens on: the provider's registered one, or AUTHDECK_OAUTH_CALLBACK_PORT
 * when set — which must then be a port number (a typo is said, not silently replaced).
 */
export function callbackPort(env: Record<string, string | undefined>, registered: number): number {
  const raw = env.AUTHDECK_OAUTH_CALLBACK_PORT?.trim();
  if (!raw) return registered;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65_535)
    throw new UsageError(`AUTHDECK_OAUTH_CALLBACK_PORT="${raw}" is not a port number (1–65535)`);
  return port;
}

export class PortTakenError extends AuthdeckError {
  constructor(readonly reason: string) {
    super(`${reason}: close it, or sign in with a code (--method device)`);
  }
}

function page(message: string): string {
  return `<!doctype html><meta charset="utf-8"><title>authdeck</title><p style="font:16px system-ui;margin:3em">${escapeHtml(message)}</p>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
