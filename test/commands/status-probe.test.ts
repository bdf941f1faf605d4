import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, readJson, writeJsonFile } from '../helpers/temp-state.js';

let server: Server;
let origin = '';
const auths: string[] = [];

beforeAll(async () => {
  // The key decides the answer: a "good" key gets 200, any other 401.
  server = createServer((req, res) => {
    const auth = String(req.headers.authorization ?? req.headers['x-api-key'] ?? '');
    auths.push(auth);
    res.writeHead(auth.includes('good') ? 200 : 401, { 'content-type': 'application/json' });
    res.end('{"data":[]}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((done) => server.close(done)));

describe('status --probe', () => {
  it('checks each key live, reports token profiles as not probed, and writes nothing', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const storePath = join(mainAgentDir, 'auth-profiles.json');
    const store = {
      version: 1,
      profiles: {
        'openai:good': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey('good') },
        'openai:bad': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey('bad') },
        'anthropic:tok': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken() },
      },
    };
    writeJsonFile(storePath, store);
    const env = { AUTHDECK_PROBE_BASE_URL_OPENAI: origin };
    const json = await runCommand(['status', '--probe', '--json'], { home, env });
    expect(json.code).toBe(0);
    const probes = Object.fromEntries(JSON.parse(json.stdout).probes.map((probe: { id: string }) => [probe.id, probe]));
    const good = fakeSecrets.openaiKey('good');
    expect(probes['openai:bad']).toMatchObject({ result: 'auth', httpStatus: 401 });
    expect(probes['anthropic:tok']).toMatchObject({ result: 'not_probed', httpStatus: null });
    expect(probes['openai:good']?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(json.stdout).not.toContain(good.slice(10));
    expect(readJson(storePath)).toEqual(store);
    const text = await runCommand(['status', '--probe', '--probe-provider', 'openai'], { home, env });
    expect(text.stdout).toMatch(/openai:bad\s+auth\s+\d+ ms\s+HTTP 401: the provider rejected the key/);
    expect(text.stdout).not.toContain('anthropic:tok  not probed');
  });

  it('refuses a bad --probe-concurrency', async () => {
    const { home } = makeTempHome();
    const result = await runCommand(['status', '--probe', '--probe-concurrency', '0'], { home });
    expect(result.code).toBe(64);
  });
});
