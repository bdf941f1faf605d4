import type { EnvRecord, UnsetVariable } from '../config/config-env.js';
import { envValue } from '../env-value.js';
import { asRecord } from '../json-text.js';
import { catalog } from '../providers/catalog.js';

/** A model setting as OpenClaw writes it: a string, or `{primary, fallbacks}`. */
export interface ModelChoice {
  primary?: string;
  /** Absent when the setting does not name any (an agent then keeps the defaults' fallbacks). */
  fallbacks?: string[];
}

/** What an agent's own entry says of models: its model, utility model and aliases. */
export interface AgentModels {
  model?: ModelChoice;
  /** Its `utilityModel`: a ref, or '' for none (off). */
  utilityModel?: string;
  /** Its own `models.<ref>.alias` → `<ref>`, over the defaults' (OpenClaw's listConfiguredModelMaps). */
  aliases?: Record<string, string>;
}

/** The parts of `openclaw.json` that decide which providers the gateway calls. */
export interface ModelSettings {
  defaults: ModelChoice;
  image: ModelChoice;
  /** `agents.defaults.utilityModel`: the model for small side tasks, a provider in use too ('' off). */
  utility?: string;
  /** The `provider/model` refs `agents.defaults.models` lists. */
  listed?: string[];
  /** `agents.defaults.models.<ref>.alias` → `<ref>`. */
  aliases: Record<string, string>;
  /** `models.providers.<id>`: custom or overridden providers. */
  providers: Record<string, ProviderSettings>;
  /** `agents.defaults.cliBackends` ids: providers served by a local CLI, which need no credential. */
  cliBackends: string[];
}

export interface ProviderSettings {
  /** An `apiKey` in the config: a key the gateway uses when no profile works. */
  hasApiKey: boolean;
  /** The variable the config's `apiKey` reads, when it is not set (so the key does not count). */
  keyUnset?: string;
  /**
   * A block OpenClaw 2026.9 calls with no key at all (hasSyntheticLocalProviderAuthConfig): an
   * endpoint on this machine or network (loopback, RFC 1918, `localhost`, `*.local`, Docker's
   * host names) with its api and models, no apiKey, and no auth mode but `api-key`.
   */
  localKeyless: boolean;
  baseUrl?: string;
  api?: string;
  firstModel?: string;
  /** Every model id its `models` list names: a bare model id listed by one provider alone is that provider's. */
  modelIds?: string[];
}

/** OpenClaw's built-in default when no model is configured (2026.5 `openai/gpt-5.5`, 2026.9 `openai/gpt-6-astra`). */
export const OPENCLAW_DEFAULT_PROVIDER = 'openai';

/**
 * The model OpenClaw runs when none is configured, as the version seen names it (its
 * `models status` resolvedDefault, tried on 2026.5.20 and 2026.9.6); undefined for a version
 * not tried, where explain says only the provider.
 */
export function builtInDefaultModel(openclawVersion: string | undefined): string | undefined {
  const [year, month] = (openclawVersion ?? '').split('.').map(Number);
  if (year !== 2026 || month === undefined) return undefined;
  if (month === 5) return `${OPENCLAW_DEFAULT_PROVIDER}/gpt-5.5`;
  if (month >= 9) return `${OPENCLAW_DEFAULT_PROVIDER}/gpt-6-astra`;
  return undefined;
}

export type ModelRole = 'default' | 'fallback' | 'image' | 'image fallback' | 'utility' | 'built-in default';

/** One provider the gateway calls, and why. */
export interface ProviderUse {
  provider: string;
  ref: string;
  role: ModelRole;
  /** The setting came from the agent's own entry in `agents.list`. */
  fromAgent: boolean;
}

/**
 * A model setting read as OpenClaw 2026.9 reads it (resolveSelectedModelFallbacksOverride): a
 * model named without a `fallbacks` key — a string, or `{primary}` — has none of its own and
 * does not inherit the defaults'; only a setting that names no model inherits them.
 */
export function readModelChoice(value: unknown): ModelChoice | undefined {
  if (typeof value === 'string') return value.trim() ? { primary: value.trim(), fallbacks: [] } : undefined;
  const record = asRecord(value);
  if (!record) return undefined;
  const choice: ModelChoice = {};
  if (typeof record.primary === 'string' && record.primary.trim()) choice.primary = record.primary.trim();
  if (Array.isArray(record.fallbacks)) {
    choice.fallbacks = record.fallbacks.filter((ref): ref is string => typeof ref === 'string' && ref.trim() !== '');
  } else if (!Object.hasOwn(record, 'fallbacks') && choice.primary) choice.fallbacks = [];
  return choice;
}

/**
 * `variables`: the environment the config's `${NAME}` were replaced from and those left unset,
 * when it names any (readGatewayConfig): a key that reads an unset variable is no key.
 */
export function readModelSettings(
  doc: Record<string, unknown>,
  variables?: { env: EnvRecord; unset: readonly UnsetVariable[] },
): ModelSettings {
  const defaults = asRecord(asRecord(doc.agents)?.defaults) ?? {};
  const models = asRecord(defaults.models) ?? {};
  const aliases = readModelAliases(models);
  withDefaultAliases(models, aliases);
  const providers: Record<string, ProviderSettings> = Object.create(null);
  for (const [id, entry] of Object.entries(asRecord(asRecord(doc.models)?.providers) ?? {})) {
    const record = asRecord(entry);
    if (!record) continue;
    const models = Array.isArray(record.models) ? record.models : [];
    const firstModel = asRecord(models[0])?.id;
    const keyUnset = variables && unsetKeyVariable(id, record.apiKey, variables);
    providers[id.trim().toLowerCase()] = {
      hasApiKey: hasConfiguredKey(record.apiKey) && !keyUnset,
      ...(keyUnset ? { keyUnset } : {}),
      localKeyless:
        !hasConfiguredKey(record.apiKey) &&
        (record.auth === undefined || record.auth === 'api-key') &&
        typeof record.api === 'string' &&
        record.api.trim() !== '' &&
        models.length > 0 &&
        typeof record.baseUrl === 'string' &&
        isLocalBaseUrl(record.baseUrl),
      ...(typeof record.baseUrl === 'string' ? { baseUrl: record.baseUrl } : {}),
      ...(typeof record.api === 'string' ? { api: record.api } : {}),
      ...(typeof firstModel === 'string' && firstModel ? { firstModel } : {}),
      modelIds: models
        .map((model) => asRecord(model)?.id)
        .filter((id): id is string => typeof id === 'string' && id.trim() !== '')
        .map((id) => id.trim()),
    };
  }
  // Refs `agents.defaults.models` lists (`myprov/m1`): a bare `m1` is that provider's when only it lists it.
  const listed = Object.keys(models)
    .map((ref) => ref.trim())
    .filter((ref) => ref.indexOf('/') > 0 && !ref.endsWith('/*'));
  return {
    listed,
    defaults: readModelChoice(defaults.model) ?? {},
    image: readModelChoice(defaults.imageModel) ?? {},
    ...(typeof defaults.utilityModel === 'string' ? { utility: defaults.utilityModel.trim() } : {}),
    aliases,
    providers,
    cliBackends: Object.keys(asRecord(defaults.cliBackends) ?? {}).map((id) => id.toLowerCase()),
  };
}

const LOCAL_HOST_NAMES = new Set([
  'localhost',
  '0.0.0.0',
  'docker.orb.internal',
  'host.docker.internal',
  'host.orb.internal',
]);

/** A base URL on this machine or its private network, as OpenClaw 2026.9's isLocalProviderBaseUrl reads one. */
export function isLocalBaseUrl(baseUrl: string): boolean {
  if (!URL.canParse(baseUrl.trim())) return false;
  let host = new URL(baseUrl.trim()).hostname.toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (LOCAL_HOST_NAMES.has(host) || host.endsWith('.local') || host === '::1') return true;
  // An IPv4-mapped IPv6 address (URL spells `[::ffff:127.0.0.1]` as `::ffff:7f00:1`): loopback only, as OpenClaw reads it.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped) return Number.parseInt(mapped[1] ?? '0', 16) >> 8 === 127;
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)?.slice(1).map(Number);
  if (!octets || octets.some((octet) => octet > 255)) return false;
  const [a, b] = octets as [number, number];
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** The variable a provider's `apiKey` reads when it is not set: `${NAME}`, or a SecretRef from the environment. */
function unsetKeyVariable(
  id: string,
  apiKey: unknown,
  variables: { env: EnvRecord; unset: readonly UnsetVariable[] },
): string | undefined {
  const ref = asRecord(apiKey);
  if (ref?.source === 'env' && typeof ref.id === 'string')
    return envValue(variables.env, ref.id)?.trim() ? undefined : ref.id;
  // Only a key that is the variable alone waits on it, as OpenClaw reads it (an env SecretRef
  // written as a template); `Bearer-${NAME}` is a key with text in it.
  const at = ['models', 'providers', id, 'apiKey'];
  const name = variables.unset.find(
    (entry) => entry.path.length === 4 && entry.path.every((key, i) => key === at[i]),
  )?.name;
  return name !== undefined && apiKey === `\${${name}}` ? name : undefined;
}

function hasConfiguredKey(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  // A SecretRef ({source, provider, id}) counts as configured, as OpenClaw counts it.
  const ref = asRecord(value);
  return ref !== undefined && typeof ref.source === 'string' && typeof ref.id === 'string';
}

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
  for (const [id, entry] of Object.entries(settings.providers))
    if (entry.modelIds?.includes(full) || entry.firstModel === full) listers.add(id);
  const [only] = listers;
  return listers.size === 1 && only ? only : OPENCLAW_DEFAULT_PROVIDER;
}

/** The settings as one agent sees them: its own aliases over the defaults'. */
export function settingsForAgent(settings: ModelSettings, agent?: AgentModels): ModelSettings {
  return agent?.aliases && Object.keys(agent.aliases).length > 0
    ? { ...settings, aliases: Object.assign(Object.create(null), settings.aliases, agent.aliases) }
    : settings;
}

/**
 * What OpenClaw's `models status` counts as "in use" for an agent: its default model (the
 * agent's own, else the defaults'), the fallbacks, the image model with its fallbacks, and the
 * utility model set in the config.
 * With no default model OpenClaw runs its built-in one, so that provider is in use.
 */
export function resolveProviderUses(given: ModelSettings, agent?: AgentModels): ProviderUse[] {
  const settings = settingsForAgent(given, agent);
  const agentModel = agent?.model;
  const uses: ProviderUse[] = [];
  const add = (ref: string, role: ModelRole, fromAgent: boolean) =>
    uses.push({ provider: providerOfModelRef(ref, settings), ref, role, fromAgent });
  const primary = agentModel?.primary ?? settings.defaults.primary;
  if (primary) add(primary, 'default', agentModel?.primary !== undefined);
  else {
    const [provider, entry] =
      Object.entries(settings.providers).find(([, candidate]) => candidate.firstModel !== undefined) ?? [];
    const builtIn = provider && entry?.firstModel ? `${provider}/${entry.firstModel}` : OPENCLAW_DEFAULT_PROVIDER;
    uses.push({
      provider: provider ?? OPENCLAW_DEFAULT_PROVIDER,
      ref: builtIn,
      role: 'built-in default',
      fromAgent: false,
    });
  }
  const fallbacks = agentModel?.fallbacks ?? settings.defaults.fallbacks ?? [];
  for (const ref of fallbacks) add(ref, 'fallback', agentModel?.fallbacks !== undefined);
  if (settings.image.primary) add(settings.image.primary, 'image', false);
  for (const ref of settings.image.fallbacks ?? []) add(ref, 'image fallback', false);
  // A utility model set in the config (the agent's, else the defaults'; '' is off). Left unset,
  // OpenClaw picks one of the default model's provider: no provider beyond it.
  const utility = agent?.utilityModel ?? settings.utility;
  if (utility) add(utility, 'utility', agent?.utilityModel !== undefined);
  return uses;
}

/** The distinct providers of `uses`, in first-use order, without those a local CLI serves. */
export function providersInUseFrom(uses: readonly ProviderUse[], settings: ModelSettings): string[] {
  const seen = new Set<string>();
  for (const use of uses) if (!settings.cliBackends.includes(use.provider)) seen.add(use.provider);
  return [...seen];
}
