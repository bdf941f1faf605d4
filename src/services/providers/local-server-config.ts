import { AuthdeckError } from '../errors.js';
import { shown } from '../terminal-text.js';
import { CUSTOM_LOCAL_MARKER, LMSTUDIO_LOCAL_MARKER, OLLAMA_LOCAL_MARKER } from './local-key-markers.js';
import { LOCAL_SERVERS, type LocalServerKind, openclawBaseUrl } from './local-server.js';
import {
  isEmbeddingOnly,
  isOllamaCloudModel,
  isReasoningName,
  type LmStudioModel,
  type LocalModel,
  type OllamaModel,
} from './local-server-models.js';
import {
  availableName,
  defaultModelChoice,
  lmModels,
  loadedIds,
  mergeNames,
  OLLAMA_SUGGESTED,
  ollamaModels,
  ollamaToolsPick,
} from './local-server-pick.js';

export { type DefaultModelChoice, defaultModelChoice } from './local-server-pick.js';

/**
 * What `openclaw onboard --non-interactive --auth-choice <kind> --custom-base-url <baseUrl>
 * [--custom-model-id <id>]` (OpenClaw 2026.9.6) writes for a local server, given what
 * findLocalServer read from it: the provider block, the plugin entry, the primary model and the
 * auth profile, if any. Held to real runs by test/services/local-server-config.test.ts (its
 * fixture is what OpenClaw wrote); each function names the OpenClaw function it follows.
 */
export interface ProviderModelEntry {
  id: string;
  name: string;
  reasoning: boolean;
  input: string[];
  cost: { input: number; output: number; cacheRead: number; cacheWrite: number };
  contextWindow: number;
  maxTokens: number;
  contextTokens?: number;
  compat?: Record<string, unknown>;
}

export interface LocalProviderBlock {
  baseUrl: string;
  api: 'ollama' | 'openai-completions';
  models: ProviderModelEntry[];
  auth?: 'api-key';
  /** Never the key itself: a marker (`ollama-local`, `lmstudio-local`) or the variable's name. */
  apiKey: string;
}

export interface LocalAuthProfile {
  /** `auth.profiles.<id>` in openclaw.json, and the stored credential's id. */
  id: string;
  configEntry: { provider: LocalServerKind; mode: 'api_key' };
  credential: { type: 'api_key'; provider: LocalServerKind; key: string };
}

export interface LocalProviderSetup {
  providerId: LocalServerKind;
  /** `models.providers.<providerId>`, replacing what was there (LM Studio keeps an old block's other keys, e.g. headers). */
  provider: LocalProviderBlock;
  /** `models.mode`, written only where the config has none. */
  modelsMode: 'merge';
  /** `plugins.entries.<providerId>`. */
  pluginEntry: { enabled: true };
  /** `agents.defaults.model.primary` (its fallbacks are kept). */
  primaryModel: string;
  /** `agents.defaults.models[primaryModel].alias`: OpenClaw sets none for a local server. */
  alias: null;
  /** null: no credential is stored and `auth` is left alone. */
  authProfile: LocalAuthProfile | null;
}

const COST = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
const DEFAULT_CONTEXT = 128_000;
const MAX_TOKENS = 8192;
const OLLAMA_LOCAL_CONTEXT_TOKENS = 32_768;
// OLLAMA_CLOUD_DEFAULT_MODELS: the context a cloud model has when /api/show says none.
const OLLAMA_CLOUD_CONTEXT: Readonly<Record<string, number>> = {
  'minimax-m2.7': 196_608,
  'minimax-m3': 524_288,
  'kimi-k3': 1_048_576,
  'glm-5.1': 202_752,
  'glm-5.2': 1_000_000,
};

/**
 * The config onboarding writes. Throws (one line, safe to show) where OpenClaw would refuse or
 * would change the server first (download an Ollama model): the caller asks the user instead.
 */
export function localProviderConfig(
  kind: LocalServerKind,
  baseUrl: string,
  models: readonly LocalModel[],
  chosenModelId: string | undefined,
  options: { apiKey?: string } = {},
): LocalProviderSetup {
  const base = openclawBaseUrl(kind, baseUrl);
  if (!base) throw new AuthdeckError(`${shown(baseUrl)} is not an http(s) address`);
  const chosen = chosenModelId?.trim() || undefined;
  const key = normalizeKey(options.apiKey);
  const setup = (provider: LocalProviderBlock, primary: string, stored: string | undefined): LocalProviderSetup => ({
    providerId: kind,
    provider,
    modelsMode: 'merge',
    pluginEntry: { enabled: true },
    primaryModel: `${kind}/${primary}`,
    alias: null,
    authProfile: stored
      ? {
          id: `${kind}:default`,
          configEntry: { provider: kind, mode: 'api_key' },
          credential: { type: 'api_key', provider: kind, key: stored },
        }
      : null,
  });

  if (kind === 'ollama') {
    const { names, primary } = ollamaSelection(base, ollamaModels(models), chosen);
    const byName = new Map(ollamaModels(models).map((model) => [model.id, model]));
    const entries = names.map((name) => ollamaEntry(name, byName.get(name), base));
    return setup({ baseUrl: base, api: 'ollama', apiKey: OLLAMA_LOCAL_MARKER, models: entries }, primary, undefined);
  }
  const pick = (): string => {
    if (chosen) return chosen;
    const choice = defaultModelChoice(kind, models);
    if (choice.id === undefined) throw new AuthdeckError(`${choice.reason} (${choice.command})`);
    return choice.id;
  };
  if (kind === 'lmstudio') {
    const lms = lmModels(models);
    const primary = pick();
    const where = shown(base);
    if (!lms.some((model) => model.id === primary))
      throw new AuthdeckError(`LM Studio model ${shown(primary)} was not found at ${where}`);
    if (!loadedIds(lms).includes(primary))
      throw new AuthdeckError(
        `LM Studio model ${shown(primary)} is not loaded at ${where} (lms load ${shown(primary)})`,
      );
    // The marker values are no key: OpenClaw stores nothing for them.
    const stored = key && key !== LMSTUDIO_LOCAL_MARKER && key !== CUSTOM_LOCAL_MARKER ? key : undefined;
    const entries = lms.map(lmStudioEntry);
    const provider: LocalProviderBlock = stored
      ? { baseUrl: base, api: 'openai-completions', models: entries, auth: 'api-key', apiKey: 'LM_API_TOKEN' }
      : { baseUrl: base, api: 'openai-completions', models: entries, apiKey: LMSTUDIO_LOCAL_MARKER };
    return setup(provider, primary, stored);
  }
  const spec = LOCAL_SERVERS[kind];
  const primary = pick();
  if (!key)
    throw new AuthdeckError(
      `${spec.label} needs an API key (any value when the server checks none): ${spec.keyVariable} or --custom-api-key`,
    );
  const entry: ProviderModelEntry = {
    id: primary,
    name: primary,
    reasoning: false,
    input: ['text'],
    cost: { ...COST },
    contextWindow: DEFAULT_CONTEXT,
    maxTokens: MAX_TOKENS,
  };
  return setup({ baseUrl: base, api: 'openai-completions', apiKey: spec.keyVariable, models: [entry] }, primary, key);
}

/** As OpenClaw cleans a pasted key: no line breaks, controls or characters past Latin-1; trimmed. */
function normalizeKey(value: string | undefined): string | undefined {
  const kept = [...(value ?? '').replace(/[\r\n\u2028\u2029]+/g, '')].filter((char) => {
    const code = char.codePointAt(0)!;
    return code <= 255 && code > 31 && (code < 127 || code > 159);
  });
  return kept.join('').trim() || undefined;
}

// --- Ollama (extensions/ollama setup.runtime: configureOllamaNonInteractive) ---

function ollamaSelection(base: string, models: OllamaModel[], chosen: string | undefined) {
  const names = models.map((model) => model.id);
  const explicit = chosen?.toLowerCase().startsWith('ollama/') ? chosen.slice(7).trim() || undefined : chosen;
  const requested = explicit ?? ollamaToolsPick(models);
  if (requested === undefined) {
    const choice = defaultModelChoice('ollama', models) as { reason: string; command: string };
    throw new AuthdeckError(`${choice.reason} (${choice.command})`);
  }
  const cloud = isOllamaCloudModel(requested);
  const available = availableName(requested, names);
  if (!available && !cloud)
    throw new AuthdeckError(
      `${shown(requested)} is not on the Ollama server at ${shown(base)}: OpenClaw would download it first (ollama pull ${shown(requested)})`,
    );
  const primary = available ?? requested;
  const selected = models.find((model) => model.id === primary);
  if (!cloud && selected && isEmbeddingOnly(selected))
    throw new AuthdeckError(`Ollama model ${shown(primary)} only supports embeddings: choose a chat model`);
  const suggested = [OLLAMA_SUGGESTED].filter((name) => availableName(name, names) !== undefined);
  let all = mergeNames(suggested, names);
  if (cloud && !all.includes(requested)) all = [...all, requested];
  return { names: all, primary };
}

function ollamaEntry(name: string, model: OllamaModel | undefined, base: string): ProviderModelEntry {
  // Only what /api/show was asked about counts: past the first 200, OpenClaw goes by the name.
  const read = model && model.inspection !== 'skipped' ? model : undefined;
  const capabilities = read?.capabilities;
  const cloudKey = name
    .trim()
    .toLowerCase()
    .replace(/(?::cloud|-cloud)$/, '');
  const fullThinking = cloudKey === 'glm-5.2' || /^deepseek-v4-(?:flash|pro)$/.test(cloudKey);
  const cloud = isOllamaCloudModel(name);
  const contextWindow = read?.contextWindow ?? OLLAMA_CLOUD_CONTEXT[cloudKey] ?? DEFAULT_CONTEXT;
  let hostedCloud = false;
  try {
    const host = new URL(base).hostname.toLowerCase();
    hostedCloud = host === 'ollama.com' || host.endsWith('.ollama.com');
  } catch {}
  return {
    id: name,
    name,
    reasoning: fullThinking || (capabilities === undefined ? isReasoningName(name) : capabilities.includes('thinking')),
    input: capabilities?.includes('vision') ? ['text', 'image'] : ['text'],
    cost: { ...COST },
    contextWindow,
    maxTokens: MAX_TOKENS,
    compat: {
      supportsTools: capabilities?.includes('tools') ?? read?.inspection !== 'failed',
      supportsUsageInStreaming: true,
      supportsJsonSchemaResponseFormat: !cloud,
    },
    // A local model runs with a smaller window than it could take (OLLAMA_LOCAL_CONTEXT_TOKENS).
    ...(hostedCloud || cloud ? {} : { contextTokens: Math.min(OLLAMA_LOCAL_CONTEXT_TOKENS, contextWindow) }),
  };
}

// --- LM Studio (extensions/lmstudio models.ts: mapLmstudioWireModelsToConfig) ---

function lmStudioEntry(model: LmStudioModel): ProviderModelEntry {
  const contextWindow = model.contextWindow ?? DEFAULT_CONTEXT;
  const loaded = model.loadedContextWindow;
  const compat = model.trainedForToolUse ? { ...model.reasoningCompat, supportsTools: true } : model.reasoningCompat;
  return {
    id: model.id,
    name: model.name,
    reasoning: model.reasoning,
    input: model.vision ? ['text', 'image'] : ['text'],
    cost: { ...COST },
    ...(compat ? { compat: { ...compat } } : {}),
    contextWindow,
    contextTokens: loaded ?? Math.min(contextWindow, 64_000),
    maxTokens: Math.max(1, Math.min(loaded ?? contextWindow, MAX_TOKENS)),
  };
}
