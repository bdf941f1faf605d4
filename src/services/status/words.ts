import { formatDuration } from '../durations.js';
import { shellWord } from '../shell-word.js';
import { countOf } from './count.js';
import type { HealthStatus, StatusColor } from './health.js';
import type { NotTried, OrderSource } from './order.js';
import type { ProfileReport, StatusReport } from './types.js';

/** What serves a provider that has no profile or env key: its key written in the config. */
export function configKeyWords(provider: string, marker: string | null = null): string {
  // OpenClaw's marker for a server that takes no key (ollama-local) is no key to worry about.
  if (marker) return `a server that takes no key (models.providers.${provider}.apiKey is the marker ${marker})`;
  return `the key in the config (models.providers.${provider}.apiKey)`;
}

/** A config key that reads an unset variable: said where the provider has no working credential. */
export function unsetKeyWords(provider: string, variable: string): string {
  return `models.providers.${provider}.apiKey reads ${variable}, which is not set (environment or .env)`;
}

export interface SummaryPart {
  text: string;
  /** Coloured only when it counts something: "0 missing" is not an alarm. */
  color: StatusColor | undefined;
}

/**
 * The summary line, in the same words as `summary` in --json (ok and static apart, missing
 * profiles apart from providers in use without any credential), for `status` and the screens.
 */
export function summaryParts(
  report: Pick<StatusReport, 'summary' | 'missingProviders'> &
    Partial<Pick<StatusReport, 'profiles' | 'providers' | 'warnWithinMs' | 'generatedAt'>>,
): SummaryPart[] {
  const { summary } = report;
  const part = (count: number, word: string, color: StatusColor): SummaryPart => ({
    text: `${count} ${word}`,
    color: count > 0 ? color : undefined,
  });
  // "0 ok · 6 static" read as "nothing works" on a home of good keys: a count of none is left out
  // where keys that never expire are all there is.
  const parts = summary.ok === 0 && summary.static > 0 ? [] : [part(summary.ok, 'ok', 'green')];
  if (summary.static > 0) parts.push(part(summary.static, 'static', 'green'));
  parts.push(
    part(summary.expiring, 'expiring', 'yellow'),
    part(summary.expired, 'expired', 'red'),
    part(summary.missing, 'missing', 'red'),
  );
  // `ok`, yet inside the warn window: what makes `status --check` exit 2 as OpenClaw's does.
  const renewing = renewingSoon(report);
  if (renewing > 0) parts.push(part(renewing, 'renewing soon', 'cyan'));
  if (summary.refreshable > 0) parts.push(part(summary.refreshable, 'refreshable', 'cyan'));
  if (summary.cooldown > 0) parts.push(part(summary.cooldown, 'in cooldown', 'yellow'));
  if (summary.disabled > 0) parts.push(part(summary.disabled, 'disabled', 'red'));
  if (summary.unknown > 0) parts.push(part(summary.unknown, 'unknown type', 'magenta'));
  const providers = report.missingProviders.length;
  // One judged because it was asked for (`--provider P`), not because a model uses it, is not said to be in use.
  const inUse =
    !report.providers ||
    report.missingProviders.every((id) => report.providers?.some((entry) => entry.provider === id && entry.inUse));
  if (providers > 0)
    parts.push(
      part(providers, `provider${providers === 1 ? '' : 's'}${inUse ? ' in use' : ''} without a credential`, 'red'),
    );
  return parts;
}

/**
 * A sign-in the gateway renews itself whose expiry is inside the warn window: only one with a
 * refresh token is `ok` this close to it (health.ts).
 */
export function renewsSoon(profile: ProfileReport, nowMs: number, warnWithinMs: number): boolean {
  return (
    profile.type === 'oauth' &&
    profile.status === 'ok' &&
    profile.expiresAt !== null &&
    profile.expiresAt - nowMs <= warnWithinMs
  );
}

function renewingSoon(report: Partial<Pick<StatusReport, 'profiles' | 'warnWithinMs' | 'generatedAt'>>): number {
  const { profiles, warnWithinMs, generatedAt } = report;
  if (!profiles || warnWithinMs === undefined || generatedAt === undefined) return 0;
  const nowMs = Date.parse(generatedAt);
  return profiles.filter((profile) => renewsSoon(profile, nowMs, warnWithinMs)).length;
}

export { credentialsPath, describeStore, layerLabel } from '../store/report.js';

const STATUS_AS_REASON: Partial<Record<HealthStatus, string>> = {
  expired: 'expired',
  missing: 'no secret',
  unknown: 'a type authdeck does not know',
};

/** Why the gateway skips a profile, in words for the status view, --json, explain and the dashboard. */
export function describeNotTried(reason: NotTried): string {
  switch (reason.why) {
    case 'unusable':
      return STATUS_AS_REASON[reason.status] ?? reason.status;
    case 'not-in-config':
      return 'auth.profiles in openclaw.json lists other profiles of this provider';
    case 'mode-mismatch':
      return `auth.profiles in openclaw.json says mode ${reason.mode}, but it is a ${reason.type} profile`;
    case 'provider-mismatch':
      return `auth.profiles in openclaw.json gives it provider ${reason.provider}`;
    case 'unresolved-ref':
      return `its secret ref ${reason.ref} is not set here`;
    case 'rejected':
      return REJECTED[reason.problem];
    case 'inactive-setup':
      return `saved, inactive (a replacement an onboarding set aside): \`${activateCommand(reason.profileId, reason.agentId)}\` tests it and puts it in use`;
    case 'not-in-order':
      return `not in ${ORDER_WHOSE[reason.source]}`;
  }
}

/** "cooldown 4m left": why a profile in the order waits now, or undefined when it does not. */
export function waitingWords(profile: ProfileReport | undefined, nowMs: number): string | undefined {
  if (profile?.usage === 'disabled' && profile.disabledUntil !== null)
    return `disabled ${formatDuration(profile.disabledUntil - nowMs)} left`;
  if (profile?.usage === 'cooldown' && profile.cooldownUntil !== null)
    return `cooldown ${formatDuration(profile.cooldownUntil - nowMs)} left`;
  return undefined;
}

/** OpenClaw's command that tests an inactive replacement and puts it in use (it wants --agent once there are two). */
export function activateCommand(profileId: string, agentId: string | undefined): string {
  return `openclaw models auth activate ${shellWord(profileId)}${agentId ? ` --agent ${shellWord(agentId)}` : ''}`;
}

const REJECTED: Record<(NotTried & { why: 'rejected' })['problem'], string> = {
  'malformed-key': 'its key is an `openclaw onboard` command line, not a key',
  'invalid-expires': 'its expiry is not a valid time',
  'refresh-failed': 'its sign-in failed to refresh; sign in again',
  'refresh-pending': 'a refresh of its sign-in is under way',
};

const ORDER_WHOSE: Record<OrderSource, string> = {
  agent: "this agent's order",
  main: "the main agent's order",
  shared: 'the shared order',
  config: 'auth.order in openclaw.json',
  auto: 'the order',
};

export { countOf };
