import type { BigIntStats } from 'node:fs';
import { readFileSync } from 'node:fs';
import { lstat, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AuthdeckError, isNodeError, UnreadableStateError } from '../errors.js';
import {
  fileIdentity,
  isProcessAlive,
  type LockOwner,
  parseLockBody,
  removeDeadTakeoverLeftovers,
  takeOverStaleLock,
} from '../lock.js';

/** OpenClaw judges a lock by its owner: stale when that process is gone (or, ownerless, after 3 min). */
const OWNERLESS_STALE_MS = 180_000;

export async function acquireOAuthRefreshLock(
  path: string,
  options: { waitMs?: number; now?: () => number } = {},
): Promise<() => Promise<void>> {
  const now = options.now ?? Date.now;
  const deadline = now() + (options.waitMs ?? 30_000);
  await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
  const starttime = processStartTime(process.pid);
  const body = `${JSON.stringify({ pid: process.pid, createdAt: new Date(now()).toISOString(), ...(starttime !== undefined ? { starttime } : {}) }, null, 2)}\n`;
  let owner: LockOwner = {};
  for (;;) {
    try {
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(body);
      } catch (error) {
        await handle.close().catch(() => undefined);
        await unlink(path).catch(() => undefined);
        throw error;
      }
      await handle.close();
      await removeDeadTakeoverLeftovers(path);
      return async () => {
        // Only our own lock is removed.
        if ((await readFile(path, 'utf8').catch(() => '')) === body) await unlink(path).catch(() => undefined);
      };
    } catch (error) {
      if (!isNodeError(error, 'EEXIST')) throw error;
    }
    const judged = await judgeLock(path, now());
    if (judged !== 'gone') {
      owner = judged.owner;
      // Moved aside and checked to be the one judged: a waiter that took over first keeps its lock.
      if (judged.stale) await takeOverStaleLock(path, { identity: judged.identity, raw: judged.raw, directory: false });
    }
    if (now() >= deadline) {
      const who = owner.pid !== undefined ? `process ${owner.pid}` : 'a process that left no owner';
      throw new AuthdeckError(
        `the gateway is refreshing this profile right now (${path} is held by ${who}${owner.createdAt ? ` since ${owner.createdAt}` : ''}): try again in a moment`,
      );
    }
    // Gone or taken over: try again at once, but never spin (a takeover can lose to another waiter).
    if (judged === 'gone' || judged.stale) {
      await new Promise((done) => setTimeout(done, 5 + Math.random() * 20));
      continue;
    }
    await new Promise((done) => setTimeout(done, 100 + Math.random() * 100));
  }
}

async function judgeLock(
  path: string,
  nowMs: number,
): Promise<'gone' | { stale: boolean; owner: LockOwner; identity: string; raw: string }> {
  let stats: BigIntStats;
  try {
    stats = await lstat(path, { bigint: true });
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return 'gone';
    throw error;
  }
  if (!stats.isFile())
    throw new UnreadableStateError(`${path} is not a regular file; remove it when no gateway is running`, path);
  if (stats.size > 65_536n)
    throw new UnreadableStateError(
      `${path} is not a lock file (${stats.size} bytes); remove it when no gateway is running`,
      path,
    );
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return 'gone';
    throw new UnreadableStateError(
      `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      path,
    );
  }
  // Not an owner record: judged by age alone, as an ownerless lock.
  const owner = parseLockBody(raw) ?? {};
  const identity = fileIdentity(stats);
  if (owner.pid !== undefined) {
    if (!isProcessAlive(owner.pid)) return { stale: true, owner, identity, raw };
    // The pid lives, but a reused pid belongs to another process: OpenClaw records the start time for this.
    const started = owner.starttime !== undefined ? processStartTime(owner.pid) : undefined;
    return { stale: started !== undefined && started !== owner.starttime, owner, identity, raw };
  }
  const created = owner.createdAt ? Date.parse(owner.createdAt) : Number.NaN;
  const since = Number.isFinite(created) && created <= nowMs ? created : Number(stats.mtimeMs);
  return { stale: nowMs - since > OWNERLESS_STALE_MS, owner, identity, raw };
}

/** Field 22 of /proc/<pid>/stat (Linux), as OpenClaw records it to tell a reused pid apart. */
function processStartTime(pid: number): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
    const value = Number(fields[19]);
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
