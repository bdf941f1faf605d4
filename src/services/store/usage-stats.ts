/**
 * The usage stats OpenClaw keeps per profile (cooldowns, blocks, disabled windows, error counts),
 * read as the gateway reads them: a value of the wrong type, or a time no Date can hold, is absent.
 */
import { asDateMs } from '../durations.js';

export interface UsageStats {
  lastUsed?: number;
  cooldownUntil?: number;
  /** Why the cooldown began (rate_limit, timeout, billing, …); some reasons hold for one model only. */
  cooldownReason?: string;
  /** The model a rate-limit, timeout or model-not-found cooldown is about (OpenClaw 2026.9). */
  cooldownModel?: string;
  /** A provider-side block (a quota window), for every model or, with blockedScope "model", one. */
  blockedUntil?: number;
  blockedModel?: string;
  blockedScope?: string;
  disabledUntil?: number;
  disabledReason?: string;
  errorCount?: number;
  lastFailureAt?: number;
}

export function readUsageStats(record: Record<string, unknown>): UsageStats {
  const num = (key: string) =>
    typeof record[key] === 'number' && Number.isFinite(record[key]) ? (record[key] as number) : undefined;
  const stats: UsageStats = {};
  for (const key of ['lastUsed', 'errorCount'] as const) {
    const value = num(key);
    if (value !== undefined) stats[key] = value;
  }
  // A time no Date can hold counts as absent, as OpenClaw's usage-state reads it (asDateTimestampMs):
  // the gateway ignores a cooldown until 1e16, so it must neither hold the profile back nor reach a date formatter.
  for (const key of ['cooldownUntil', 'blockedUntil', 'disabledUntil', 'lastFailureAt'] as const) {
    const value = asDateMs(record[key]);
    if (value !== undefined) stats[key] = value;
  }
  for (const key of ['cooldownReason', 'cooldownModel', 'blockedModel', 'blockedScope', 'disabledReason'] as const) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') stats[key] = value.trim();
  }
  return stats;
}
