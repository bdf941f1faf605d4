import { shown } from '../terminal-text.js';
import { type HttpContext, inBatches, requestJson } from './local-server-http.js';
import { isWritableModelId } from './model-id.js';

/**
 * A served model as OpenClaw's setup reads it, per server family. `id` is exact (it goes into
 * the config); `label` is the name made safe for a terminal. The readers follow OpenClaw
 * 2026.9.6's setup code: the Ollama plugin's provider-models and setup-model-selection, the LM
 * Studio plugin's models.ts, and provider-self-hosted-discovery for vLLM and SGLang.
 */
interface ModelBase {
  id: string;
  label: string;
  /** What the server says the model can take, in tokens. */
  contextWindow?: number;
}

export interface OllamaModel extends ModelBase {
  source: 'ollama';
  sizeBytes?: number;
  /** Ollama's words: `completion`, `tools`, `thinking`, `vision`, `embedding`… */
  capabilities?: string[];
  /** `/api/show`: read; answered with an error or nothing in time; or never asked (past the first 200). */
  inspection: 'ok' | 'failed' | 'skipped';
  /** Served from elsewhere through this Ollama (`:cloud` models, remote_host). */
  remote: boolean;
}

export interface LmStudioModel extends ModelBase {
  source: 'lmstudio';
  /** LM Studio's display name, which OpenClaw writes as the model's name. */
  name: string;
  /** The largest context a loaded instance runs with; null: not loaded. */
  loadedContextWindow: number | null;
  vision: boolean;
  trainedForToolUse: boolean;
  reasoning: boolean;
  reasoningCompat?: ReasoningCompat;
}

export interface ReasoningCompat {
  supportsReasoningEffort: true;
  supportedReasoningEfforts: string[];
  reasoningEffortMap?: Record<string, string>;
}

export interface OpenAiModel extends ModelBase {
  source: 'openai';
  /** `owned_by`: vLLM says `vllm`, SGLang `sglang`. */
  ownedBy?: string;
}

export type LocalModel = OllamaModel | LmStudioModel | OpenAiModel;

const LABEL_LENGTH = 120;
const label = (text: string) => shown(text, LABEL_LENGTH);

function positiveInteger(value: unknown): number | undefined {
  return Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : undefined;
}

// --- Ollama: /api/tags, then /api/show for the first 200 (OLLAMA_CONTEXT_ENRICH_LIMIT) ---

const OLLAMA_SHOW_LIMIT = 200;
const OLLAMA_SHOW_CONCURRENCY = 8;
const OLLAMA_SHOW_TIMEOUT_MS = 3000;
const SHOW_MAX_BYTES = 1024 * 1024;

export const isReasoningName = (id: string) => /r1|reasoning|think|reason/i.test(id);

/** `name:cloud`, `name:local` or `name:tag-cloud` (model-catalog-refs' parseModelSourceSuffix). */
function sourceSuffix(ref: string): { base: string; source: 'cloud' | 'local' } | undefined {
  const separator = ref.lastIndexOf(':');
  if (separator < 0) return undefined;
  const source = ref.slice(separator + 1);
  if (source === 'cloud' || source === 'local') return { base: ref.slice(0, separator), source };
  if (!source.includes('/') && source.endsWith('-cloud')) return { base: ref.slice(0, -6), source: 'cloud' };
  return undefined;
}

export function isOllamaCloudModel(id: string): boolean {
  const normalized = id.trim().toLowerCase();
  const suffix = normalized ? sourceSuffix(normalized) : undefined;
  return suffix?.source === 'cloud' && sourceSuffix(suffix.base) === undefined;
}

export function isEmbeddingOnly(model: { capabilities?: string[] }): boolean {
  return model.capabilities?.includes('embedding') === true && !model.capabilities.includes('completion');
}

interface ShowInfo {
  failed: boolean;
  contextWindow?: number;
  capabilities?: string[];
}

async function showOllamaModel(context: HttpContext, apiBase: string, name: string): Promise<ShowInfo> {
  const answer = await requestJson(context, {
    url: `${apiBase}/api/show`,
    method: 'POST',
    body: { model: name },
    maxBytes: SHOW_MAX_BYTES,
    timeoutMs: OLLAMA_SHOW_TIMEOUT_MS,
  });
  // Only an error or a null answer fails the inspection; any other JSON just says nothing.
  if (answer.kind !== 'parsed' || answer.body === null) return { failed: true };
  const body = record(answer.body) ?? {};
  let contextWindow: number | undefined;
  for (const [key, value] of Object.entries(record(body.model_info) ?? {})) {
    const length =
      key.endsWith('.context_length') && typeof value === 'number' ? positiveInteger(Math.floor(value)) : undefined;
    if (length !== undefined) {
      contextWindow = length;
      break;
    }
  }
  // A Modelfile's `num_ctx` wins when larger: it is what the model runs with.
  if (typeof body.parameters === 'string') {
    let numCtx: number | undefined;
    for (const line of body.parameters.split(/\r?\n/)) {
      const value = Number.parseInt(line.trim().match(/^num_ctx\s+(-?\d+)\b/)?.[1] ?? '', 10);
      if (Number.isFinite(value) && value > 0) numCtx = value;
    }
    if (numCtx !== undefined && (contextWindow === undefined || numCtx > contextWindow)) contextWindow = numCtx;
  }
  return { failed: false, contextWindow, capabilities: strings(body.capabilities) };
}

/** The models of an `/api/tags` answer, each inspected as OpenClaw's setup does. */
export async function readOllamaModels(context: HttpContext, apiBase: string, rows: unknown[]): Promise<OllamaModel[]> {
  const models: OllamaModel[] = [];
  for (const row of rows) {
    const entry = record(row);
    const name = entry?.name;
    if (!entry || typeof name !== 'string' || !isWritableModelId(name)) continue;
    const remote =
      [entry.remote_host, entry.remote_model].some((value) => typeof value === 'string' && value.trim() !== '') ||
      isOllamaCloudModel(name);
    models.push({
      source: 'ollama',
      id: name,
      label: label(name),
      sizeBytes: typeof entry.size === 'number' && entry.size > 0 ? entry.size : undefined,
      capabilities: strings(entry.capabilities),
      contextWindow: positiveInteger(record(entry.details)?.context_length),
      inspection: 'skipped',
      remote,
    });
  }
  await inBatches(models.slice(0, OLLAMA_SHOW_LIMIT), OLLAMA_SHOW_CONCURRENCY, async (model) => {
    const info = await showOllamaModel(context, apiBase, model.id);
    // A remote model's show can say nothing of its capabilities: the listing's stand (mergeOllamaModelShowInfo).
    const incomplete = info.capabilities === undefined && model.capabilities !== undefined && model.remote;
    if (incomplete && !isEmbeddingOnly(model)) {
      const extra = [...(info.failed ? [] : ['tools']), ...(isReasoningName(model.id) ? ['thinking'] : [])];
      model.capabilities = [...new Set([...(model.capabilities ?? []), ...extra])];
    } else model.capabilities = info.capabilities ?? model.capabilities;
    model.contextWindow = info.contextWindow ?? model.contextWindow;
    model.inspection = info.failed ? 'failed' : 'ok';
  });
  return models;
}

// --- LM Studio: /api/v1/models (mapLmstudioWireEntry) ---

const ENABLED_EFFORTS = ['minimal', 'low', 'medium', 'high', 'xhigh'];

function effortMap(efforts: string[]): Record<string, string> | undefined {
  const disabled = efforts.includes('none') ? 'none' : undefined;
  const max =
    efforts.find((option) => option === 'xhigh') ??
    efforts.find((option) => option === 'high') ??
    efforts.find((option) => option !== 'none');
  const map = { ...(disabled ? { off: disabled, none: disabled } : {}), ...(max ? { adaptive: max, max } : {}) };
  return Object.keys(map).length > 0 ? map : undefined;
}

function lmstudioReasoning(capabilities: Record<string, unknown> | undefined) {
  const reasoning = capabilities?.reasoning;
  const options = [
    ...new Set(
      (strings(record(reasoning)?.allowed_options) ?? []).map((option) => option.trim().toLowerCase()).filter(Boolean),
    ),
  ];
  const enabled = (option: unknown) =>
    typeof option === 'string' && option.trim() !== '' && option.trim().toLowerCase() !== 'off';
  const supported = (() => {
    const binary = options.includes('on') && options.every((option) => option === 'on' || option === 'off');
    if (binary) return options.includes('off') ? ['none', ...ENABLED_EFFORTS] : [...ENABLED_EFFORTS];
    return [...new Set(options.map((option) => (option === 'off' ? 'none' : option)).filter((o) => o !== 'on'))];
  })();
  const map = effortMap(supported);
  return {
    reasoning:
      reasoning === undefined || reasoning === null
        ? false
        : options.length > 0
          ? options.some(enabled)
          : enabled(record(reasoning)?.default),
    compat: supported.some((option) => option !== 'none')
      ? ({
          supportsReasoningEffort: true,
          supportedReasoningEfforts: supported,
          ...(map ? { reasoningEffortMap: map } : {}),
        } as ReasoningCompat)
      : undefined,
  };
}

/** LLM entries of an `/api/v1/models` answer; embedding models and entries without a key are left out. */
export function readLmStudioModels(rows: unknown[]): LmStudioModel[] {
  return rows.flatMap((row): LmStudioModel[] => {
    const entry = record(row);
    const id = typeof entry?.key === 'string' ? entry.key.trim() : '';
    if (entry?.type !== 'llm' || !isWritableModelId(id)) return [];
    let loaded: number | null = null;
    for (const instance of Array.isArray(entry.loaded_instances) ? entry.loaded_instances : []) {
      const length = positiveInteger(record(record(instance)?.config)?.context_length);
      if (length !== undefined) loaded = Math.max(loaded ?? 0, length);
    }
    const displayName = typeof entry.display_name === 'string' ? entry.display_name.trim() : '';
    const capabilities = record(entry.capabilities);
    const { reasoning, compat } = lmstudioReasoning(capabilities);
    return [
      {
        source: 'lmstudio',
        id,
        name: displayName || id,
        label: label(displayName || id),
        contextWindow: positiveInteger(entry.max_context_length),
        loadedContextWindow: loaded,
        vision: capabilities?.vision === true,
        trainedForToolUse: capabilities?.trained_for_tool_use === true,
        reasoning,
        ...(compat ? { reasoningCompat: compat } : {}),
      },
    ];
  });
}

// --- vLLM, SGLang: /v1/models (discoverOpenAICompatibleLocalModels) ---

const CONTEXT_FIELDS = ['context_length', 'context_window', 'context_size', 'max_model_len'];

export function readOpenAiModels(rows: unknown[]): OpenAiModel[] {
  return rows.flatMap((row): OpenAiModel[] => {
    const entry = record(row);
    const id = typeof entry?.id === 'string' ? entry.id.trim() : '';
    if (!entry || !isWritableModelId(id)) return [];
    const contextWindow =
      positiveInteger(record(entry.meta)?.n_ctx_train) ??
      CONTEXT_FIELDS.map((name) => positiveInteger(entry[name])).find((value) => value !== undefined);
    return [
      {
        source: 'openai',
        id,
        label: label(id),
        ...(contextWindow ? { contextWindow } : {}),
        ...(typeof entry.owned_by === 'string' ? { ownedBy: entry.owned_by } : {}),
      },
    ];
  });
}
