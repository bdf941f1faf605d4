import { type BigIntStats, closeSync, constants, fstatSync, lstatSync, openSync, readFileSync } from 'node:fs';
import { fsFailure, isNodeError, UnreadableStateError } from '../errors.js';

/**
 * Which file a lock is: device, inode and birth time in nanoseconds (an inode number alone is
 * reused at once when a lock is removed and another made). Birth time, not change time: it
 * never changes in a file's life, so every judge of one lock names it the same way.
 */
export function fileIdentity(stats: { ino: bigint; birthtimeNs: bigint; dev: bigint }): string {
  return `${stats.dev}:${stats.ino}:${stats.birthtimeNs}`;
}

/** One lock file as found: which file it is and what it said, read from that very file. */
export interface LockInstance {
  identity: string;
  /** The owner record as read; null for a directory (an older gateway's lock). */
  raw: string | null;
  directory: boolean;
  /** More than the caller reads: raw is '' then. */
  tooLarge: boolean;
  stats: BigIntStats;
}

/**
 * Reads what sits at a lock path. The record is read through the descriptor whose identity is
 * taken, so the two always belong to one file (a path read twice may name two). A symlink,
 * FIFO or socket is refused with one line: never followed, never opened in a blocking way.
 * Synchronous calls under the promise: a lock file is a few hundred bytes, and `status` asks
 * after every store's lock on each run (fs-read.ts says what the promise file API costs).
 */
export async function readLockInstance(lockPath: string, maxBytes: number): Promise<'gone' | LockInstance> {
  let stats: BigIntStats;
  try {
    stats = lstatSync(lockPath, { bigint: true });
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return 'gone';
    throw fsFailure(error, lockPath, 'read');
  }
  if (stats.isDirectory()) return { identity: fileIdentity(stats), raw: null, directory: true, tooLarge: false, stats };
  if (!stats.isFile()) throw notALockFile(lockPath, stats);
  let fd: number;
  try {
    fd = openSync(lockPath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return 'gone';
    // Replaced by a symlink since the lstat.
    if (isNodeError(error, 'ELOOP')) throw notALockFile(lockPath, lstatOr(lockPath, stats));
    throw fsFailure(error, lockPath, 'read');
  }
  try {
    const own = fstatSync(fd, { bigint: true });
    if (!own.isFile()) throw notALockFile(lockPath, own);
    const tooLarge = own.size > BigInt(maxBytes);
    const raw = tooLarge ? '' : readFileSync(fd, 'utf8');
    return { identity: fileIdentity(own), raw, directory: false, tooLarge, stats: own };
  } catch (error) {
    throw fsFailure(error, lockPath, 'read');
  } finally {
    closeSync(fd);
  }
}

function lstatOr(path: string, fallback: BigIntStats): BigIntStats {
  try {
    return lstatSync(path, { bigint: true });
  } catch {
    return fallback;
  }
}

function notALockFile(
  lockPath: string,
  stats: { isSymbolicLink(): boolean; isFIFO(): boolean; isSocket(): boolean },
): UnreadableStateError {
  return new UnreadableStateError(
    `${lockPath} is not a regular file (${describeType(stats)}); remove it when no OpenClaw or authdeck is running`,
    lockPath,
  );
}

function describeType(stats: { isSymbolicLink(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}
