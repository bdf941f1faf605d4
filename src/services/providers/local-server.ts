import { shown } from '../terminal-text.js';
import { credentialsInUrl, shownUrl } from './http-url.js';
import { field, type HttpAnswer, type HttpContext, requestJson } from './local-server-http.js';
import { type LocalModel, readLmStudioModels, readOllamaModels, readOpenAiModels } from './local-server-models.js';

export type { LmStudioModel, LocalModel, OllamaModel, OpenAiModel } from './local-server-models.js';

/**
 * Finds a local model server the way OpenClaw 2026.9.6's onboarding reaches it: the same default
 * address, the same model-list endpoint, the base URL normalised as OpenClaw writes it. Plain
 * service: no terminal, no exit; every server answer is untrusted (see local-server-http.ts).
 * Follows the bundled plugins in the openclaw package, dist/extensions/{ollama,lmstudio,vllm,sglang}.
 */
export type LocalServerKind = 'ollama' | 'lmstudio' | 'vllm' | 'sglang';

export const LOCAL_SERVER_KINDS: readonly LocalServerKind[] = ['ollama', 'lmstudio', 'vllm', 'sglang'];

export function isLocalServerKind(id: string | null): id is LocalServerKind {
  return id !== null && (LOCAL_SERVER_KINDS as readonly string[]).includes(id);
}

interface KindSpec {
  label: string;
  /** What OpenClaw uses without --custom-base-url (its plugins' defaults.ts). */
  defaultBaseUrl: string;
  defaultPort: number;
  /** The variable OpenClaw reads the key from; vLLM and SGLang need one (any value). */
  keyVariable: string;
  /** The model list, relative to the base URL OpenClaw writes. */
  listPath: string;
}

export const LOCAL_SERVERS: Readonly<Record<LocalServerKind, KindSpec>> = {
  ollama: {
    label: 'Ollama',
    defaultBaseUrl: 'http://127.0.0.1:11434',
    defaultPort: 11434,
    keyVariable: 'OLLAMA_API_KEY',
    listPath: '/api/tags',
  },
  lmstudio: {
    label: 'LM Studio',
    defaultBaseUrl: 'http://localhost:1234/v1',
    defaultPort: 1234,
    keyVariable: 'LM_API_TOKEN',
    listPath: '/api/v1/models',
  },
  vllm: {
    label: 'vLLM',
    defaultBaseUrl: 'http://127.0.0.1:8000/v1',
    defaultPort: 8000,
    keyVariable: 'VLLM_API_KEY',
    listPath: '/models',
  },
  sglang: {
    label: 'SGLang',
    defaultBaseUrl: 'http://127.0.0.1:30000/v1',
    defaultPort: 30000,
    keyVariable: 'SGLANG_API_KEY',
    listPath: '/models',
  },
};

export interface LocalServerOptions {
  /** As a person types it; the kind's default address when absent. */
  baseUrl?: string;
  /**
   * For the whole search, Ollama's per-model inspection included. OpenClaw allows 5 s for a list
   * and 3 s for each /api/show; a shorter limit can leave models uninspected (`inspection: failed`).
   */
  timeoutMs: number;
  /** Sent as a bearer token (LM Studio with auth on, `vllm serve --api-key`); never to Ollama. */
  apiKey?: string;
  fetch?: typeof fetch;
}

export interface LocalServerFound {
  ok: true;
  kind: LocalServerKind;
  /** What OpenClaw writes as the provider's baseUrl; pass it as --custom-base-url. */
  baseUrl: string;
  /** In the server's order. */
  models: LocalModel[];
}

export type LocalServerProblem =
  | 'bad-address' // not an http(s) URL, or a key no header can carry
  | 'not-running' // nothing accepted the connection
  | 'unknown-host' // its host name is not found (DNS): starting the server would not help
  | 'unreachable' // network unreachable, connection reset
  | 'timeout'
  | 'not-this-server' // something answered, but not with this kind's model list
  | 'needs-key' // 401/403
  | 'server-error'; // it looks like the server but answered 5xx

export interface LocalServerFailure {
  ok: false;
  kind: LocalServerKind;
  problem: LocalServerProblem;
  /** One line, safe for a terminal. */
  reason: string;
  /** The command that starts (or unlocks) the server at that address. */
  command: string;
}

const LIST_MAX_BYTES = 8 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 5000;

/** The base URL OpenClaw writes for `--custom-base-url <input>`; undefined: not an http(s) address. */
export function openclawBaseUrl(kind: LocalServerKind, input: string): string | undefined {
  let text = input.trim();
  // A bare `host:port` is what people paste from a server's banner.
  if (/^[^/\s:?#]+:\d+(?:[/?#].*)?$/.test(text)) text = `http://${text}`;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  if (kind === 'ollama') return text.replace(/\/+$/, '').replace(/\/v1$/i, '');
  if (kind === 'lmstudio') {
    parsed.pathname =
      parsed.pathname
        .replace(/\/+$/, '')
        .replace(/\/api\/v1$/i, '')
        .replace(/\/v1$/i, '') || '/';
    parsed.search = '';
    parsed.hash = '';
    return `${parsed.toString().replace(/\/$/, '')}/v1`;
  }
  return text.replace(/\/+$/, '');
}

/** Why a typed address cannot be this kind of server's (not http(s), a user or password in it), or undefined. */
export function localAddressProblem(kind: LocalServerKind, typed: string): string | undefined {
  const url = openclawBaseUrl(kind, typed);
  if (!url)
    return `"${shownUrl(typed)}" is not an http(s) address for ${LOCAL_SERVERS[kind].label} (e.g. ${LOCAL_SERVERS[kind].defaultBaseUrl})`;
  return credentialsInUrl(url, typed);
}

/** The command that starts this kind of server at `baseUrl` (its default port unless another is named). */
export function startCommand(kind: LocalServerKind, baseUrl: string): string {
  const spec = LOCAL_SERVERS[kind];
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    url = undefined;
  }
  const port = url ? Number(url.port || (url.protocol === 'https:' ? 443 : 80)) : spec.defaultPort;
  const other = port !== spec.defaultPort;
  switch (kind) {
    case 'ollama': {
      // Ollama listens on 127.0.0.1 unless told otherwise: a server for other machines needs 0.0.0.0.
      const loopback = !url || /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(url.hostname);
      if (loopback && !other) return 'ollama serve';
      return `OLLAMA_HOST=${loopback ? '127.0.0.1' : '0.0.0.0'}:${port} ollama serve`;
    }
    case 'lmstudio':
      return other ? `lms server start --port ${port}` : 'lms server start';
    case 'vllm':
      return `vllm serve <model>${other ? ` --port ${port}` : ''}`;
    case 'sglang':
      return `python -m sglang.launch_server --model-path <model>${other ? ` --port ${port}` : ''}`;
  }
}

export async function findLocalServer(
  kind: LocalServerKind,
  options: LocalServerOptions,
): Promise<LocalServerFound | LocalServerFailure> {
  const spec = LOCAL_SERVERS[kind];
  const typed = options.baseUrl?.trim() || spec.defaultBaseUrl;
  const baseUrl = openclawBaseUrl(kind, typed);
  const fail = (problem: LocalServerProblem, reason: string, command = startCommand(kind, baseUrl ?? typed)) => ({
    ok: false as const,
    kind,
    problem,
    reason: shown(reason),
    command: shown(command),
  });
  const addressProblem = localAddressProblem(kind, typed);
  if (!baseUrl || addressProblem) return fail('bad-address', addressProblem ?? typed);
  const apiKey = kind === 'ollama' ? undefined : options.apiKey?.trim() || undefined;
  if (apiKey && !/^[\x21-\x7e]+$/.test(apiKey))
    return fail('bad-address', 'the API key holds characters an HTTP request cannot carry');
  const timeoutMs =
    Number.isFinite(options.timeoutMs) && options.timeoutMs >= 1 ? Math.floor(options.timeoutMs) : DEFAULT_TIMEOUT_MS;
  const context: HttpContext = {
    fetch: options.fetch ?? globalThis.fetch,
    deadline: performance.now() + timeoutMs,
    apiKey,
  };

  const listBase = kind === 'ollama' || kind === 'lmstudio' ? baseUrl.replace(/\/v1$/, '') : baseUrl;
  const path = spec.listPath;
  let answer = await requestJson(context, { url: `${listBase}${path}`, maxBytes: LIST_MAX_BYTES });
  let found = listed(kind, answer);
  let foundBase = baseUrl;
  // `http://host:8000` for vLLM would be written as is, and every request would miss /v1.
  if (!found && (kind === 'vllm' || kind === 'sglang') && !/\/v1$/i.test(baseUrl) && answered(answer)) {
    const retry = await requestJson(context, { url: `${baseUrl}/v1${path}`, maxBytes: LIST_MAX_BYTES });
    const retried = listed(kind, retry);
    if (retried) [answer, found, foundBase] = [retry, retried, `${baseUrl}/v1`];
  }
  if (found) {
    const models =
      kind === 'ollama'
        ? await readOllamaModels(context, listBase, found)
        : kind === 'lmstudio'
          ? readLmStudioModels(found)
          : readOpenAiModels(found);
    return { ok: true, kind, baseUrl: foundBase, models };
  }

  const where = baseUrl;
  const request = `GET ${path}`;
  const keyCommand = `export ${spec.keyVariable}=<key>`;
  switch (answer.kind) {
    case 'refused':
      return fail('not-running', `nothing listens at ${where}: ${spec.label} is not running there`);
    case 'timeout':
      return fail('timeout', `no answer from ${where} within ${timeoutMs} ms`);
    case 'network':
      if (answer.code === 'ENOTFOUND' || answer.code === 'EAI_AGAIN')
        return fail(
          'unknown-host',
          `the host name in ${where} is not found (${answer.code}): check the address — a typo, or a machine on another network`,
        );
      return fail('unreachable', `${where} cannot be reached${answer.code ? ` (${answer.code})` : ''}`);
    case 'status':
      if (answer.status === 401 || answer.status === 403)
        return fail('needs-key', `${spec.label} at ${where} asks for an API key (HTTP ${answer.status})`, keyCommand);
      if (answer.status >= 500)
        return fail('server-error', `${where} answered ${request} with HTTP ${answer.status}: restart ${spec.label}`);
      return fail(
        'not-this-server',
        `something at ${where} answered, but not as ${spec.label} (${request}: HTTP ${answer.status})`,
      );
    case 'too-large':
      return fail(
        'not-this-server',
        `something at ${where} answered ${request} with more than ${LIST_MAX_BYTES / 1048576} MB: not ${spec.label}`,
      );
    default:
      return fail(
        'not-this-server',
        `something at ${where} answered, but not as ${spec.label} (${request}: not its model list)`,
      );
  }
}

const answered = (answer: HttpAnswer) =>
  answer.kind !== 'refused' && answer.kind !== 'timeout' && answer.kind !== 'network';

/** The rows of a kind's model list, or undefined when the answer is not one. */
function listed(kind: LocalServerKind, answer: HttpAnswer): unknown[] | undefined {
  if (answer.kind !== 'parsed') return undefined;
  const rows = field(answer.body, kind === 'ollama' || kind === 'lmstudio' ? 'models' : 'data');
  return Array.isArray(rows) ? rows : undefined;
}
