import { AuthdeckError } from '../errors.js';
import { readBodyText } from '../http-body.js';

/**
 * One request to a local model server, for local-server.ts: JSON in, a classified answer out,
 * never a throw. Everything a server sends is untrusted: bodies are capped, a server that stops
 * sending is cut off at the deadline, and redirects are not followed (a key would go along).
 */
export type HttpAnswer =
  | { kind: 'parsed'; status: number; body: unknown }
  /** It answered, with a status other than 2xx, or with something that is not JSON. */
  | { kind: 'status'; status: number }
  | { kind: 'not-json'; status: number }
  | { kind: 'too-large'; status: number }
  /** Nothing accepted the connection. */
  | { kind: 'refused' }
  | { kind: 'timeout' }
  /** Any other network failure: host not found, unreachable, reset; `code` is Node's. */
  | { kind: 'network'; code?: string };

export interface HttpContext {
  fetch: typeof fetch;
  /** performance.now() value after which no request is started or waited for. */
  deadline: number;
  apiKey?: string;
}

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST';
  body?: unknown;
  maxBytes: number;
  /** This request's own limit, inside the overall deadline. */
  timeoutMs?: number;
}

export function remainingMs(context: HttpContext): number {
  return Math.max(0, Math.floor(context.deadline - performance.now()));
}

export async function requestJson(context: HttpContext, request: HttpRequest): Promise<HttpAnswer> {
  const budget = Math.min(remainingMs(context), request.timeoutMs ?? Number.POSITIVE_INFINITY);
  if (budget <= 0) return { kind: 'timeout' };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, budget);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (context.apiKey) headers.authorization = `Bearer ${context.apiKey}`;
  try {
    const response = await context.fetch(request.url, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      redirect: 'manual',
      signal: controller.signal,
    });
    const status = response.status;
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return { kind: 'status', status };
    }
    let text: string;
    try {
      text = await readBodyText(response, 'the server', request.maxBytes);
    } catch (error) {
      if (timedOut) return { kind: 'timeout' };
      return error instanceof AuthdeckError ? { kind: 'too-large', status } : { kind: 'network' };
    }
    try {
      return { kind: 'parsed', status, body: JSON.parse(text) };
    } catch {
      return { kind: 'not-json', status };
    }
  } catch (error) {
    if (timedOut) return { kind: 'timeout' };
    const code = errorCode(error);
    if (code === 'ECONNREFUSED') return { kind: 'refused' };
    return { kind: 'network', ...(code ? { code } : {}) };
  } finally {
    clearTimeout(timer);
  }
}

/** Node's fetch wraps the socket error in `cause`, sometimes an AggregateError of one per address. */
function errorCode(error: unknown, depth = 0): string | undefined {
  if (!(error instanceof Error) || depth > 4) return undefined;
  const own = (error as NodeJS.ErrnoException).code;
  if (typeof own === 'string' && own) return own;
  if (error instanceof AggregateError) {
    // localhost is tried on ::1 and 127.0.0.1: refused on both is "nothing listens".
    const codes = error.errors.map((entry) => errorCode(entry, depth + 1));
    return codes.every((entry) => entry === 'ECONNREFUSED') ? 'ECONNREFUSED' : codes.find(Boolean);
  }
  return errorCode(error.cause, depth + 1);
}

/** A JSON object's field, when the body is an object. */
export function field(body: unknown, name: string): unknown {
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)[name]
    : undefined;
}

/** Runs `tasks` at most `limit` at a time, in order of their start. */
export async function inBatches<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
