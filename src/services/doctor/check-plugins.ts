import type { AgentState } from '../profiles/agent-state.js';
import { providerPluginProblem } from '../providers/plugin-state.js';
import type { StatusReport } from '../status/types.js';
import type { Finding } from './doctor-types.js';

/** The plugin of each provider that has a profile or is in use (see plugin-state.ts). */
export async function checkPlugins(state: AgentState, report: StatusReport): Promise<Finding[]> {
  const findings: Finding[] = [];
  const providers = new Set([
    ...report.providers.filter((entry) => entry.inUse).map((entry) => entry.provider),
    ...report.profiles.map((profile) => profile.provider),
  ]);
  const seen = new Set<string>();
  for (const provider of providers) {
    const problem = await providerPluginProblem(state, provider);
    if (!problem || seen.has(problem.pluginId)) continue;
    seen.add(problem.pluginId);
    const inUse = report.providers.some((entry) => entry.provider === provider && entry.inUse);
    findings.push({
      code: problem.code,
      severity: inUse ? 'error' : 'warning',
      subject: provider,
      problem: problem.problem,
      why: `the gateway does not load ${provider}, so its credentials are never used`,
      fix: problem.fix,
      ...(problem.code === 'plugin-disabled'
        ? { safeFix: { kind: 'enable-plugin' as const, pluginId: problem.pluginId } }
        : {}),
    });
  }
  return findings;
}
