// A stand-in for a local model server (Ollama, LM Studio, OpenAI-compatible) for observe.mjs:
// it answers the probes OpenClaw's setup makes, whatever the path prefix. It serves two models:
// setup may pick either by itself, and needs the second to exist when a flag names it.

import http from 'node:http';

export const SERVED_MODEL = 'observe-model';
export const FLAG_MODEL = 'observe-flag-model';
const MODELS = [SERVED_MODEL, FLAG_MODEL];

function answer(pathname) {
  if (pathname.endsWith('/api/tags')) {
    return {
      models: MODELS.map((name) => ({
        name,
        model: name,
        size: 1,
        digest: '0'.repeat(64),
        details: { family: 'observe' },
      })),
    };
  }
  if (pathname.endsWith('/api/show')) {
    return { capabilities: ['completion', 'tools'], model_info: { 'observe.context_length': 32768 }, details: {} };
  }
  if (pathname.endsWith('/api/pull')) return { status: 'success' };
  if (pathname.endsWith('/api/version')) return { version: '0.0.0' };
  if (pathname.endsWith('/api/ps')) return { models: [] };
  // LM Studio's native REST listing.
  if (pathname.endsWith('/api/v1/models')) {
    const entry = (key) => ({
      type: 'llm',
      key,
      display_name: key,
      max_context_length: 32768,
      loaded_instances: [{ id: key, config: { context_length: 32768 } }],
    });
    return { models: MODELS.map(entry) };
  }
  if (pathname.endsWith('/models')) return { object: 'list', data: MODELS.map((id) => ({ id, object: 'model' })) };
  return undefined;
}

/** Listens on a free loopback port; resolves to its origin and a close function. */
export function startFakeLocalServer() {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const body = answer(new URL(request.url ?? '/', 'http://localhost').pathname);
      response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body ?? { error: 'not found' }));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
