import { describe, expect, it } from 'vitest';
import { findChoice } from '../../src/services/providers/catalog.js';
import {
  findLocalServer,
  LOCAL_SERVER_KINDS,
  type LocalServerKind,
  openclawBaseUrl,
  startCommand,
} from '../../src/services/providers/local-server.js';
import { startFakeLocalServer, unusedPort } from '../helpers/fake-local-server.js';

const TIMEOUT = 3000;
const served = (kind: LocalServerKind) => (kind === 'ollama' ? 'ollama' : kind === 'lmstudio' ? 'lmstudio' : 'openai');

async function found(kind: LocalServerKind, baseUrl: string, apiKey?: string) {
  const result = await findLocalServer(kind, { baseUrl, timeoutMs: TIMEOUT, apiKey });
  if (!result.ok) throw new Error(`not found: ${result.reason}`);
  return result;
}

async function failed(kind: LocalServerKind, baseUrl: string, timeoutMs = TIMEOUT) {
  const result = await findLocalServer(kind, { baseUrl, timeoutMs });
  if (result.ok) throw new Error('found a server');
  return result;
}

describe('findLocalServer: a server of each kind', () => {
  it('Ollama: lists /api/tags and reads each model with /api/show, as OpenClaw setup does', async () => {
    const server = await startFakeLocalServer({
      kind: 'ollama',
      models: [
        { name: 'qwen3:8b', size: 5_200_000_000, capabilities: ['completion', 'tools', 'thinking'], context: 40960 },
        { name: 'nomic-embed-text:latest', capabilities: ['embedding'], context: 2048 },
        { name: 'broken:1b', showFails: true },
      ],
    });
    const result = await found('ollama', `${server.origin}/v1/`);
    expect(result.baseUrl).toBe(server.origin);
    expect(result.models).toEqual([
      expect.objectContaining({
        id: 'qwen3:8b',
        sizeBytes: 5_200_000_000,
        capabilities: ['completion', 'tools', 'thinking'],
        contextWindow: 40960,
        inspection: 'ok',
      }),
      expect.objectContaining({ id: 'nomic-embed-text:latest', capabilities: ['embedding'], inspection: 'ok' }),
      expect.objectContaining({ id: 'broken:1b', inspection: 'failed' }),
    ]);
    expect(server.requests.map((request) => `${request.method} ${request.path} ${request.body}`).sort()).toEqual([
      'GET /api/tags ',
      'POST /api/show {"model":"broken:1b"}',
      'POST /api/show {"model":"nomic-embed-text:latest"}',
      'POST /api/show {"model":"qwen3:8b"}',
    ]);
  });

  it('LM Studio: lists /api/v1/models, LLMs only, with what is loaded', async () => {
    const server = await startFakeLocalServer({
      kind: 'lmstudio',
      models: [
        {
          type: 'llm',
          key: 'qwen/qwen3-8b',
          display_name: 'Qwen3 8B',
          max_context_length: 40960,
          loaded_instances: [{ id: 'a', config: { context_length: 8192 } }],
        },
        { type: 'llm', key: 'google/gemma-3-12b', max_context_length: 131072, loaded_instances: [] },
        { type: 'embedding', key: 'text-embedding-nomic-embed-text-v1.5' },
      ],
    });
    const result = await found('lmstudio', server.origin);
    expect(result.baseUrl).toBe(`${server.origin}/v1`);
    expect(result.models.map((model) => [model.id, model.label, model.contextWindow])).toEqual([
      ['qwen/qwen3-8b', 'Qwen3 8B', 40960],
      ['google/gemma-3-12b', 'google/gemma-3-12b', 131072],
    ]);
    expect(result.models.map((model) => model.source === 'lmstudio' && model.loadedContextWindow)).toEqual([
      8192,
      null,
    ]);
    expect(server.requests.map((request) => request.path)).toEqual(['/api/v1/models']);
  });

  it.each(['vllm', 'sglang'] as const)('%s: lists /v1/models', async (kind) => {
    const server = await startFakeLocalServer({
      kind: 'openai',
      models: [{ id: 'Qwen/Qwen3-8B', object: 'model', owned_by: kind, max_model_len: 32768 }],
    });
    const result = await found(kind, `${server.origin}/v1/`);
    expect(result.baseUrl).toBe(`${server.origin}/v1`);
    expect(result.models).toEqual([
      { source: 'openai', id: 'Qwen/Qwen3-8B', label: 'Qwen/Qwen3-8B', contextWindow: 32768, ownedBy: kind },
    ]);
    expect(server.requests.map((request) => request.path)).toEqual(['/v1/models']);
  });

  it('vLLM at an address without /v1: found at /v1, which is what to write', async () => {
    const server = await startFakeLocalServer({ kind: 'openai', models: [{ id: 'm' }] });
    const result = await found('vllm', server.origin);
    expect(result.baseUrl).toBe(`${server.origin}/v1`);
    expect(server.requests.map((request) => request.path)).toEqual(['/models', '/v1/models']);
  });

  it('sends a key as a bearer token, and none to Ollama', async () => {
    const lmstudio = await startFakeLocalServer({ kind: 'lmstudio', models: [], requireKey: 'sk-local' });
    const locked = await failed('lmstudio', lmstudio.origin);
    expect(locked).toMatchObject({ problem: 'needs-key', command: 'export LM_API_TOKEN=<key>' });
    expect(locked.reason).toContain('HTTP 401');
    await found('lmstudio', lmstudio.origin, 'sk-local');
    expect(lmstudio.requests.at(-1)?.authorization).toBe('Bearer sk-local');
    const ollama = await startFakeLocalServer({ kind: 'ollama', models: [{ name: 'a' }] });
    await found('ollama', ollama.origin, 'sk-local');
    expect(ollama.requests.every((request) => request.authorization === undefined)).toBe(true);
  });
});

describe('findLocalServer: where it looks', () => {
  it('uses OpenClaw 2026.9.6 defaults: the catalog addresses, each list endpoint', async () => {
    for (const kind of LOCAL_SERVER_KINDS) {
      const seen: string[] = [];
      const refuse = async (url: string | URL | Request) => {
        seen.push(String(url));
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) });
      };
      const result = await findLocalServer(kind, { timeoutMs: TIMEOUT, fetch: refuse as typeof fetch });
      expect(result).toMatchObject({ ok: false, problem: 'not-running' });
      const catalogBase = findChoice(kind)?.providerConfig.baseUrl;
      expect({ kind, seen }).toEqual({
        kind,
        seen: [
          {
            ollama: 'http://127.0.0.1:11434/api/tags',
            lmstudio: 'http://localhost:1234/api/v1/models',
            vllm: 'http://127.0.0.1:8000/v1/models',
            sglang: 'http://127.0.0.1:30000/v1/models',
          }[kind],
        ],
      });
      expect(openclawBaseUrl(kind, catalogBase!)).toBe(catalogBase);
    }
  });

  it('writes the base URL as OpenClaw normalises --custom-base-url', () => {
    expect(openclawBaseUrl('ollama', ' http://10.0.0.5:11434/v1/ ')).toBe('http://10.0.0.5:11434');
    expect(openclawBaseUrl('lmstudio', 'localhost:1234')).toBe('http://localhost:1234/v1');
    expect(openclawBaseUrl('lmstudio', 'http://h:1234/api/v1/?x=1')).toBe('http://h:1234/v1');
    expect(openclawBaseUrl('vllm', 'http://h:8000/v1//')).toBe('http://h:8000/v1');
    expect(openclawBaseUrl('sglang', 'http://h:30000')).toBe('http://h:30000');
    expect(openclawBaseUrl('vllm', 'ftp://h/v1')).toBeUndefined();
    expect(openclawBaseUrl('ollama', 'not a url')).toBeUndefined();
  });
});

describe('findLocalServer: when there is no usable server', () => {
  it('a host name not found: check the address, not "start the server"', async () => {
    const result = await failed('ollama', 'http://authdeck-no-such-host.invalid:11434');
    expect(result).toMatchObject({ problem: 'unknown-host' });
    expect(result.reason).toMatch(
      /^the host name in http:\/\/authdeck-no-such-host\.invalid:11434 is not found \((ENOTFOUND|EAI_AGAIN)\): check the address/,
    );
  });

  it('nothing listening: says so, with the command that starts the server on that port', async () => {
    const port = await unusedPort();
    const commands: Record<LocalServerKind, string> = {
      ollama: `OLLAMA_HOST=127.0.0.1:${port} ollama serve`,
      lmstudio: `lms server start --port ${port}`,
      vllm: `vllm serve <model> --port ${port}`,
      sglang: `python -m sglang.launch_server --model-path <model> --port ${port}`,
    };
    for (const kind of LOCAL_SERVER_KINDS) {
      const result = await failed(kind, `http://127.0.0.1:${port}`);
      expect(result).toMatchObject({ kind, problem: 'not-running', command: commands[kind] });
      expect(result.reason).toMatch(new RegExp(`^nothing listens at http://127\\.0\\.0\\.1:${port}`));
    }
    expect(LOCAL_SERVER_KINDS.map((kind) => startCommand(kind, 'http://127.0.0.1'))).toEqual([
      'OLLAMA_HOST=127.0.0.1:80 ollama serve',
      'lms server start --port 80',
      'vllm serve <model> --port 80',
      'python -m sglang.launch_server --model-path <model> --port 80',
    ]);
    expect(startCommand('ollama', 'http://127.0.0.1:11434')).toBe('ollama serve');
    expect(startCommand('lmstudio', 'http://localhost:1234/v1')).toBe('lms server start');
    expect(startCommand('ollama', 'http://192.168.1.20:11434')).toBe('OLLAMA_HOST=0.0.0.0:11434 ollama serve');
  });

  it('something else answers: not this kind of server, with what it answered', async () => {
    const web = await startFakeLocalServer({ kind: 'openai', behaviour: 'html-404' });
    for (const kind of LOCAL_SERVER_KINDS) {
      const result = await failed(kind, web.origin);
      expect(result.problem).toBe('not-this-server');
      expect(result.reason).toMatch(/^something at .* answered, but not as .*: HTTP 404\)$/);
    }
    const ollama = await startFakeLocalServer({ kind: 'ollama', models: [{ name: 'a' }] });
    expect((await failed('lmstudio', ollama.origin)).reason).toContain('(GET /api/v1/models: HTTP 404)');
    const lmstudio = await startFakeLocalServer({ kind: 'lmstudio', models: [] });
    expect((await failed('ollama', lmstudio.origin)).reason).toContain('not as Ollama (GET /api/tags: HTTP 404)');
  });

  it('a server that never answers, or never finishes: a timeout, within the limit', async () => {
    for (const behaviour of ['hang', 'trickle'] as const) {
      const server = await startFakeLocalServer({ kind: 'ollama', behaviour });
      const started = performance.now();
      const result = await failed('ollama', server.origin, 300);
      expect(result).toMatchObject({ problem: 'timeout', reason: `no answer from ${server.origin} within 300 ms` });
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });

  it('a huge or garbage answer: read no further than the cap, never parsed into a crash', async () => {
    for (const kind of LOCAL_SERVER_KINDS) {
      const huge = await startFakeLocalServer({ kind: served(kind), behaviour: 'huge' });
      expect((await failed(kind, huge.origin, 10_000)).reason).toContain('with more than 8 MB');
      const garbage = await startFakeLocalServer({ kind: served(kind), behaviour: 'garbage' });
      expect((await failed(kind, garbage.origin)).reason).toContain('not its model list)');
    }
  });

  it('hostile rows are skipped, the rest read', async () => {
    const rows = [null, 7, 'x', [], { id: 42 }, { id: '  ' }, { id: 'ok', max_model_len: 1e300 }, { key: 'ok' }];
    const server = await startFakeLocalServer({ kind: 'openai', models: rows });
    const result = await found('vllm', `${server.origin}/v1`);
    expect(result.models).toEqual([{ source: 'openai', id: 'ok', label: 'ok' }]);
    const lmstudio = await startFakeLocalServer({ kind: 'lmstudio', models: rows });
    expect((await found('lmstudio', lmstudio.origin)).models).toEqual([]);
  });

  it('an address that is not http(s): said at once, nothing sent', async () => {
    const result = await findLocalServer('vllm', { baseUrl: 'file:///etc/passwd', timeoutMs: TIMEOUT });
    expect(result).toMatchObject({ ok: false, problem: 'bad-address' });
  });
});

describe('findLocalServer: text from the server', () => {
  it('ids that could not go into openclaw.json are left out; display names are shown as visible escapes', async () => {
    const evil = 'evil\u001b]52;c;cHduZWQ=\u0007\u001b[2Jmodel';
    const ollama = await startFakeLocalServer({
      kind: 'ollama',
      models: [{ name: evil }, { name: 'x'.repeat(5000) }, { name: 'two words' }, { name: 'llama3' }],
    });
    expect((await found('ollama', ollama.origin)).models.map((model) => model.id)).toEqual(['llama3']);
    const lmstudio = await startFakeLocalServer({
      kind: 'lmstudio',
      models: [
        { type: 'llm', key: evil, loaded_instances: [] },
        { type: 'llm', key: 'qwen/qwen3.5-9b', display_name: `Nice\u202eName\n`, loaded_instances: [] },
      ],
    });
    const models = (await found('lmstudio', lmstudio.origin)).models;
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({ id: 'qwen/qwen3.5-9b', name: 'Nice\u202eName', label: 'Nice\\u202eName' });
    // vLLM serves a model by the path it was started with: that is an id OpenClaw takes.
    const vllm = await startFakeLocalServer({
      kind: 'openai',
      models: [{ id: evil }, { id: 'meta/llama' }, { id: '/models/Llama-3.1-8B-Instruct' }],
    });
    expect((await found('vllm', `${vllm.origin}/v1`)).models.map((model) => model.id)).toEqual([
      'meta/llama',
      '/models/Llama-3.1-8B-Instruct',
    ]);
  });

  it('an absurd context length from /api/show is not written as one', async () => {
    const ollama = await startFakeLocalServer({ kind: 'ollama', models: [{ name: 'llama3', context: 1e308 }] });
    const [model] = (await found('ollama', ollama.origin)).models;
    expect(model?.contextWindow).toBeUndefined();
  });

  it('a typed address with controls is shown escaped in the reason', async () => {
    const port = await unusedPort();
    const result = await failed('vllm', `http://127.0.0.1:${port}/v1\u001b[2J`);
    expect(result.reason).not.toContain('\u001b');
  });
});
