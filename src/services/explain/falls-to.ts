import { resolveAuthProvider } from '../providers/catalog.js';
import type { ExplainReport, ModelExplanation } from './explain.js';

/**
 * What the gateway uses for a model, in the order it turns to them: the profiles it tries, the
 * env key, the config's key, a keyless endpoint.
 */
export function sourcesOf(entry: ModelExplanation): string[] {
  const sources = entry.profiles.filter((profile) => profile.tried).map((profile) => profile.id);
  if (entry.env) sources.push(`env ${entry.env.variable}`);
  if (entry.configKey)
    sources.push(entry.configKeyMarker ? `the endpoint (marker ${entry.configKeyMarker})` : "the config's key");
  if (entry.effectiveSource === 'local') sources.push('the keyless endpoint');
  return sources;
}

/** The model a request falls back to when every source of `entry` fails: the next one not skipped. */
export function laterModel(report: ExplainReport, entry: ModelExplanation): ModelExplanation | undefined {
  return report.models.slice(report.models.indexOf(entry) + 1).find((other) => other.skipped === null);
}

/**
 * Where requests go when `profileId` (a profile of `provider`) fails: the sources after it for
 * the first model that uses it, then the fallback model — explain's "If … fails" and doctor's
 * "why" say the same. Undefined when no model in use tries it (the caller judges then).
 */
export function fallsTo(report: ExplainReport, provider: string, profileId: string): string[] | undefined {
  const authProvider = resolveAuthProvider(provider);
  for (const entry of report.models) {
    if (entry.authProvider !== authProvider || entry.skipped !== null) continue;
    const sources = sourcesOf(entry);
    if (!sources.includes(profileId)) continue;
    const later = laterModel(report, entry);
    return [...sources.slice(sources.indexOf(profileId) + 1), ...(later ? [later.ref] : [])];
  }
  return undefined;
}

/** The model requests for `provider`'s first model in use go on to when nothing of the provider serves them. */
export function fallbackFor(report: ExplainReport, provider: string): string | undefined {
  const authProvider = resolveAuthProvider(provider);
  const entry = report.models.find((model) => model.authProvider === authProvider);
  return entry ? laterModel(report, entry)?.ref : undefined;
}
