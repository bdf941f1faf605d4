import type { ProviderPluginProblem } from '../providers/plugin-state.js';
import type { StatusReport } from './types.js';

/**
 * A report with the providers whose plugin keeps the gateway from them (provider → why, "the
 * codex plugin is not installed"): none of their profiles is next, and each says why it is not
 * tried — as explain says it (a `*` marked a key the gateway could not use).
 */
export function markUnserved(report: StatusReport, why: Readonly<Record<string, string>>): StatusReport {
  const blocked = (provider: string) => (Object.hasOwn(why, provider) ? why[provider] : undefined);
  if (!report.providers.some((entry) => blocked(entry.provider))) return report;
  return {
    ...report,
    providers: report.providers.map((entry) => (blocked(entry.provider) ? { ...entry, next: null } : entry)),
    profiles: report.profiles.map((profile) => {
      const reason = blocked(profile.provider);
      return reason ? { ...profile, next: false, notTried: profile.notTried ?? reason } : profile;
    }),
  };
}

/** Provider → why its plugin keeps the gateway from it, for markUnserved. */
export function unservedBy(problems: readonly ProviderPluginProblem[]): Record<string, string> {
  return Object.fromEntries(problems.map(({ provider, problem }) => [provider, problem.summary]));
}

/** Said above a provider's profiles while its plugin keeps the gateway from them (pick, order get). */
export function unservedLine(why: string): string {
  return `${why}: the gateway tries none of these until then`;
}
