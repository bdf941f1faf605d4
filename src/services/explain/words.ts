import { formatDateTime } from '../durations.js';
import type { UsageState } from '../status/cooldown.js';
import type { NotTried } from '../status/order.js';

/** Why a profile is not tried now, as a stable code for scripts (`explain --json`). */
export type NotTriedCode =
  | 'not-in-order'
  | 'not-in-auth-profiles'
  | 'mode-mismatch'
  | 'provider-mismatch'
  | 'expired'
  | 'no-secret'
  | 'unknown-type'
  | 'unresolved-ref'
  | 'malformed-key'
  | 'invalid-expires'
  | 'refresh-failed'
  | 'refresh-pending'
  | 'inactive-setup'
  | 'cooldown'
  | 'disabled'
  | 'plugin-disabled'
  | 'plugin-not-installed';

export function notTriedCode(reason: NotTried): NotTriedCode {
  switch (reason.why) {
    case 'not-in-order':
      return 'not-in-order';
    case 'not-in-config':
      return 'not-in-auth-profiles';
    case 'mode-mismatch':
    case 'provider-mismatch':
    case 'unresolved-ref':
    case 'inactive-setup':
      return reason.why;
    case 'rejected':
      return reason.problem;
    case 'unusable':
      return reason.status === 'expired' ? 'expired' : reason.status === 'unknown' ? 'unknown-type' : 'no-secret';
  }
}

/** "cooldown until 2026-12-05 07:31 UTC (rate_limit)": the window the gateway waits out before trying it again. */
export function describeWaiting(usage: UsageState): string {
  return `${usage.state} until ${formatDateTime(usage.until)}${usage.reason ? ` (${usage.reason})` : ''}`;
}
