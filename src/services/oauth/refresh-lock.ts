import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AuthdeckError } from '../errors.js';
import { isProcessAlive } from '../lock.js';
import type { StoreEra } from '../store-generation.js';

const MASK = (1n << 64n) - 1n;
const PRIME = 1099511628211n;

/**
 * The lock OpenClaw's gateway takes before it refreshes one OAuth profile, under the state dir:
 * `locks/oauth-refresh/sha256-<hex>.lock` (JSON era) or `lock-<32 hex>.lock` (2026.7+, two
 * FNV-1a lanes over `["provider","profileId"]`). Holding it, no gateway refreshes that profile.
 */
export function oauthRefreshLockPath(stateDir: string, era: StoreEra, provider: string, profileId: string): string {
  const dir = join(stateDir, 'locks', 'oauth-refresh');
  if (era === 'json') {
    return join(dir, `sha256-${createHash('sha256').update(`${provider}\0${profileId}`).digest('hex')}.lock`);
  }
  let left = 14695981039346656037n;
  let right = 11160318154034397263n;
  for (const byte of Buffer.from(JSON.stringify([provider, profileId]), 'utf8')) {
    left = ((left ^ BigInt(byte)) * PRIME) & MASK;
    right = ((right ^ ((BigInt(byte) + 11400714819323198485n) & MASK)) * PRIME) & MASK;
  }
  return join(dir, `lock-${left.toString(16).padStart(16, '0')}${right.toString(16).padStart(16, '0')}.lock`);
}

/** OpenClaw judges a lock by its owner: stale only when that process is gone (or, ownerless, after 3 min). */
const OWNERLESS_STALE_MS = 180_000;

export async function acquireOAuthRefreshLock(
  path: string,
  options: { waitMs?: number; now?: () => number } = {},
): Promise<() => Promise<void>> {
  const now = options.now ?? Date.now;
  const deadline = now() + (options.waitMs ?? 30_000);
  await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
  const body = `${JSON.stringify({ pid: process.pid, createdAt: new Date(now()).toISOString(), starttime: processStartTime() }, null, 2)}\n`;
  for (;;) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(body);
      await handle.close();
      return async () => {
        // Only our own lock is removed.
        if ((await readFile(path, 'utf8').catch(() => '')) === body) await unlink(path).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isStale(path, now())) {
      await unlink(path).catch(() => undefined);
      continue;
    }
    if (now() >= deadline)
      throw new AuthdeckError(
        'the gateway is refreshing this profile right now (its refresh lock is held): try again in a moment',
      );
    await new Promise((done) => setTimeout(done, 100 + Math.random() * 100));
  }
}

async function isStale(path: string, nowMs: number): Promise<boolean> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return false;
  let owner: { pid?: unknown; createdAt?: unknown } = {};
  try {
    owner = JSON.parse(text.split('\n\t')[0] ?? '') as typeof owner;
  } catch {
    // Not JSON: judged by age alone, as an ownerless lock.
  }
  if (typeof owner.pid === 'number') return !isProcessAlive(owner.pid);
  const created = typeof owner.createdAt === 'string' ? Date.parse(owner.createdAt) : Number.NaN;
  const since = Number.isFinite(created) ? created : ((await stat(path).catch(() => undefined))?.mtimeMs ?? nowMs);
  return nowMs - since > OWNERLESS_STALE_MS;
}

/** Field 22 of /proc/self/stat (Linux), as OpenClaw records it to tell a reused pid apart. */
function processStartTime(): number | undefined {
  try {
    const line = readFileSync('/proc/self/stat', 'utf8');
    const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
    const value = Number(fields[19]);
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
