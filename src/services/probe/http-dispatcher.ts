/**
 * Node's global fetch ignores HTTPS_PROXY and friends unless the process was started with
 * NODE_USE_ENV_PROXY=1, so behind a corporate proxy every probe would fail as a network error. undici's EnvHttpProxyAgent honours them; undici is an optional
 * dependency here: without it probes go direct and failures say why.
 */
export interface ProxySettings {
  httpProxy: string;
  httpsProxy: string;
  noProxy: string;
}

export interface ProbeFetch {
  fetch: typeof fetch;
  /** `direct`: no proxy variable set; `unavailable`: one is set, but undici could not be loaded. */
  proxy: 'direct' | 'env' | 'unavailable';
  close(): Promise<void>;
}

interface UndiciModule {
  fetch: (input: string, init: Record<string, unknown>) => Promise<unknown>;
  EnvHttpProxyAgent?: new (options: ProxySettings) => { close(): Promise<void> };
}

/** Lower case first, as curl and undici read them. Empty strings stay empty so undici never falls back to process.env. */
export function proxySettings(env: Record<string, string | undefined>): ProxySettings {
  const pick = (name: string) => (env[name.toLowerCase()] || env[name.toUpperCase()] || '').trim();
  return { httpProxy: pick('http_proxy'), httpsProxy: pick('https_proxy'), noProxy: pick('no_proxy') };
}

export async function createProbeFetch(
  env: Record<string, string | undefined>,
  direct: typeof fetch = globalThis.fetch,
): Promise<ProbeFetch> {
  const settings = proxySettings(env);
  const none = async () => {};
  if (!settings.httpProxy && !settings.httpsProxy) return { fetch: direct, proxy: 'direct', close: none };
  const undici = await loadUndici();
  if (!undici?.EnvHttpProxyAgent) return { fetch: direct, proxy: 'unavailable', close: none };
  const dispatcher = quietly(() => new undici.EnvHttpProxyAgent!(settings));
  // undici's own fetch with its own agent: a dispatcher from another undici than the one inside
  // Node is not guaranteed to work with the global fetch.
  const viaProxy = (input: string | URL | Request, init?: RequestInit) =>
    undici.fetch(String(input instanceof Request ? input.url : input), { ...init, dispatcher });
  return {
    fetch: viaProxy as unknown as typeof fetch,
    proxy: 'env',
    close: () => dispatcher.close().catch(() => {}),
  };
}

/**
 * undici warns once, on stderr, that EnvHttpProxyAgent is experimental: a stray line across a
 * TUI. The constructor is synchronous, so only its own warning is dropped, and only meanwhile.
 */
function quietly<T>(construct: () => T): T {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const options = rest[0];
    const code = typeof options === 'object' && options !== null ? (options as { code?: unknown }).code : rest[1];
    if (code !== 'UNDICI-EHPA') Reflect.apply(emitWarning, process, [warning, ...rest]);
  }) as typeof process.emitWarning;
  try {
    return construct();
  } finally {
    process.emitWarning = emitWarning;
  }
}

async function loadUndici(): Promise<UndiciModule | undefined> {
  // Loaded only when a proxy is set: Node's own fetch ignores HTTPS_PROXY, undici's agent does not.
  try {
    const loaded = (await import('undici')) as unknown as UndiciModule & { default?: UndiciModule };
    // Bundled (dist/chunks), a CommonJS module's exports sit on its default export only.
    return loaded.EnvHttpProxyAgent ? loaded : loaded.default;
  } catch {
    return undefined;
  }
}
