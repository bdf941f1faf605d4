import { envValue } from '../env-value.js';
import type { AgentState } from '../profiles/agent-state.js';
import { shellWord } from '../shell-word.js';
import type { StatusReport } from '../status/report.js';
import type { Finding } from './doctor-types.js';

/** A variable and a profile for the same provider, or one variable with two values: say which wins. */
export function checkEnvShadowing(state: AgentState, report: StatusReport): Finding[] {
  const findings: Finding[] = [];
  for (const env of report.env) {
    const provider = report.providers.find((entry) => entry.provider === env.provider);
    if (!provider || provider.order.length === 0) continue;
    findings.push({
      code: 'env-shadowed',
      severity: 'info',
      subject: env.variable,
      // The finding is shown under the variable's name: the problem does not say it again.
      problem: `set in the ${env.origin === 'process' ? 'environment' : 'daemon .env'}, and ${env.provider} profiles exist too`,
      why: `the gateway uses the profiles first (${provider.order[0]} next); ${env.variable} is only a fallback`,
      fix: `nothing, if that is what you want; else \`authdeck env unset ${shellWord(env.variable)}\``,
    });
  }
  const processEnv = state.workspace.env;
  for (const [name, value] of Object.entries(state.daemonEnv)) {
    const other = envValue(processEnv, name);
    if (other === undefined || other.trim() === '' || other === value) continue;
    findings.push({
      code: 'env-differs',
      severity: 'warning',
      subject: name,
      problem: `set to one value in this shell and to another in ${state.workspace.daemonEnvPath}`,
      why: 'the daemon reads the .env value; commands run by hand (and authdeck) see the shell one',
      fix: `unset it in your shell profile, or \`authdeck env set ${shellWord(name)}\` to the value you mean`,
    });
  }
  return findings;
}
