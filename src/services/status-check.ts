import { formatRelative } from './durations.js';
import { isFailingStatus } from './health.js';
import type { CheckResult, ProfileReport } from './status-report.js';

/** SPEC §4: 1 for expired/missing or a provider in use with nothing, else 2 for expiring, else 0. */
export function evaluateCheck(profiles: ProfileReport[], missingProviders: string[], nowMs: number): CheckResult {
  const failures: string[] = [];
  const expiring: string[] = [];
  for (const profile of profiles) {
    if (isFailingStatus(profile.status)) {
      failures.push(
        profile.status === 'expired' && profile.expiresAt !== null
          ? `${profile.id} expired ${formatRelative(profile.expiresAt, nowMs)}`
          : `${profile.id} has no usable secret`,
      );
    } else if (profile.status === 'expiring' && profile.expiresAt !== null) {
      expiring.push(`${profile.id} expires ${formatRelative(profile.expiresAt, nowMs)}`);
    }
  }
  for (const provider of missingProviders)
    failures.push(`${provider} is used by the default model but has no credential`);
  if (failures.length > 0) return { exitCode: 1, reasons: [...failures, ...expiring] };
  return { exitCode: expiring.length > 0 ? 2 : 0, reasons: expiring };
}
