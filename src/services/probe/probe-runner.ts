import { couldNotReach, errorCode } from '../network-failure.js';
import { createProbeFetch, type ProbeFetch } from './http-dispatcher.js';
import { buildProbeRequest, classifyStatus, probeEndpoint } from './probe-endpoints.js';

/**
 * Live checks of API keys against each provider's free, read-only endpoint. Read-only: nothing
 * is written and nothing logged; the key goes only in the request, never in a result.
 */
export type ProbeResult = 'ok' | 'auth' | 'rate_limit' | 'billing' | 'network' | 'timeout' | 'unknown' | 'not_probed';

export interface ProbeTarget {
  id: string;
  provider: string;
  type: string;
  secret?: string;
  /** OpenClaw's word for why the profile cannot be used (`expired`, `unresolved_ref`…): skips the request. */
  reasonCode?: string;
  /** The human words for `reasonCode`, shown as the detail. */
  notTriedReason?: string;
}

export interface ProbeOutcome {
  id: string;
  provider: string;
  result: ProbeResult;
  httpStatus: number | null;
  latencyMs: number | null;
  detail: string;
  reasonCode?: string;
}

export interface ProbeOptions {
  timeoutMs?: number;
  concurrency?: number;
  env: Record<string, string | undefined>;
  fetch?: typeof fetch;
  now?: () => number;
  /** Stops the checks (the screen that asked left): what is unanswered is not probed. */
  signal?: AbortSignal;
}

export const DEFAULT_PROBE_TIMEOUT_MS = 8000;
export const DEFAULT_PROBE_CONCURRENCY = 4;

interface Context {
  timeoutMs: number;
  env: Record<string, string | undefined>;
  http: ProbeFetch;
  now: () => number;
  signal: AbortSignal | undefined;
}

export async function runProbes(targets: ProbeTarget[], options: ProbeOptions): Promise<ProbeOutcome[]> {
  const http = options.fetch
    ? { fetch: options.fetch, proxy: 'direct' as const, close: async () => {} }
    : await createProbeFetch(options.env);
  const context: Context = {
    timeoutMs: positive(options.timeoutMs, DEFAULT_PROBE_TIMEOUT_MS),
    env: options.env,
    http,
    now: options.now ?? (() => performance.now()),
    signal: options.signal,
  };
  const outcomes: ProbeOutcome[] = new Array(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const index = next++;
      outcomes[index] = await probeOne(targets[index]!, context);
    }
  };
  const workers = Math.min(positive(options.concurrency, DEFAULT_PROBE_CONCURRENCY), targets.length);
  try {
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    await http.close();
  }
  return outcomes;
}

/** Whether probing `target` sends a request (else it is answered at once: not probed, or misconfigured). */
export function sendsRequest(target: ProbeTarget, env: Record<string, string | undefined>): boolean {
  if (skipReason(target, target.secret?.trim() ?? '')) return false;
  const endpoint = probeEndpoint(target.provider, env);
  return endpoint !== undefined && !endpoint.misconfigured;
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

async function probeOne(target: ProbeTarget, context: Context): Promise<ProbeOutcome> {
  const base = { id: target.id, provider: target.provider, httpStatus: null, latencyMs: null };
  const secret = target.secret?.trim() ?? '';
  const skip = skipReason(target, secret);
  if (skip) return { ...base, result: 'not_probed', ...skip };
  const endpoint = probeEndpoint(target.provider, context.env);
  if (!endpoint) return { ...base, result: 'not_probed', detail: 'no free check for this provider' };
  if (endpoint.misconfigured) return { ...base, result: 'unknown', detail: endpoint.misconfigured };
  // fetch rejects such a header with an error that quotes the value: stop before it can.
  if (!/^[\x21-\x7e]+$/.test(secret))
    return { ...base, result: 'unknown', detail: 'the key holds characters an HTTP request cannot carry' };

  if (context.signal?.aborted) return { ...base, result: 'not_probed', detail: STOPPED };
  const request = buildProbeRequest(endpoint, secret);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, context.timeoutMs);
  // A request left running would keep authdeck from exiting until it timed out.
  const stop = () => controller.abort();
  context.signal?.addEventListener('abort', stop, { once: true });
  const started = context.now();
  const elapsed = () => Math.max(0, Math.round(context.now() - started));
  try {
    // Redirects are not followed: an x-api-key header would go along to wherever they point.
    const response = await context.http.fetch(request.url, {
      method: 'GET',
      headers: request.headers,
      redirect: 'manual',
      signal: controller.signal,
    });
    const latencyMs = elapsed();
    // The answer is in the status; a model list can run to megabytes, so its body is dropped.
    let body = '';
    if (response.ok) await response.body?.cancel().catch(() => {});
    else body = await readSome(response);
    const { result, detail } = classifyStatus(response.status, body, endpoint.auth);
    return { ...base, result, httpStatus: response.status, latencyMs, detail: scrub(detail, secret) };
  } catch (error) {
    const latencyMs = elapsed();
    const hint = context.http.proxy === 'unavailable' ? PROXY_HINT : '';
    if (context.signal?.aborted && !timedOut) return { ...base, result: 'not_probed', detail: STOPPED };
    if (timedOut)
      return {
        ...base,
        result: 'timeout',
        latencyMs,
        detail: `no answer from ${request.host} within ${context.timeoutMs} ms: check your internet connection (or proxy); the key was not checked${hint}`,
      };
    const { result, detail } = describeFailure(error, request.host);
    return { ...base, result, latencyMs, detail: scrub(`${detail}${result === 'network' ? hint : ''}`, secret) };
  } finally {
    clearTimeout(timer);
    context.signal?.removeEventListener('abort', stop);
  }
}

const STOPPED = 'the check was stopped';

const REASONS: Readonly<Record<string, string>> = {
  missing_credential: 'no key stored',
  expired: 'expired',
  invalid_expires: 'the expiry date is not a valid time',
  unresolved_ref: 'the key is held by a reference authdeck does not resolve',
  excluded_by_auth_order: 'left out of the auth order',
};

/**
 * Why no request is made for a target, or undefined when one should be. The words follow "not
 * probed" wherever they are shown (the result column, the details panel, the dashboard's line).
 */
function skipReason(target: ProbeTarget, secret: string): { detail: string; reasonCode?: string } | undefined {
  const { reasonCode } = target;
  if (reasonCode) return { reasonCode, detail: target.notTriedReason ?? REASONS[reasonCode] ?? reasonCode };
  if (target.type === 'token')
    return {
      detail:
        target.provider === 'anthropic'
          ? 'a setup-token: Anthropic accepts one only through Claude Code'
          : 'a token: only API keys have a free check',
    };
  if (target.type === 'oauth') return { detail: 'a sign-in: its access token is for the gateway, not for key checks' };
  if (target.type !== 'api_key') return { detail: `type ${target.type}: only API keys have a free check` };
  if (!secret) return { reasonCode: 'missing_credential', detail: REASONS.missing_credential! };
  return undefined;
}

const PROXY_HINT = '; a proxy is set, but authdeck needs the undici package to use it';

/** A thrown fetch as a result. Error messages are never quoted: some carry the URL or a header. */
function describeFailure(error: unknown, host: string): { result: ProbeResult; detail: string } {
  const code = errorCode(error);
  if (code && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_/.test(code))
    return { result: 'network', detail: `TLS problem talking to ${host} (${code})` };
  // System errors (E…) and undici's socket errors are the network; ERR_… codes are a bad request.
  if (code && (/^E[A-Z0-9]+$/.test(code) || /^UND_ERR_(?!INVALID|NOT_SUPPORTED)/.test(code)))
    return { result: 'network', detail: `${couldNotReach(host, error)}; the key was not checked` };
  if (!code && error instanceof TypeError && error.message === 'fetch failed')
    return { result: 'network', detail: `${couldNotReach(host)}; the key was not checked` };
  return { result: 'unknown', detail: `the request to ${host} could not be made${code ? ` (${code})` : ''}` };
}

/** Enough of an error body to find a provider's error code in; never shown as is. */
async function readSome(response: Response, limit = 16_384): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // A body cut short still says what it said so far.
  } finally {
    await reader.cancel().catch(() => {});
  }
  return text;
}

/** Belt and braces: whatever a detail was built from, the key does not come out. */
function scrub(detail: string, secret: string): string {
  return secret ? detail.split(secret).join('[key]') : detail;
}
