/**
 * OpenClaw 2026.9 runs OpenAI's models through its Codex agent runtime (openai-routing.ts,
 * resolveOpenAIImplicitAgentRuntime), API key and ChatGPT sign-in alike, and that runtime comes
 * from the external `codex` plugin (`@openclaw/codex` on npm): without it `openclaw models
 * status` says "runtime unavailable: No enabled plugin owns agent harness codex" and the gateway
 * cannot answer with an OpenAI model. Its onboarding installs the plugin as it sets the model.
 */
import { type GatewayConfig, providerUses } from '../config/openclaw-json.js';
import type { RuntimePolicies } from '../config/runtime-policies.js';
import { aliasedRef } from '../status/model-refs.js';
import type { CatalogPlugin } from './catalog.js';

/** The plugin that owns the Codex runtime, as `openclaw plugins install` takes it. */
export const CODEX_RUNTIME_PLUGIN: CatalogPlugin = {
  id: 'codex',
  status: 'external-catalog',
  npmSpec: '@openclaw/codex',
  clawhubSpec: null,
  minHostVersion: null,
  installCommand: 'openclaw plugins install @openclaw/codex',
};

/** Why the plugin is needed, for the line that names it. */
export const CODEX_RUNTIME_REASON = 'OpenClaw runs OpenAI models through its Codex runtime, which this plugin brings';

/** OpenClaw 2026.9's built-in default model, when none is configured. */
const BUILT_IN_OPENAI_MODEL = 'gpt-6-astra';

/** OpenAI's own endpoints: a custom OpenAI-compatible base URL bypasses the Codex runtime. */
const OPENAI_HOSTS = /^https:\/\/(api\.openai\.com|chatgpt\.com)(\/|$)/i;

/** The runtime configured for one model, in OpenClaw's order: exact model entry, provider model, `<provider>/*`, provider. */
function configuredRuntime(
  policies: RuntimePolicies,
  agentId: string | undefined,
  provider: string,
  modelId: string,
): string | undefined {
  const scopes = [agentId !== undefined ? policies.agentModels[agentId] : undefined, policies.defaultModels];
  const entry = (key: string) => scopes.map((scope) => scope?.[key]).find((runtime) => runtime !== undefined);
  return (
    entry(`${provider}/${modelId}`) ??
    policies.providerModels[provider]?.[modelId] ??
    entry(`${provider}/*`) ??
    policies.providers[provider]
  );
}

/** Whether OpenClaw runs this OpenAI model on the Codex runtime. */
function runsOnCodex(config: GatewayConfig, agentId: string | undefined, modelId: string): boolean {
  const runtime = configuredRuntime(config.runtimePolicies, agentId, 'openai', modelId);
  if (runtime !== undefined && runtime !== 'auto' && runtime !== 'default') return runtime === 'codex';
  // No runtime chosen: Codex, unless the route is one it does not take (another endpoint, Chat Completions).
  const route = config.models.providers.openai;
  if (route?.baseUrl !== undefined && !OPENAI_HOSTS.test(route.baseUrl.trim())) return false;
  return route?.api !== 'openai-completions';
}

/**
 * The runtime plugin the gateway needs for `provider`'s models besides the provider's own:
 * Codex where OpenClaw runs one of the agent's OpenAI models on it (with none in use, the
 * provider's route decides).
 */
export function runtimePluginFor(config: GatewayConfig, provider: string, agentId?: string): CatalogPlugin | undefined {
  if (provider !== 'openai') return undefined;
  const models = providerUses(config, agentId)
    .filter((use) => use.provider === provider)
    .map((use) => modelIdOf(use.ref, config));
  const needed = (models.length > 0 ? models : [BUILT_IN_OPENAI_MODEL]).some((modelId) =>
    runsOnCodex(config, agentId, modelId),
  );
  return needed ? CODEX_RUNTIME_PLUGIN : undefined;
}

/** The model id of a ref: `openai/gpt-5` → `gpt-5`, an alias through its ref, the built-in default's. */
function modelIdOf(ref: string, config: GatewayConfig): string {
  const resolved = aliasedRef(ref, config.models) ?? ref;
  const slash = resolved.indexOf('/');
  return slash > 0 ? resolved.slice(slash + 1) : BUILT_IN_OPENAI_MODEL;
}
