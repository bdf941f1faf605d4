/** The model settings of `openclaw.json` as authdeck reads them (model-usage.ts, model-refs.ts). */

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
  /** The key is there at all (`{}` too): OpenClaw 2026.9 refuses it whatever it holds. */
  cliBackendsSet?: boolean;
}

export interface ProviderSettings {
  /** An `apiKey` in the config: a key the gateway uses when no profile works. */
  hasApiKey: boolean;
  /** The variable the config's `apiKey` reads, when it is not set (so the key does not count). */
  keyUnset?: string;
  /**
   * The `apiKey` is one of OpenClaw's markers for a server that takes no real key (`ollama-local`,
   * `lmstudio-local`, `custom-local`): `models status` shows it as `marker(ollama-local)`.
   */
  keyMarker?: string;
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

export type ModelRole = 'default' | 'fallback' | 'image' | 'image fallback' | 'utility' | 'built-in default';

/** One provider the gateway calls, and why. */
export interface ProviderUse {
  provider: string;
  ref: string;
  role: ModelRole;
  /** The setting came from the agent's own entry in `agents.list`. */
  fromAgent: boolean;
}
