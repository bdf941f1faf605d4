/**
 * Copilot Proxy (`--auth-choice copilot-proxy`): the VS Code extension that serves Copilot's
 * models on this machine. Set up as OpenClaw 2026.9's bundled copilot-proxy plugin sets it up,
 * without contacting it (OpenClaw does not either): its base URL and model ids, a provider block
 * with a placeholder key, every model listed, the first the default, and the profile
 * `copilot-proxy:local` holding the same placeholder.
 */
import { UsageError } from '../errors.js';
import { shown } from '../terminal-text.js';
import { isHttpUrl, shownUrl } from './http-url.js';
import { isWritableModelId, MODEL_ID_MAX } from './model-id.js';
import type { ProviderSetup } from './setup-plan.js';

export const COPILOT_PROXY = 'copilot-proxy';
export const COPILOT_PROXY_URL = 'http://localhost:3000/v1';
/** The models OpenClaw offers, to keep or change (what a Copilot plan serves varies). */
export const COPILOT_PROXY_MODELS = [
  'gpt-5-mini',
  'claude-opus-4.6',
  'claude-opus-4.7',
  'claude-sonnet-4.6',
  'gemini-3-flash',
] as const;
/** Not a secret: the proxy takes no key, and the gateway's request needs a value. */
const PLACEHOLDER_KEY = 'n/a';

/** The base URL as OpenClaw writes it (`/v1` added when missing), or a one-line reason. */
export function copilotProxyBaseUrl(typed: string | undefined): string {
  let url = (typed ?? '').trim() || COPILOT_PROXY_URL;
  url = url.replace(/\/+$/, '');
  if (!url.endsWith('/v1')) url = `${url}/v1`;
  if (!isHttpUrl(url))
    throw new UsageError(
      `"${shownUrl(typed ?? '')}" is not an http(s) URL for the Copilot Proxy (${COPILOT_PROXY_URL})`,
    );
  const parsed = new URL(url);
  if (parsed.search || parsed.hash || parsed.username || parsed.password)
    throw new UsageError(
      `"${shownUrl(typed ?? '')}": the Copilot Proxy's base URL is an address alone, with no query, fragment or user`,
    );
  return url;
}

/** Model ids from a comma- or line-separated list, each once, or a one-line reason. */
export function copilotProxyModelIds(typed: string | undefined): string[] {
  const ids = [...new Set((typed ?? COPILOT_PROXY_MODELS.join(',')).split(/[\n,]/).map((id) => id.trim()))].filter(
    Boolean,
  );
  if (ids.length === 0) throw new UsageError('name at least one model id for the Copilot Proxy');
  const bad = ids.find((id) => !isWritableModelId(id));
  if (bad)
    throw new UsageError(
      `"${shown(bad, 60)}" is not a model id authdeck writes (a blank, an @, a control or bidi character, or more than ${MODEL_ID_MAX} characters)`,
    );
  return ids;
}

export interface CopilotProxySetup {
  setup: ProviderSetup;
  credential: { profileId: string; secret: string };
}

/** The setup for the two answers as typed (OpenClaw's defaults for what is not), or a one-line reason. */
export function copilotProxySetup(typed: {
  baseUrl?: string | undefined;
  modelIds?: string | undefined;
}): CopilotProxySetup {
  const baseUrl = copilotProxyBaseUrl(typed.baseUrl);
  const modelIds = copilotProxyModelIds(typed.modelIds);
  const refs = modelIds.map((id) => `${COPILOT_PROXY}/${id}`);
  return {
    setup: {
      plugins: [COPILOT_PROXY],
      providers: {
        [COPILOT_PROXY]: {
          baseUrl,
          apiKey: PLACEHOLDER_KEY,
          api: 'openai-completions',
          authHeader: false,
          models: modelIds.map((id) => ({
            id,
            name: id,
            api: 'openai-completions',
            reasoning: false,
            input: ['text', 'image'],
            cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
            contextWindow: 128_000,
            maxTokens: 8192,
          })),
        },
      },
      providersComplete: true,
      defaultModel: { ref: refs[0] ?? COPILOT_PROXY, entry: {} },
      modelEntries: Object.fromEntries(refs.map((ref) => [ref, {}])),
    },
    credential: { profileId: `${COPILOT_PROXY}:local`, secret: PLACEHOLDER_KEY },
  };
}
