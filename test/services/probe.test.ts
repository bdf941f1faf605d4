import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProbeFetch, proxySettings } from '../../src/services/probe/http-dispatcher.js';
import { buildProbeRequest, probeBaseUrlVariable, probeEndpoint } from '../../src/services/probe/probe-endpoints.js';
import { type ProbeOutcome, type ProbeTarget, runProbes } from '../../src/services/probe/probe-runner.js';
import { startConnectProxy } from '../helpers/connect-proxy.js';

// Fake keys are built at run time so that nothing in the tree looks like a real one.
const fakeKey = (...parts: string[]) => [...parts, 'x'.repeat(40)].join('-');
const openaiKey = fakeKey('sk', 'proj');
const anthropicKey = fakeKey('sk', 'ant', 'api03');
const googleKey = ['AIza', 'y'.repeat(35)].join('');

interface Seen {
  tag: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/**
 * One server for the file. The path says what to do: /<tag>/<behaviour>/<provider's own path>,
 * the tag keeping each test's requests and in-flight counts apart from the others'.
 */
let server: Server;
let origin = '';
const seen: Seen[] = [];
const inFlight = new Map<string, number>();
const maxInFlight = new Map<string, number>();
const arrivals = new Map<string, Array<() => void>>();
const holdReleases: Array<{ tag: string; by: 'arrival' | 'fallback' }> = [];

function handle(tag: string, behaviour: string, reply: (status: number, body?: string) => void): void {
  const waitMs = /^wait(\d+)$/.exec(behaviour);
  if (waitMs) setTimeout(() => reply(200), Number(waitMs[1])).unref();
  else if (/^s\d{3}$/.test(behaviour)) reply(Number(behaviour.slice(1)), '{"error":{"message":"nope"}}');
  else if (behaviour === 'google-bad')
    reply(400, '{"error":{"code":400,"status":"INVALID_ARGUMENT","details":[{"reason":"API_KEY_INVALID"}]}}');
  else if (behaviour === 'quota') reply(429, '{"error":{"code":"insufficient_quota"}}');
  else if (behaviour === 'hold') {
    // Answers once another request of the test is in flight with it (and a little later, so it
    // finishes after that one): proof of a pool. The fallback keeps a serial pool from hanging.
    let done = false;
    const release = (by: 'arrival' | 'fallback') => {
      if (done) return;
      done = true;
      holdReleases.push({ tag, by });
      setTimeout(() => reply(200), 150).unref();
    };
    if ((inFlight.get(tag) ?? 0) >= 2) release('arrival');
    else arrivals.set(tag, [...(arrivals.get(tag) ?? []), () => release('arrival')]);
    setTimeout(() => release('fallback'), 1500).unref();
  } else reply(500);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const [, tag = '', behaviour = ''] = (req.url ?? '').split('/');
    seen.push({ tag, url: req.url ?? '', headers: req.headers });
    const count = (inFlight.get(tag) ?? 0) + 1;
    inFlight.set(tag, count);
    maxInFlight.set(tag, Math.max(maxInFlight.get(tag) ?? 0, count));
    res.on('close', () => inFlight.set(tag, (inFlight.get(tag) ?? 1) - 1));
    if (behaviour !== 'hold') for (const wake of arrivals.get(tag)?.splice(0) ?? []) wake();
    if (behaviour === 'destroy') {
      req.socket.destroy();
      return;
    }
    handle(tag, behaviour, (status, body = '{}') => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Points each provider at the server with its behaviour: { openai: 's200' } → /<tag>/s200/v1/models. */
function envFor(tag: string, behaviours: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(behaviours).map(([provider, behaviour]) => [
      probeBaseUrlVariable(provider),
      `${origin}/${tag}/${behaviour}`,
    ]),
  );
}

const apiKey = (provider: string, secret = fakeKey(provider)): ProbeTarget => ({
  id: `${provider}:default`,
  provider,
  type: 'api_key',
  secret,
});

const byId = (outcomes: ProbeOutcome[]) => new Map(outcomes.map((outcome) => [outcome.id, outcome]));

describe('runProbes against a local server', () => {
  it('classifies 2xx, 401, 403, 402, 429, 500 and a quota 429, with a latency for each', async () => {
    const behaviours = {
      openai: 's200',
      groq: 's401',
      xai: 's403',
      mistral: 's402',
      deepseek: 's429',
      together: 's500',
      openrouter: 'quota',
    };
    const outcomes = await runProbes(
      Object.keys(behaviours).map((provider) => apiKey(provider)),
      {
        env: envFor('classify', behaviours),
        timeoutMs: 5000,
      },
    );
    expect(outcomes.map((o) => [o.provider, o.result, o.httpStatus])).toEqual([
      ['openai', 'ok', 200],
      ['groq', 'auth', 401],
      ['xai', 'auth', 403],
      ['mistral', 'billing', 402],
      ['deepseek', 'rate_limit', 429],
      ['together', 'unknown', 500],
      ['openrouter', 'billing', 429],
    ]);
    for (const outcome of outcomes) expect(outcome.latencyMs).toBeGreaterThanOrEqual(0);
    expect(outcomes[0]?.detail).toBe('key accepted (HTTP 200)');
    expect(outcomes[5]?.detail).toBe('HTTP 500');
  });

  it('sends the key the way each provider wants it, to its own path', async () => {
    const outcomes = await runProbes(
      [apiKey('anthropic', anthropicKey), apiKey('openai', openaiKey), apiKey('openrouter'), apiKey('groq')],
      { env: envFor('headers', { anthropic: 's200', openai: 's200', openrouter: 's200', groq: 's200' }) },
    );
    expect(outcomes.every((o) => o.result === 'ok')).toBe(true);
    const requests = seen.filter((s) => s.tag === 'headers');
    const anthropic = requests.find((s) => s.url.endsWith('/s200/v1/models') && s.headers['x-api-key']);
    expect(anthropic?.headers['x-api-key']).toBe(anthropicKey);
    expect(anthropic?.headers['anthropic-version']).toBe('2023-06-01');
    expect(anthropic?.headers.authorization).toBeUndefined();
    expect(requests.map((s) => s.headers.authorization)).toContain(`Bearer ${openaiKey}`);
    expect(requests.map((s) => s.url)).toEqual(
      expect.arrayContaining(['/headers/s200/api/v1/key', '/headers/s200/openai/v1/models']),
    );
  });

  it("puts Google's key in the query string and never in a detail", async () => {
    const outcomes: ProbeOutcome[] = [];
    for (const behaviour of ['s200', 'google-bad', 's500', 'destroy', 's429']) {
      const env = envFor('google', { google: behaviour });
      outcomes.push(...(await runProbes([apiKey('google', googleKey)], { env })));
    }
    expect(outcomes.map((o) => o.result)).toEqual(['ok', 'auth', 'unknown', 'network', 'rate_limit']);
    const request = seen.find((s) => s.tag === 'google');
    expect(new URL(request?.url ?? '', origin).searchParams.get('key')).toBe(googleKey);
    expect(request?.url.startsWith('/google/s200/v1beta/models?')).toBe(true);
    for (const outcome of outcomes) {
      expect(outcome.detail).not.toContain(googleKey);
      expect(outcome.detail).not.toContain('key=');
    }
  });

  it('reports a slow answer as a timeout, after about the timeout', async () => {
    const [outcome] = await runProbes([apiKey('openai', openaiKey)], {
      env: envFor('slow', { openai: 'wait2000' }),
      timeoutMs: 200,
    });
    expect(outcome).toMatchObject({
      result: 'timeout',
      httpStatus: null,
      detail: expect.stringMatching(/^no answer from 127\.0\.0\.1:\d+ within 200 ms: check your internet connection/),
    });
    expect(outcome?.latencyMs).toBeGreaterThanOrEqual(150);
    expect(outcome?.latencyMs).toBeLessThan(1900);
  });

  it('stops when asked: the unanswered check and those after it are not probed, and nothing waits for the server', async () => {
    const stop = new AbortController();
    const running = runProbes([apiKey('openai', openaiKey), apiKey('openai', openaiKey)], {
      // The server and the timeout both outlast the test's own limit: only the stop can end it.
      env: envFor('stopped', { openai: 'wait60000' }),
      timeoutMs: 60_000,
      concurrency: 1,
      signal: stop.signal,
    });
    // Stopped with the first request at the server, waiting for its answer.
    while (!seen.some((request) => request.tag === 'stopped')) await new Promise((done) => setTimeout(done, 5));
    stop.abort();
    const outcomes = await running;
    expect(outcomes.map((outcome) => [outcome.result, outcome.detail])).toEqual([
      ['not_probed', 'the check was stopped'],
      ['not_probed', 'the check was stopped'],
    ]);
  });

  it('reports a closed socket and a refused connection as network failures', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const refusedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));

    const outcomes = await runProbes([apiKey('openai', openaiKey), apiKey('groq')], {
      env: { ...envFor('network', { openai: 'destroy' }), [probeBaseUrlVariable('groq')]: refusedUrl },
    });
    expect(outcomes.map((o) => o.result)).toEqual(['network', 'network']);
    expect(outcomes[1]?.detail).toContain('connection refused');
    for (const outcome of outcomes) {
      expect(outcome.detail).toContain('127.0.0.1');
      expect(outcome.detail).not.toContain(openaiKey);
      expect(outcome.latencyMs).not.toBeNull();
    }
  });

  it('keeps the input order and never has more than `concurrency` requests in flight', async () => {
    const behaviours = {
      openai: 'hold',
      groq: 'wait0',
      xai: 'wait100',
      mistral: 'wait100',
      deepseek: 'wait100',
      together: 'wait100',
    };
    const targets = Object.keys(behaviours).map((provider) => apiKey(provider));
    const outcomes = await runProbes(targets, { env: envFor('pool', behaviours), concurrency: 2 });
    expect(outcomes.map((o) => o.id)).toEqual(targets.map((t) => t.id));
    expect(outcomes.every((o) => o.result === 'ok')).toBe(true);
    // The first, held request was answered because another came in meanwhile.
    expect(holdReleases.filter((r) => r.tag === 'pool')).toEqual([{ tag: 'pool', by: 'arrival' }]);
    expect(maxInFlight.get('pool')).toBe(2);
    expect(seen.filter((s) => s.tag === 'pool')).toHaveLength(6);
  });

  it('still reaches a host listed in NO_PROXY when a proxy is set, with or without undici', async () => {
    const env = {
      ...envFor('proxy', { openai: 's200' }),
      HTTPS_PROXY: 'http://127.0.0.1:9',
      HTTP_PROXY: 'http://127.0.0.1:9',
      NO_PROXY: '127.0.0.1,localhost',
    };
    const [outcome] = await runProbes([apiKey('openai', openaiKey)], { env });
    expect(outcome?.result).toBe('ok');
  });
});

describe('runProbes through a proxy', () => {
  it('goes through HTTP_PROXY (undici) when the host is not in NO_PROXY', async () => {
    // A CONNECT proxy that counts tunnels and passes bytes on to the test server.
    const proxy = await startConnectProxy();
    try {
      const env = { ...envFor('via-proxy', { openai: 's200' }), HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url };
      const [outcome] = await runProbes([apiKey('openai', openaiKey)], { env });
      expect(outcome?.result).toBe('ok');
      expect(proxy.tunnels).toEqual([new URL(origin).host]);
    } finally {
      await proxy.close();
    }
  });
});

describe('runProbes without a request', () => {
  const refuse = (() => {
    throw new Error('no request expected');
  }) as unknown as typeof fetch;

  it('does not probe tokens, OAuth, unknown types, providers without a check, or missing keys', async () => {
    const outcomes = byId(
      await runProbes(
        [
          { id: 'anthropic:token', provider: 'anthropic', type: 'token', secret: fakeKey('tok') },
          { id: 'openai:oauth', provider: 'openai', type: 'oauth', secret: fakeKey('acc') },
          { id: 'openai:odd', provider: 'openai', type: 'aws-sdk', secret: fakeKey('odd') },
          { id: 'moonshot:default', provider: 'moonshot', type: 'api_key', secret: fakeKey('moon') },
          { id: 'openai:empty', provider: 'openai', type: 'api_key', secret: '  ' },
          { id: 'openai:none', provider: 'openai', type: 'api_key' },
        ],
        { env: {}, fetch: refuse },
      ),
    );
    for (const outcome of outcomes.values())
      expect(outcome).toMatchObject({ result: 'not_probed', httpStatus: null, latencyMs: null });
    expect(outcomes.get('anthropic:token')?.detail).toContain('Claude Code');
    expect(outcomes.get('openai:oauth')?.detail).toMatch(/^a sign-in: /);
    expect(outcomes.get('openai:odd')?.detail).toContain('aws-sdk');
    expect(outcomes.get('moonshot:default')?.detail).toBe('no free check for this provider');
    expect(outcomes.get('openai:empty')?.reasonCode).toBe('missing_credential');
    expect(outcomes.get('openai:none')?.reasonCode).toBe('missing_credential');
    expect(outcomes.get('anthropic:token')?.reasonCode).toBeUndefined();
  });

  it("passes the caller's reasonCode through, with its words or a default", async () => {
    const outcomes = await runProbes(
      [
        { ...apiKey('openai'), reasonCode: 'excluded_by_auth_order', notTriedReason: 'not in the order (config)' },
        { ...apiKey('groq'), reasonCode: 'unresolved_ref' },
        { ...apiKey('xai'), reasonCode: 'something_new' },
      ],
      { env: {}, fetch: refuse },
    );
    expect(outcomes.map((o) => [o.result, o.reasonCode, o.detail])).toEqual([
      ['not_probed', 'excluded_by_auth_order', 'not in the order (config)'],
      ['not_probed', 'unresolved_ref', 'the key is held by a reference authdeck does not resolve'],
      ['not_probed', 'something_new', 'something_new'],
    ]);
  });

  it('refuses a key no HTTP header can carry, and a bad base URL, before any request', async () => {
    const outcomes = await runProbes([apiKey('openai', `${openaiKey}\nx`), apiKey('groq')], {
      env: { [probeBaseUrlVariable('groq')]: 'not a url' },
      fetch: refuse,
    });
    expect(outcomes.map((o) => o.result)).toEqual(['unknown', 'unknown']);
    expect(outcomes[0]?.detail).not.toContain(openaiKey);
    expect(outcomes[1]?.detail).toBe('AUTHDECK_PROBE_BASE_URL_GROQ is not an http(s) URL');
  });
});

describe('runProbes with an injected fetch and clock', () => {
  it('measures latency with the clock, does not follow redirects, and never echoes an error message', async () => {
    const ticks = [1000, 1042.4, 2000, 2010, 3000, 3005];
    const now = () => ticks.shift() ?? 0;
    const inits: RequestInit[] = [];
    const fake = (async (input: string | URL | Request, init?: RequestInit) => {
      inits.push(init ?? {});
      const url = String(input);
      if (url.includes('api.openai.com')) return new Response('{}', { status: 200 });
      if (url.includes('api.groq.com')) return new Response(null, { status: 302, headers: { location: '/elsewhere' } });
      throw new TypeError(`Headers.append: "Bearer ${openaiKey}" is an invalid header value.`);
    }) as typeof fetch;
    const outcomes = await runProbes([apiKey('openai', openaiKey), apiKey('groq'), apiKey('xai', openaiKey)], {
      env: {},
      fetch: fake,
      now,
      concurrency: 1,
    });
    expect(outcomes.map((o) => [o.result, o.httpStatus, o.latencyMs])).toEqual([
      ['ok', 200, 42],
      ['unknown', 302, 10],
      ['unknown', null, 5],
    ]);
    expect(outcomes[1]?.detail).toContain('redirect');
    expect(outcomes[2]?.detail).toBe('the request to api.x.ai could not be made');
    expect(inits.every((init) => init.redirect === 'manual' && init.method === 'GET')).toBe(true);
  });
});

describe('probe endpoints', () => {
  it('knows the free check of each provider, and none for the others', () => {
    const urlOf = (provider: string) => {
      const endpoint = probeEndpoint(provider, {});
      return endpoint && buildProbeRequest(endpoint, 'k').url;
    };
    expect(urlOf('anthropic')).toBe('https://api.anthropic.com/v1/models');
    expect(urlOf('Groq')).toBe('https://api.groq.com/openai/v1/models');
    expect(urlOf('deepseek')).toBe('https://api.deepseek.com/v1/models');
    expect(urlOf('openrouter')).toBe('https://openrouter.ai/api/v1/key');
    expect(urlOf('google')).toBe('https://generativelanguage.googleapis.com/v1beta/models?key=k');
    expect(probeEndpoint('moonshot', {})).toBeUndefined();
    expect(probeEndpoint('constructor', {})).toBeUndefined();
  });

  it('takes a base URL from the environment, named after the provider', () => {
    expect(probeBaseUrlVariable('my-provider.v2')).toBe('AUTHDECK_PROBE_BASE_URL_MY_PROVIDER_V2');
    const endpoint = probeEndpoint('openrouter', { AUTHDECK_PROBE_BASE_URL_OPENROUTER: 'http://127.0.0.1:1234/' });
    expect(endpoint && buildProbeRequest(endpoint, 'k')).toMatchObject({
      url: 'http://127.0.0.1:1234/api/v1/key',
      host: '127.0.0.1:1234',
    });
    const google = probeEndpoint('google', {});
    expect(google && buildProbeRequest(google, googleKey).host).toBe('generativelanguage.googleapis.com');
  });
});

describe('proxy settings', () => {
  it('reads lower case before upper case, and goes direct when no proxy is set', async () => {
    expect(proxySettings({ https_proxy: 'http://a:1', HTTPS_PROXY: 'http://b:1', NO_PROXY: 'x' })).toEqual({
      httpProxy: '',
      httpsProxy: 'http://a:1',
      noProxy: 'x',
    });
    expect((await createProbeFetch({})).proxy).toBe('direct');
  });
});
