import { existsSync } from 'node:fs';
import { openclawEnv } from '../config/config-env.js';
import type { Workspace } from '../config/workspace.js';
import { envValue } from '../env-value.js';
import { asRecord } from '../json-text.js';
import { openStateDatabase, stateDbPath } from '../store/state-db.js';

export const DEFAULT_GATEWAY_PORT = 18789;

/** How authdeck would reach the local gateway, and as whom. Secrets stay in memory only. */
export type GatewayTarget =
  | { kind: 'remote'; reason: string }
  | { kind: 'unresolved'; url: string; reason: string }
  | {
      kind: 'shared-secret';
      url: string;
      auth: { token: string } | { password: string } | Record<string, never>;
      source: string;
    }
  | { kind: 'device'; url: string; stateDb: string };

/** FNV-1a over OPENCLAW_PROFILE, mapped to 20000–59999, as OpenClaw picks a profile's port. */
export function profilePort(profile: string): number {
  let hash = 2166136261;
  for (const byte of Buffer.from(profile, 'utf8')) hash = Math.imul(hash ^ byte, 16777619) >>> 0;
  return 20000 + (hash % 40000);
}

function portFrom(env: Record<string, string | undefined>, gateway: Record<string, unknown>): number {
  const fromEnv = env.OPENCLAW_GATEWAY_PORT?.trim();
  if (fromEnv) {
    const port = Number(/(\d+)$/.exec(fromEnv)?.[1]);
    if (Number.isInteger(port) && port > 0) return port;
  }
  if (typeof gateway.port === 'number' && gateway.port > 0) return gateway.port;
  const profile = env.OPENCLAW_PROFILE?.trim();
  if (profile && profile !== 'default') return profilePort(profile);
  return DEFAULT_GATEWAY_PORT;
}

interface SecretValue {
  configured: boolean;
  value?: string;
  /** Why a configured secret could not be read here. */
  problem?: string;
}

async function resolveSecret(
  where: string,
  raw: unknown,
  env: Record<string, string | undefined>,
  stateDb: string,
): Promise<SecretValue> {
  if (raw === undefined || raw === null || raw === '') return { configured: false };
  if (typeof raw === 'string') {
    const variable = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(raw.trim())?.[1];
    if (variable) return fromEnv(where, variable, env);
    let missing: string | undefined;
    const value = raw.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name: string) => {
      const found = envValue(env, name);
      if (found === undefined) missing = name;
      return found ?? '';
    });
    return missing
      ? { configured: true, problem: `${where} uses \${${missing}}, which is not set` }
      : { configured: true, value: value.trim() };
  }
  const ref = asRecord(raw);
  if (!ref || typeof ref.id !== 'string')
    return { configured: true, problem: `${where} is not a value authdeck understands` };
  if (ref.source === 'env') return fromEnv(where, ref.id, env);
  if (ref.source === 'store') {
    const value = await readStoredSecret(stateDb, ref.id);
    return value
      ? { configured: true, value }
      : { configured: true, problem: `${where} points at the secret store entry ${ref.id}, which is not there` };
  }
  return {
    configured: true,
    problem: `${where} is a ${String(ref.source)} reference, which authdeck does not resolve; set OPENCLAW_GATEWAY_TOKEN instead`,
  };
}

function fromEnv(where: string, name: string, env: Record<string, string | undefined>): SecretValue {
  const value = envValue(env, name)?.trim();
  return value
    ? { configured: true, value }
    : { configured: true, problem: `${where} reads ${name}, which is not set` };
}

async function readStoredSecret(stateDb: string, name: string): Promise<string | undefined> {
  if (!existsSync(stateDb)) return undefined;
  const db = await openStateDatabase(stateDb);
  try {
    const row = db.get<{ value?: unknown }>(
      `select value from secret_store_entries where scope_kind = 'team' and scope_id = '' and name = ? and deleted_at_ms is null`,
      name,
    );
    return typeof row?.value === 'string' ? row.value.trim() : undefined;
  } catch {
    return undefined;
  } finally {
    db.close();
  }
}

/**
 * The local gateway and the credentials OpenClaw's own CLI would use for it, in its order:
 * config gateway.auth.token/password, then OPENCLAW_GATEWAY_TOKEN/PASSWORD, then
 * gateway.remote.*; with none at all the gateway runs with a runtime token and has paired this
 * machine's CLI device, whose key and token are in the state database.
 */
export async function resolveGatewayTarget(workspace: Workspace): Promise<GatewayTarget> {
  const env = await openclawEnv(workspace.env, workspace.stateDir, workspace.home);
  const gateway = workspace.config.gateway ?? {};
  const stateDb = stateDbPath(workspace.stateDir);
  const override = env.OPENCLAW_GATEWAY_URL?.trim();
  if (override) {
    // As OpenClaw does: an overridden URL never reuses the config's credentials.
    const token = env.OPENCLAW_GATEWAY_TOKEN?.trim();
    const password = env.OPENCLAW_GATEWAY_PASSWORD?.trim();
    if (token) return { kind: 'shared-secret', url: override, auth: { token }, source: 'OPENCLAW_GATEWAY_TOKEN' };
    if (password)
      return { kind: 'shared-secret', url: override, auth: { password }, source: 'OPENCLAW_GATEWAY_PASSWORD' };
    return {
      kind: 'unresolved',
      url: override,
      reason: 'OPENCLAW_GATEWAY_URL is set but neither OPENCLAW_GATEWAY_TOKEN nor OPENCLAW_GATEWAY_PASSWORD is',
    };
  }
  if (gateway.mode === 'remote')
    return {
      kind: 'remote',
      reason: 'gateway.mode is "remote": the gateway runs on another host and does not read this store',
    };
  const tls = asRecord(gateway.tls)?.enabled === true;
  const url = `${tls ? 'wss' : 'ws'}://127.0.0.1:${portFrom(env, gateway)}`;
  const auth = asRecord(gateway.auth) ?? {};
  const remote = asRecord(gateway.remote) ?? {};
  const mode = typeof auth.mode === 'string' ? auth.mode : undefined;
  const localToken = await resolveSecret('gateway.auth.token', auth.token, env, stateDb);
  const localPassword = await resolveSecret('gateway.auth.password', auth.password, env, stateDb);
  const envToken = env.OPENCLAW_GATEWAY_TOKEN?.trim() || undefined;
  const envPassword = env.OPENCLAW_GATEWAY_PASSWORD?.trim() || undefined;
  const token =
    localToken.value ??
    envToken ??
    (localToken.configured
      ? undefined
      : (await resolveSecret('gateway.remote.token', remote.token, env, stateDb)).value);
  const password =
    localPassword.value ??
    envPassword ??
    (localPassword.configured || mode === 'trusted-proxy'
      ? undefined
      : (await resolveSecret('gateway.remote.password', remote.password, env, stateDb)).value);
  const effective = mode ?? (password && !token ? 'password' : 'token');
  if (effective === 'none') return { kind: 'shared-secret', url, auth: {}, source: 'gateway.auth.mode none' };
  if (effective === 'password' && password)
    return {
      kind: 'shared-secret',
      url,
      auth: { password },
      source: localPassword.value ? 'gateway.auth.password' : 'OPENCLAW_GATEWAY_PASSWORD',
    };
  if (effective !== 'password' && token)
    return {
      kind: 'shared-secret',
      url,
      auth: { token },
      source: localToken.value ? 'gateway.auth.token' : envToken ? 'OPENCLAW_GATEWAY_TOKEN' : 'gateway.remote.token',
    };
  const problem = (effective === 'password' ? localPassword : localToken).problem;
  if (problem) return { kind: 'unresolved', url, reason: problem };
  return { kind: 'device', url, stateDb };
}
