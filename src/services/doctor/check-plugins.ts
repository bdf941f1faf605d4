import { splitSetting } from '../config/config-shape.js';
import type { AgentState } from '../profiles/agent-state.js';
import { reportPluginProblems } from '../providers/plugin-state.js';
import { unknownProviders } from '../providers/unknown-providers.js';
import type { StatusReport } from '../status/types.js';
import { shown } from '../terminal-text.js';
import type { Finding } from './doctor-types.js';

/**
 * The plugin of each provider that has a profile or is in use (see plugin-state.ts), and a
 * `plugins` section whose types OpenClaw's schema rejects (it then refuses the whole config).
 */
export async function checkPlugins(state: AgentState, report: StatusReport): Promise<Finding[]> {
  const { config, configPath } = state.workspace;
  const invalid: Finding[] = config.plugins.invalid.map(splitSetting).map(({ setting, problem }) => ({
    code: 'plugin-policy-invalid',
    severity: 'error',
    subject: setting,
    problem: `${shown(problem)} (in ${configPath})`,
    why: 'OpenClaw refuses the whole config, so the gateway does not start',
    fix: `correct it in ${configPath}, then run \`openclaw config validate\``,
  }));
  const problems = (await reportPluginProblems(state, report)).map(
    ({ provider, inUse, problem }): Finding => ({
      code: problem.code,
      severity: inUse ? 'error' : 'warning',
      subject: provider,
      problem: problem.problem,
      why: problem.runtime
        ? `the gateway cannot run ${provider} models without it; its credentials are never used`
        : `the gateway does not load ${provider}, so its credentials are never used`,
      fix: problem.fix,
      ...(problem.entryFixes ? { safeFix: { kind: 'enable-plugin' as const, pluginId: problem.pluginId } } : {}),
    }),
  );
  const unknown = unknownProviders(state, report).map(
    ({ provider, problem, why, fix }): Finding => ({
      code: 'provider-unknown',
      severity: 'warning',
      subject: provider,
      problem,
      why,
      fix,
    }),
  );
  return [...invalid, ...problems, ...unknown];
}
