import type { UsageStats } from '../store/documents.js';

/**
 * The windows in which the gateway passes a profile over, as OpenClaw 2026.9 reads its usage
 * stats (usage-state.ts: isProfileInCooldown, resolveProfileUnusableUntil): a cooldown, a
 * provider-side block, a disabled window. A profile is unusable until the last of those that
 * still run. Windows that have passed count for nothing (the gateway clears them on its next read).
 */

export interface UsageState {
  state: 'cooldown' | 'disabled';
  until: number;
  reason?: string;
}

/** Providers that manage their own rate limits: OpenClaw ignores cooldowns recorded for them. */
const COOLDOWN_BYPASS = new Set(['openrouter', 'kilocode']);

/** Failures that cool one model down, not the profile: the profile still serves other models. */
const MODEL_SCOPED_REASONS = new Set(['rate_limit', 'timeout', 'model_not_found']);

export interface UsageScope {
  /** The profile's provider: some providers' cooldowns do not count. */
  provider?: string;
  /** The model a request is for; without one, every window counts (as `models status` sees it). */
  forModel?: string;
}

const running = (until: number | undefined, nowMs: number): until is number =>
  until !== undefined && Number.isFinite(until) && until > 0 && until > nowMs;

/**
 * The cooldown or disabled window the gateway honours now for this profile (and model), or
 * undefined: disabled when a disabled window runs, else cooldown; until the latest window.
 */
export function classifyUsage(
  stats: UsageStats | undefined,
  nowMs: number,
  scope: UsageScope = {},
): UsageState | undefined {
  if (!stats) return undefined;
  if (scope.provider !== undefined && COOLDOWN_BYPASS.has(scope.provider)) return undefined;
  const { forModel } = scope;
  const blockOtherModel =
    forModel !== undefined && stats.blockedScope === 'model' && !!stats.blockedModel && stats.blockedModel !== forModel;
  const cooldownOtherModel =
    forModel !== undefined &&
    MODEL_SCOPED_REASONS.has(stats.cooldownReason ?? '') &&
    !!stats.cooldownModel &&
    stats.cooldownModel !== forModel;
  const blocked = !blockOtherModel && running(stats.blockedUntil, nowMs);
  const disabled = running(stats.disabledUntil, nowMs);
  // A cooldown about another model does not hold this one back unless a block or a disabled window does.
  if (cooldownOtherModel && !blocked && !disabled) return undefined;
  const windows = [blockOtherModel ? undefined : stats.blockedUntil, stats.cooldownUntil, stats.disabledUntil].filter(
    (until) => running(until, nowMs),
  );
  if (windows.length === 0) return undefined;
  const until = Math.max(...windows);
  if (disabled) return { state: 'disabled', until, ...(stats.disabledReason ? { reason: stats.disabledReason } : {}) };
  const reason = running(stats.cooldownUntil, nowMs) ? stats.cooldownReason : blocked ? 'blocked' : undefined;
  return { state: 'cooldown', until, ...(reason ? { reason } : {}) };
}
