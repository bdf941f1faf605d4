/**
 * OpenClaw's onboarding auth choices as data: catalog.json is generated from an installed
 * OpenClaw (scripts/catalog/gen-provider-catalog.mjs, see scripts/catalog/README.md) and checked
 * against it by test/interop/catalog.test.ts. Edit the generator, never the JSON.
 */
import catalogJson from './catalog.json' with { type: 'json' };

/** `none`: nothing secret is needed (a local server, an on-device model, a CLI's own login). */
export type CredentialKind = 'api_key' | 'token' | 'oauth' | 'none';

export type PluginStatus = 'bundled-enabled-by-default' | 'bundled-needs-enable' | 'external-catalog';

/** What onboarding needs besides the secret, for the choice to work. */
export type OnboardingNeed =
  | 'plugin-install' // the provider plugin comes from npm or ClawHub
  | 'runtime-plugin' // the chosen model needs a runtime plugin from npm (Codex for openai/*)
  | 'network' // setup talks to the provider (e.g. a token exchange)
  | 'sign-in' // an OAuth or device-code sign-in in a browser
  | 'local-server' // a model server on this machine or network
  | 'cli'; // another program's login (the Claude CLI)

export interface CatalogCredential {
  kind: CredentialKind;
  /** The `openclaw onboard` flag that carries the secret, e.g. `--deepseek-api-key`. */
  flag: string | null;
  /** Env vars the gateway reads the secret from, first wins. */
  envVars: string[];
  /** Auth profiles onboarding stores; null when OpenClaw names them at sign-in (OAuth). */
  profileIds: string[] | null;
  /** How a good secret looks (authdeck's knowledge, scripts/catalog/authdeck-facts.mjs); null: any. */
  shape: { pattern: string; looks: string } | null;
  /** What the secret is, where the provider's name misleads (authdeck-facts.mjs); null: its own key. */
  note: string | null;
}

/** A free, read-only request that tells a good key from a bad one (authdeck-facts.mjs). */
export interface CatalogProbe {
  baseUrl: string;
  path: string;
  /** How the key is sent: an `x-api-key` header, `Authorization: Bearer`, or `?key=`. */
  auth: 'x-api-key' | 'bearer' | 'query-key';
  headers: Record<string, string>;
}

export interface CatalogPlugin {
  id: string;
  status: PluginStatus;
  npmSpec: string | null;
  clawhubSpec: string | null;
  minHostVersion: string | null;
  /** `openclaw plugins install @openclaw/deepseek-provider`, for external plugins. */
  installCommand: string | null;
}

/** Where a catalog `docsPath` is. */
const DOCS_BASE = 'https://docs.openclaw.ai';

/** A provider a plugin serves that OpenClaw's onboarding stores no credential for. */
export interface PluginProvider {
  label: string;
  plugin: CatalogPlugin;
  /** Its page under docs.openclaw.ai, which says how it authenticates. */
  docsPath: string | null;
}

export interface ProviderParam {
  /** OpenClaw's flag, e.g. `--cloudflare-ai-gateway-account-id`, `--custom-base-url`. */
  flag: string;
  description: string;
  /** null: not known (no run of this choice has completed). */
  required: boolean | null;
}

export interface ProviderConfig {
  /** The endpoint onboarding writes (or a local server's default address). */
  baseUrl: string | null;
  /** OpenClaw's API compatibility: `openai-completions`, `anthropic-messages`, `ollama`… */
  api: string | null;
  params: ProviderParam[];
}

export interface CatalogOnboarding {
  /** `openclaw onboard --non-interactive` can set it up, given what `needs` lists. */
  nonInteractive: boolean;
  /** It completed with fake secrets and no network, server or CLI. */
  offline: boolean;
  needs: OnboardingNeed[];
}

export interface CatalogChoice {
  /** `--auth-choice` value. */
  id: string;
  /** Old ids OpenClaw still recognises (and refuses non-interactively), e.g. `claude-cli`. */
  deprecatedIds: string[];
  label: string;
  hint: string | null;
  /** null only for the generic `token` choice, which no picker shows. */
  groupId: string | null;
  groupLabel: string | null;
  /** Onboarding scopes: `text-inference` is the picker's; image/music choices are CLI-only. */
  scopes: string[];
  /** Position in OpenClaw's picker (all groups flattened); null when the picker does not show it. */
  pickerOrder: number | null;
  visibility: 'visible' | 'manual-only' | 'detected-only';
  /** OpenClaw recommends it (`onboardingFeatured`). */
  featured: boolean;
  /** Platforms it exists on; null for all. */
  platforms: string[] | null;
  /** Provider id the credential is stored under; null for `custom-api-key` and `token`. */
  provider: string | null;
  /** OpenClaw's auth method id. */
  method: string | null;
  credential: CatalogCredential;
  /** null for core choices, which no plugin serves. */
  plugin: CatalogPlugin | null;
  providerConfig: ProviderConfig;
  defaultModel: { ref: string; alias: string | null } | null;
  /**
   * The default model an older OpenClaw's onboarding sets (observed, scripts/catalog), where it
   * differs: what a home of OpenClaw before 2026.8 knows, and the only default of a choice whose
   * plugin is ClawHub's today but was built in then. null: the same, or never seen.
   */
  olderDefault: { openclawVersion: string; ref: string; entry: Record<string, unknown> } | null;
  /**
   * The `models` an older OpenClaw's onboarding wrote for a choice the catalog never saw set up
   * (a ClawHub plugin's): its provider block, the endpoint a region or plan picks. Observed
   * (scripts/catalog/observe-older.mjs).
   */
  olderSetup: { openclawVersion: string; models: Record<string, unknown> } | null;
  /** null: no run observed it on its own (external plugins, sign-ins, local servers). */
  setup: ObservedSetup | null;
  onboarding: CatalogOnboarding;
  /** OpenClaw docs page, e.g. `/providers/deepseek`. */
  docsPath: string | null;
  /** Where to get a key: authdeck's own page where it knows one, else where the docs say. */
  keysUrl: string | null;
  /** The free key check for this choice's key; null: none. */
  probe: CatalogProbe | null;
}

/** What onboarding wrote to openclaw.json for the choice, observed from a real run (scripts/catalog). */
export interface ObservedSetup {
  /** Plugins it enabled (`plugins.entries.<id>.enabled = true`). */
  plugins: string[];
  /** `models` as written (`mode`, `providers`), a `<secret>` marker where the secret went; null: none. */
  models: Record<string, unknown> | null;
  /** Its default model's entry under `agents.defaults.models` (`{alias}`, `{}`), null when none was written. */
  defaultModelEntry: Record<string, unknown> | null;
  /** The other entries it wrote under `agents.defaults.models` (a plugin's model list, Qwen's), by ref. */
  modelEntries: Record<string, Record<string, unknown>>;
  /** `agents.defaults.mediaModels` as it set them (fal: `{image: {primary}}`); absent: none. */
  mediaModels?: Record<string, unknown>;
}

export interface CatalogGroup {
  id: string;
  label: string;
  hint: string | null;
  order: number;
  /** Shown at the top level of OpenClaw's picker rather than under "More". */
  featured: boolean;
  choiceIds: string[];
}

export interface ProviderCatalog {
  schemaVersion: number;
  openclawVersion: string;
  groups: CatalogGroup[];
  choices: CatalogChoice[];
  /** alias → provider id, e.g. `x-ai` → `xai`. */
  providerAliases: Record<string, string>;
  /** alias → provider whose credentials it uses, as OpenClaw looks credentials up (e.g. `x-ai` → `xai`). */
  providerAuthAliases: Record<string, string>;
  /** Every provider id a plugin of this release declares, auth choice or not (google-gemini-cli, amazon-bedrock…). */
  providerIds: string[];
  /** Providers a plugin serves with no auth choice to onboard them (Amazon Bedrock signs with AWS credentials). */
  pluginProviders: Record<string, PluginProvider>;
  /** What a provider's secrets start with, longest first (authdeck-facts.mjs): a secret is named in any field. */
  secretPrefixes: SecretPrefix[];
  /**
   * The aliases (`opus` → its model) OpenClaw's config loader gives the `agents.defaults.models`
   * entries of those models that name none (DEFAULT_MODEL_ALIASES); an older release's too.
   */
  defaultModelAliases: Record<string, string>;
  olderDefaultModelAliases: { openclawVersion: string; aliases: Record<string, string> } | null;
}

export interface SecretPrefix {
  prefix: string;
  provider: string;
  kind: 'api_key' | 'token' | 'refresh' | 'admin';
  /** How a sentence names it: "an OpenAI API key". */
  name: string;
}

export const catalog = catalogJson as ProviderCatalog;

const choicesById = new Map(catalog.choices.map((choice) => [choice.id, choice]));
const groupsById = new Map(catalog.groups.map((group) => [group.id, group]));
const aliases = new Map(Object.entries(catalog.providerAliases));
const authAliases = new Map(Object.entries(catalog.providerAuthAliases));

export function catalogGroups(): readonly CatalogGroup[] {
  return catalog.groups;
}

/** A choice by its id, or by an id OpenClaw has deprecated in its favour. */
export function findChoice(id: string): CatalogChoice | undefined {
  return choicesById.get(id) ?? catalog.choices.find((choice) => choice.deprecatedIds.includes(id));
}

export function findGroup(id: string): CatalogGroup | undefined {
  return groupsById.get(id);
}

export function resolveProviderAlias(id: string): string {
  const normalized = id.trim().toLowerCase();
  return aliases.get(normalized) ?? normalized;
}

/**
 * The provider whose credentials serve `provider` (OpenClaw's resolveProviderIdForAuth): a model
 * `x-ai/grok-4` uses `xai` profiles, and a profile stored with provider `x-ai` counts for `xai`.
 */
export function resolveAuthProvider(provider: string): string {
  const normalized = provider.trim().toLowerCase();
  return authAliases.get(normalized) ?? normalized;
}

/** Choices that store a credential for the provider (or one of its aliases), in picker order. */
export function choicesForProvider(provider: string): CatalogChoice[] {
  const id = resolveProviderAlias(provider);
  return catalog.choices
    .filter((choice) => choice.provider === id)
    .sort((a, b) => (a.pickerOrder ?? Number.MAX_SAFE_INTEGER) - (b.pickerOrder ?? Number.MAX_SAFE_INTEGER));
}

/** The plugin that serves a provider: the first of its choices that names one, else its plugin with nothing to onboard. */
export function providerPlugin(provider: string): CatalogPlugin | undefined {
  return choicesForProvider(provider).find((choice) => choice.plugin)?.plugin ?? pluginProvider(provider)?.plugin;
}

/** A provider a plugin serves with no auth choice (amazon-bedrock), by id or alias. */
export function pluginProvider(provider: string): PluginProvider | undefined {
  const id = resolveProviderAlias(provider);
  return Object.hasOwn(catalog.pluginProviders, id) ? catalog.pluginProviders[id] : undefined;
}

/**
 * Said where a credential for such a provider is saved or asked for: onboarding stores none for
 * it; its plugin (installed how) reads what its docs page says.
 */
export function pluginProviderNote(provider: string): string | undefined {
  const found = pluginProvider(provider);
  if (!found) return undefined;
  const { plugin, docsPath, label } = found;
  const install = plugin.installCommand ? ` (install it: \`${plugin.installCommand}\`)` : '';
  const docs = docsPath ? `: see ${DOCS_BASE}${docsPath}` : '';
  return `OpenClaw's onboarding stores no credential for ${label}: the ${plugin.id} plugin serves it${install} and reads its credentials as its docs say${docs}`;
}

/**
 * A choice that picks one of its provider's endpoints or plans (a region) whose setup was never
 * observed (its plugin comes from ClawHub): authdeck cannot write the endpoint it picks, so the
 * gateway uses the plugin's default one. Said, never guessed.
 */
export function endpointUnknown(choice: CatalogChoice): boolean {
  if (choice.setup || choice.plugin?.status !== 'external-catalog' || !choice.provider) return false;
  if (choice.credential.kind === 'oauth') return false;
  const kind = choice.credential.kind;
  return choicesForProvider(choice.provider).filter((other) => other.credential.kind === kind).length > 1;
}

/**
 * What to check for a choice whose endpoint authdeck cannot write (endpointUnknown), in a
 * sentence: the CLI's report and the wizard's summary say the same.
 */
export function endpointWarning(
  choice: CatalogChoice,
  /** The home runs OpenClaw 2026.8+, where the plugin comes from ClawHub (before, OpenClaw ships it). */
  pluginsServeProviders = true,
): string | undefined {
  if (!endpointUnknown(choice) || !choice.provider) return undefined;
  // An older OpenClaw's onboarding showed the endpoint, and that block is written (setupForHome).
  const older = choice.olderSetup?.models.providers;
  if (older && typeof older === 'object' && Object.hasOwn(older, choice.provider)) return undefined;
  const docs = choice.docsPath ? ` (${DOCS_BASE}${choice.docsPath})` : '';
  const named = choice.groupLabel ? `${choice.groupLabel}: ${choice.label}` : choice.label;
  const why = pluginsServeProviders
    ? 'its plugin comes from ClawHub and was never seen set up'
    : "this OpenClaw's own setup of it was never observed (authdeck's catalog comes from 2026.9)";
  return `${choice.id} (${named}) picks one of ${choice.provider}'s endpoints, and authdeck does not know which: ${why}. The gateway uses the provider's default one; if your account is on another, set models.providers.${choice.provider}.baseUrl to it${docs}`;
}

let endpointsByBlock: Map<string, Set<string>> | undefined;

/** A base URL as endpoints are compared: its host in lower case, trailing slashes dropped. */
export function endpointKey(url: string): string {
  const text = url.trim();
  try {
    // The host in lower case, as it is compared: https://API.x.ai/v1 is api.x.ai's.
    const parsed = new URL(text);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`.replace(/\/+$/, '') + parsed.search;
  } catch {
    return text.replace(/\/+$/, '');
  }
}

/**
 * Every endpoint OpenClaw's onboarding writes for a `models.providers` block (its regions and
 * plans, today's and an older OpenClaw's): an address outside it is one a person set.
 */
export function onboardingEndpoints(block: string): ReadonlySet<string> {
  if (!endpointsByBlock) {
    endpointsByBlock = new Map();
    const add = (id: string, url: unknown) => {
      if (typeof url !== 'string' || url.trim() === '') return;
      const set = endpointsByBlock?.get(id) ?? new Set<string>();
      set.add(endpointKey(url));
      endpointsByBlock?.set(id, set);
    };
    for (const choice of catalog.choices) {
      if (choice.provider) add(choice.provider, choice.providerConfig.baseUrl);
      for (const models of [choice.setup?.models, choice.olderSetup?.models]) {
        const providers = models?.providers;
        if (!providers || typeof providers !== 'object') continue;
        for (const [id, entry] of Object.entries(providers as Record<string, unknown>))
          add(id, entry && typeof entry === 'object' ? (entry as Record<string, unknown>).baseUrl : undefined);
      }
    }
  }
  return endpointsByBlock.get(block) ?? new Set();
}

/** The providers OpenClaw's onboarding stores credentials for, in picker order. */
export const providerIds = [
  ...new Set(catalog.choices.flatMap((choice) => (choice.provider ? [choice.provider] : []))),
];

/** OpenClaw's own id for ChatGPT sign-ins before 2026.7 (`openai` since), built in there. */
export const OLDER_PROVIDER_IDS: readonly string[] = ['openai-codex'];

/** A provider OpenClaw knows (by id or alias): its plugin and its stored credentials go with the name. */
export function isCatalogProvider(id: string): boolean {
  const normalized = id.trim().toLowerCase();
  return (
    providerIds.includes(normalized) ||
    catalog.providerIds.includes(normalized) ||
    aliases.has(normalized) ||
    authAliases.has(normalized) ||
    OLDER_PROVIDER_IDS.includes(normalized)
  );
}

/**
 * The env var the gateway reads the secret of an onboarding flag from (`--deepseek-api-key` →
 * DEEPSEEK_API_KEY): one the auth choice given reads when it takes that flag (several choices
 * share `--openrouter-api-key`), the one the flag names when there is one.
 */
export function secretFlagVariable(flag: string, authChoice?: string): string | undefined {
  const taking = catalog.choices.filter(
    (choice) => choice.credential.flag === flag && choice.credential.envVars.length > 0,
  );
  const chosen = authChoice === undefined ? undefined : findChoice(authChoice.trim());
  // A flag the choice does not take (`--token` with xai-api-key): the choice's own variable is the one to set.
  const choices = chosen && (taking.includes(chosen) || chosen.credential.envVars.length > 0) ? [chosen] : taking;
  const named = flag.replace(/^--/, '').toUpperCase().replaceAll('-', '_');
  const variables = choices.flatMap((choice) => choice.credential.envVars);
  return variables.includes(named) ? named : variables[0];
}

/**
 * The provider whose secret a choice takes: its own, or the one its flag names where that is
 * another (`arceeai-openrouter` takes an OpenRouter key, through --openrouter-api-key).
 */
export function secretOwner(choice: CatalogChoice): string | undefined {
  const named = choice.credential.flag?.match(/^--([a-z0-9-]+)-api-key$/)?.[1];
  return named && named !== choice.provider && providerIds.includes(named) ? named : (choice.provider ?? undefined);
}
