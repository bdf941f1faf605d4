import { editDistance } from '../edit-distance.js';
import type { AgentState } from '../profiles/agent-state.js';
import { customProviderNote } from '../profiles/model-coverage.js';
import { reportPluginProblems } from '../providers/plugin-state.js';
import { PROVIDERS } from '../providers.js';
import type { StatusReport } from '../status/types.js';
import { shown } from '../terminal-text.js';
import type { Finding } from './doctor-types.js';

/**
 * The plugin of each provider that has a profile or is in use (see plugin-state.ts), and a
 * `plugins` section whose types OpenClaw's schema rejects (it then refuses the whole config).
 */
export async function checkPlugins(state: AgentState, report: StatusReport): Promise<Finding[]> {
  const { config, configPath } = state.workspace;
  const invalid: Finding[] = config.plugins.invalid.map((setting) => ({
    code: 'plugin-policy-invalid',
    severity: 'error',
    subject: setting.slice(0, setting.indexOf(':')),
    problem: `${shown(setting)} (in ${configPath})`,
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
  return [...invalid, ...problems, ...unknownProviders(state, report)];
}

/**
 * Profiles of a provider no plugin authdeck knows serves and no `models.providers` block
 * describes (a typo saved before authdeck refused them, or a block never added): the gateway
 * has nowhere to send their requests.
 */
function unknownProviders(state: AgentState, report: StatusReport): Finding[] {
  const { config, configPath } = state.workspace;
  const providers = new Set(report.profiles.map((profile) => profile.provider));
  return [...providers].flatMap((provider): Finding[] => {
    const described =
      Object.hasOwn(config.models.providers, provider) || Object.hasOwn(config.plugins.entries, provider);
    if (!customProviderNote(provider, configPath, described)) return [];
    const ids = report.profiles.filter((profile) => profile.provider === provider).map((profile) => profile.id);
    const near = PROVIDERS.map((known) => known.id).filter((id) => editDistance(provider, id) <= 2);
    const typo = near.length > 0 ? ` (a typo of ${near.join(' or ')}?)` : '';
    return [
      {
        code: 'provider-unknown',
        severity: 'warning',
        subject: provider,
        problem: `no provider OpenClaw ships is called ${shown(provider)}${typo}, and ${configPath} has no models.providers.${shown(provider)} block`,
        why: `the gateway does not know where to send its requests, so ${ids.map((id) => shown(id)).join(', ')} ${ids.length === 1 ? 'is' : 'are'} never used`,
        fix:
          near.length > 0
            ? `save the credential again under ${near[0]} (\`authdeck onboard --provider ${near[0]}\`) and remove ${shown(ids[0] ?? '')}`
            : `add models.providers.${shown(provider)} (baseUrl, api, models) to ${configPath}`,
      },
    ];
  });
}
