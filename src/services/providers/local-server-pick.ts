import { LOCAL_SERVERS, type LocalServerKind, startCommand } from './local-server.js';
import {
  isEmbeddingOnly,
  isReasoningName,
  type LmStudioModel,
  type LocalModel,
  type OllamaModel,
} from './local-server-models.js';

/**
 * Which served model OpenClaw's setup ends on when it is not told one: Ollama and LM Studio pick
 * one themselves, vLLM and SGLang need --custom-model-id. Picks from findLocalServer's models.
 */

// OpenClaw's preference among local models (provider-model-shared: selectPreferredLocalModelId):
// families in this order, coder variants after the rest of their family, specialists last.
const FAMILIES = [
  /gemma[-_.]?4(?!\d)/,
  /qwen[-_.]?3[._]5(?!\d)/,
  /qwen[-_.]?3(?!\d)/,
  /gpt[-_.]?oss/,
  /gemma[-_.]?3(?!\d)/,
  /llama[-_.]?4(?!\d)/,
  /llama[-_.]?3(?!\d)/,
  /phi[-_.]?4(?!\d)/,
  /mistral/,
  /deepseek/,
];
const SPECIALIST = /embed|rerank|whisper|-vl\b|vision|omni|guard/;

/** The first best-ranked id (trimmed, as OpenClaw returns it), or undefined when every id is blank. */
export function preferredLocalModelId(ids: readonly string[]): string | undefined {
  const count = FAMILIES.length;
  let preferred: string | undefined;
  let preferredRank = Number.POSITIVE_INFINITY;
  for (const raw of ids) {
    const id = raw.trim();
    if (!id) continue;
    const normalized = id.toLowerCase();
    const coder = normalized.includes('coder');
    const family = FAMILIES.findIndex((pattern) => pattern.test(normalized));
    const rank = SPECIALIST.test(normalized)
      ? count * 3
      : family >= 0
        ? family + (coder ? count : 0)
        : count * 2 + (coder ? 1 : 0);
    if (rank < preferredRank) {
      preferred = id;
      preferredRank = rank;
    }
  }
  return preferred;
}

export const OLLAMA_SUGGESTED = 'gemma4';
const OLLAMA_MIN_CONTEXT = 16_384;
const LMSTUDIO_DEFAULT_MODEL = 'qwen/qwen3.5-9b';

export const ollamaModels = (models: readonly LocalModel[]) =>
  models.filter((m): m is OllamaModel => m.source === 'ollama');
export const lmModels = (models: readonly LocalModel[]) =>
  models.filter((m): m is LmStudioModel => m.source === 'lmstudio');
export const loadedIds = (models: LmStudioModel[]) =>
  models.filter((m) => m.loadedContextWindow !== null).map((m) => m.id);

export type DefaultModelChoice =
  | { id: string; by: 'openclaw' | 'only-model' }
  | { id: undefined; reason: string; command: string };

/** The model a setup without --custom-model-id ends on, or why there is none. */
export function defaultModelChoice(kind: LocalServerKind, models: readonly LocalModel[]): DefaultModelChoice {
  if (kind === 'ollama') {
    const id = ollamaToolsPick(ollamaModels(models));
    return id !== undefined
      ? { id, by: 'openclaw' }
      : {
          id: undefined,
          reason: `no chat model with tools and ${OLLAMA_MIN_CONTEXT}+ tokens of context: OpenClaw would download ${OLLAMA_SUGGESTED}`,
          command: `ollama pull ${OLLAMA_SUGGESTED}`,
        };
  }
  if (kind === 'lmstudio') {
    const loaded = loadedIds(lmModels(models));
    if (loaded.length === 0)
      return { id: undefined, reason: 'LM Studio has no model loaded', command: 'lms load <model>' };
    const id = loaded.includes(LMSTUDIO_DEFAULT_MODEL) ? LMSTUDIO_DEFAULT_MODEL : preferredLocalModelId(loaded);
    return { id: id ?? loaded[0]!, by: 'openclaw' };
  }
  // vLLM and SGLang: OpenClaw asks for --custom-model-id; a server that serves one model names it.
  if (models.length === 1) return { id: models[0]!.id, by: 'only-model' };
  const label = LOCAL_SERVERS[kind].label;
  return models.length === 0
    ? {
        id: undefined,
        reason: `${label} serves no model`,
        command: startCommand(kind, LOCAL_SERVERS[kind].defaultBaseUrl),
      }
    : {
        id: undefined,
        // The ids are what the person picks from: named (safe for a terminal), the first few.
        reason: `${label} serves ${models.length} models (${models
          .slice(0, 5)
          .map((model) => model.label)
          .join(', ')}${models.length > 5 ? ', …' : ''}): choose one`,
        command: `--custom-model-id ${models[0]!.label}`,
      };
}

// --- Ollama (extensions/ollama setup-model-selection) ---

/** `llama3` and `llama3:latest` are one model to Ollama. */
const latestKey = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/:latest$/, '');

export function availableName(wanted: string, names: readonly string[]): string | undefined {
  return names.find((name) => latestKey(name) === latestKey(wanted));
}

export function mergeNames(...groups: string[][]): string[] {
  const merged = new Map<string, string>();
  for (const name of groups.flat()) {
    const existing = merged.get(latestKey(name));
    const isLatest = (text: string) => text.trim().toLowerCase().endsWith(':latest');
    if (existing === undefined || (!isLatest(existing) && isLatest(name))) merged.set(latestKey(name), name);
  }
  return [...merged.values()];
}

export function ollamaToolsPick(models: OllamaModel[]): string | undefined {
  const eligible = models
    .filter((model) => model.inspection !== 'skipped')
    .filter((model) => !isEmbeddingOnly(model) && model.capabilities?.includes('tools') === true)
    .filter((model) => model.contextWindow !== undefined && model.contextWindow >= OLLAMA_MIN_CONTEXT);
  const reasons = (model: OllamaModel) => model.capabilities?.includes('thinking') ?? isReasoningName(model.id);
  const quiet = eligible.filter((model) => !reasons(model));
  const pool = quiet.length > 0 ? quiet : eligible;
  const sizes = pool.flatMap((model) => (model.sizeBytes ? [model.sizeBytes] : []));
  const smallest = sizes.length > 0 ? Math.min(...sizes) : undefined;
  const ids = (smallest === undefined ? pool : pool.filter((model) => model.sizeBytes === smallest)).map((m) => m.id);
  if (ids.length === 0) return undefined;
  // The listed spelling, even when the preference trimmed it (orderPreferredOllamaModelIds).
  return ids[Math.max(0, ids.indexOf(preferredLocalModelId(ids) ?? ''))];
}
