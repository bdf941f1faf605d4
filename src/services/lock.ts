import type { BigIntStats } from 'node:fs';
import {
  type FileHandle,
  link,
  lstat,
  open,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  rmdir,
  unlink,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './atomic-write.js';
import { fsFailure, isNodeError, LockBusyError, UnreadableStateError } from './errors.js';
import { isDeadTakeoverLeftover, isProcessAlive, lockFileName } from './lock-owner.js';

export { isProcessAlive };

/** The gateway's lock protocol (README "Where it reads and writes"): numbers shared with OpenClaw, not tunables. */
export const LOCK_STALE_MS = 30_000;
export const LOCK_WAIT_MS = 10_000;
/**
 * A lock with no readable owner record (a crash between creating it and writing it, or a full
 * disk) is stale after this: writing the record takes microseconds.
 */
export const EMPTY_LOCK_STALE_MS = 5_000;

export interface LockOptions {
  /** How long to keep retrying before giving up; AUTHDECK_LOCK_TIMEOUT_MS overrides it. */
  waitMs?: number;
  /** An absolute deadline shared by every lock one command takes (wins over waitMs). */
  deadline?: number;
  now?: () => number;
  /** Test hook: runs at each step of taking over a stale lock, so a test can stall a writer there. */
  onTakeover?: (step: 'judged-stale' | 'moved-aside') => Promise<void>;
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
  for (;;) {
    const body = JSON.stringify({ pid: process.pid, createdAt: new Date(now()).toISOString() });
    if (await tryCreateLock(lockPath, body)) return () => releaseLock(lockPath, body);
    const state = await inspectLock(lockPath, now());
    if (state !== 'gone' && state.stale) {
      await options.onTakeover?.('judged-stale');
      await takeOverStaleLock(lockPath, state, options.onTakeover);
      // Taking over makes progress, but never past the deadline (someone may keep re-creating it).
      if (retry.expired()) throw lockBusy(lockPath, state.holder);
      continue;
    }
    if (retry.expired()) throw lockBusy(lockPath, state === 'gone' ? { kind: 'file' } : state.holder);
    await retry.pause();
  }
}

/**
 * Short waits with full jitter from the very first try, the same for every waiter: with
 * growing delays a process that has waited longest polls least and starves while newcomers
 * win (8 writers × 100 on 2 cores used to time out).
 */
function createBackoff(options: LockOptions) {
  const now = options.now ?? Date.now;
  const deadline = options.deadline ?? now() + (options.waitMs ?? lockWaitFromEnv() ?? LOCK_WAIT_MS);
  return {
    expired: () => now() >= deadline,
    async pause() {
      await sleep(Math.min(5 + Math.random() * 30, Math.max(1, deadline - now())));
    },
  };
}

/** Who holds the lock right now, or undefined when it is free or stale (readers use this). */
export async function readLiveLockHolder(filePath: string, nowMs = Date.now()): Promise<LockHolder | undefined> {
  let realDir: string;
  try {
    realDir = await realpath(dirname(filePath));
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
    return { state: 'foreign', lockPath, reason: error instanceof Error ? error.message : String(error) };
  }
}

async function tryCreateLock(lockPath: string, body: string): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await open(lockPath, 'wx', PRIVATE_FILE_MODE);
  } catch (error) {
    if (isNodeError(error, 'EEXIST')) return false;
    throw fsFailure(error, lockPath, 'write');
  }
  try {
    await handle.writeFile(body);
    await handle.close();
    return true;
  } catch (error) {
    // A lock left without its owner record would block everyone: it is ours, remove it.
    await handle.close().catch(() => {});
    await unlink(lockPath).catch(() => {});
    throw fsFailure(error, lockPath, 'write');
  }
}

/**
 * Which file a lock is: inode and birth time in nanoseconds (an inode number alone is reused
 * at once when a lock is removed and another made), plus its content.
 */
type LockState =
  | 'gone'
  | { stale: boolean; holder: LockHolder; identity: string; raw: string | null; directory: boolean };

export function fileIdentity(stats: { ino: bigint; birthtimeNs: bigint; dev: bigint }): string {
  // Birth time, not change time: moving the file aside changes its ctime.
  return `${stats.dev}:${stats.ino}:${stats.birthtimeNs}`;
}

async function inspectLock(lockPath: string, nowMs: number): Promise<LockState> {
  let stats: BigIntStats;
  try {
    stats = await lstat(lockPath, { bigint: true });
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return 'gone';
    throw fsFailure(error, lockPath, 'read');
  }
  const mtimeMs = Number(stats.mtimeMs);
  const ageMs = nowMs - mtimeMs;
  const identity = fileIdentity(stats);
  if (stats.isDirectory()) {
    // Older gateways locked with a directory and no owner record: only age tells.
    return { stale: ageMs > LOCK_STALE_MS, holder: { kind: 'directory' }, identity, raw: null, directory: true };
  }
  if (!stats.isFile()) {
    // A symlink, FIFO or socket is nobody's lock: never follow or open it (a FIFO blocks).
    throw new UnreadableStateError(
      `${lockPath} is not a regular file (${describeType(stats)}); remove it when no OpenClaw or authdeck is running`,
      lockPath,
    );
  }
  let raw: string;
  try {
    raw = stats.size > 4096n ? '' : await readFile(lockPath, 'utf8');
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return 'gone';
    throw fsFailure(error, lockPath, 'read');
  }
  const parsed = parseLockBody(raw);
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

function describeType(stats: { isSymbolicLink(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

/** What a lock file says of its owner (OpenClaw's refresh locks also record the process start time). */
export interface LockOwner {
  pid?: number;
  createdAt?: string;
  starttime?: number;
}

/** The owner record of a lock file, or undefined when it is not one (empty, torn, not JSON). */
export function parseLockBody(raw: string): LockOwner | undefined {
  try {
    const value = JSON.parse(raw) as { pid?: unknown; createdAt?: unknown; starttime?: unknown };
    if (value === null || typeof value !== 'object') return undefined;
    return {
      ...(typeof value.pid === 'number' && Number.isInteger(value.pid) && value.pid > 0 ? { pid: value.pid } : {}),
      ...(typeof value.createdAt === 'string' ? { createdAt: value.createdAt } : {}),
      ...(typeof value.starttime === 'number' ? { starttime: value.starttime } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * Removes the stale lock that was judged, and only that one. Unlinking by name would remove a
 * fresh lock another waiter made after taking over first (both would then "hold" it), so the
 * lock is moved aside atomically, checked to be the same file (inode) that was judged, and put
 * back exclusively (a hard link fails if the name is taken) when it is not.
 */
export async function takeOverStaleLock(
  lockPath: string,
  judged: { identity: string; raw: string | null; directory: boolean },
  onTakeover?: LockOptions['onTakeover'],
): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return;
    throw fsFailure(error, lockPath, 'write');
  }
  await onTakeover?.('moved-aside');
  let moved: BigIntStats;
  let content: string | null = null;
  try {
    moved = await lstat(aside, { bigint: true });
    if (moved.isFile()) content = await readFile(aside, 'utf8');
  } catch {
    return;
  }
  if (fileIdentity(moved) === judged.identity && content === judged.raw) {
    await (judged.directory
      ? rmdir(aside).catch(() => rm(aside, { recursive: true, force: true }))
      : rm(aside, { force: true }));
    return;
  }
  // Someone else's fresh lock: restore it unless the name was taken meanwhile.
  try {
    if (moved.isDirectory()) await rename(aside, lockPath);
    else await link(aside, lockPath);
  } catch {
    // The name is taken again; the moved lock's owner finishes its short write regardless.
  }
  await rm(aside, { force: true, recursive: moved.isDirectory() });
}

/**
 * A taker killed between moving a stale lock aside and removing it leaves `<lock>.stale-<pid>-…`
 * behind (an owner record, no secret); a live taker's is left to it. Writes of the locked file
 * sweep these with their temp files (writeFileAtomic); a lock with no such file calls this.
 */
export async function removeDeadTakeoverLeftovers(lockPath: string): Promise<void> {
  const dir = dirname(lockPath);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names)
    if (isDeadTakeoverLeftover(name, basename(lockPath)))
      await rm(join(dir, name), { force: true, recursive: true }).catch(() => undefined);
}

async function releaseLock(lockPath: string, ourBody: string): Promise<void> {
  try {
    const current = await readFile(lockPath, 'utf8');
    if (current === ourBody) await rm(lockPath, { force: true });
  } catch (error) {
    if (!isNodeError(error, 'ENOENT')) throw error;
  }
}

function lockBusy(lockPath: string, holder: LockHolder): LockBusyError {
  const who =
    holder.kind === 'directory'
      ? 'an older gateway (directory lock)'
      : holder.pid !== undefined
        ? `process ${holder.pid}${holder.createdAt ? ` since ${holder.createdAt}` : ''}`
        : 'another process';
  return new LockBusyError(`${lockPath} is held by ${who}; try again when it is done`, lockPath);
}

/** How long a command waits for the locks it takes, in all (AUTHDECK_LOCK_TIMEOUT_MS, else 10 s). */
export function lockWaitMs(): number {
  return lockWaitFromEnv() ?? LOCK_WAIT_MS;
}

function lockWaitFromEnv(): number | undefined {
  const raw = process.env.AUTHDECK_LOCK_TIMEOUT_MS;
  const value = raw === undefined ? Number.NaN : Number(raw);
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
