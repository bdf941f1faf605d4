import { pluginProvider, pluginProviderNote } from '../providers/catalog.js';
import { findProvider } from '../providers.js';
import type { StatusReport } from '../status/report.js';

/** How the note that no model uses the saved provider starts: the wizard leaves it out where `d` does it. */
export const UNUSED_PROVIDER_NOTE = 'No model uses ';

/**
 * After a credential lands: what still keeps the gateway from using it or from working, in
 * words for the wizard's summary. No default model means OpenClaw's built-in one is in use.
 */
export function describeModelCoverage(
  report: StatusReport,
  savedProvider: string,
  customProviderSetUp: boolean,
): string[] {
  const notes: string[] = [];
  const custom = customProviderNote(savedProvider, report.configPath, customProviderSetUp);
  if (custom) notes.push(custom);
  // The report may predate the save (a fake in tests, a slow disk): a provider it lacks is not in use.
  const saved = report.providers.find((entry) => entry.provider === savedProvider);
  const builtIn = report.providers.some((entry) => entry.usedBy.some((use) => use.role === 'built-in default'));
  for (const provider of report.providers) {
    if (!provider.inUse || provider.effectiveSource !== 'missing') continue;
    const use = provider.usedBy[0];
    notes.push(
      use?.role === 'built-in default'
        ? `No default model is configured, so OpenClaw uses its built-in ${provider.provider} model, and ${provider.provider} has no credential.`
        : `${use?.role === 'default' ? 'The default' : `A ${use?.role ?? ''}`} model ${use?.ref ?? ''} uses ${provider.provider}, which has no credential yet.`,
    );
  }
  if (!saved?.inUse) {
    notes.push(
      `${UNUSED_PROVIDER_NOTE}${savedProvider} yet${builtIn ? ' (no default model is configured)' : ''}: set agents.defaults.model.primary (or a fallback) in ${report.configPath} to ${/^[aeiou]/i.test(savedProvider) ? 'an' : 'a'} "${savedProvider}/…" model ref.`,
    );
  }
  return notes;
}

/** A provider OpenClaw ships (a plugin serves it), or one `setUp` (its models.providers block, its plugin entry) describes. */
export function gatewayKnowsProvider(provider: string, setUp: boolean): boolean {
  // openai-codex: OpenClaw's own id for ChatGPT sign-ins before 2026.7, built in there.
  return (
    findProvider(provider) !== undefined ||
    pluginProvider(provider) !== undefined ||
    setUp ||
    provider === 'openai-codex'
  );
}

/**
 * A provider OpenClaw does not ship needs an entry under `models.providers` (where to send
 * requests, in which API style) before any credential for it is used; one a plugin serves with
 * nothing to onboard (Amazon Bedrock) reads its credentials as its plugin does.
 */
export function customProviderNote(provider: string, configPath: string, setUp: boolean): string | undefined {
  const served = setUp ? undefined : pluginProviderNote(provider);
  if (served) return `${served}.`;
  if (gatewayKnowsProvider(provider, setUp)) return undefined;
  // The way that writes the block for you first: the raw JSON left people editing a file by hand.
  return `The gateway does not know ${provider} yet: it needs the endpoint and a model. \`authdeck onboard --auth-choice custom-api-key --custom-provider-id ${provider} --custom-base-url <https://…/v1> --custom-model-id <model>\` (the wizard's "Custom endpoint…") writes them, with the key again on stdin; or add models.providers.${provider} (baseUrl, api, models) to ${configPath}.`;
}
