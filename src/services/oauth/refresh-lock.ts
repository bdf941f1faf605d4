import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AuthdeckError, UnreadableStateError } from '../errors.js';
import { ensurePrivateDir } from '../files/atomic-write.js';
import { held } from '../files/held-locks.js';
import { tryCreateLock } from '../files/lock.js';
import { readLockInstance } from '../files/lock-instance.js';
import { isProcessAlive, type LockOwner, parseLockBody } from '../files/lock-owner.js';
import {
  type JudgedLock,
  removeOwnLock,
  removeTakeoverLeftovers,
  type TakeoverHook,
  takeOverStaleLock,
} from '../files/lock-takeover.js';

/** OpenClaw judges a lock by its owner: stale when that process is gone (or, ownerless, after 3 min). */
const OWNERLESS_STALE_MS = 180_000;

/** A live process (the gateway) kept the refresh lock past our wait: nothing was done. */
export class RefreshLockBusyError extends AuthdeckError {
  /** Who that is, in words: "another authdeck run" when its command line says so, else the gateway. */
  readonly who: string;
  constructor(
    readonly lockPath: string,
    /** "process 123 since 2026-…": who holds it, as its owner file says. */
    readonly holder: string,
    pid?: number,
  ) {
    const who = holderName(pid);
    super(`${who} is refreshing this profile right now (${lockPath} is held by ${holder}): try again in a moment`);
    this.name = 'RefreshLockBusyError';
    this.who = who;
  }
}

/**
 * The gateway holds this lock, or another authdeck (a monitor run, a refresh in another
 * terminal): where the system shows a process's command line (Linux), it tells which.
 */
function holderName(pid: number | undefined): string {
  if (pid === undefined) return 'the gateway';
  try {
    // Its program or script by name (`authdeck`, `node …/bin/authdeck.js`), not a path that merely holds the word.
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').slice(0, 2);
    return argv.some((arg) => /^authdeck(?:\.js|-status\.cjs)?$/.test(basename(arg)))
      ? 'another authdeck run'
      : 'the gateway';
  } catch {
    return 'the gateway';
  }
}

export async function acquireOAuthRefreshLock(
  path: string,
  options: { waitMs?: number; now?: () => number; onTakeover?: TakeoverHook } = {},
): Promise<() => Promise<void>> {
  const now = options.now ?? Date.now;
  const deadline = now() + (options.waitMs ?? 30_000);
  await ensurePrivateDir(join(path, '..'));
  const starttime = processStartTime(process.pid);
  const body = `${JSON.stringify({ pid: process.pid, createdAt: new Date(now()).toISOString(), ...(starttime !== undefined ? { starttime } : {}) }, null, 2)}\n`;
  let owner: LockOwner = {};
  for (;;) {
    const identity = await tryCreateLock(path, body);
    if (identity !== undefined) {
      // Recorded at once: a second Ctrl+C that leaves mid-request removes it on the way out.
      held.set(path, identity);
      await removeTakeoverLeftovers(path);
      // Only our own lock is removed, under the same claim a taker takes.
      return () => {
        held.delete(path);
        return removeOwnLock(path, { identity, raw: body });
      };
    }
    const judged = await judgeLock(path, now());
    let outcome: 'removed' | 'declined' | 'busy' | undefined;
    if (judged !== 'gone') {
      owner = judged.owner;
      if (judged.stale) {
        await options.onTakeover?.('judged-stale');
        outcome = await takeOverStaleLock(path, judged, () => judgeLock(path, now()), options.onTakeover);
      }
    }
    if (now() >= deadline) {
      const who = owner.pid !== undefined ? `process ${owner.pid}` : 'a process that left no owner';
      throw new RefreshLockBusyError(path, `${who}${owner.createdAt ? ` since ${owner.createdAt}` : ''}`, owner.pid);
    }
    // Gone or taken over: try again at once, but never spin (a takeover can lose to another waiter).
    if (judged === 'gone' || (outcome !== undefined && outcome !== 'busy')) {
      await new Promise((done) => setTimeout(done, 5 + Math.random() * 20));
      continue;
    }
    await new Promise((done) => setTimeout(done, 100 + Math.random() * 100));
  }
}

async function judgeLock(path: string, nowMs: number): Promise<'gone' | (JudgedLock & { owner: LockOwner })> {
  const found = await readLockInstance(path, 65_536);
  if (found === 'gone') return 'gone';
  if (found.directory)
    throw new UnreadableStateError(`${path} is not a regular file; remove it when no gateway is running`, path);
  if (found.tooLarge)
    throw new UnreadableStateError(
      `${path} is not a lock file (${found.stats.size} bytes); remove it when no gateway is running`,
      path,
    );
  const { identity, stats } = found;
  const raw = found.raw ?? '';
  const judged = { identity, raw, directory: false };
  // Not an owner record: judged by age alone, as an ownerless lock.
  const owner = parseLockBody(raw) ?? {};
  if (owner.pid !== undefined) {
    if (!isProcessAlive(owner.pid)) return { ...judged, stale: true, owner };
    // The pid lives, but a reused pid belongs to another process: OpenClaw records the start time for this.
    const started = owner.starttime !== undefined ? processStartTime(owner.pid) : undefined;
    return { ...judged, stale: started !== undefined && started !== owner.starttime, owner };
  }
  const created = owner.createdAt ? Date.parse(owner.createdAt) : Number.NaN;
  const since = Number.isFinite(created) && created <= nowMs ? created : Number(stats.mtimeMs);
  return { ...judged, stale: nowMs - since > OWNERLESS_STALE_MS, owner };
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
