import { type AgentState, listAgentProfiles, listEnvCredentials } from '../profiles/agent-state.js';
import type { StatusReport } from '../status/report.js';
import type { ProbeTarget } from './probe-runner.js';

export interface ProbeFilter {
  provider?: string;
  /** Profile ids (or `env:VAR`) to probe; all when empty. */
  profiles?: string[];
}

/**
 * What `status --probe` and the dashboard check: every profile (with OpenClaw's reason code
 * instead of a request when the gateway would not use it) and every env key of a provider.
 */
export function probeTargets(state: AgentState, report: StatusReport, filter: ProbeFilter = {}): ProbeTarget[] {
  const byId = new Map(report.profiles.map((profile) => [profile.id, profile]));
  const targets: ProbeTarget[] = listAgentProfiles(state).map(({ view }) => {
    const profile = byId.get(view.id);
    const reason = reasonCodeFor(view.secret, view.secretRef?.source, profile);
    return {
      id: view.id,
      provider: view.provider,
      type: view.type,
      ...(view.secret !== undefined ? { secret: view.secret } : {}),
      ...(reason ? { reasonCode: reason.code, notTriedReason: reason.words } : {}),
    };
  });
  for (const env of listEnvCredentials(
    state,
    report.providers.map((provider) => provider.provider),
  )) {
    targets.push({ id: `env:${env.variable}`, provider: env.provider, type: env.type, secret: env.secret });
  }
  const wanted = new Set(filter.profiles ?? []);
  return targets.filter(
    (target) =>
      (!filter.provider || target.provider === filter.provider) && (wanted.size === 0 || wanted.has(target.id)),
  );
}

function reasonCodeFor(
  secret: string | undefined,
  refSource: string | undefined,
  profile: StatusReport['profiles'][number] | undefined,
): { code: string; words: string } | undefined {
  if (secret === undefined && refSource && refSource !== 'env')
    return {
      code: 'unresolved_ref',
      words: `the secret is behind a ${refSource} ref, which authdeck does not resolve`,
    };
  if (secret === undefined) return { code: 'missing_credential', words: 'no secret to probe' };
  if (profile?.status === 'expired') return { code: 'expired', words: 'expired: the gateway does not use it' };
  if (profile?.notTried?.startsWith('not in'))
    return { code: 'excluded_by_auth_order', words: `${profile.notTried}: the gateway does not try it` };
  return undefined;
}
