import type { AgentState } from '../profiles/agent-state.js';
import { reportPluginProblems } from '../providers/plugin-state.js';
import type { StatusReport } from '../status/types.js';
import type { Finding } from './doctor-types.js';

/** The plugin of each provider that has a profile or is in use (see plugin-state.ts). */
export async function checkPlugins(state: AgentState, report: StatusReport): Promise<Finding[]> {
  return (await reportPluginProblems(state, report)).map(({ provider, inUse, problem }) => ({
    code: problem.code,
    severity: inUse ? 'error' : 'warning',
    subject: provider,
    problem: problem.problem,
    why: `the gateway does not load ${provider}, so its credentials are never used`,
    fix: problem.fix,
    ...(problem.entryFixes ? { safeFix: { kind: 'enable-plugin' as const, pluginId: problem.pluginId } } : {}),
  }));
}
