import { createHash, createPublicKey, generateKeyPairSync, randomUUID, verify } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { resolveWorkspace } from '../../src/services/config/workspace.js';
import { resolveGatewayTarget } from '../../src/services/gateway/gateway-target.js';
import { reloadGatewayAuth } from '../../src/services/gateway/reload-auth.js';
import { execOn, installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { makeTempHome, writeJsonFile, writeText } from '../helpers/temp-state.js';

// A stand-in for OpenClaw's gateway on a loopback port, speaking the protocol as 2026.9.6
// does: challenge, connect (token, password or a signed device), hello-ok, then requests.
// biome-ignore lint/suspicious/noTemplateCurlyInString: OpenClaw's own ${VAR} syntax, written literally in a config.
const GW_TOKEN_REF = '${GW_TOKEN}';

interface FakeGateway {
  port: number;
  calls: Array<{ method: string; params: Record<string, unknown> }>;
  connects: Array<Record<string, unknown>>;
}

const servers: WebSocketServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

function startFakeGateway(options: {
  accept: (params: Record<string, unknown>, nonce: string) => boolean;
  methods?: string[];
  /** Connects answered "still starting, retry after 0 ms" before the first accepted. */
  startingFor?: number;
}): Promise<FakeGateway> {
  let starting = options.startingFor ?? 0;
  const gateway: FakeGateway = { port: 0, calls: [], connects: [] };
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  servers.push(server);
  server.on('connection', (socket: WebSocket, request) => {
    expect(request.headers.origin).toBeUndefined();
    const nonce = randomUUID();
    socket.send(JSON.stringify({ type: 'event', event: 'connect.challenge', payload: { nonce, ts: Date.now() } }));
    socket.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString()) as { id: string; method: string; params: Record<string, unknown> };
      const reply = (body: Record<string, unknown>) =>
        socket.send(JSON.stringify({ type: 'res', id: frame.id, ...body }));
      if (frame.method === 'connect') {
        gateway.connects.push(frame.params);
        if (starting > 0) {
          starting--;
          reply({ ok: false, error: { code: 'UNAVAILABLE', message: 'starting', retryable: true, retryAfterMs: 0 } });
          socket.close();
          return;
        }
        if (!options.accept(frame.params, nonce)) {
          reply({ ok: false, error: { code: 'INVALID_REQUEST', message: 'unauthorized: gateway token mismatch' } });
          socket.close(1008);
          return;
        }
        reply({
          ok: true,
          payload: {
            type: 'hello-ok',
            protocol: 4,
            features: { methods: options.methods ?? ['models.authRefresh', 'models.authStatus'] },
          },
        });
        return;
      }
      gateway.calls.push({ method: frame.method, params: frame.params });
      reply({ ok: true, payload: { refreshed: true } });
    });
  });
  return new Promise((resolve) =>
    server.on('listening', () =>
      resolve({
        ...gateway,
        port: (server.address() as { port: number }).port,
        calls: gateway.calls,
        connects: gateway.connects,
      }),
    ),
  );
}

async function workspaceWith(config: Record<string, unknown>, env: Record<string, string> = {}) {
  const temp = makeTempHome();
  writeJsonFile(temp.configPath, config);
  return { ...temp, workspace: await resolveWorkspace({ env: { HOME: temp.home, PATH: '/nonexistent', ...env } }) };
}

describe('telling the running gateway to reload auth', () => {
  it('connects as the local backend client with the token from openclaw.json and asks for models.authRefresh', async () => {
    const token = `t-${randomUUID()}`;
    const gateway = await startFakeGateway({
      accept: (params) => (params.auth as { token?: string } | undefined)?.token === token,
    });
    const { workspace } = await workspaceWith({ gateway: { port: gateway.port, auth: { mode: 'token', token } } });
    const reload = await reloadGatewayAuth(workspace);
    expect(reload).toEqual({ status: 'reloaded', url: `ws://127.0.0.1:${gateway.port}` });
    expect(gateway.connects[0]).toMatchObject({
      minProtocol: 4,
      maxProtocol: 4,
      role: 'operator',
      scopes: ['operator.admin'],
      client: { id: 'gateway-client', mode: 'backend' },
    });
    expect(gateway.calls).toEqual([{ method: 'models.authRefresh', params: { operation: 'update' } }]);
  });

  it('finds the token in a $VAR reference, in the daemon .env and in the environment, as OpenClaw does', async () => {
    const token = `t-${randomUUID()}`;
    const fromVar = await workspaceWith({ gateway: { port: 1, auth: { token: GW_TOKEN_REF } } }, { GW_TOKEN: token });
    expect(await resolveGatewayTarget(fromVar.workspace)).toMatchObject({ kind: 'shared-secret', auth: { token } });
    const fromDotenv = await workspaceWith({ gateway: { port: 1 } });
    writeText(join(fromDotenv.stateDir, '.env'), `OPENCLAW_GATEWAY_TOKEN=${token}\n`);
    expect(await resolveGatewayTarget(fromDotenv.workspace)).toMatchObject({
      kind: 'shared-secret',
      auth: { token },
      source: 'OPENCLAW_GATEWAY_TOKEN',
    });
    const unset = await workspaceWith({ gateway: { port: 1, auth: { token: GW_TOKEN_REF } } });
    expect(await resolveGatewayTarget(unset.workspace)).toMatchObject({
      kind: 'unresolved',
      reason: 'gateway.auth.token reads GW_TOKEN, which is not set',
    });
    const remote = await workspaceWith({ gateway: { mode: 'remote' } });
    expect(await reloadGatewayAuth(remote.workspace)).toMatchObject({ status: 'skipped' });
  });

  it('signs in as the paired CLI device when no token is configured (a bare `openclaw gateway run`)', async () => {
    const temp = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', temp.stateDir);
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const raw = publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
    const deviceId = createHash('sha256').update(raw).digest('hex');
    const deviceToken = `dt-${randomUUID()}`;
    const stateDb = join(temp.stateDir, 'state', 'openclaw.sqlite');
    execOn(
      stateDb,
      `insert into device_identities values ('primary', ?, ?, ?, 1, 1)`,
      deviceId,
      publicKey.export({ type: 'spki', format: 'pem' }),
      privateKey.export({ type: 'pkcs8', format: 'pem' }),
    );
    execOn(
      stateDb,
      `insert into device_auth_tokens values (?, 'operator', ?, '["operator.admin"]', 1)`,
      deviceId,
      deviceToken,
    );
    const gateway = await startFakeGateway({
      accept: (params, nonce) => {
        const device = params.device as {
          id: string;
          publicKey: string;
          signature: string;
          signedAt: number;
          nonce: string;
        };
        const client = params.client as { id: string; mode: string; platform: string; deviceFamily?: string };
        const signed = [
          'v3',
          device.id,
          client.id,
          client.mode,
          'operator',
          'operator.admin',
          String(device.signedAt),
          deviceToken,
          nonce,
          client.platform,
          (client.deviceFamily ?? '').toLowerCase(),
        ].join('|');
        const key = createPublicKey({
          key: Buffer.concat([
            Buffer.from('302a300506032b6570032100', 'hex'),
            Buffer.from(device.publicKey, 'base64url'),
          ]),
          format: 'der',
          type: 'spki',
        });
        return (
          device.id === deviceId &&
          device.nonce === nonce &&
          (params.auth as { deviceToken?: string }).deviceToken === deviceToken &&
          verify(null, Buffer.from(signed), key, Buffer.from(device.signature, 'base64url'))
        );
      },
    });
    writeJsonFile(temp.configPath, { gateway: { port: gateway.port } });
    const workspace = await resolveWorkspace({ env: { HOME: temp.home, PATH: '/nonexistent' } });
    expect(await reloadGatewayAuth(workspace)).toEqual({
      status: 'reloaded',
      url: `ws://127.0.0.1:${gateway.port}`,
    });
    expect(gateway.connects[0]).toMatchObject({ client: { id: 'cli', mode: 'cli' } });
  });

  it('falls back to models.authStatus {refresh:true} on a gateway before 2026.9', async () => {
    const gateway = await startFakeGateway({ accept: () => true, methods: ['models.authStatus'] });
    const { workspace } = await workspaceWith({ gateway: { port: gateway.port, auth: { mode: 'none' } } });
    expect(await reloadGatewayAuth(workspace)).toMatchObject({ status: 'reloaded' });
    expect(gateway.calls).toEqual([{ method: 'models.authStatus', params: { refresh: true } }]);
  });

  it('a gateway still starting that asks for a retry after 0 ms is not hammered', async () => {
    const gateway = await startFakeGateway({ accept: () => true, startingFor: 3 });
    const { workspace } = await workspaceWith({ gateway: { port: gateway.port, auth: { mode: 'none' } } });
    const started = Date.now();
    expect(await reloadGatewayAuth(workspace)).toMatchObject({ status: 'reloaded' });
    expect(gateway.connects).toHaveLength(4);
    // Three waits of at least 100 ms each (a slower machine only waits longer).
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('says nothing is running when nothing listens, and what failed when the gateway refuses', async () => {
    const { workspace } = await workspaceWith({ gateway: { port: 9, auth: { token: 'x' } } });
    expect(await reloadGatewayAuth(workspace)).toEqual({
      status: 'not-running',
      url: 'ws://127.0.0.1:9',
    });
    const gateway = await startFakeGateway({ accept: () => false });
    const wrong = await workspaceWith({ gateway: { port: gateway.port, auth: { token: 'wrong' } } });
    const reload = await reloadGatewayAuth(wrong.workspace);
    expect(reload).toMatchObject({ status: 'failed', reason: expect.stringMatching(/token mismatch/) });
    expect(JSON.stringify(reload)).not.toContain('"wrong"');
  });

  it('a gateway that takes the socket and then answers nothing is dropped at the timeout, not held 30 s', async () => {
    // A raw server: it completes the WebSocket handshake, then reads and says nothing, not even
    // the close frame ws waits 30 s for.
    const dropped: number[] = [];
    const server = createServer((socket) => {
      socket.once('data', (head) => {
        const key = /sec-websocket-key: *(\S+)/i.exec(head.toString())?.[1] ?? '';
        const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
        socket.write(
          `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
        );
        socket.on('data', () => {});
      });
      socket.on('close', () => dropped.push(Date.now()));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const port = (server.address() as { port: number }).port;
      const { workspace } = await workspaceWith({ gateway: { port, auth: { mode: 'none' } } });
      const reload = await reloadGatewayAuth(workspace, { timeoutMs: 300 });
      expect(reload).toMatchObject({ status: 'failed' });
      const answered = Date.now();
      // The connection is gone right after the answer (ws would have held it for 30 s).
      for (let waited = 0; dropped.length === 0 && waited < 100; waited++)
        await new Promise((done) => setTimeout(done, 20));
      expect(dropped).toHaveLength(1);
      expect(dropped[0]! - answered).toBeLessThan(1_500);
    } finally {
      server.close();
    }
  });
});
