import { UsageError } from './errors.js';

const UNIT_MS = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  y: 365 * 86_400_000,
} as const satisfies Record<string, number>;
type DurationUnit = keyof typeof UNIT_MS;

export const DAY_MS = UNIT_MS.d;
export const SETUP_TOKEN_LIFETIME_MS = 365 * DAY_MS;
export const DEFAULT_WARN_WITHIN = '24h';

/**
 * The longest duration taken: a lifetime or window past it means nothing for a credential, and
 * an expiry must stay a time OpenClaw accepts (it marks one past year 275760 invalid).
 */
const MAX_DURATION_MS = 100 * UNIT_MS.y;

/**
 * "365d", "12h", "90m", "1d12h", "45s", "500ms"; a bare number is in `bareUnit` — hours for
 * windows, days for a credential's lifetime (as OpenClaw's `--token-expires-in` / `--expires-in`).
 */
export function parseDuration(text: string, flag = 'duration', bareUnit: 'h' | 'd' | 'ms' = 'h'): number {
  const trimmed = text.trim().toLowerCase();
  const ms = Math.round(
    /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) * UNIT_MS[bareUnit] : sumOfParts(trimmed, text, flag),
  );
  if (!(ms <= MAX_DURATION_MS)) throw new UsageError(`${flag}: "${text}" is longer than 100 years`);
  return ms;
}

function sumOfParts(trimmed: string, text: string, flag: string): number {
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/g)];
  const consumed = parts.map((part) => part[0]).join('');
  if (parts.length === 0 || consumed !== trimmed) {
    throw new UsageError(`${flag}: "${text}" is not a duration; use forms like 365d, 12h, 90m or 1d12h`);
  }
  return parts.reduce((total, [, amount, unit]) => total + Number(amount) * UNIT_MS[unit as DurationUnit], 0);
}

/** A compact two-unit duration, rounded at its smaller unit: "365d", "5h 12m", "4m 10s", "12s". */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= DAY_MS) {
    const hours = Math.round(abs / 3_600_000);
    const days = Math.floor(hours / 24);
    return hours % 24 > 0 ? `${days}d ${hours % 24}h` : `${days}d`;
  }
  if (abs >= 3_600_000) {
    const minutes = Math.round(abs / 60_000);
    const hours = Math.floor(minutes / 60);
    if (hours >= 24) return '1d';
    return minutes % 60 > 0 ? `${hours}h ${minutes % 60}m` : `${hours}h`;
  }
  const seconds = Math.floor(abs / 1000);
  const minutes = Math.floor(seconds / 60);
  if (minutes > 0) return seconds % 60 > 0 ? `${minutes}m ${seconds % 60}s` : `${minutes}m`;
  return `${seconds}s`;
}

/** "in 364d 23h" for the future, "3d 2h ago" for the past. */
export function formatRelative(targetMs: number, nowMs: number): string {
  const delta = targetMs - nowMs;
  return delta >= 0 ? `in ${formatDuration(delta)}` : `${formatDuration(delta)} ago`;
}

/** The largest time a JavaScript Date holds (±8.64e15 ms, year 275760). */
export const MAX_DATE_MS = 8.64e15;

/**
 * A stored time as OpenClaw reads it (asDateTimestampMs): a finite number a Date can hold, else
 * undefined. The gateway ignores a window that ends past year 275760, so authdeck does too.
 */
export function asDateMs(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_DATE_MS ? value : undefined;
}

/** Words for a time no Date can hold: never thrown, since a stored value can be anything. */
const INVALID_TIME = 'an invalid time';

export function formatDate(ms: number): string {
  return asDateMs(ms) === undefined ? INVALID_TIME : new Date(ms).toISOString().slice(0, 10);
}

export function formatDateTime(ms: number): string {
  return asDateMs(ms) === undefined ? INVALID_TIME : `${new Date(ms).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
}

/** An expiry as a date, with the time when it is near enough that the day alone says little. */
export function formatExpiryDate(expiresAt: number, nowMs: number): string {
  return Math.abs(expiresAt - nowMs) < 2 * DAY_MS ? formatDateTime(expiresAt) : formatDate(expiresAt);
}

/** A warn window as people say it: "24h" rather than "1d", "7d" rather than "168h". */
export function formatWindow(ms: number): string {
  const hourMs = UNIT_MS.h;
  if (ms % hourMs === 0 && ms < 2 * DAY_MS) return `${ms / hourMs}h`;
  return formatDuration(ms).replace(' ', '');
}

/** A live countdown that moves every second: "364d 23:59:58", "04:59:12". */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const clock = [Math.floor((total % 86_400) / 3600), Math.floor((total % 3600) / 60), total % 60]
    .map((part) => String(part).padStart(2, '0'))
    .join(':');
  return days > 0 ? `${days}d ${clock}` : clock;
}

/** "expires in 5h" or "expired 3h ago" (or with a date: "expired 2026-11-27"): never "expires" for the past. */
export function describeExpiry(expiresAt: number, nowMs: number, style: 'relative' | 'date' = 'relative'): string {
  const when = style === 'date' ? formatDate(expiresAt) : formatRelative(expiresAt, nowMs);
  return `${expiresAt <= nowMs ? 'expired' : 'expires'} ${when}`;
}
