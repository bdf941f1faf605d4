import { isNodeError } from './errors.js';

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

/**
 * Whether `name` is what a taker killed mid-takeover left of the lock `lockName`: the stale lock
 * moved aside as `<lock>.stale-<taker pid>-…` (see takeOverStaleLock) by a process now gone.
 */
export function isDeadTakeoverLeftover(name: string, lockName: string): boolean {
  const prefix = `${lockName}.stale-`;
  if (!name.startsWith(prefix)) return false;
  const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isProcessAlive(pid);
}
