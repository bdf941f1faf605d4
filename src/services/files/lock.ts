import { type BigIntStats, closeSync, fstatSync, lstatSync, openSync, realpathSync, writeFileSync } from 'node:fs';
import { lstat, realpath, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorMessage, fsFailure, isNodeError, LockBusyError } from '../errors.js';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './atomic-write.js';
import { held } from './held-locks.js';
import { fileIdentity, type LockInstance, readLockInstance } from './lock-instance.js';
import { EMPTY_LOCK_STALE_MS, isProcessAlive, lockFileName, parseLockBody } from './lock-owner.js';
import { removeOwnLock, removeTakeoverLeftovers, type TakeoverHook, takeOverStaleLock } from './lock-takeover.js';
import { joinWaiters, type WaiterCount } from './lock-waiters.js';

export type { LockOwner } from './lock-owner.js';
export { EMPTY_LOCK_STALE_MS, fileIdentity, isProcessAlive, parseLockBody };

/** The gateway's lock protocol (README "Where it reads and writes"): numbers shared with OpenClaw, not tunables. */
export const LOCK_STALE_MS = 30_000;
export const LOCK_WAIT_MS = 10_000;
/** An owner record is a few dozen bytes; more is not one. */
const MAX_RECORD_BYTES = 4_096;

export interface LockOptions {
  /** How long to keep retrying before giving up; AUTHDECK_LOCK_TIMEOUT_MS overrides it. */
  waitMs?: number;
  /** An absolute deadline shared by every lock one command takes (wins over waitMs). */
  deadline?: number;
  now?: () => number;
  /** Test hook: runs at each step of taking over a stale lock, so a test can stall a writer there. */
  onTakeover?: TakeoverHook;
}

export interface LockHolder {
  pid?: number;
  createdAt?: string;
  kind: 'file' | 'directory';
}

export function lockPathFor(realDir: string, fileName: string): string {
  return join(realDir, lockFileName(fileName));
}

/**
 * Runs `work` while holding `<realpath(dir)>/<file>.lock`, the lock the gateway takes before it
 * writes the same file. Stale locks (dead pid, or older than 30 s) are taken over and retried.
 */
export async function withFileLock<T>(filePath: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const release = await acquireFileLock(filePath, options);
  try {
    return await work();
  } finally {
    await release();
  }
}

async function lockPathOf(filePath: string): Promise<string> {
  const dir = dirname(filePath);
  await ensurePrivateDir(dir);
  try {
    return lockPathFor(await realpath(dir), basename(filePath));
  } catch (error) {
    throw fsFailure(error, dir, 'read');
  }
}

export async function acquireFileLock(filePath: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const lockPath = await lockPathOf(filePath);
  const now = options.now ?? Date.now;
  const retry = createBackoff(options);
  let seen: LockState = 'gone';
  let waiters: WaiterCount | undefined;
  try {
    for (;;) {
      const standing = stillStanding(lockPath, seen, now());
      if (standing === undefined) {
        const body = JSON.stringify({ pid: process.pid, createdAt: new Date(now()).toISOString() });
        const identity = await tryCreateLock(lockPath, body);
        if (identity !== undefined) {
          // Made and recorded in one synchronous step: no signal is handled before this.
          held.set(lockPath, identity);
          return async () => {
            held.delete(lockPath);
            await removeOwnLock(lockPath, { identity, raw: body });
          };
        }
      }
      const state = standing ?? (await inspectLock(lockPath, now()));
      seen = state;
      if (state !== 'gone' && state.stale) {
        await options.onTakeover?.('judged-stale');
        const outcome = await takeOverStaleLock(
          lockPath,
          state,
          () => inspectLock(lockPath, now()),
          options.onTakeover,
        );
        // Taking over makes progress, but never past the deadline (someone may keep re-creating it).
        if (retry.expired()) throw lockBusy(lockPath, state.holder);
        // Removed, or changed since it was judged: try again at once. Busy: another process is
        // taking it over; wait like any waiter.
        if (outcome !== 'busy') continue;
      } else if (retry.expired()) throw lockBusy(lockPath, state === 'gone' ? { kind: 'file' } : state.holder);
      waiters ??= joinWaiters(lockPath);
      await retry.pause(waiters.current(Date.now()));
    }
  } finally {
    waiters?.leave();
  }
}

/**
 * Waits with full jitter from the very first try, the same for every waiter: with growing
 * delays a process that has waited longest polls least and starves while newcomers win (8
 * writers × 100 on 2 cores used to time out). The mean is 20 ms, or 1 ms per waiter when more
 * than 20 wait (lock-waiters.ts): the crowd then polls about 1,000 times a second in all.
 */
function createBackoff(options: LockOptions) {
  const now = options.now ?? Date.now;
  const deadline = options.deadline ?? now() + (options.waitMs ?? lockWaitFromEnv() ?? LOCK_WAIT_MS);
  return {
    expired: () => now() >= deadline,
    async pause(waiters = 1) {
      const mean = Math.max(20, waiters);
      await sleep(Math.min(mean * (0.25 + Math.random() * 1.5), Math.max(1, deadline - now())));
    },
  };
}

/** Who holds the lock right now, or undefined when it is free or stale (readers use this). */
export async function readLiveLockHolder(filePath: string, nowMs = Date.now()): Promise<LockHolder | undefined> {
  let realDir: string;
  try {
    realDir = realpathSync.native(dirname(filePath));
  } catch {
    return undefined;
  }
  const state = await inspectLock(lockPathFor(realDir, basename(filePath)), nowMs);
  return state === 'gone' || state.stale ? undefined : state.holder;
}

/** What sits at a file's lock path, for doctor: nothing, a live holder, a stale one, or not a lock at all. */
export type LockCondition =
  | { state: 'none' }
  | { state: 'live' | 'stale'; lockPath: string; holder: LockHolder }
  | { state: 'foreign'; lockPath: string; reason: string };

export async function inspectFileLock(filePath: string, nowMs = Date.now()): Promise<LockCondition> {
  let realDir: string;
  try {
    realDir = await realpath(dirname(filePath));
  } catch {
    return { state: 'none' };
  }
  const lockPath = lockPathFor(realDir, basename(filePath));
  try {
    const state = await inspectLock(lockPath, nowMs);
    if (state === 'gone') return { state: 'none' };
    return { state: state.stale ? 'stale' : 'live', lockPath, holder: state.holder };
  } catch (error) {
    return { state: 'foreign', lockPath, reason: errorMessage(error) };
  }
}

/**
 * Sweeps what killed lock takers left beside `filePath`'s lock, for a holder whose write is not
 * writeFileAtomic's (that one sweeps with its temp files).
 */
export async function removeLockLeftovers(filePath: string): Promise<void> {
  await removeTakeoverLeftovers(await lockPathOf(filePath));
}

/**
 * Creates the lock with our record; its identity, or undefined when someone holds the name. The
 * gateway's other locks (the OAuth refresh lock) are made the same way.
 */
export async function tryCreateLock(lockPath: string, body: string): Promise<string | undefined> {
  // Made, looked at and written in one go, with no turn of the event loop between: a signal
  // handled between the file's creation and its record found a lock it could not tell was ours
  // (an empty file), and left it (1 of 40 Ctrl+Cs swept across an add-key, under load).
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', PRIVATE_FILE_MODE);
  } catch (error) {
    if (isNodeError(error, 'EEXIST')) return undefined;
    throw fsFailure(error, lockPath, 'write');
  }
  let identity: string | undefined;
  try {
    identity = fileIdentity(fstatSync(fd, { bigint: true }));
    writeFileSync(fd, body);
    closeSync(fd);
    return identity;
  } catch (error) {
    // A lock left without its owner record would block everyone for seconds: it is ours, remove
    // it (as a release does; without its identity it is left to go stale).
    try {
      closeSync(fd);
    } catch {
      // Closed already.
    }
    if (identity !== undefined) {
      const ours = identity;
      await removeOwnLock(lockPath, { identity }).catch(async () => {
        // The removal protocol writes a claim file first; on a full disk it cannot. The file is
        // still the one just made and holds no record (none could take it over yet): it goes,
        // or it would stand empty, and OpenClaw 2026.5 never clears an empty lock.
        const now = await lstat(lockPath, { bigint: true }).catch(() => undefined);
        if (now && fileIdentity(now) === ours && now.size === 0n) await unlink(lockPath).catch(() => {});
      });
    }
    throw fsFailure(error, lockPath, 'write');
  }
}

/** What sits at the lock path, judged: identity and record come from one read of one file. */
type LockState =
  | 'gone'
  | { stale: boolean; holder: LockHolder; identity: string; raw: string | null; directory: boolean };

async function inspectLock(lockPath: string, nowMs: number): Promise<LockState> {
  const found = await readLockInstance(lockPath, MAX_RECORD_BYTES);
  return found === 'gone' ? 'gone' : judgeLock(found, nowMs);
}

/**
 * The lock a waiter last judged live, judged again while that same file still stands: one
 * lstat, no create attempt and no read (a record is written once, right after the file is
 * made). Hundreds of waiters each polling with a full read took the CPU the holder needed: 500
 * at once did not finish in 10 minutes. A takeover always reads afresh. Undefined: look fully.
 */
function stillStanding(lockPath: string, seen: LockState, nowMs: number): LockState | undefined {
  if (seen === 'gone' || seen.stale || seen.directory || !seen.raw) return undefined;
  let stats: BigIntStats | undefined;
  try {
    stats = lstatSync(lockPath, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!stats || fileIdentity(stats) !== seen.identity) return undefined;
  return judgeLock({ identity: seen.identity, raw: seen.raw, directory: false, stats }, nowMs);
}

function judgeLock(
  found: Pick<LockInstance, 'identity' | 'raw' | 'directory' | 'stats'>,
  nowMs: number,
): Exclude<LockState, 'gone'> {
  const { identity, raw, stats } = found;
  const mtimeMs = Number(stats.mtimeMs);
  const ageMs = nowMs - mtimeMs;
  if (found.directory) {
    // Older gateways locked with a directory and no owner record: only age tells.
    return { stale: ageMs > LOCK_STALE_MS, holder: { kind: 'directory' }, identity, raw: null, directory: true };
  }
  const parsed = parseLockBody(raw ?? '');
  const holder: LockHolder = {
    kind: 'file',
    ...(parsed?.pid !== undefined ? { pid: parsed.pid } : {}),
    ...(parsed?.createdAt !== undefined ? { createdAt: parsed.createdAt } : {}),
  };
  if (!parsed) return { stale: ageMs > EMPTY_LOCK_STALE_MS, holder, identity, raw, directory: false };
  if (parsed.pid !== undefined && !isProcessAlive(parsed.pid))
    return { stale: true, holder, identity, raw, directory: false };
  // Age from the later of the file's time and the recorded one; a recorded time in the future
  // (another clock, a bug) is not believed, so such a lock still goes stale.
  const createdMs = parsed.createdAt ? Date.parse(parsed.createdAt) : Number.NaN;
  const trusted = Number.isFinite(createdMs) && createdMs <= nowMs + 1_000 ? createdMs : -Infinity;
  const heldForMs = nowMs - Math.max(mtimeMs, trusted);
  return { stale: heldForMs > LOCK_STALE_MS, holder, identity, raw, directory: false };
}

function lockBusy(lockPath: string, holder: LockHolder): LockBusyError {
  const who =
    holder.kind === 'directory'
      ? 'an older gateway (directory lock)'
      : holder.pid !== undefined
        ? `process ${holder.pid}${sinceWhen(holder.createdAt)}`
        : 'another process';
  return new LockBusyError(`${lockPath} is held by ${who}; try again when it is done`, lockPath);
}

/** " since <time>" from the lock record's createdAt, when it is a time; its text is the lock writer's, not ours. */
function sinceWhen(createdAt: string | undefined): string {
  const ms = createdAt === undefined ? Number.NaN : Date.parse(createdAt);
  return Number.isFinite(ms) ? ` since ${new Date(ms).toISOString()}` : '';
}

/** How long a command waits for the locks it takes, in all (AUTHDECK_LOCK_TIMEOUT_MS, else 10 s). */
export function lockWaitMs(): number {
  return lockWaitFromEnv() ?? LOCK_WAIT_MS;
}

function lockWaitFromEnv(): number | undefined {
  // Set but empty (an env file's `AUTHDECK_LOCK_TIMEOUT_MS=`) is unset, not 0: Number('') is 0.
  const raw = process.env.AUTHDECK_LOCK_TIMEOUT_MS?.trim();
  const value = raw ? Number(raw) : Number.NaN;
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/**
 * Waits while a live process holds the lock, for readers that must not act on a store that is
 * being changed (`status --check` exits 3 when it stays locked).
 */
export async function waitUntilUnlocked(filePath: string, options: LockOptions = {}): Promise<void> {
  const now = options.now ?? Date.now;
  const retry = createBackoff(options);
  for (;;) {
    const holder = await readLiveLockHolder(filePath, now());
    if (!holder) return;
    if (retry.expired()) throw lockBusy(lockPathFor(await realpath(dirname(filePath)), basename(filePath)), holder);
    await retry.pause();
  }
}
