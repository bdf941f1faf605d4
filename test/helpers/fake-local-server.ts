import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

/**
 * A loopback stand-in for a local model server: Ollama (/api/tags, /api/show), LM Studio
 * (/api/v1/models) or an OpenAI-compatible one, vLLM and SGLang (/v1/models); or a hostile or
 * wrong one. Answers what OpenClaw's setup asks; records each request. Closed after the test.
 */
export interface FakeOllamaModel {
  name: string;
  size?: number;
  /** What /api/show says; ['completion'] when absent. */
  capabilities?: string[];
  /** model_info's `<family>.context_length`. */
  context?: number;
  /** /api/show answers 404 for it. */
  showFails?: boolean;
}

export type FakeBehaviour =
  | 'serve'
  | 'hang' // accepts the request, never answers
  | 'trickle' // answers 200 and sends a byte a while, never ending
  | 'huge' // a 200 JSON body past any sane limit
  | 'garbage' // 200, not JSON
  | 'html-404'; // a web server that knows none of the paths

export interface FakeLocalServerOptions {
  kind: 'ollama' | 'lmstudio' | 'openai';
  /** Ollama: FakeOllamaModel[]; LM Studio: /api/v1/models entries; OpenAI: /v1/models `data` rows. */
  models?: unknown[];
  behaviour?: FakeBehaviour;
  /** Answer 401 unless `Authorization: Bearer <requireKey>`. */
  requireKey?: string;
  /** OpenAI-compatible: serve the list at /models instead of /v1/models. */
  withoutV1?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  body: string;
}

export interface FakeLocalServer {
  origin: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const running: FakeLocalServer[] = [];

afterEach(async () => {
  while (running.length > 0) await running.pop()!.close();
});

function ollamaAnswer(models: FakeOllamaModel[], path: string, body: string): [number, unknown] {
  if (path === '/api/tags')
    return [
      200,
      { models: models.map((m) => ({ name: m.name, model: m.name, size: m.size ?? 1, digest: '0'.repeat(64) })) },
    ];
  if (path === '/api/show') {
    const model = models.find((entry) => entry.name === (JSON.parse(body || '{}') as { model?: string }).model);
    if (!model || model.showFails) return [404, { error: 'model not found' }];
    return [
      200,
      {
        capabilities: model.capabilities ?? ['completion'],
        model_info: model.context ? { 'fake.context_length': model.context } : {},
      },
    ];
  }
  return [404, { error: 'not found' }];
}

function answer(options: FakeLocalServerOptions, path: string, body: string): [number, unknown] {
  const models = options.models ?? [];
  if (options.kind === 'ollama') return ollamaAnswer(models as FakeOllamaModel[], path, body);
  if (options.kind === 'lmstudio') {
    if (path === '/api/v1/models') return [200, { models }];
    if (path === '/v1/models') return [200, { object: 'list', data: [] }];
    return [404, { error: 'not found' }];
  }
  if (path === (options.withoutV1 ? '/models' : '/v1/models')) return [200, { object: 'list', data: models }];
  return [404, { error: 'not found' }];
}

function respond(options: FakeLocalServerOptions, request: IncomingMessage, response: ServerResponse, body: string) {
  const behaviour = options.behaviour ?? 'serve';
  if (behaviour === 'hang') return;
  if (behaviour === 'html-404') {
    response.writeHead(404, { 'content-type': 'text/html' });
    response.end('<html><body>Not Found</body></html>');
    return;
  }
  if (behaviour === 'garbage') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"models": [ this is not json');
    return;
  }
  if (behaviour === 'trickle') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"models":[');
    const timer = setInterval(() => response.write(' '), 50);
    response.on('close', () => clearInterval(timer));
    return;
  }
  if (behaviour === 'huge') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"models":[');
    const row = `${JSON.stringify({ name: 'x'.repeat(1000), key: 'x' })},`.repeat(64);
    // 64 MB unless the client hangs up first, which it should.
    let sent = 0;
    const pump = () => {
      while (sent < 1000 && !response.destroyed) {
        sent++;
        if (!response.write(row)) return void response.once('drain', pump);
      }
      response.end('{}]}');
    };
    pump();
    return;
  }
  if (options.requireKey && request.headers.authorization !== `Bearer ${options.requireKey}`) {
    response.writeHead(401, { 'content-type': 'application/json' });
    response.end('{"error":"unauthorized"}');
    return;
  }
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const [status, json] = answer(options, path, body);
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(json));
}

export async function startFakeLocalServer(options: FakeLocalServerOptions): Promise<FakeLocalServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
        body,
      });
      respond(options, request, response, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeLocalServer = {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
  running.push(fake);
  return fake;
}

/** A loopback port nothing listens on: bound, then released. */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}
