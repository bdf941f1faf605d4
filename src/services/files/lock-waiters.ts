import { readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isDeadPid, waiterMarkerName, waiterMarkerPid } from './lock-owner.js';

/**
 * How many authdeck processes wait for one lock, so each can pace its polls by it. Every poll
 * wakes a process (about 0.1 ms of CPU in node); 500 waiters polling every 20 ms took the CPU
 * the holder needed and did not finish in 10 minutes. With the pause proportional to the
 * number of waiters the whole crowd polls at a steady rate however large it is, and since every
 * waiter reads the same count (a newcomer as well) none is favoured: the wait stays fair.
 */
export interface WaiterCount {
  /** Live waiters, this one included; counted again at most once a second. */
  current(nowMs: number): number;
  leave(): void;
}

const RECOUNT_MS = 1_000;

/** Marks this process as waiting beside `lockPath`; a failure to mark only costs pacing. */
export function joinWaiters(lockPath: string): WaiterCount {
  const dir = dirname(lockPath);
  const lockName = basename(lockPath);
  let marker: string | undefined = join(dir, waiterMarkerName(lockName));
  try {
    writeFileSync(marker, '', { flag: 'wx', mode: 0o600 });
  } catch {
    marker = undefined;
  }
  let count = 1;
  let countedAt = Number.NEGATIVE_INFINITY;
  return {
    current(nowMs) {
      if (nowMs - countedAt < RECOUNT_MS) return count;
      countedAt = nowMs;
      count = Math.max(1, countLiveWaiters(dir, lockName));
      return count;
    },
    leave() {
      if (marker) unlinkQuietly(marker);
      marker = undefined;
    },
  };
}

function countLiveWaiters(dir: string, lockName: string): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 1;
  }
  let live = 0;
  for (const name of names) {
    const pid = waiterMarkerPid(name, lockName);
    if (pid === undefined) continue;
    // A killed waiter's marker would slow everyone down until swept: sweep it here.
    if (isDeadPid(pid)) unlinkQuietly(join(dir, name));
    else live++;
  }
  return live;
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
