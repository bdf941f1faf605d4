/**
 * Numbers a sign-in server sends, taken only within sane ranges: a lifetime of 1e308 s made an
 * "Infinity" expiry (stored as null), 1e15 s an expiry 30,000 years away, and a poll interval of
 * 1e7 s overflowed Node's timer (it fires at once: thousands of polls a second).
 */

/** A lifetime in seconds as milliseconds, or undefined when it is not a number in (0, max]. */
export function lifetimeMs(value: unknown, maxSeconds: number): number | undefined {
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0 || seconds > maxSeconds)
    return undefined;
  return seconds * 1000;
}

/** The longest an access token is believed to last (refresh tokens renew it; none lasts a year). */
export const MAX_ACCESS_TOKEN_SECONDS = 366 * 86_400;
/** The longest a device code is believed to stay valid (RFC 8628 suggests minutes). */
export const MAX_DEVICE_CODE_SECONDS = 3_600;

/** A poll interval in milliseconds: what the server asks, kept within 1–60 s; `fallbackSeconds` otherwise. */
export function pollIntervalMs(value: unknown, fallbackSeconds = 5): number {
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  const asked = typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : fallbackSeconds;
  return Math.min(60, Math.max(1, asked)) * 1000;
}
