// Every auth choice of an installed OpenClaw, as OpenClaw itself assembles them: manifest
// choices of bundled plugins, choices of the official external catalog, the core custom
// provider and the generic `token`. The rules mirror resolveManifestProviderAuthChoices,
// resolveOfficialExternalProviderInstallCatalogEntries and the static option tables (see
// README.md); the runtime check in verify-runtime.mjs holds them to OpenClaw's own functions.

const FLOW_SCOPES = new Set(['text-inference', 'image-generation', 'music-generation']);
const str = (value) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** OpenClaw's label for a choice generated from `setup.providers[].authMethods`. */
function descriptorLabel(value) {
  const acronyms = { api: 'API', jwt: 'JWT', oauth: 'OAuth', oidc: 'OIDC', pkce: 'PKCE', saml: 'SAML', sso: 'SSO' };
  return value
    .trim()
    .split(/[-_\s]+/u)
    .filter(Boolean)
    .map((part) => {
      const lower = part.toLowerCase();
      return acronyms[lower] ?? lower.slice(0, 1).toUpperCase() + lower.slice(1);
    })
    .join(' ');
}

// A declaration without onboardingScopes is a text-inference choice.
const scopesOf = (decl) =>
  Array.isArray(decl?.onboardingScopes)
    ? decl.onboardingScopes.filter((scope) => FLOW_SCOPES.has(scope))
    : ['text-inference'];

function fromDeclaration(decl, fallback) {
  return {
    id: decl.choiceId,
    deprecatedIds: [...(decl.deprecatedChoiceIds ?? [])].sort(),
    label: decl.choiceLabel ?? fallback.label,
    hint: str(decl.choiceHint) ?? null,
    groupId: decl.groupId ?? fallback.groupId,
    groupLabel: decl.groupLabel ?? fallback.groupLabel,
    groupHint: str(decl.groupHint) ?? null,
    scopes: scopesOf(decl),
    visibility: decl.assistantVisibility ?? 'visible',
    priority: decl.assistantPriority ?? 0,
    featured: decl.onboardingFeatured === true,
    platforms: Array.isArray(decl.platforms) ? [...decl.platforms].sort() : null,
    method: decl.method,
    optionKey: str(decl.optionKey) ?? null,
    flag: str(decl.cliFlag) ?? null,
  };
}

function bundledPlugin(manifest) {
  return {
    id: manifest.id,
    origin: 'bundled',
    enabledByDefault: manifest.enabledByDefault === true,
    enabledOnPlatforms: manifest.enabledByDefaultOnPlatforms ?? null,
  };
}

/** An external catalog entry's plugin, when OpenClaw offers it: official, installable, not shadowed by a bundled one. */
function externalPlugin(entry, bundledPluginIds) {
  const openclaw = entry.openclaw ?? {};
  const pluginId = str(openclaw.plugin?.id);
  const install = openclaw.install ?? {};
  const npmSpec = str(install.npmSpec) ?? str(entry.name) ?? null;
  const listed = str(entry.state) || str(entry.publisher?.trust);
  const offered = !listed || (entry.state === 'available' && entry.publisher?.trust === 'official');
  const installable = Boolean(npmSpec || str(install.clawhubSpec) || str(install.localPath));
  // A bundled plugin of the same id shadows its external entry.
  if (!pluginId || bundledPluginIds.has(pluginId) || !offered || !installable) return undefined;
  return {
    id: pluginId,
    origin: 'external',
    npmSpec,
    clawhubSpec: str(install.clawhubSpec) ?? null,
    minHostVersion: str(install.minHostVersion) ?? null,
  };
}

function bundledChoices(bundled) {
  const byId = new Map();
  const add = (choice) => byId.set(choice.id, [...(byId.get(choice.id) ?? []), choice]);
  for (const { manifest, hasSetupEntry } of bundled) {
    const setupProviders = manifest.setup?.providers ?? [];
    const providerFacts = (providerId) => ({
      envVars: setupProviders.find((entry) => entry.id === providerId)?.envVars ?? [],
      modelCatalog: manifest.modelCatalog?.providers?.[providerId] ?? null,
    });
    const plugin = bundledPlugin(manifest);
    const declared = new Set();
    for (const decl of manifest.providerAuthChoices ?? []) {
      declared.add(`${decl.provider}::${decl.method}`);
      const fallback = { label: decl.choiceId, groupId: decl.provider, groupLabel: decl.choiceLabel ?? decl.choiceId };
      add({
        ...fromDeclaration(decl, fallback),
        origin: 'bundled',
        provider: decl.provider,
        plugin,
        ...providerFacts(decl.provider),
      });
    }
    // Auth methods listed only under setup get a generated `<provider>-<method>` choice, unless
    // the plugin's setup needs its runtime (a setupEntry not marked requiresRuntime: false).
    if (hasSetupEntry && manifest.setup?.requiresRuntime !== false) continue;
    for (const setupProvider of setupProviders) {
      for (const method of setupProvider.authMethods ?? []) {
        if (declared.has(`${setupProvider.id}::${method}`)) continue;
        const name = descriptorLabel(setupProvider.id);
        const label = method === 'api-key' ? `${name} API key` : `${name} ${descriptorLabel(method)}`;
        const decl = { choiceId: `${setupProvider.id}-${method}`, method };
        add({
          ...fromDeclaration(decl, { label, groupId: setupProvider.id, groupLabel: name }),
          origin: 'bundled',
          provider: setupProvider.id,
          plugin,
          ...providerFacts(setupProvider.id),
        });
      }
    }
  }
  // Two bundled plugins declaring one id make it ambiguous, and OpenClaw offers neither.
  return [...byId.values()].filter((list) => list.length === 1).map(([choice]) => choice);
}

function externalChoices(entries, bundledPluginIds, taken) {
  const choices = [];
  for (const entry of entries) {
    const openclaw = entry.openclaw ?? {};
    const plugin = externalPlugin(entry, bundledPluginIds);
    if (!plugin) continue;
    for (const provider of openclaw.providers ?? []) {
      const providerId = str(provider.id);
      const name = str(provider.name) ?? str(openclaw.plugin?.label) ?? str(entry.name);
      if (!providerId || !name) continue;
      for (const decl of provider.authChoices ?? []) {
        if (!str(decl.choiceId) || !str(decl.method) || !str(decl.choiceLabel) || taken.has(decl.choiceId)) continue;
        taken.add(decl.choiceId);
        choices.push({
          ...fromDeclaration(decl, { label: decl.choiceLabel, groupId: providerId, groupLabel: name }),
          origin: 'external',
          provider: providerId,
          plugin,
          envVars: provider.envVars ?? [],
          modelCatalog: null,
          docsPath: str(provider.docs) ?? null,
        });
      }
    }
  }
  return choices;
}

function coreChoices(core) {
  return core.coreOptions.map((option) => ({
    ...fromDeclaration(
      {
        choiceId: option.value,
        choiceLabel: option.label,
        choiceHint: option.hint,
        groupId: option.groupId,
        groupLabel: option.groupLabel,
        groupHint: option.groupHint,
      },
      { label: option.label, groupId: option.value, groupLabel: option.label },
    ),
    method: null,
    flag: '--custom-api-key',
    provider: null,
    plugin: null,
    envVars: [core.customApiKeyEnvVar],
    modelCatalog: null,
    origin: 'core',
  }));
}

/** Generic choices no plugin declares (today `token`): bound to a provider by --token-provider. */
function genericChoices(core, taken) {
  return core.genericChoices
    .filter((id) => !taken.has(id))
    .map((id) => ({
      ...fromDeclaration({ choiceId: id, onboardingScopes: [] }, { label: id, groupId: null, groupLabel: null }),
      method: null,
      provider: null,
      plugin: null,
      envVars: [],
      modelCatalog: null,
      origin: 'generic',
    }));
}

export function collectChoices(openclaw) {
  const bundled = bundledChoices(openclaw.bundled);
  const taken = new Set(bundled.map((choice) => choice.id));
  const bundledPluginIds = new Set(openclaw.bundled.map((plugin) => plugin.manifest.id));
  const external = externalChoices(openclaw.external, bundledPluginIds, taken);
  const core = coreChoices(openclaw.core);
  for (const choice of core) taken.add(choice.id);
  return [...bundled, ...external, ...core, ...genericChoices(openclaw.core, taken)];
}

/**
 * Providers a plugin serves with no auth choice to onboard them (Amazon Bedrock signs with AWS
 * credentials): id → its name, its plugin (as a choice's) and its docs page. A bundled plugin
 * shadows an external entry of the same id, as for choices.
 */
export function collectPluginProviders(openclaw, choiceProviders) {
  const found = {};
  const bundledPluginIds = new Set(openclaw.bundled.map((plugin) => plugin.manifest.id));
  for (const { manifest } of openclaw.bundled) {
    const plugin = bundledPlugin(manifest);
    for (const raw of manifest.providers ?? []) {
      const id = str(raw)?.trim().toLowerCase();
      if (id && !choiceProviders.has(id) && !(id in found))
        found[id] = { label: descriptorLabel(id), plugin, docsPath: null };
    }
  }
  for (const entry of openclaw.external) {
    const openclawEntry = entry.openclaw ?? {};
    const plugin = externalPlugin(entry, bundledPluginIds);
    if (!plugin) continue;
    for (const provider of openclawEntry.providers ?? []) {
      const id = str(provider.id)?.trim().toLowerCase();
      if (!id || choiceProviders.has(id) || id in found) continue;
      const label = str(provider.name) ?? str(openclawEntry.plugin?.label) ?? descriptorLabel(id);
      found[id] = { label, plugin, docsPath: str(provider.docs) ?? null };
    }
  }
  return found;
}

/** alias → provider id, from manifests' providerAuthAliases and the external catalog's aliases. */
/**
 * Every provider id a plugin of this release declares (bundled manifests' `providers`, the
 * external catalog's `openclaw.providers[].id`), auth choice or not: names a custom endpoint
 * must not take, since the gateway sends that provider's credentials to its block's baseUrl.
 */
export function collectProviderIds(openclaw) {
  const ids = new Set();
  for (const { manifest } of openclaw.bundled) {
    for (const id of manifest.providers ?? []) if (str(id)) ids.add(id.trim().toLowerCase());
  }
  for (const entry of openclaw.external) {
    for (const provider of entry.openclaw?.providers ?? []) {
      if (str(provider.id)) ids.add(provider.id.trim().toLowerCase());
    }
  }
  return [...ids].sort();
}

export function collectProviderAliases(openclaw) {
  const aliases = {};
  const add = (alias, target) => {
    const key = alias.trim().toLowerCase();
    if (key && key !== target && !(key in aliases)) aliases[key] = target;
  };
  for (const { manifest } of openclaw.bundled) {
    for (const [alias, target] of Object.entries(manifest.providerAuthAliases ?? {})) add(alias, target);
  }
  for (const entry of openclaw.external) {
    for (const provider of entry.openclaw?.providers ?? []) {
      for (const alias of provider.aliases ?? []) add(alias, provider.id);
    }
  }
  return aliases;
}

/**
 * The aliases OpenClaw follows when it looks up credentials (buildPluginMetadataProviderAuthAliases
 * over the bundled manifests, resolveProviderIdForAuth): each manifest's `providerAuthAliases`,
 * then every `providerAuthChoices[].deprecatedChoiceIds` entry as an alias of the choice's provider
 * (that is how `claude-cli` reaches `anthropic`). The first plugin to claim an alias wins. An alias
 * bound to endpoints (`{provider, baseUrls}`) holds only for a matching baseUrl and never for a
 * stored credential, so it is left out.
 */
export function collectProviderAuthAliases(openclaw) {
  const aliases = {};
  const add = (alias, target) => {
    const key = typeof alias === 'string' ? alias.trim().toLowerCase() : '';
    const to = typeof target === 'string' ? target.trim().toLowerCase() : '';
    if (key && to && key !== to && !(key in aliases)) aliases[key] = to;
  };
  for (const { manifest } of openclaw.bundled) {
    const declared = Object.entries(manifest.providerAuthAliases ?? {}).sort(([a], [b]) => a.localeCompare(b));
    for (const [alias, target] of declared) add(alias, target);
    for (const choice of manifest.providerAuthChoices ?? []) {
      for (const alias of choice.deprecatedChoiceIds ?? []) add(alias, choice.provider);
    }
  }
  return aliases;
}
