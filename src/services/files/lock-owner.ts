import { isNodeError } from '../errors.js';

/**
 * A lock (or takeover claim) with no readable owner record (a crash between creating it and
 * writing it, or a full disk) is stale after this: writing the record takes microseconds.
 */
export const EMPTY_LOCK_STALE_MS = 5_000;

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

/** The lock the gateway takes before it writes `fileName`, beside it. */
export function lockFileName(fileName: string): string {
  return `${fileName}.lock`;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isNodeError(error, 'EPERM');
  }
}

/** A pid another process wrote, judged: ours counts as alive (we are still running). */
export function isDeadPid(pid: number | undefined): boolean {
  return pid !== undefined && Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isProcessAlive(pid);
}

/**
 * Whether `name` is what an older authdeck, killed mid-takeover, left of the lock `lockName`:
 * the stale lock moved aside as `<lock>.stale-<taker pid>-…` by a process now gone. (Takeovers
 * no longer move locks aside; these are still swept.)
 */
export function isDeadTakeoverLeftover(name: string, lockName: string): boolean {
  const prefix = `${lockName}.stale-`;
  if (!name.startsWith(prefix)) return false;
  return isDeadPid(Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]));
}

/**
 * The claim to remove one lock instance is a file named after that instance (device, inode and
 * birth time, in base 36) and a level: a claim whose claimer died is passed by claiming the
 * next level, so a killed taker never blocks the lock for good.
 */
export function claimFileName(lockName: string, identity: string, level: number): string {
  return `${claimPrefix(lockName)}${identityTag(identity)}.${level}`;
}

function claimPrefix(lockName: string): string {
  return `${lockName}.takeover-`;
}

function identityTag(identity: string): string {
  return identity
    .split(':')
    .map((part) => BigInt(part).toString(36))
    .join('-');
}

/** The instance tag of a claim file of `lockName`, or undefined when `name` is not one. */
export function claimedInstanceTag(name: string, lockName: string): string | undefined {
  const prefix = claimPrefix(lockName);
  if (!name.startsWith(prefix)) return undefined;
  return /^([0-9a-z-]+)\.\d+$/.exec(name.slice(prefix.length))?.[1];
}

/** Whether a claim file belongs to the lock instance `identity`. */
export function claimsInstance(tag: string, identity: string | undefined): boolean {
  return identity !== undefined && tag === identityTag(identity);
}

/**
 * A waiter's marker beside the lock: `<lock>.wait-<pid36>-<random>`, empty. Waiters count the
 * live ones to pace their polls (lock-waiters.ts).
 */
export function waiterMarkerName(lockName: string): string {
  return `${lockName}.wait-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The pid of a waiter's marker of `lockName`, or undefined when `name` is not one. */
export function waiterMarkerPid(name: string, lockName: string): number | undefined {
  const prefix = `${lockName}.wait-`;
  if (!name.startsWith(prefix)) return undefined;
  const pid36 = /^([0-9a-z]+)-[0-9a-z]*$/.exec(name.slice(prefix.length))?.[1];
  return pid36 === undefined ? undefined : Number.parseInt(pid36, 36);
}
