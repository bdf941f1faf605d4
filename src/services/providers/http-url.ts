/** Base URLs as typed: which a request can go to, and how a message shows one (no password in it). */
import { shown } from '../terminal-text.js';

/** Why `typed` is no base URL a request can go to (not http(s), or a user or password in it), or undefined. */
export function httpUrlProblem(typed: string): string | undefined {
  const url = typed.trim();
  return isHttpUrl(url) ? credentialsInUrl(url, typed) : notHttpUrl(typed);
}

/**
 * A user or password in a base URL: Node's fetch, and so the gateway's, refuses to send a request
 * to such a URL, and written there it would be a secret in plain config. Undefined when none.
 */
export function credentialsInUrl(url: string, typed = url): string | undefined {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed?.username && !parsed?.password) return undefined;
  return `"${shownUrl(typed)}" holds a user name or password, which no request can carry in its URL; give the address alone (a key is asked for apart)`;
}

/**
 * A typed address as a message shows it: everything between the scheme and the last `@` (a user,
 * a password, whatever they hold and however the slashes are spelled: `http:\\`, `http:`, none)
 * masked, escapes made visible. A path with an `@` in it is masked too: more hidden, never less.
 */
export function shownUrl(typed: string): string {
  const text = typed.trim();
  const at = text.lastIndexOf('@');
  if (at < 0) return shown(text, 120);
  const scheme = /^[a-z][a-z0-9+.-]*:[\\/]*/i.exec(text)?.[0] ?? '';
  return shown(`${at >= scheme.length ? scheme : ''}***${text.slice(at)}`, 120);
}

/** An address a server can answer at: http or https (`localhost:11434` parses as scheme "localhost:"). */
export function isHttpUrl(url: string): boolean {
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol);
}

/** Why `typed` is refused as a base URL, shown as typed. */
export function notHttpUrl(typed: string): string {
  return `"${shownUrl(typed)}" is not an http(s) URL`;
}
