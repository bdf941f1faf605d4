import { type FileHandle, lstat, open, readdir, rm, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fsFailure, isNodeError } from '../errors.js';
import { fileIdentity, readLockInstance } from './lock-instance.js';
import {
  claimedInstanceTag,
  claimFileName,
  claimsInstance,
  EMPTY_LOCK_STALE_MS,
  isDeadPid,
  isDeadTakeoverLeftover,
  parseLockBody,
  waiterMarkerPid,
} from './lock-owner.js';

/**
 * Removing a lock is the one step that can let two writers in: a remover acting on an outdated
 * judgement removes a fresh lock someone made meanwhile. So every remover of one lock instance
 * (a taker that found it stale, or its owner releasing it) first claims that instance by
 * creating `<lock>.takeover-<instance>.<level>` exclusively, then re-reads the lock and removes
 * it only when it is still that instance, with the same record, still stale. Instances are never
 * reborn (birth time), so a claim outliving its instance is inert and anyone may sweep it.
 */

/** The steps of a takeover a test can stall a writer at. */
export type TakeoverStep = 'judged-stale' | 'claimed' | 'verified';
export type TakeoverHook = (step: TakeoverStep) => Promise<void>;

/** A lock as one judge saw it. */
export interface JudgedLock {
  identity: string;
  raw: string | null;
  directory: boolean;
  stale: boolean;
}

/** removed: it was the judged lock and is gone; declined: it changed meanwhile; busy: a live process is on it. */
export type TakeoverOutcome = 'removed' | 'declined' | 'busy';

/** Each level is passed only over a dead claimer: this many kills mid-takeover of one lock. */
const MAX_CLAIM_LEVELS = 16;
const CLAIM_MODE = 0o600;

interface Claim {
  path: string;
  level: number;
}

/**
 * Removes the stale lock that was judged, and only that one: `rejudge` reads the lock again
 * once the claim is held, and nothing is removed unless it is the same file, saying the same,
 * and still stale.
 */
export async function takeOverStaleLock(
  lockPath: string,
  judged: JudgedLock,
  rejudge: () => Promise<'gone' | JudgedLock>,
  onStep?: TakeoverHook,
): Promise<TakeoverOutcome> {
  const claim = await claimInstance(lockPath, judged.identity);
  if (!claim) return 'busy';
  let instanceGone = false;
  try {
    await onStep?.('claimed');
    const now = await rejudge();
    if (now === 'gone' || now.identity !== judged.identity) {
      instanceGone = true;
      return 'declined';
    }
    if (now.raw !== judged.raw || !now.stale) return 'declined';
    await onStep?.('verified');
    await removeLockPath(lockPath, judged.directory);
    instanceGone = true;
    return 'removed';
  } finally {
    await dropClaim(lockPath, judged.identity, claim, instanceGone);
  }
}

/**
 * Releases a lock we made: removed only while it is still our file with our record, under the
 * same claim as a takeover, so a taker and the owner never both remove (one of them a fresh lock).
 */
export async function removeOwnLock(lockPath: string, own: { identity: string; raw?: string }): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const claim = await claimInstance(lockPath, own.identity);
    if (claim) {
      let instanceGone = false;
      try {
        const now = await readLockInstance(lockPath, 65_536).catch(() => 'gone' as const);
        if (now === 'gone' || now.identity !== own.identity) {
          instanceGone = true;
          return;
        }
        if (own.raw !== undefined && now.raw !== own.raw) return;
        await removeLockPath(lockPath, false);
        instanceGone = true;
        return;
      } finally {
        await dropClaim(lockPath, own.identity, claim, instanceGone);
      }
    }
    // A live taker holds the claim: we held past the stale age and it is removing our lock. Wait
    // a little in case it lets go without (its claim may also just have been swept).
    await new Promise((done) => setTimeout(done, 5 + Math.random() * 20));
  }
}

async function claimInstance(lockPath: string, identity: string): Promise<Claim | undefined> {
  const dir = dirname(lockPath);
  const lockName = basename(lockPath);
  const body = JSON.stringify({ pid: process.pid, createdAt: new Date().toISOString() });
  for (let level = 0; level < MAX_CLAIM_LEVELS; level++) {
    const path = join(dir, claimFileName(lockName, identity, level));
    if (await createClaim(path, body)) return { path, level };
    if (!(await claimerIsDead(path))) return undefined;
  }
  return undefined;
}

async function createClaim(path: string, body: string): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'wx', CLAIM_MODE);
  } catch (error) {
    if (isNodeError(error, 'EEXIST')) return false;
    throw fsFailure(error, path, 'write');
  }
  try {
    await handle.writeFile(body);
    await handle.close();
    return true;
  } catch (error) {
    // Ours, and its lock instance still stands (no one else touches it then): a claim without a
    // record would stall takers for seconds.
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw fsFailure(error, path, 'write');
  }
}

/** A claim is passed only when its claimer is gone; a claim that vanished is not passed (retry). */
async function claimerIsDead(path: string): Promise<boolean> {
  const claim = await readLockInstance(path, 4_096);
  if (claim === 'gone' || claim.directory) return false;
  const owner = parseLockBody(claim.raw ?? '');
  if (owner?.pid !== undefined) return isDeadPid(owner.pid);
  return Date.now() - Number(claim.stats.mtimeMs) > EMPTY_LOCK_STALE_MS;
}

async function dropClaim(lockPath: string, identity: string, claim: Claim, instanceGone: boolean): Promise<void> {
  if (!instanceGone) {
    // The instance stands, so no one else removes claims on it: this file is still ours.
    await rm(claim.path, { force: true }).catch(() => undefined);
    return;
  }
  // Every claim on a gone instance is inert: ours, and those of the dead claimers we passed.
  const dir = dirname(lockPath);
  for (let level = claim.level; level >= 0; level--)
    await rm(join(dir, claimFileName(basename(lockPath), identity, level)), { force: true }).catch(() => undefined);
}

async function removeLockPath(lockPath: string, directory: boolean): Promise<void> {
  try {
    if (!directory) await unlink(lockPath);
    else await rmdir(lockPath).catch(() => rm(lockPath, { recursive: true, force: true }));
  } catch (error) {
    if (!isNodeError(error, 'ENOENT')) throw fsFailure(error, lockPath, 'write');
  }
}

/**
 * Sweeps what killed removers left beside a lock: claims on instances that no longer stand
 * (the directory is listed before the lock is looked at, so a claim listed was made on an
 * instance seen earlier; if another stands now, that one is gone for good), markers of dead
 * waiters, and the moved-aside locks older authdeck versions left. `names` is a listing the
 * caller already made.
 */
export async function removeTakeoverLeftovers(lockPath: string, names?: string[]): Promise<void> {
  const dir = dirname(lockPath);
  const lockName = basename(lockPath);
  const listed = names ?? (await readdir(dir).catch(() => [] as string[]));
  const claims = listed.filter((name) => claimedInstanceTag(name, lockName) !== undefined);
  const current = claims.length > 0 ? await standingIdentity(lockPath) : undefined;
  for (const name of listed) {
    const waiter = waiterMarkerPid(name, lockName);
    if (isDeadTakeoverLeftover(name, lockName) || (waiter !== undefined && isDeadPid(waiter))) {
      await rm(join(dir, name), { force: true, recursive: true }).catch(() => undefined);
      continue;
    }
    const tag = claimedInstanceTag(name, lockName);
    if (tag !== undefined && current !== 'unknown' && !claimsInstance(tag, current))
      await rm(join(dir, name), { force: true }).catch(() => undefined);
  }
}

async function standingIdentity(lockPath: string): Promise<string | undefined | 'unknown'> {
  try {
    return fileIdentity(await lstat(lockPath, { bigint: true }));
  } catch (error) {
    return isNodeError(error, 'ENOENT') ? undefined : 'unknown';
  }
}
