import { asRecord } from '../json-text.js';
import { catalog } from '../providers/catalog.js';
import type { AgentModels, ModelSettings } from './model-types.js';

/** OpenClaw's built-in default when no model is configured (2026.5 `openai/gpt-5.5`, 2026.9 `openai/gpt-6-astra`). */
export const OPENCLAW_DEFAULT_PROVIDER = 'openai';

/** A `models` map's aliases (`{"anthropic/claude-opus-5": {"alias": "big"}}`): alias, lowercase → ref. */
export function readModelAliases(value: unknown): Record<string, string> {
  const aliases: Record<string, string> = Object.create(null);
  for (const [ref, entry] of Object.entries(asRecord(value) ?? {})) {
    const alias = asRecord(entry)?.alias;
    if (typeof alias === 'string' && alias.trim()) aliases[alias.trim().toLowerCase()] = ref;
  }
  return aliases;
}

/**
 * The aliases OpenClaw's config loader adds (applyModelDefaults): a model listed under
 * `agents.defaults.models` without an alias of its own gets its default one (`opus`), unless
 * another entry holds that alias already. Today's table first, then an older release's for a
 * home of that release (its model ids differ); the catalog holds both, read from OpenClaw.
 */
function withDefaultAliases(models: Record<string, unknown>, aliases: Record<string, string>): void {
  for (const table of [catalog.defaultModelAliases, catalog.olderDefaultModelAliases?.aliases ?? {}]) {
    for (const [alias, target] of Object.entries(table)) {
      const entry = Object.hasOwn(models, target) ? asRecord(models[target]) : undefined;
      if (!entry || entry.alias !== undefined || aliases[alias] !== undefined) continue;
      aliases[alias] = target;
    }
  }
}

/** Every alias `agents.defaults.models` gives: its entries' own, then OpenClaw's default ones (withDefaultAliases). */
export function configuredAliases(value: unknown): Record<string, string> {
  const models = asRecord(value) ?? {};
  const aliases = readModelAliases(models);
  withDefaultAliases(models, aliases);
  return aliases;
}

/** The model an alias (`sonnet`) stands for, as `agents.defaults.models` names it; undefined for no alias. */
export function aliasedRef(ref: string, settings: Pick<ModelSettings, 'aliases'>): string | undefined {
  return settings.aliases[withoutPinnedProfile(ref).toLowerCase()];
}

/**
 * A ref without the profile it pins (`anthropic/claude-opus-5@anthropic:work`, `opus@work`), as
 * OpenClaw's splitTrailingAuthProfile reads it: an `@` after the last `/`, unless what follows
 * is a date (`@20250514`) or a quantisation (`@q4_k_m`, `@8bit`), which belong to the model id.
 */
export function withoutPinnedProfile(ref: string): string {
  return splitPinnedProfile(ref).model;
}

/** A ref and the profile it pins, if any (withoutPinnedProfile). */
export function splitPinnedProfile(ref: string): { model: string; profile?: string } {
  const trimmed = ref.trim();
  let at = trimmed.indexOf('@', trimmed.lastIndexOf('/') + 1);
  if (at <= 0) return { model: trimmed };
  for (const modelPart of [/^\d{8}(?:@|$)/, /^(?:i?q\d+(?:_[a-z0-9]+)*|\d+bit)(?:@|$)/i]) {
    if (!modelPart.test(trimmed.slice(at + 1))) continue;
    at = trimmed.indexOf('@', at + 1);
    if (at < 0) return { model: trimmed };
  }
  const model = trimmed.slice(0, at).trim();
  const profile = trimmed.slice(at + 1).trim();
  return model && profile ? { model, profile } : { model: trimmed };
}

/**
 * The provider of a model ref as OpenClaw resolves it: a pinned profile set aside, an alias
 * first, else the part before the first `/`, else (a bare model name) the one provider that
 * lists it — under `agents.defaults.models` or in its `models.providers` list
 * (inferUniqueProviderFromConfiguredModels) — else OpenClaw's default provider.
 */
export function providerOfModelRef(ref: string, settings: ModelSettings): string {
  const full = aliasedRef(ref, settings) ?? withoutPinnedProfile(ref);
  const slash = full.indexOf('/');
  if (slash > 0) return full.slice(0, slash).trim().toLowerCase();
  const listers = new Set<string>();
  for (const listed of settings.listed ?? []) {
    const at = listed.indexOf('/');
    if (listed.slice(at + 1).trim() === full) listers.add(listed.slice(0, at).trim().toLowerCase());
  }
  for (const [id, entry] of Object.entries(settings.providers)) if (entry.modelIds?.includes(full)) listers.add(id);
  const [only] = listers;
  return listers.size === 1 && only ? only : OPENCLAW_DEFAULT_PROVIDER;
}

/** The settings as one agent sees them: its own aliases over the defaults'. */
export function settingsForAgent(settings: ModelSettings, agent?: AgentModels): ModelSettings {
  return agent?.aliases && Object.keys(agent.aliases).length > 0
    ? { ...settings, aliases: Object.assign(Object.create(null), settings.aliases, agent.aliases) }
    : settings;
}
