import { resolve } from 'node:path';
import { UsageError } from '../errors.js';

// Who a monitor run tells: a command, or an ntfy topic URL whose password or token never
// reaches a command line or a message whole.

export type NotifyTarget = { command: string } | { ntfyUrl: string };
/**
 * What `monitor run` is given: a target, or a file `monitor install` kept one in because it may
 * hold a credential (an ntfy URL with a password or token, any notify command).
 */
export type RunTarget = NotifyTarget | { ntfyFile: string } | { notifyFile: string };

/** The `--notify CMD` / `--ntfy URL` pair as `monitor install` and `monitor run` both take it. */
export function parseNotifyTarget(flags: {
  notify?: string | undefined;
  ntfy?: string | undefined;
}): NotifyTarget | undefined {
  if (flags.notify !== undefined && flags.ntfy !== undefined) throw new UsageError('give --notify or --ntfy, not both');
  if (flags.notify !== undefined) {
    if (flags.notify.trim() === '') throw new UsageError('--notify: the command is empty');
    return { command: flags.notify };
  }
  return flags.ntfy === undefined ? undefined : { ntfyUrl: validateNtfyUrl(flags.ntfy) };
}

/** `monitor run`'s targets: those of parseNotifyTarget, or `--ntfy-file PATH` / `--notify-file PATH`. */
export function parseRunTarget(flags: {
  notify?: string | undefined;
  ntfy?: string | undefined;
  ntfyFile?: string | undefined;
  notifyFile?: string | undefined;
}): RunTarget | undefined {
  const { ntfyFile, notifyFile } = flags;
  if (ntfyFile === undefined && notifyFile === undefined) return parseNotifyTarget(flags);
  const given = [flags.notify, flags.ntfy, ntfyFile, notifyFile].filter((value) => value !== undefined);
  if (given.length > 1) throw new UsageError('give one of --notify, --ntfy, --notify-file and --ntfy-file');
  const [flag, path = ''] = ntfyFile !== undefined ? ['--ntfy-file', ntfyFile] : ['--notify-file', notifyFile];
  if (path.trim() === '') throw new UsageError(`${flag}: the path is empty`);
  return ntfyFile !== undefined ? { ntfyFile: resolve(path) } : { notifyFile: resolve(path) };
}

/** https anywhere; plain http only to this machine, where nothing on the wire can read the topic. */
export function validateNtfyUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new UsageError('--ntfy: not a URL; give the topic URL, e.g. https://ntfy.sh/<topic>');
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new UsageError(`--ntfy: ${maskUrl(url)} must use https (plain http only for localhost)`);
  }
  if (url.pathname === '/' || url.pathname === '') throw new UsageError(`--ntfy: ${maskUrl(url)} names no topic`);
  return url.href;
}

/**
 * A URL as messages may show it: its host. user:password and the query hold ntfy's tokens, and
 * the path is the topic, which whoever knows it can read and post to (or a webhook's secret).
 */
export function maskUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(the URL)';
  }
  const userinfo = parsed.username !== '' || parsed.password !== '' ? '***@' : '';
  return `${parsed.protocol}//${userinfo}${parsed.host}/…`;
}

/**
 * A crontab line with every URL in it masked: lines an older install gave still carry the ntfy
 * URL whole. Cron's `\%` is read as `%`; a URL that does not parse is hidden.
 */
export function hideUrlSecrets(text: string): string {
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"]+/gi, (found) => maskUrl(found.replace(/\\%/g, '%')));
}

/** Reasons name profiles, never secrets; this catches a formatting slip before it goes anywhere. */
export function scrubSecrets(text: string): string {
  return text.replace(/sk-[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{20,}/g, '[redacted]');
}
