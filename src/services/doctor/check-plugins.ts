/**
 * A provider's credentials are used only when its plugin is loaded (OpenClaw 2026.8+): bundled
 * plugins that onboarding enables must be enabled, none switched off, and one from the external
 * catalog installed. Checked for the providers that have a profile or are in use.
 */
import type { AgentState } from '../profiles/agent-state.js';
import { choicesForProvider } from '../providers/catalog.js';
import { pluginNeed } from '../providers/plugin-install.js';
import type { StatusReport } from '../status/types.js';
import type { Finding } from './doctor-types.js';

export async function checkPlugins(state: AgentState, report: StatusReport): Promise<Finding[]> {
  // Plugins decide which providers load from the shared-SQLite generation on; older ones build them in.
  if (!state.store.pluginsServeProviders) return [];
  const { config, configPath } = state.workspace;
  const findings: Finding[] = [];
  const providers = new Set([
    ...report.providers.filter((entry) => entry.inUse).map((entry) => entry.provider),
    ...report.profiles.map((profile) => profile.provider),
  ]);
  const seen = new Set<string>();
  for (const provider of providers) {
    if (Object.hasOwn(config.models.providers, provider)) continue;
    const plugin = choicesForProvider(provider).find((choice) => choice.plugin)?.plugin;
    if (!plugin || seen.has(plugin.id)) continue;
    seen.add(plugin.id);
    const inUse = report.providers.some((entry) => entry.provider === provider && entry.inUse);
    const severity = inUse ? 'error' : 'warning';
    const why = `the gateway does not load ${provider}, so its credentials are never used`;
    const enabled = config.pluginsEnabled[plugin.id];
    if (enabled === false || (plugin.status === 'bundled-needs-enable' && enabled !== true)) {
      findings.push({
        code: 'plugin-disabled',
        severity,
        subject: provider,
        problem: `the ${plugin.id} plugin is ${enabled === false ? 'switched off' : 'not enabled'} (plugins.entries.${plugin.id}.enabled in ${configPath})`,
        why,
        fix: `set plugins.entries.${plugin.id}.enabled to true`,
        safeFix: { kind: 'enable-plugin', pluginId: plugin.id },
      });
    } else {
      // Looked for where onboarding looks (plugin-install.ts): the state dir and the config's.
      const need = await pluginNeed(plugin, state.workspace);
      if (!need) continue;
      findings.push({
        code: 'plugin-not-installed',
        severity,
        subject: provider,
        problem: `the ${plugin.id} plugin is not installed (${need.reason})`,
        why,
        fix: `\`${need.installCommand}\`, then restart the gateway`,
      });
    }
  }
  return findings;
}
