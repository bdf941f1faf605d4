import { hasSecretSource, type ProfileView } from '../profiles/credential-view.js';

export type HealthStatus = 'ok' | 'expiring' | 'expired' | 'refreshable' | 'static' | 'missing' | 'unknown';
export const HEALTH_STATUSES: readonly HealthStatus[] = [
  'ok',
  'expiring',
  'expired',
  'refreshable',
  'static',
  'missing',
  'unknown',
];

export interface ProfileHealth {
  status: HealthStatus;
  expiresAt?: number;
  /** Time left until `expiresAt`; negative once it has passed. */
  remainingMs?: number;
}

/** One status per profile (README "Health") from its type, secret and expiry against the warn window. */
export function classifyProfileHealth(
  view: ProfileView,
  nowMs: number,
  warnWithinMs: number,
  /** Its provider refused the refresh token (`monitor run` found it): nothing renews it. */
  refreshRefused = false,
): ProfileHealth {
  if (!view.known) return { status: 'unknown' };
  // As OpenClaw's auth health sees these: a fenced sign-in is expired, the others have no usable secret.
  if (view.problem) return { status: view.problem.startsWith('refresh-') ? 'expired' : 'missing' };
  const timed = (status: HealthStatus): ProfileHealth =>
    view.expiresAt === undefined
      ? { status }
      : { status, expiresAt: view.expiresAt, remainingMs: view.expiresAt - nowMs };
  const present = hasSecretSource(view);
  if (view.type === 'api_key') return { status: present ? 'static' : 'missing' };
  if (view.type === 'token') {
    if (!present) return { status: 'missing' };
    if (view.expiresAt === undefined) return { status: 'static' };
    return timed(expiryStatus(view.expiresAt, nowMs, warnWithinMs));
  }
  // oauth: without an expiry time nobody can tell when to refresh, so it counts as missing.
  if ((!present && !view.hasRefresh) || view.expiresAt === undefined) return timed('missing');
  const byExpiry = present ? expiryStatus(view.expiresAt, nowMs, warnWithinMs) : 'expired';
  // While its access token lasts, a sign-in with a refresh token is renewed by the gateway
  // before it runs out (as OpenClaw's own auth status sees it), so it is healthy, not expiring.
  const renewable = view.hasRefresh && !refreshRefused;
  if (byExpiry === 'expiring' && renewable) return timed('ok');
  if (byExpiry === 'expired' && renewable) return timed('refreshable');
  return timed(byExpiry);
}

function expiryStatus(expiresAt: number, nowMs: number, warnWithinMs: number): 'ok' | 'expiring' | 'expired' {
  if (expiresAt <= nowMs) return 'expired';
  return expiresAt - nowMs <= warnWithinMs ? 'expiring' : 'ok';
}

export { classifyUsage, type UsageState } from './cooldown.js';

/** Whether the gateway would try this profile at all (cooldown only moves it back). */
export function isUsableStatus(status: HealthStatus): boolean {
  return status === 'ok' || status === 'expiring' || status === 'refreshable' || status === 'static';
}

/**
 * `status --check` exits 1 for these. The README's "Health" names token/oauth profiles; an API key profile
 * with no key (say, a keyRef to an unset variable) is just as unusable, so it counts too.
 */
export function isFailingStatus(status: HealthStatus): boolean {
  return status === 'expired' || status === 'missing';
}

/** One colour per health status, for the screens and for `status` (NO_COLOR turns them off). */
export type StatusColor = 'green' | 'yellow' | 'red' | 'cyan' | 'magenta';

export const STATUS_COLOR: Record<HealthStatus, StatusColor> = {
  ok: 'green',
  expiring: 'yellow',
  expired: 'red',
  refreshable: 'cyan',
  static: 'green',
  missing: 'red',
  unknown: 'magenta',
};
