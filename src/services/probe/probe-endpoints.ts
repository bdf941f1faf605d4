import { type CatalogProbe, catalog } from '../providers/catalog.js';
import { normalizeProviderId } from '../providers.js';

/**
 * How to check a provider's API key for free: a read-only model-list or key-info endpoint that
 * answers 401/403 to a bad key and spends no tokens. Providers missing here have no such check.
 */
export type ProbeAuth = CatalogProbe['auth'];

export interface ProbeEndpoint {
  provider: string;
  /** Without a trailing slash; may carry a path prefix when overridden (a proxy, a test server). */
  baseUrl: string;
  path: string;
  auth: ProbeAuth;
  headers: Record<string, string>;
  /** The environment variable that overrides `baseUrl`. */
  overrideVariable: string;
  /** Set when the override is not a usable URL: then no request is made, so no key goes astray. */
  misconfigured?: string;
}

export interface ProbeRequest {
  url: string;
  headers: Record<string, string>;
  /** Where the request goes, safe to show: host and port only, never the query (Google's key is there). */
  host: string;
}

/** `AUTHDECK_PROBE_BASE_URL_<PROVIDER>`: the id upper-cased, anything else than letters and digits as `_`. */
export function probeBaseUrlVariable(provider: string): string {
  return `AUTHDECK_PROBE_BASE_URL_${normalizeProviderId(provider)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '_')}`;
}

export function probeEndpoint(provider: string, env: Record<string, string | undefined>): ProbeEndpoint | undefined {
  const id = normalizeProviderId(provider);
  const spec = catalog.choices.find((choice) => choice.provider === id && choice.probe)?.probe;
  if (!spec) return undefined;
  const overrideVariable = probeBaseUrlVariable(id);
  const override = env[overrideVariable]?.trim();
  const endpoint: ProbeEndpoint = {
    provider: id,
    baseUrl: spec.baseUrl,
    path: spec.path,
    auth: spec.auth,
    headers: { accept: 'application/json', ...spec.headers },
    overrideVariable,
  };
  if (!override) return endpoint;
  // The value is never echoed: it may hold a proxy's user and password.
  if (!isHttpUrl(override)) return { ...endpoint, misconfigured: `${overrideVariable} is not an http(s) URL` };
  return { ...endpoint, baseUrl: override.replace(/\/+$/, '') };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.search && !url.hash;
  } catch {
    return false;
  }
}

export function buildProbeRequest(endpoint: ProbeEndpoint, key: string): ProbeRequest {
  const url = new URL(`${endpoint.baseUrl}${endpoint.path}`);
  const headers = { ...endpoint.headers };
  if (endpoint.auth === 'x-api-key') headers['x-api-key'] = key;
  else if (endpoint.auth === 'bearer') headers.authorization = `Bearer ${key}`;
  else url.searchParams.set('key', key);
  return { url: url.href, headers, host: url.host };
}

export interface StatusVerdict {
  result: 'ok' | 'auth' | 'billing' | 'rate_limit' | 'unknown';
  detail: string;
}

/**
 * What an answer says about the key. `body` is the start of an error body, searched only for a
 * provider's fixed error codes: it is never shown, since some providers quote part of the key.
 */
export function classifyStatus(status: number, body: string, auth: ProbeAuth): StatusVerdict {
  const http = `HTTP ${status}`;
  if (status >= 200 && status < 300) return { result: 'ok', detail: `key accepted (${http})` };
  if (status === 401 || status === 403) return { result: 'auth', detail: `${http}: the provider rejected the key` };
  // Google answers a bad key with 400 INVALID_ARGUMENT rather than 401.
  if (status === 400 && auth === 'query-key' && body.includes('API_KEY_INVALID'))
    return { result: 'auth', detail: `${http}: the provider rejected the key (API_KEY_INVALID)` };
  if (status === 402) return { result: 'billing', detail: `${http}: the account needs credit or a payment method` };
  if (status === 429) {
    // OpenAI-style APIs say "out of credit" with a 429 too; only the code tells it from a rate limit.
    if (body.includes('insufficient_quota'))
      return { result: 'billing', detail: `${http}: the account is out of quota (insufficient_quota)` };
    return { result: 'rate_limit', detail: `${http}: rate limited, try again later` };
  }
  if (status >= 300 && status < 400)
    return { result: 'unknown', detail: `${http}: a redirect, not followed with a key` };
  return { result: 'unknown', detail: http };
}
