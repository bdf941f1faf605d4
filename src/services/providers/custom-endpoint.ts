/**
 * A custom OpenAI- or Anthropic-compatible endpoint (`--auth-choice custom-api-key`) written as
 * OpenClaw's onboarding writes it: a provider id made from the URL's host and port (made unique
 * when another endpoint has it), a `models.providers` block with the key and the model, and the
 * model as the default. The rules follow OpenClaw 2026.9's onboard-custom-config (README "Providers").
 */
import { UsageError } from '../errors.js';
import { asRecord } from '../json-text.js';
import { isReservedId } from '../providers.js';
import { isCatalogProvider } from './catalog.js';
import { credentialsInUrl, isHttpUrl, notHttpUrl } from './http-url.js';
import { checkedModelIdFlag } from './model-id.js';
import type { ProviderSetup } from './setup-plan.js';

export type CustomCompatibility = 'openai' | 'openai-responses' | 'anthropic';

export interface CustomEndpointInput {
  baseUrl: string;
  modelId: string;
  providerId?: string;
  compatibility: CustomCompatibility;
  /** Unset: told from the model's name where it is a well-known family, else text only. */
  imageInput?: boolean;
}

const CONTEXT_WINDOW = 128_000;
const MAX_TOKENS = 4096;

function endpointId(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `--custom-base-url` is an http(s) URL with no user or password, or a usage error that shows what was typed. */
export function requireHttpUrl(url: string, typed = url): void {
  const problem = isHttpUrl(url) ? credentialsInUrl(url, typed) : notHttpUrl(typed);
  if (problem) throw new UsageError(`--custom-base-url: ${problem}`);
}

/** `http://127.0.0.1:9/v1` → `custom-127-0-0-1-9`. */
export function endpointIdFromUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return (
      endpointId(
        `custom-${url.hostname.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}${url.port ? `-${url.port}` : ''}`,
      ) || 'custom'
    );
  } catch {
    return 'custom';
  }
}

/** Image input from the model's name: families known to take images, known text-only ones, else unknown. */
export function inferImageInput(modelId: string): boolean | undefined {
  const name = modelId.trim().toLowerCase();
  if (!name) return undefined;
  const vision = [
    /\b(?:gpt-4o|gpt-4\.1|gpt-[5-9]|o[134])\b/,
    /\bclaude-(?:3|4|sonnet|opus|haiku)\b/,
    /\bgemini\b/,
    /\b(?:qwen[\w.-]*-?vl|qwen-vl)\b/,
    /\b(?:vision|llava|pixtral|internvl|mllama|minicpm-v|glm-4v)\b/,
    /(?:^|[-_/])vl(?:[-_/]|$)/,
  ];
  if (vision.some((pattern) => pattern.test(name))) return true;
  const textOnly = [
    /\b(?:llama\d*|deepseek|mistral|mixtral|kimi|moonshot|codestral|devstral|phi|qwq|codellama)\b/,
    /\bqwen(?!.*(?:vl|vision))/,
  ];
  if (textOnly.some((pattern) => pattern.test(name))) return false;
  return undefined;
}

function isAzure(baseUrl: string): boolean {
  try {
    // `host.` is the same host to DNS: the trailing dot does not make it another endpoint.
    return /\.(?:openai\.azure\.com|services\.ai\.azure\.com|cognitiveservices\.azure\.com)$/i.test(
      new URL(baseUrl).hostname.replace(/\.+$/, ''),
    );
  } catch {
    return false;
  }
}

function api(compatibility: CustomCompatibility): string {
  if (compatibility === 'anthropic') return 'anthropic-messages';
  return compatibility === 'openai-responses' ? 'openai-responses' : 'openai-completions';
}

function contextWindowOf(value: unknown): number {
  const parsed = typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : 0;
  return parsed <= 0 || parsed === 4000 || parsed < 4000 ? CONTEXT_WINDOW : parsed;
}

/** The setup for a custom endpoint, planned against the config as it is (`doc`). */
export function customSetup(doc: Record<string, unknown>, input: CustomEndpointInput, secret: string): ProviderSetup {
  const baseUrl = input.baseUrl.trim();
  requireHttpUrl(baseUrl, input.baseUrl);
  if (isAzure(baseUrl))
    throw new UsageError(
      'Azure endpoints need the URL rewrites of `openclaw onboard --auth-choice custom-api-key`; authdeck does not make them',
    );
  const modelId = checkedModelIdFlag(input.modelId);
  // An empty id is none, as OpenClaw reads --custom-provider-id: the id comes from the URL.
  const givenId = input.providerId?.trim() ? input.providerId : undefined;
  if (givenId !== undefined && !/[a-z0-9]/.test(endpointId(givenId)))
    throw new UsageError('--custom-provider-id must include letters or numbers');
  // Keys of every JavaScript object: OpenClaw's own reading of models.providers breaks on them.
  if (givenId !== undefined && isReservedId(endpointId(givenId)))
    throw new UsageError(`--custom-provider-id: "${endpointId(givenId)}" cannot name a provider; choose another id`);
  // The gateway sends a provider's stored credentials to its block's baseUrl: a custom endpoint
  // named after one would receive them (OpenClaw's own onboarding leaves such a block out).
  if (givenId !== undefined && isCatalogProvider(endpointId(givenId)))
    throw new UsageError(
      `--custom-provider-id: "${endpointId(givenId)}" is a provider OpenClaw knows, and its stored credentials would go to this endpoint; choose another id (e.g. custom-${endpointId(givenId)})`,
    );
  const providers = asRecord(asRecord(doc.models)?.providers) ?? {};
  const requested = endpointId(givenId ?? '') || endpointIdFromUrl(baseUrl);
  const providerId = uniqueId(requested, baseUrl, providers);
  const existing = asRecord(providers[providerId]) ?? {};
  const existingModels = Array.isArray(existing.models) ? existing.models.map((model) => asRecord(model) ?? {}) : [];
  const inferred = input.imageInput ?? inferImageInput(modelId) ?? false;
  const inputs = (images: boolean) => (images ? ['text', 'image'] : ['text']);
  const next = {
    id: modelId,
    name: `${modelId} (Custom Provider)`,
    contextWindow: CONTEXT_WINDOW,
    maxTokens: MAX_TOKENS,
    input: inputs(inferred),
    cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
    reasoning: false,
  };
  const has = existingModels.some((model) => model.id === modelId);
  const models = has
    ? existingModels.map((model) =>
        model.id === modelId
          ? {
              ...model,
              ...(input.imageInput !== undefined ? { input: inputs(input.imageInput) } : {}),
              name: model.name ?? next.name,
              cost: model.cost ?? next.cost,
              contextWindow: contextWindowOf(model.contextWindow),
              maxTokens: model.maxTokens ?? next.maxTokens,
            }
          : model,
      )
    : [...existingModels, next];
  const { apiKey: existingKey, ...rest } = existing;
  const apiKey = secret.trim() || (typeof existingKey === 'string' ? existingKey.trim() : '');
  const block = { ...rest, baseUrl, api: api(input.compatibility), ...(apiKey ? { apiKey } : {}), models };
  return {
    plugins: [],
    modelsMode: 'merge',
    providers: { [providerId]: block },
    providersComplete: true,
    defaultModel: { ref: `${providerId}/${modelId}`, entry: {} },
  };
}

/** Another endpoint already named so gets `-2`, `-3`…; the same endpoint keeps its id. */
function uniqueId(id: string, baseUrl: string, providers: Record<string, unknown>): string {
  const existing = asRecord(providers[id]);
  if (typeof existing?.baseUrl !== 'string' || existing.baseUrl === baseUrl) return id;
  let suffix = 2;
  // The endpoint may have one of these already, from an earlier setup: it keeps it.
  while (providers[`${id}-${suffix}`] !== undefined && asRecord(providers[`${id}-${suffix}`])?.baseUrl !== baseUrl)
    suffix += 1;
  return `${id}-${suffix}`;
}

/**
 * LiteLLM's proxy where it runs (`--custom-base-url`), in place of the catalog's localhost:4000.
 * As OpenClaw 2026.9.6 writes it: its model list is left empty (the proxy's own models are not
 * known); the default model is still set.
 */
export function withBaseUrl(setup: ProviderSetup, provider: string, raw: string): ProviderSetup {
  requireHttpUrl(raw.trim(), raw);
  const block = setup.providers[provider] ?? {};
  return {
    ...setup,
    providers: { ...setup.providers, [provider]: { ...block, baseUrl: raw.trim().replace(/\/+$/, ''), models: [] } },
    endpointsAsked: true,
  };
}
