import { lstat, open, readFile, realpath, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './atomic-write.js';
import { isNodeError, LockBusyError } from './errors.js';

/** The gateway's lock protocol (SPEC §2): numbers shared with OpenClaw, not tunables. */
export const LOCK_STALE_MS = 30_000;
export const LOCK_WAIT_MS = 10_000;

export interface LockOptions {
  /** How long to keep retrying before giving up; AUTHDECK_LOCK_TIMEOUT_MS overrides it. */
  waitMs?: number;
  now?: () => number;
}

export interface LockHolder {
  pid?: number;
  createdAt?: string;
  kind: 'file' | 'directory';
}

export function lockPathFor(realDir: string, fileName: string): string {
  return join(realDir, `${fileName}.lock`);
}

/**
 * Runs `work` while holding `<realpath(dir)>/<file>.lock`, the lock the gateway takes before it
 * writes the same file. Stale locks (dead pid, or older than 30 s) are removed and retried.
 */
export async function withFileLock<T>(filePath: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const release = await acquireFileLock(filePath, options);
  try {
    return await work();
  } finally {
    await release();
  }
}

export async function acquireFileLock(filePath: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const dir = dirname(filePath);
  await ensurePrivateDir(dir);
  const lockPath = lockPathFor(await realpath(dir), basename(filePath));
  const now = options.now ?? Date.now;
  const retry = createBackoff(options);
  for (;;) {
    const body = JSON.stringify({ pid: process.pid, createdAt: new Date(now()).toISOString() });
    if (await tryCreateLock(lockPath, body)) return () => releaseLock(lockPath, body);
    const holder = await inspectLock(lockPath, now());
    if (holder === 'gone') continue;
    if (holder.stale) {
      await removeStaleLock(lockPath, holder.raw);
      continue;
    }
    if (retry.expired()) throw lockBusy(lockPath, holder.holder);
    await retry.pause();
  }
}

/** Exponential backoff with jitter (10 ms doubling to 250 ms) until the wait is used up. */
function createBackoff(options: LockOptions) {
  const now = options.now ?? Date.now;
  const deadline = now() + (options.waitMs ?? lockWaitFromEnv() ?? LOCK_WAIT_MS);
  let delay = 10;
  return {
    expired: () => now() >= deadline,
    async pause() {
      await sleep(Math.min(delay, Math.max(1, deadline - now())) + Math.random() * 10);
      delay = Math.min(delay * 2, 250);
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

async function tryCreateLock(lockPath: string, body: string): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(body);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if (isNodeError(error, 'EEXIST')) return false;
    throw error;
  }
}

type LockState = 'gone' | { stale: boolean; holder: LockHolder; raw: string | null };

async function inspectLock(lockPath: string, nowMs: number): Promise<LockState> {
  let stats;
  try {
    stats = await lstat(lockPath);
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return 'gone';
    throw error;
  }
  const ageMs = nowMs - stats.mtimeMs;
  if (stats.isDirectory()) {
    // Older gateways locked with a directory and no owner record: only age tells.
    return { stale: ageMs > LOCK_STALE_MS, holder: { kind: 'directory' }, raw: null };
  }
  let raw: string;
  try {
    raw = await readFile(lockPath, 'utf8');
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return 'gone';
    throw error;
  }
  const parsed = parseLockBody(raw);
  // An empty or half-written body is a lock being created right now: judge it by age alone.
  const createdMs = parsed?.createdAt ? Date.parse(parsed.createdAt) : Number.NaN;
  const heldForMs = Number.isFinite(createdMs) ? nowMs - createdMs : ageMs;
  const deadOwner = parsed?.pid !== undefined && !isProcessAlive(parsed.pid);
  return { stale: deadOwner || heldForMs > LOCK_STALE_MS, holder: { kind: 'file', ...parsed }, raw };
}

function parseLockBody(raw: string): { pid?: number; createdAt?: string } | undefined {
  try {
    const value = JSON.parse(raw) as { pid?: unknown; createdAt?: unknown };
    return {
      pid: typeof value.pid === 'number' && Number.isInteger(value.pid) && value.pid > 0 ? value.pid : undefined,
      createdAt: typeof value.createdAt === 'string' ? value.createdAt : undefined,
    };
  } catch {
    return undefined;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isNodeError(error, 'EPERM');
  }
}

async function removeStaleLock(lockPath: string, expectedBody: string | null): Promise<void> {
  try {
    if (expectedBody === null) {
      await rmdir(lockPath).catch((error: unknown) => {
        if (isNodeError(error, 'ENOTEMPTY')) return rm(lockPath, { recursive: true, force: true });
        throw error;
      });
      return;
    }
    // Only remove the lock we judged stale, not one another process made since.
    const current = await readFile(lockPath, 'utf8');
    if (current === expectedBody) await rm(lockPath, { force: true });
  } catch (error) {
    if (!isNodeError(error, 'ENOENT')) throw error;
  }
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
