/**
 * What OpenClaw's onboarding writes to openclaw.json beside the auth profile itself, as data: a
 * sign-in returns these and the onboarding plan writes them (auth.profiles is written with the
 * profile). Where each comes from in OpenClaw: README "More sign-ins".
 */
export type ConfigFact =
  /** plugins.entries.<pluginId>.enabled = true: onboarding enables the plugin that serves the choice. */
  | { kind: 'plugin-enabled'; pluginId: string }
  /** plugins.allow gets the plugin, only when it is a non-empty list that lacks it. */
  | { kind: 'plugin-allowed'; pluginId: string }
  /**
   * models.providers.<providerId>: the keys given replace the ones there (an `undefined` value
   * removes the key); `models.mode` becomes "merge" when unset, unless `leaveMode` (Foundry's
   * onboarding does not set it).
   */
  | { kind: 'provider'; providerId: string; entry: Record<string, unknown>; leaveMode?: true }
  /** agents.defaults.models[ref] merged with `entry`; `keepAlias` keeps an alias already there. */
  | { kind: 'model'; ref: string; entry: Record<string, unknown>; keepAlias?: boolean }
  /** agents.defaults.models is replaced by the model facts (old keys not named are dropped). */
  | { kind: 'replace-models' }
  /**
   * agents.defaults.model.primary (fallbacks kept), unless the user keeps the current one; with
   * `entry`, the model's entry under agents.defaults.models too when it has none.
   */
  | { kind: 'default-model'; ref: string; entry?: Record<string, unknown> }
  /**
   * agents.defaults.mediaModels.image.primary: an image model's deployment is the default for
   * images. `ifUnset`: only when no image default is set in any form (fal's onboarding; Foundry's
   * replaces one of its own provider's).
   */
  | { kind: 'image-model'; ref: string; ifUnset?: true }
  /** auth.order.<provider> = [profileId, ...the provider's other configured profiles]. */
  | { kind: 'auth-order-first'; provider: string; profileId: string };

export function pluginEnabled(pluginId: string): ConfigFact {
  return { kind: 'plugin-enabled', pluginId };
}

export function defaultModel(ref: string): ConfigFact {
  return { kind: 'default-model', ref };
}

/** The agent's model and models in openclaw.json (its own entry's, else agents.defaults'), which the Claude CLI setup builds on. */
export async function readAgentModels(
  configPath: string,
  agentId?: string,
): Promise<{ primary?: string; models?: Record<string, unknown> }> {
  const { readTextIfExists } = await import('../files/fs-read.js');
  const { parseConfigText } = await import('../config/openclaw-json.js');
  const { agentModelsView } = await import('../providers/agent-models.js');
  const text = await readTextIfExists(configPath);
  if (text === undefined) return {};
  const doc = agentModelsView(asObject(await parseConfigText(configPath, text)), agentId);
  const defaults = asObject(asObject(doc.agents).defaults);
  const model = defaults.model;
  const primary = typeof model === 'string' ? model : asObject(model).primary;
  return {
    ...(typeof primary === 'string' ? { primary } : {}),
    ...(defaults.models && typeof defaults.models === 'object' ? { models: asObject(defaults.models) } : {}),
  };
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
