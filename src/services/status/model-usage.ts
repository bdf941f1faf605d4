import type { EnvRecord, UnsetVariable } from '../config/config-env.js';
import { envValue } from '../env-value.js';
import { asRecord } from '../json-text.js';
import { LOCAL_KEY_MARKERS } from '../providers/local-key-markers.js';
import { configuredAliases, OPENCLAW_DEFAULT_PROVIDER, providerOfModelRef, settingsForAgent } from './model-refs.js';
import type {
  AgentModels,
  ModelChoice,
  ModelRole,
  ModelSettings,
  ProviderSettings,
  ProviderUse,
} from './model-types.js';

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

/** A use's ref, the built-in default named as the OpenClaw seen names it (`openai` → `openai/gpt-6-astra`). */
export function namedBuiltIn(use: Pick<ProviderUse, 'ref' | 'role'>, builtIn: string | undefined): string {
  return use.role === 'built-in default' && !use.ref.includes('/') && builtIn ? builtIn : use.ref;
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
  const aliases = configuredAliases(models);
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
      ...(typeof record.apiKey === 'string' && LOCAL_KEY_MARKERS.has(record.apiKey)
        ? { keyMarker: record.apiKey }
        : {}),
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
    ...(defaults.cliBackends !== undefined ? { cliBackendsSet: true } : {}),
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
