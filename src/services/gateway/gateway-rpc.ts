import { createPublicKey, randomUUID, sign } from 'node:crypto';
import { VERSION } from '../../version.js';
import { openStateDatabase } from '../store/state-db.js';
import type { GatewayTarget } from './gateway-target.js';

/** The gateway protocol version authdeck speaks (OpenClaw 2026.9's). */
const PROTOCOL = 4;

export type GatewayFailure = 'unreachable' | 'auth' | 'unknown-method' | 'request' | 'timeout' | 'protocol';

export class GatewayCallError extends Error {
  constructor(
    readonly kind: GatewayFailure,
    message: string,
  ) {
    super(message);
    this.name = 'GatewayCallError';
  }
}

interface Frame {
  type?: string;
  id?: string;
  event?: string;
  ok?: boolean;
  payload?: Record<string, unknown>;
  error?: { code?: string; message?: string; retryable?: boolean; retryAfterMs?: number };
}

type Connectable = Exclude<GatewayTarget, { kind: 'remote' } | { kind: 'unresolved' }>;

function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

function platformIdentity(): { platform: string; deviceFamily?: string } {
  if (process.platform === 'darwin') return { platform: 'macos', deviceFamily: 'Mac' };
  if (process.platform === 'win32') return { platform: 'windows', deviceFamily: 'Windows' };
  if (process.platform === 'linux') return { platform: 'linux', deviceFamily: 'Linux' };
  return { platform: process.platform };
}

interface DeviceCredentials {
  deviceId: string;
  publicKeyPem: string;
  privateKeyPem: string;
  token: string;
}

/** This machine's CLI device, which a gateway with a runtime-only token pairs at start. */
async function readDeviceCredentials(stateDb: string): Promise<DeviceCredentials> {
  const db = await openStateDatabase(stateDb);
  try {
    const identity = db.get<{ device_id: string; public_key_pem: string; private_key_pem: string }>(
      `select device_id, public_key_pem, private_key_pem from device_identities where identity_key = 'primary'`,
    );
    const token = identity
      ? db.get<{ token?: string }>(
          `select token from device_auth_tokens where device_id = ? and role = 'operator'`,
          identity.device_id,
        )
      : undefined;
    if (!identity || !token?.token) {
      throw new GatewayCallError(
        'auth',
        'no gateway token or password is configured (gateway.auth.token, OPENCLAW_GATEWAY_TOKEN) and this machine has no paired gateway device',
      );
    }
    return {
      deviceId: identity.device_id,
      publicKeyPem: identity.public_key_pem,
      privateKeyPem: identity.private_key_pem,
      token: token.token,
    };
  } catch (error) {
    if (error instanceof GatewayCallError) throw error;
    throw new GatewayCallError('auth', 'could not read the gateway device identity from the state database');
  } finally {
    db.close();
  }
}

async function connectParams(
  target: Connectable,
  challenge: { nonce: string; ts: number },
): Promise<Record<string, unknown>> {
  const base = { minProtocol: PROTOCOL, maxProtocol: PROTOCOL, role: 'operator', scopes: ['operator.admin'], caps: [] };
  if (target.kind === 'shared-secret') {
    // The trusted local backend client: on a loopback socket it keeps operator.admin.
    return {
      ...base,
      client: {
        id: 'gateway-client',
        mode: 'backend',
        version: VERSION,
        platform: process.platform,
        displayName: 'authdeck',
      },
      ...(Object.keys(target.auth).length ? { auth: target.auth } : {}),
    };
  }
  const device = await readDeviceCredentials(target.stateDb);
  const identity = platformIdentity();
  const client = { id: 'cli', mode: 'cli', version: VERSION, ...identity, instanceId: randomUUID() };
  const signed = [
    'v3',
    device.deviceId,
    client.id,
    client.mode,
    base.role,
    base.scopes.join(','),
    String(challenge.ts),
    device.token,
    challenge.nonce,
    identity.platform.toLowerCase(),
    (identity.deviceFamily ?? '').toLowerCase(),
  ].join('|');
  const der = createPublicKey(device.publicKeyPem).export({ type: 'spki', format: 'der' });
  return {
    ...base,
    client,
    auth: { deviceToken: device.token },
    device: {
      id: device.deviceId,
      publicKey: der.subarray(der.length - 32).toString('base64url'),
      signature: sign(null, Buffer.from(signed, 'utf8'), device.privateKeyPem).toString('base64url'),
      signedAt: challenge.ts,
      nonce: challenge.nonce,
    },
  };
}

/** The least wait between two tries while the gateway starts. */
const MIN_RETRY_MS = 100;

/**
 * One call on the gateway's WebSocket: wait for its challenge, connect as an operator with
 * operator.admin, call `method`, close. Retries while the gateway says it is still starting.
 */
export async function callGateway(
  target: Connectable,
  method: string,
  params: Record<string, unknown>,
  timeoutMs: number,
): Promise<Record<string, unknown> | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await callOnce(target, method, params, deadline);
    } catch (error) {
      const asked = (error as { retryAfterMs?: number }).retryAfterMs;
      if (asked === undefined) throw error;
      // A gateway that says "retry after 0" (or less) is still told no faster than this.
      const retryAfter = Math.max(MIN_RETRY_MS, asked);
      if (Date.now() + retryAfter >= deadline) throw error;
      await new Promise((done) => setTimeout(done, retryAfter));
    }
  }
}

async function callOnce(
  target: Connectable,
  method: string,
  params: Record<string, unknown>,
  deadline: number,
): Promise<Record<string, unknown> | undefined> {
  const { default: WebSocket } = await import('ws');
  return new Promise((resolve, reject) => {
    // No Origin header: the gateway treats a socket with one as a browser.
    const socket = new WebSocket(target.url, {
      perMessageDeflate: false,
      // The gateway's answers are small; a runaway frame is refused instead of buffered.
      maxPayload: 4 * 1024 * 1024,
      handshakeTimeout: Math.max(1, deadline - Date.now()),
      rejectUnauthorized: !isLoopbackUrl(target.url),
    });
    const pending = new Map<string, (frame: Frame) => void>();
    let settled = false;
    const finish = (error: Error | undefined, value?: Record<string, unknown>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.removeAllListeners('message');
      socket.on('error', () => {});
      // A gateway that answers nothing more would hold a closing socket (and the process) for
      // ws's 30 s close timeout: after a failure it is dropped, after an answer given 250 ms.
      if (error) socket.terminate();
      else {
        socket.close();
        setTimeout(() => socket.terminate(), 250).unref();
      }
      if (error) reject(error);
      else resolve(value);
    };
    const timer = setTimeout(
      () => finish(new GatewayCallError('timeout', `no answer from ${target.url} in time`)),
      Math.max(1, deadline - Date.now()),
    );
    const request = (name: string, body: Record<string, unknown>) =>
      new Promise<Frame>((answered) => {
        const id = randomUUID();
        pending.set(id, answered);
        socket.send(JSON.stringify({ type: 'req', id, method: name, params: body }));
      });
    const failure = (frame: Frame, stage: string): Error => {
      const code = frame.error?.code ?? 'ERROR';
      const message = frame.error?.message ?? 'request failed';
      const error = new GatewayCallError(
        /unknown method/.test(message)
          ? 'unknown-method'
          : code === 'FORBIDDEN' || /unauthori[sz]ed|mismatch|pairing/i.test(message)
            ? 'auth'
            : 'request',
        `${stage}: ${message}`,
      );
      if (frame.error?.retryable && typeof frame.error.retryAfterMs === 'number')
        Object.assign(error, { retryAfterMs: frame.error.retryAfterMs });
      return error;
    };
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const unreachable = ['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND'].includes(error.code ?? '');
      finish(
        new GatewayCallError(
          unreachable ? 'unreachable' : 'protocol',
          unreachable ? `nothing listens at ${target.url}` : `${target.url}: ${error.message}`,
        ),
      );
    });
    socket.on('close', () => finish(new GatewayCallError('protocol', `${target.url} closed the connection`)));
    socket.on('message', (data: Buffer) => {
      let frame: Frame;
      try {
        frame = JSON.parse(data.toString('utf8')) as Frame;
      } catch {
        return;
      }
      if (frame.type === 'res' && frame.id && pending.has(frame.id)) {
        const answered = pending.get(frame.id)!;
        pending.delete(frame.id);
        answered(frame);
        return;
      }
      if (frame.type !== 'event' || frame.event !== 'connect.challenge') return;
      const nonce = String(frame.payload?.nonce ?? '');
      const ts = Number(frame.payload?.ts ?? Date.now());
      void (async () => {
        const hello = await request('connect', await connectParams(target, { nonce, ts }));
        if (!hello.ok) return finish(failure(hello, 'connect'));
        const methods = (hello.payload?.features as { methods?: unknown } | undefined)?.methods;
        if (Array.isArray(methods) && !methods.includes(method))
          return finish(new GatewayCallError('unknown-method', `the gateway has no ${method}`));
        const answer = await request(method, params);
        if (!answer.ok) return finish(failure(answer, method));
        finish(undefined, answer.payload);
      })().catch((error: unknown) => finish(error instanceof Error ? error : new Error(String(error))));
    });
  });
}
