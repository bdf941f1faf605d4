import type { HealthStatus, StatusColor } from './health.js';
import type { NotTried } from './order.js';
import type { ProfileReport, StatusReport, StoreReport } from './status-report.js';

export interface SummaryPart {
  text: string;
  /** Coloured only when it counts something: "0 missing" is not an alarm. */
  color: StatusColor | undefined;
}

/**
 * The summary line, in the same words as `summary` in --json (ok and static apart, missing
 * profiles apart from providers in use without any credential), for `status` and the screens.
 */
export function summaryParts(report: Pick<StatusReport, 'summary' | 'missingProviders'>): SummaryPart[] {
  const { summary } = report;
  const part = (count: number, word: string, color: StatusColor): SummaryPart => ({
    text: `${count} ${word}`,
    color: count > 0 ? color : undefined,
  });
  const parts = [part(summary.ok, 'ok', 'green')];
  if (summary.static > 0) parts.push(part(summary.static, 'static', 'green'));
  parts.push(
    part(summary.expiring, 'expiring', 'yellow'),
    part(summary.expired, 'expired', 'red'),
    part(summary.missing, 'missing', 'red'),
  );
  if (summary.refreshable > 0) parts.push(part(summary.refreshable, 'refreshable', 'cyan'));
  if (summary.cooldown > 0) parts.push(part(summary.cooldown, 'in cooldown', 'yellow'));
  if (summary.disabled > 0) parts.push(part(summary.disabled, 'disabled', 'red'));
  if (summary.unknown > 0) parts.push(part(summary.unknown, 'unknown type', 'magenta'));
  const providers = report.missingProviders.length;
  if (providers > 0)
    parts.push(part(providers, `provider${providers === 1 ? '' : 's'} in use without a credential`, 'red'));
  return parts;
}

/** The generation as a person would name it: "shared SQLite (OpenClaw 2026.8.1+), seen 2026.9.6". */
export function describeStore(store: StoreReport): string {
  const era = {
    json: 'JSON files (OpenClaw ≤ 2026.6.1)',
    'agent-sqlite': 'per-agent SQLite (OpenClaw 2026.6.5–2026.7)',
    'shared-sqlite': 'shared SQLite (OpenClaw 2026.8.1+)',
  }[store.storeGeneration];
  const layout =
    store.layout === 'legacy-main' ? ', in the main agent database until `openclaw doctor --fix` moves it' : '';
  return `${era}${layout}${store.openclawVersion ? `, seen ${store.openclawVersion}` : ''}`;
}

/** A profile's layer in one word, for tables: store, shared, local (override) or main (inherited). */
export function layerLabel(profile: Pick<ProfileReport, 'layer'>, store: StoreReport): string {
  if (profile.layer === 'inherited') return 'main';
  if (profile.layer === 'shared') return 'shared';
  return store.storeGeneration === 'shared-sqlite' ? 'local' : 'store';
}

const STATUS_AS_REASON: Partial<Record<HealthStatus, string>> = {
  expired: 'expired',
  missing: 'no secret',
  unknown: 'a type authdeck does not know',
};

/** Why the gateway skips a profile, in words for the status view, --json and the dashboard. */
export function describeNotTried(reason: NotTried): string {
  if (reason.why === 'unusable') return STATUS_AS_REASON[reason.status] ?? reason.status;
  if (reason.why === 'not-in-config')
    return 'openclaw.json lists other profiles of this provider (auth.profiles), so the gateway skips it';
  const whose = {
    agent: "this agent's order",
    main: "the main agent's order",
    shared: 'the shared order',
    config: 'auth.order in openclaw.json',
    auto: 'the order',
  }[reason.source];
  return `not in ${whose}`;
}

/** "1 profile", "3 profiles": a count with its noun. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
