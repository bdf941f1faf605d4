/**
 * OpenClaw 2026.9 runs OpenAI's models through its Codex agent runtime (openai-routing.ts,
 * resolveOpenAIImplicitAgentRuntime), API key and ChatGPT sign-in alike, and that runtime comes
 * from the external `codex` plugin (`@openclaw/codex` on npm): without it `openclaw models
 * status` says "runtime unavailable: No enabled plugin owns agent harness codex" and the gateway
 * cannot answer with an OpenAI model. Its onboarding installs the plugin as it sets the model.
 */
import type { GatewayConfig } from '../config/openclaw-json.js';
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

/** OpenAI's own endpoints: a custom OpenAI-compatible base URL bypasses the Codex runtime. */
const OPENAI_HOSTS = /^https:\/\/(api\.openai\.com|chatgpt\.com)(\/|$)/i;

/**
 * The runtime plugin the gateway needs for `provider`'s models besides the provider's own, on
 * a home whose providers load through plugins (2026.8+): Codex for `openai` at OpenAI's own
 * endpoints. Undefined where the config chooses the runtime itself (an `agentRuntime`), which
 * this does not follow.
 */
export function runtimePluginFor(config: GatewayConfig, provider: string): CatalogPlugin | undefined {
  if (provider !== 'openai') return undefined;
  const { runtimeChosen, providers } = config.models;
  if (runtimeChosen.includes('*') || runtimeChosen.includes(provider)) return undefined;
  const baseUrl = providers[provider]?.baseUrl;
  if (baseUrl !== undefined && !OPENAI_HOSTS.test(baseUrl.trim())) return undefined;
  return CODEX_RUNTIME_PLUGIN;
}
