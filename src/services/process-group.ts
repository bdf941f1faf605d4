import type { ChildProcess } from 'node:child_process';

/**
 * Sends `signal` to a child's whole process group (it was spawned `detached`, so it leads one):
 * what it started goes too — npm under `openclaw plugins install`, or a wrapper script's child,
 * which a signal to the child alone leaves running with the output pipes open.
 */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

/** After the child exits, how long its output may still come before the pipes are closed (a straggler holds them). */
export const DRAIN_MS = 500;
