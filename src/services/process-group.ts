import type { ChildProcess } from 'node:child_process';
import { takeInterrupts } from '../interrupts.js';
import { processTree } from './process-tree.js';

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

/** Why a run ended before it finished by itself. `ending`: a signal that ends authdeck (SIGTERM, SIGHUP). */
export type GroupStop = 'interrupt' | 'ending' | 'timeout' | 'cancel';

export interface GroupRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when it was stopped: however it then ended, that is why. */
  stopped?: GroupStop;
  stdout: string;
  stderr: string;
  /** Both streams as they came. */
  output: string;
  /** It could not be started (spawn's error). */
  startError?: string;
}

export interface GroupRunOptions {
  bin: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Written to its stdin (a secret goes there, never in the arguments); none: no stdin. */
  stdin?: string;
  timeoutMs: number;
  /** What Ctrl+C sends first: SIGINT lets OpenClaw stop as it does at a terminal. */
  ctrlC: 'SIGINT' | 'SIGTERM';
  /** The caller's stop (a screen's x). */
  abort?: AbortSignal;
  /** Output kept, the last characters of each (KEEP_CHARS unless given). */
  keepChars?: number;
}

/** After a stop, how long the group has to end before it is killed. */
const STOP_GRACE_MS = 2_000;
/**
 * Output kept by default, the last characters of each stream: what a failure line is read from.
 * Whole, 700 MB of it overflowed a string (a crash mid-save) and 300 MB took 1.7 GB.
 */
const KEEP_CHARS = 65_536;

/**
 * Runs `bin` in a process group of its own and ends all of it — what it started too — when it
 * is stopped: Ctrl+C (taken from this call on, before anything is awaited, so one that comes
 * between the caller's "running…" line and the spawn stops it as well), the timeout, the
 * caller's abort; a signal that ends authdeck kills it at once, and so does authdeck exiting.
 * After it exits, its output is waited for DRAIN_MS at most. Never rejects once started.
 */
export async function runInGroup(options: GroupRunOptions): Promise<GroupRun> {
  let stopped: GroupStop | undefined;
  let child: ChildProcess | undefined;
  let killLater: NodeJS.Timeout | undefined;
  // What it started in sessions of their own, found when it is stopped: killed with the group.
  const tree = processTree();
  const collect = (running: ChildProcess) => {
    // Once it has exited its pid may be another process's.
    if (running.pid !== undefined && running.exitCode === null && running.signalCode === null)
      tree.collect(running.pid);
  };
  const kill = (running: ChildProcess) => {
    // Frozen first, so that nothing it starts while its tree is read escapes (a launcher's child
    // born between the read and the kill ran on once in about 75 tries); then read again for
    // what those started before they froze.
    signalGroup(running, 'SIGSTOP');
    collect(running);
    tree.signal('SIGSTOP');
    collect(running);
    signalGroup(running, 'SIGKILL');
    tree.signal('SIGKILL');
  };
  const stop = (why: GroupStop, first: NodeJS.Signals) => {
    stopped ??= why;
    const running = child;
    if (!running) return;
    // Known now: once the group's leader has gone, what it started has no parent to be found by.
    collect(running);
    signalGroup(running, first);
    killLater ??= setTimeout(() => kill(running), STOP_GRACE_MS).unref();
  };
  const releaseInterrupts = takeInterrupts((signal) => {
    if (signal === 'SIGINT') return stop('interrupt', options.ctrlC);
    // No time for it to stop cleanly: SQLite's own transactions keep a database whole.
    stopped ??= 'ending';
    if (child) kill(child);
  });
  // Loaded here, not at the top: `status` starts without child_process unless it runs one.
  const { spawn } = await import('node:child_process').catch((error: unknown) => {
    releaseInterrupts();
    throw error;
  });
  if (stopped) {
    releaseInterrupts();
    return { code: null, signal: null, stopped, stdout: '', stderr: '', output: '' };
  }
  return new Promise((resolve) => {
    const running = spawn(options.bin, options.args, {
      env: options.env,
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      detached: true,
    });
    child = running;
    const keep = options.keepChars ?? KEEP_CHARS;
    let stdout = '';
    let stderr = '';
    let output = '';
    // Decoded as streams: a character split across two reads stays one character.
    running.stdout?.setEncoding('utf8');
    running.stderr?.setEncoding('utf8');
    running.stdout?.on('data', (chunk: string) => {
      stdout = (stdout + chunk).slice(-keep);
      output = (output + chunk).slice(-keep);
    });
    running.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-keep);
      output = (output + chunk).slice(-keep);
    });
    const timer = setTimeout(() => stop('timeout', 'SIGTERM'), options.timeoutMs);
    const onAbort = () => stop('cancel', 'SIGTERM');
    if (options.abort?.aborted) onAbort();
    else options.abort?.addEventListener('abort', onAbort, { once: true });
    // authdeck leaving on an error does not leave it running (a signal: the taker above).
    const onExit = () => kill(running);
    process.once('exit', onExit);
    let settled = false;
    const finish = (result: Pick<GroupRun, 'code' | 'signal' | 'startError'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Stopped: what is left of it goes now, not by a timer that could outlive it.
      if (killLater) {
        clearTimeout(killLater);
        kill(running);
      }
      releaseInterrupts();
      options.abort?.removeEventListener('abort', onAbort);
      process.off('exit', onExit);
      resolve({ ...result, stdout, stderr, output, ...(stopped ? { stopped } : {}) });
    };
    running.on('error', (error) => finish({ code: null, signal: null, startError: error.message }));
    running.on('exit', (code, signal) => {
      // Its output may still be on the way. A straggler still holding the pipes after that is
      // what the command left behind (npm under an install): it goes with the group rather than
      // run on after authdeck has read the result.
      const drained = setTimeout(() => {
        running.stdout?.destroy();
        running.stderr?.destroy();
        kill(running);
        finish({ code, signal });
      }, DRAIN_MS);
      running.once('close', () => {
        clearTimeout(drained);
        finish({ code, signal });
      });
    });
    if (running.stdin) {
      running.stdin.on('error', () => {});
      running.stdin.end(options.stdin);
    }
  });
}
