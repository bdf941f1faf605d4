// Turns what read-openclaw.mjs read (plus the observations of real onboarding runs) into the
// catalog authdeck ships: one entry per auth choice, and the picker's groups.

import { AUTHDECK_FACTS } from './authdeck-facts.mjs';
import {
  collectChoices,
  collectPluginProviders,
  collectProviderAliases,
  collectProviderAuthAliases,
  collectProviderIds,
} from './collect-choices.mjs';
import { keysUrl } from './docs.mjs';
import { buildPicker } from './picker.mjs';

export const SCHEMA_VERSION = 3;

// Methods served by a program on this machine rather than a hosted API.
const LOCAL_METHODS = new Set(['local', 'custom']);
const TOKEN_FLAGS = ['--token-provider', '--token-profile-id', '--token-expires-in'];
// Flags OpenClaw's plugins read from the core options, as observe.mjs probes them.
const CUSTOM_FLAGS = ['--custom-base-url', '--custom-model-id'];

function credentialKind(choice) {
  if (choice.origin === 'core') return 'api_key';
  if (choice.origin === 'generic') return 'token';
  const method = choice.method.toLowerCase();
  if (method === 'cli' || LOCAL_METHODS.has(method)) return 'none';
  if (/oauth|device|entra/.test(method)) return 'oauth';
  if (method === 'setup-token' || method === 'token') return 'token';
  return 'api_key';
}

/** The flag that carries the secret: declared, or another choice's flag for the same option key. */
function secretFlag(choice, kind, flagsByOptionKey, staticFlags) {
  if (choice.flag) return choice.flag;
  if (choice.optionKey && flagsByOptionKey.has(choice.optionKey)) return flagsByOptionKey.get(choice.optionKey);
  if (kind === 'token' && staticFlags.has('--token')) return '--token';
  return null;
}

function pluginOf(choice) {
  const plugin = choice.plugin;
  if (!plugin) return null;
  if (plugin.origin === 'external') {
    return {
      id: plugin.id,
      status: 'external-catalog',
      npmSpec: plugin.npmSpec,
      clawhubSpec: plugin.clawhubSpec,
      minHostVersion: plugin.minHostVersion,
      installCommand: `openclaw plugins install ${plugin.npmSpec ?? plugin.clawhubSpec}`,
    };
  }
  // On by default where the choice exists at all counts as on by default.
  const platforms = choice.platforms ?? [];
  const onEverywhere =
    plugin.enabledByDefault ||
    (plugin.enabledOnPlatforms &&
      platforms.length > 0 &&
      platforms.every((p) => plugin.enabledOnPlatforms.includes(p)));
  return {
    id: plugin.id,
    status: onEverywhere ? 'bundled-enabled-by-default' : 'bundled-needs-enable',
    npmSpec: null,
    clawhubSpec: null,
    minHostVersion: null,
    installCommand: null,
  };
}

/** Providers served by a plugin with nothing to onboard, their plugin as a choice's (pluginOf). */
function pluginProvidersOf(openclaw, choices) {
  const withChoices = new Set(choices.map((choice) => choice.provider).filter(Boolean));
  const found = collectPluginProviders(openclaw, withChoices);
  return Object.fromEntries(
    Object.keys(found)
      .sort()
      .map((id) => [id, { ...found[id], plugin: pluginOf({ plugin: found[id].plugin, platforms: null }) }]),
  );
}

function paramsOf(choice, kind, flag, observed, staticFlags, knownSecretFlags) {
  const required = new Set(observed?.requiredFlags ?? []);
  const honoured = new Set(observed?.honouredFlags ?? []);
  // A flag left out of a run that still completed is optional; a flag nobody tried is unknown.
  const completed = observed?.setupCompleted === true;
  const names = [];
  if (choice.origin === 'core') names.push(...[...staticFlags.keys()].filter((name) => name.startsWith('--custom-')));
  if (kind === 'token') names.push(...TOKEN_FLAGS);
  if (choice.provider) {
    const prefix = `--${choice.provider}-`;
    names.push(...[...staticFlags.keys()].filter((name) => name.startsWith(prefix) && !knownSecretFlags.has(name)));
  }
  names.push(...CUSTOM_FLAGS.filter((name) => honoured.has(name)), ...required);
  return [...new Set(names)]
    .filter((name) => name !== flag && staticFlags.has(name))
    .map((name) => ({
      flag: name,
      description: staticFlags.get(name),
      required: required.has(name) ? true : completed || honoured.has(name) ? false : null,
    }));
}

function profileIds(choice, kind, observed) {
  // The generic choice stores under whichever provider --token-provider names.
  if (!choice.provider) return choice.origin === 'core' ? [] : null;
  const seen = observed?.profiles?.map((profile) => profile.id) ?? [];
  if (seen.length > 0 || observed?.setupCompleted) return [...seen].sort();
  // createProviderApiKeyAuthMethod's convention; OAuth and CLI profiles are named at sign-in.
  return kind === 'api_key' || kind === 'token' ? [`${choice.provider}:default`] : null;
}

function onboardingOf(choice, kind, plugin, observed, interactiveOnly) {
  const needs = new Set();
  if (plugin?.status === 'external-catalog') needs.add('plugin-install');
  if (kind === 'oauth') needs.add('sign-in');
  if (choice.method && LOCAL_METHODS.has(choice.method) && !choice.platforms) needs.add('local-server');
  if (choice.method === 'cli') needs.add('cli');
  const outcome = observed?.outcome;
  if (outcome === 'local-server' || outcome === 'cli' || outcome === 'runtime-plugin' || outcome === 'network') {
    needs.add(outcome);
  }
  const refused = outcome === 'interactive-only' || outcome === 'no-op' || outcome === 'failed';
  const nonInteractive = observed
    ? !refused
    : !interactiveOnly.includes(choice.id) && kind !== 'oauth' && choice.origin !== 'generic';
  const order = ['plugin-install', 'runtime-plugin', 'network', 'sign-in', 'local-server', 'cli'];
  return {
    nonInteractive,
    offline: outcome === 'configured' && !observed.network,
    needs: order.filter((need) => needs.has(need)),
  };
}

function providerConfigOf(choice, observed, params) {
  const written = observed?.providerConfig;
  const manifest = choice.modelCatalog;
  return {
    baseUrl: written?.baseUrl ?? observed?.serverUrl ?? manifest?.baseUrl ?? null,
    api: written?.api ?? manifest?.api ?? null,
    params,
  };
}

function defaultModelOf(choice, observed) {
  if (!choice.provider) return null;
  if (observed?.defaultModel) return { ref: observed.defaultModel, alias: observed.alias ?? null };
  const declared = choice.modelCatalog?.defaultModel;
  return declared ? { ref: `${choice.provider}/${declared}`, alias: null } : null;
}

/**
 * What the choice's onboarding wrote to openclaw.json (plugins enabled, `models`, the default
 * model's entry and the other model entries, the media models it set), when a run observed it on
 * its own; null for choices never run that way.
 */
function setupOf(observed) {
  const writes = observed?.writes;
  if (!writes) return null;
  return {
    plugins: writes.pluginsEnabled,
    models: writes.models,
    defaultModelEntry: writes.defaultModelEntry,
    modelEntries: writes.modelEntries ?? {},
    ...(writes.mediaModels ? { mediaModels: writes.mediaModels } : {}),
  };
}

/**
 * The default model an older OpenClaw's onboarding set for the choice (observe-older.mjs), where
 * it differs from this one's: a home of that OpenClaw knows that model, and ships the plugins
 * whose defaults this catalog never saw (ClawHub's). Text models only: an image choice's older
 * default was its image model. Null where there is nothing to add.
 */
function olderDefaultOf(choice, current, older) {
  const observed = older?.choices?.[choice.id];
  if (!observed || !choice.scopes.includes('text-inference')) return null;
  const entry = observed.defaultModelEntry ?? {};
  const same = current?.ref === observed.defaultModel && (current?.alias ?? null) === (entry.alias ?? null);
  return same ? null : { openclawVersion: older.openclawVersion, ref: observed.defaultModel, entry };
}

/**
 * The provider block an older OpenClaw's onboarding wrote for a choice this catalog never saw set
 * up (a ClawHub plugin's): the endpoint a region or plan picks. Null where none was observed.
 */
function olderSetupOf(choice, older) {
  const models = older?.choices?.[choice.id]?.models;
  return models ? { openclawVersion: older.openclawVersion, models } : null;
}

function docsPathOf(choice, docs) {
  if (choice.docsPath) return choice.docsPath;
  const candidates = [choice.provider, choice.plugin?.id].filter(Boolean).map((id) => `/providers/${id}`);
  return candidates.find((candidate) => docs.exists(candidate)) ?? null;
}

/** authdeck's own facts for the choice's secret (authdeck-facts.mjs): its shape and free probe, where known. */
function secretFactsOf(choice, kind) {
  const facts = Object.hasOwn(AUTHDECK_FACTS, choice.provider ?? '') ? AUTHDECK_FACTS[choice.provider] : {};
  const keyed = kind === 'api_key' || kind === 'token';
  return {
    shape: (keyed && facts.shapes?.[kind]) || null,
    probe: (kind === 'api_key' && facts.probe) || null,
    keysUrl: (kind === 'api_key' && facts.keysUrl) || null,
    note: (kind === 'api_key' && facts.keyNote) || null,
  };
}

/** Every prefix that names a provider's secret, longest first: `sk-or-v1-` is OpenRouter's before any `sk-`. */
function secretPrefixes() {
  return Object.entries(AUTHDECK_FACTS)
    .flatMap(([provider, facts]) => (facts.prefixes ?? []).map((entry) => ({ ...entry, provider })))
    .sort((a, b) => b.prefix.length - a.prefix.length || (a.prefix < b.prefix ? -1 : 1));
}

export function buildCatalog(openclaw, observations, older) {
  const { core, docs } = openclaw;
  const choices = collectChoices(openclaw);
  const { groups, pickerOrder } = buildPicker(choices, core.featuredGroupOrder);
  const flagsByOptionKey = new Map();
  for (const choice of choices) {
    if (choice.optionKey && choice.flag && !flagsByOptionKey.has(choice.optionKey)) {
      flagsByOptionKey.set(choice.optionKey, choice.flag);
    }
  }
  const knownSecretFlags = new Set(choices.map((choice) => choice.flag).filter(Boolean));
  const observedFor = observations?.openclawVersion === openclaw.version ? (observations.choices ?? {}) : {};

  const unknown = Object.keys(AUTHDECK_FACTS).filter((id) => !choices.some((choice) => choice.provider === id));
  if (unknown.length > 0)
    throw new Error(`authdeck-facts.mjs names providers OpenClaw does not have: ${unknown.join(', ')}`);

  const out = choices.map((choice) => {
    const observed = observedFor[choice.id];
    const kind = credentialKind(choice);
    const facts = secretFactsOf(choice, kind);
    const flag = secretFlag(choice, kind, flagsByOptionKey, core.staticFlags);
    const plugin = pluginOf(choice);
    const params = paramsOf(choice, kind, flag, observed, core.staticFlags, knownSecretFlags);
    const docsPath = docsPathOf(choice, docs);
    const defaultModel = defaultModelOf(choice, observed);
    return {
      id: choice.id,
      deprecatedIds: choice.deprecatedIds,
      label: choice.label,
      hint: choice.hint,
      groupId: choice.groupId,
      groupLabel: choice.groupLabel,
      scopes: choice.scopes,
      pickerOrder: pickerOrder.get(choice.id) ?? null,
      visibility: choice.visibility,
      featured: choice.featured,
      platforms: choice.platforms,
      provider: choice.provider,
      method: choice.method,
      credential: {
        kind,
        flag,
        envVars: choice.envVars,
        profileIds: profileIds(choice, kind, observed),
        shape: facts.shape,
        note: facts.note,
      },
      plugin,
      providerConfig: providerConfigOf(choice, observed, params),
      defaultModel,
      olderDefault: olderDefaultOf(choice, defaultModel, older),
      olderSetup: observed ? null : olderSetupOf(choice, older),
      setup: setupOf(observed),
      onboarding: onboardingOf(choice, kind, plugin, observed, core.interactiveOnly),
      docsPath,
      keysUrl:
        facts.keysUrl ??
        (kind === 'api_key' && docsPath
          ? keysUrl(docs.lines(docsPath), choice.id, docsPath === (choice.docsPath ?? `/providers/${choice.provider}`))
          : null),
      probe: facts.probe,
    };
  });

  return {
    schemaVersion: SCHEMA_VERSION,
    openclawVersion: openclaw.version,
    groups,
    choices: out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    providerAliases: collectProviderAliases(openclaw),
    providerAuthAliases: collectProviderAuthAliases(openclaw),
    providerIds: collectProviderIds(openclaw),
    pluginProviders: pluginProvidersOf(openclaw, choices),
    secretPrefixes: secretPrefixes(),
    defaultModelAliases: { ...openclaw.defaultModelAliases },
    olderDefaultModelAliases: older?.defaultModelAliases
      ? { openclawVersion: older.openclawVersion, aliases: older.defaultModelAliases }
      : null,
  };
}
