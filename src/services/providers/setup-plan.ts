/**
 * What the gateway needs in openclaw.json besides the credential for one auth choice, as OpenClaw's
 * onboarding writes it (README "Providers"): the provider's plugin enabled, its `models.providers`
 * block (endpoint, API compatibility, models), and the default model with its entry. Planned
 * against the config as it is (config-changes.ts applies the plan under the lock); only what
 * differs is written, and a default model of another provider is never replaced unless asked.
 */
import type { ConfigChange } from '../config/config-changes.js';
import { setAtPath } from '../config/config-edit.js';
import { asRecord } from '../json-text.js';
import type { ConfigFact } from '../oauth/config-facts.js';
import { findProvider, normalizeProviderId } from '../providers.js';
import {
  aliasedRef,
  configuredAliases,
  OPENCLAW_DEFAULT_PROVIDER,
  withoutPinnedProfile,
} from '../status/model-refs.js';
import { builtInDefaultModel, readModelSettings, resolveProviderUses } from '../status/model-usage.js';
import { isAgentView } from './agent-models.js';
import { planProviders } from './plan-providers.js';

/** `auto`: set when none is set; one of another provider is kept (the caller asks, or notes it). */
export type DefaultModelPolicy = 'auto' | 'set' | 'keep';

/** What a choice writes, from the catalog (observed) or built for the input (custom, local servers). */
export interface ProviderSetup {
  /** Plugins to enable: `plugins.entries.<id>.enabled = true`. */
  plugins: string[];
  /** `models.mode` (OpenClaw writes `merge` when it adds a provider block). */
  modelsMode?: string;
  /** `models.providers.<id>` blocks. */
  providers: Record<string, Record<string, unknown>>;
  /** The blocks were built from the config as it is (a custom endpoint): written whole where they differ. */
  providersComplete?: boolean;
  /** The blocks' endpoints come from the person's answers (a base URL given, account ids): written over any address. */
  endpointsAsked?: boolean;
  /**
   * The model onboarding makes the default, and its entry under `agents.defaults.models` (null:
   * none written). `builtIn`: OpenClaw's own model when none is configured (ref: its provider,
   * as status names it), made the default by clearing the primary (see builtInDefault).
   */
  defaultModel?: { ref: string; entry: Record<string, unknown> | null; builtIn?: true };
  /** The default model on a home of OpenClaw before 2026.8, where it differs (CatalogChoice.olderDefault). */
  olderDefaultModel?: { ref: string; entry: Record<string, unknown> | null };
  /**
   * The provider block an older OpenClaw wrote for a choice never seen set up since (a ClawHub
   * plugin's; CatalogChoice.olderSetup), and whether the choice picks one of several endpoints
   * (a region, a plan): written on that OpenClaw's homes, and on newer ones for the region.
   */
  olderProviders?: { modelsMode?: string; providers: Record<string, Record<string, unknown>>; region: boolean };
  /**
   * Other entries under `agents.defaults.models` onboarding writes (a plugin's model list, so its
   * models show and can be picked), by ref; added where missing, whatever the default model.
   */
  modelEntries?: Record<string, Record<string, unknown>>;
  /**
   * What else onboarding writes, stated as a sign-in states it (services/oauth/config-facts.ts):
   * Foundry's profile first in `auth.order`, its plugin allowed, its image model.
   */
  facts?: ConfigFact[];
}

/** OpenClaw 2026.9's built-in model (agents.entries, where an agent keeps its own model, is 2026.9's). */
const AGENT_BUILT_IN_MODEL = builtInDefaultModel('2026.9') ?? `${OPENCLAW_DEFAULT_PROVIDER}/gpt-6-astra`;

/**
 * OpenAI's onboarding names no default model: with none configured, OpenClaw runs its own
 * built-in one, an OpenAI model (which one changes with the version). So "make it the default"
 * for OpenAI is clearing the other provider's primary, never a model ref authdeck would guess.
 */
export function withBuiltInDefault(setup: ProviderSetup, provider: string): ProviderSetup {
  if (setup.defaultModel || provider !== OPENCLAW_DEFAULT_PROVIDER) return setup;
  return { ...setup, defaultModel: { ref: OPENCLAW_DEFAULT_PROVIDER, entry: null, builtIn: true } };
}

/** A default-model ref in words: the built-in one has no ref of its own (status says it so too). */
export function modelRefWords(ref: string): string {
  // A default written as a variable (`${DEFAULT_MODEL}`) is the model it names, not a built-in one.
  if (/\$\{[A-Z_][A-Z0-9_]*\}/.test(ref)) return `the model ${ref} names`;
  if (ref.includes('/')) return ref;
  // Named as today's gateway names it (`models status`: "Default : openai/gpt-6-astra").
  return ref === OPENCLAW_DEFAULT_PROVIDER
    ? `OpenClaw's built-in ${ref} model (${AGENT_BUILT_IN_MODEL} in 2026.9)`
    : `OpenClaw's built-in ${ref} model`;
}

export type DefaultModelOutcome =
  | { status: 'none' } // the choice names no default model
  | { status: 'set'; ref: string; previous?: string }
  | { status: 'already'; ref: string } // it is the default already
  | { status: 'same-provider'; ref: string; current: string } // another model of this provider is the default: kept
  | { status: 'kept'; ref: string; current: string } // another provider's model is the default: kept
  | { status: 'skipped'; ref: string }; // --keep-default-model, and none is set

export interface SetupPlan {
  changes: ConfigChange[];
  defaultModel: DefaultModelOutcome;
  /** Plugins the plan enables that were not enabled before. */
  enabled: string[];
}

/**
 * The setup for the home's OpenClaw (`stamp`: 2026.8+, the store's say): before 2026.8 the
 * default model is the one that OpenClaw's own onboarding set, a model it knows, where the
 * catalog (2026.9's) names a newer one or none.
 */
export function setupForHome(setup: ProviderSetup, stamp: boolean): ProviderSetup {
  const { olderDefaultModel, olderProviders, ...rest } = setup;
  // The endpoint that OpenClaw's own onboarding wrote when it built the plugin in: on a home of
  // that OpenClaw, and on a newer one for a region or plan, which the ClawHub plugin's default
  // endpoint would not be. The block names its models, so its default model comes along.
  const older = olderProviders && Object.keys(setup.providers).length === 0 && (!stamp || olderProviders.region);
  if (older) {
    return {
      ...rest,
      providers: olderProviders.providers,
      ...(olderProviders.modelsMode ? { modelsMode: olderProviders.modelsMode } : {}),
      ...(olderDefaultModel && (!stamp || !setup.defaultModel) ? { defaultModel: olderDefaultModel } : {}),
    };
  }
  if (stamp || !olderDefaultModel) return setup;
  return { ...rest, defaultModel: olderDefaultModel };
}

/** The model ref a `agents.defaults.model` value names (`"p/m"` or `{primary}`), an alias resolved. */
export function currentDefaultModel(doc: Record<string, unknown>): string | undefined {
  const defaults = asRecord(asRecord(doc.agents)?.defaults);
  const model = defaults?.model;
  const primary = typeof model === 'string' ? model : asRecord(model)?.primary;
  if (typeof primary !== 'string' || primary.trim() === '') return undefined;
  // An alias (one of its own, or the default one OpenClaw gives a listed model) is the model it
  // names; a pinned profile (`…@anthropic:work`) is not part of the model.
  return aliasedRef(primary, { aliases: configuredAliases(defaults?.models) }) ?? withoutPinnedProfile(primary);
}

export function providerOfModel(ref: string): string {
  const slash = ref.indexOf('/');
  return slash < 0 ? ref : ref.slice(0, slash);
}

/**
 * The changes that make `doc` hold the setup. `provider` is the provider the credential is for
 * (a default model of the same provider is left alone under `auto`).
 */
export function planSetup(
  doc: Record<string, unknown>,
  setup: ProviderSetup,
  provider: string | undefined,
  policy: DefaultModelPolicy,
): SetupPlan {
  // For one agent's own entry (2026.9), clearing its model would leave the defaults' one in
  // force, not OpenClaw's built-in: that model is named instead, as 2026.9 names it.
  if (setup.defaultModel?.builtIn && isAgentView(doc))
    setup = { ...setup, defaultModel: { ref: AGENT_BUILT_IN_MODEL, entry: {} } };
  const changes: ConfigChange[] = [];
  const enabled: string[] = [];
  const entries = asRecord(asRecord(doc.plugins)?.entries);
  for (const id of setup.plugins) {
    if (asRecord(entries?.[id])?.enabled === true) continue;
    changes.push({ path: ['plugins', 'entries', id, 'enabled'], value: true });
    enabled.push(id);
  }
  changes.push(...planProviders(doc, setup));
  const defaultModel = planDefaultModel(doc, setup, provider, policy);
  if (defaultModel.status === 'set') changes.push(...defaultModelChanges(doc, setup));
  changes.push(...modelEntryChanges(doc, setup, defaultModel.status === 'set'));
  return { changes, defaultModel, enabled };
}

/**
 * The model entries the setup brings that the config lacks; an entry someone has is left as it
 * is. The choice's default model gets its entry (and alias: `Grok` names xai/grok-4.7) even when
 * another provider's stays the default, as OpenClaw's onboarding adds it.
 */
function modelEntryChanges(doc: Record<string, unknown>, setup: ProviderSetup, defaultSet: boolean): ConfigChange[] {
  const list = setup.modelEntries ?? {};
  const model = setup.defaultModel;
  const all = !defaultSet && model?.entry && !model.builtIn ? { [model.ref]: model.entry, ...list } : list;
  const entries = asRecord(asRecord(asRecord(doc.agents)?.defaults)?.models);
  return Object.entries(all)
    .filter(([ref]) => !(entries && Object.hasOwn(entries, ref)))
    .map(([ref, entry]) => ({ path: ['agents', 'defaults', 'models', ref], value: entry }));
}

function planDefaultModel(
  doc: Record<string, unknown>,
  setup: ProviderSetup,
  provider: string | undefined,
  policy: DefaultModelPolicy,
): DefaultModelOutcome {
  const ref = setup.defaultModel?.ref;
  if (!ref) return { status: 'none' };
  if (setup.defaultModel?.builtIn && !builtInIsReachable(doc, ref)) return { status: 'none' };
  const current = currentDefaultModel(doc);
  if (setup.defaultModel?.builtIn) {
    // No default configured, or one of this provider: its model is in use already.
    if (!current) return { status: 'already', ref };
    if (providerOfModel(current) === ref) return { status: 'already', ref: current };
  }
  if (current === ref) return { status: 'already', ref };
  // No default written, but the gateway answers with its built-in one for a credential the
  // config records: that is the default in use, kept as another provider's would be.
  const inUse = current ?? builtInInUse(doc, providerOfModel(ref));
  if (policy === 'keep') return inUse ? { status: 'kept', ref, current: inUse } : { status: 'skipped', ref };
  if (policy === 'set' || !inUse) return { status: 'set', ref, ...(inUse ? { previous: inUse } : {}) };
  // With no default written, a provider block this setup adds can be what the gateway then
  // runs (a configured provider's first model comes before the built-in one): that is a new
  // default, said and written as one, not a default that "stays".
  if (!current)
    return takesOver(doc, setup, inUse)
      ? { status: 'set', ref, previous: inUse }
      : { status: 'kept', ref, current: inUse };
  // A block written whole (Foundry's deployment, the Copilot Proxy's models) that no longer has
  // the default's model would leave the gateway a default it cannot run: the new one takes over.
  if (policy === 'auto' && vanishes(current, setup)) return { status: 'set', ref, previous: current };
  const ownProvider = provider ?? providerOfModel(ref);
  if (providerOfModel(current) === ownProvider || providerOfModel(current) === providerOfModel(ref))
    return { status: 'same-provider', ref, current };
  return { status: 'kept', ref, current };
}

/** Whether the model the gateway runs with no default configured is another once the setup's provider blocks are in. */
function takesOver(doc: Record<string, unknown>, setup: ProviderSetup, inUse: string): boolean {
  const after = structuredClone(doc);
  // planProviders appends to a list only past its end: setting that index is the insertion.
  for (const { path, value } of planProviders(doc, setup)) setAtPath(after, path, value);
  const [use] = resolveProviderUses(readModelSettings(after));
  return use !== undefined && use.ref !== inUse;
}

/** Whether `ref` is a model of a provider block the setup writes whole, and not among its models. */
export function vanishes(ref: string, setup: ProviderSetup): boolean {
  const block = setup.providersComplete ? setup.providers[providerOfModel(ref)] : undefined;
  const models = block?.models;
  if (!Array.isArray(models)) return false;
  const id = ref.slice(ref.indexOf('/') + 1);
  return !models.some((model) => asRecord(model)?.id === id);
}

/**
 * With no default model written: the model OpenClaw runs instead (its built-in one, named by its
 * provider as status names it, or a custom provider's first model), when `auth.profiles`
 * records a credential of its provider and that is not the provider being set up. Undefined
 * when the gateway has nothing to answer with yet.
 */
function builtInInUse(doc: Record<string, unknown>, provider: string): string | undefined {
  const [use] = resolveProviderUses(readModelSettings(doc));
  if (!use || use.provider === provider) return undefined;
  const entries = Object.values(asRecord(asRecord(doc.auth)?.profiles) ?? {});
  const recorded = entries.some((entry) => {
    const of = asRecord(entry)?.provider;
    return typeof of === 'string' && (findProvider(of)?.id ?? normalizeProviderId(of)) === use.provider;
  });
  return recorded ? use.ref : undefined;
}

/**
 * Cleared, the primary falls to the model OpenClaw runs when none is configured: its built-in
 * one, or a custom provider's first listed model (status reads the config the same way). An
 * allowlist must not leave it out: no ref is known that authdeck could add to it.
 */
function builtInIsReachable(doc: Record<string, unknown>, provider: string): boolean {
  const settings = readModelSettings(doc);
  const { primary: _cleared, ...defaults } = settings.defaults;
  const [use] = resolveProviderUses({ ...settings, defaults });
  const allow = asRecord(asRecord(asRecord(doc.agents)?.defaults)?.modelPolicy)?.allow;
  return use?.provider === provider && !(Array.isArray(allow) && allow.length > 0);
}

/** As OpenClaw's applyPrimaryModel: `{primary}` (fallbacks kept), and the model's entry when it has none. */
function defaultModelChanges(doc: Record<string, unknown>, setup: ProviderSetup): ConfigChange[] {
  const model = setup.defaultModel;
  if (!model) return [];
  const defaults = asRecord(asRecord(doc.agents)?.defaults);
  const existing = defaults?.model;
  // The built-in default: the primary goes (fallbacks stay), and OpenClaw's own model is used.
  // With nothing else in it, the whole `model` goes: an empty `"model": {}` says nothing.
  if (model.builtIn) {
    const others = Object.keys(asRecord(existing) ?? {}).filter((key) => key !== 'primary');
    return [
      {
        path: others.length > 0 ? ['agents', 'defaults', 'model', 'primary'] : ['agents', 'defaults', 'model'],
        value: undefined,
      },
    ];
  }
  const changes: ConfigChange[] = asRecord(existing)
    ? [{ path: ['agents', 'defaults', 'model', 'primary'], value: model.ref }]
    : [{ path: ['agents', 'defaults', 'model'], value: { primary: model.ref } }];
  // An allowlist the default is not on would make the gateway refuse (or swap) it: the default joins it.
  const allow = asRecord(defaults?.modelPolicy)?.allow;
  if (Array.isArray(allow) && allow.length > 0 && !allow.includes(model.ref))
    changes.push({ path: ['agents', 'defaults', 'modelPolicy', 'allow'], value: [...allow, model.ref] });
  const entries = asRecord(defaults?.models);
  const entry = entries && Object.hasOwn(entries, model.ref) ? asRecord(entries[model.ref]) : undefined;
  if (model.entry && !entry) changes.push({ path: ['agents', 'defaults', 'models', model.ref], value: model.entry });
  else if (model.entry && entry) {
    // An alias someone chose stays; one onboarding gives is added when there is none.
    for (const [key, value] of Object.entries(model.entry))
      if (!(key in entry)) changes.push({ path: ['agents', 'defaults', 'models', model.ref, key], value });
  }
  return changes;
}
