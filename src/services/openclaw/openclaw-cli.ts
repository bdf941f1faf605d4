import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { takeInterrupts } from '../../interrupts.js';
import type { Workspace } from '../config/workspace.js';
import { AuthdeckError } from '../errors.js';
import { findOnPath } from '../find-program.js';
import { DRAIN_MS, signalGroup } from '../process-group.js';
import { withoutColours } from '../terminal-text.js';

/** OpenClaw's CLI takes several seconds to start (and longer on a loaded machine). */
const OPENCLAW_TIMEOUT_MS = 180_000;

export interface OpenclawRun {
  code: number | null;
  /** Set when a signal ended it (Ctrl+C reaches it too: it is in the terminal's process group). */
  signal?: NodeJS.Signals | null;
  /** Ctrl+C (or a SIGINT) came while it ran: however it then ended, that is why. */
  interrupted?: boolean;
  stdout: string;
  stderr: string;
}

/**
 * Runs `openclaw` for this workspace (same state dir and config). A secret goes to its stdin,
 * never its arguments. Used only where OpenClaw must create its own database.
 */
export async function runOpenclaw(workspace: Workspace, args: string[], stdin?: string): Promise<OpenclawRun> {
  const bin = findOnPath('openclaw', workspace.env.PATH);
  if (!bin) throw new AuthdeckError('openclaw is not on PATH');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...workspace.env,
    OPENCLAW_STATE_DIR: workspace.stateDir,
    OPENCLAW_CONFIG_PATH: workspace.configPath,
    NO_COLOR: '1',
    // Its start-up installs a configured plugin that is missing through npm: not for a command
    // run only to create a database (that install is onboarding's, asked for), and with no
    // network npm retries for over a minute first (79 s against 9 s measured for `order set`).
    npm_config_offline: 'true',
  };
  // Ctrl+C (and a SIGINT sent to authdeck alone: kill, a supervisor) is passed on to OpenClaw's
  // process group, so it stops at once instead of finishing a minute later; a signal that ends
  // authdeck (interrupts.ts) ends it too. Taken before anything is awaited: one that comes
  // between the caller's "running openclaw…" line and the spawn stops it as well.
  let interrupted = false;
  let child: ChildProcessWithoutNullStreams | undefined;
  const releaseInterrupts = takeInterrupts((signal) => {
    interrupted = true;
    // Ctrl+C lets it stop cleanly; a signal that ends authdeck ends it at once (SQLite's own
    // transactions keep its database whole).
    if (child) signalGroup(child, signal === 'SIGINT' ? 'SIGINT' : 'SIGKILL');
  });
  // Loaded here, not at the top: `status` starts without child_process unless it runs OpenClaw.
  const { spawn } = await import('node:child_process').catch((error: unknown) => {
    releaseInterrupts();
    throw error;
  });
  if (interrupted) {
    releaseInterrupts();
    return { code: null, interrupted, stdout: '', stderr: '' };
  }
  return new Promise((resolve, reject) => {
    // A group of its own: a stop reaches whatever it started (a wrapper's child, npm).
    const running = spawn(bin, [...args, ...(workspace.agentFrom === 'env' ? [] : ['--agent', workspace.agentId])], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    child = running;
    let settled = false;
    const onExit = () => signalGroup(running, 'SIGKILL');
    // authdeck leaving on an error does not leave OpenClaw running (a signal: the taker above).
    process.once('exit', onExit);
    const finish = (run: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      releaseInterrupts();
      process.off('exit', onExit);
      run();
    };
    let stdout = '';
    let stderr = '';
    running.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    running.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => signalGroup(running, 'SIGKILL'), OPENCLAW_TIMEOUT_MS);
    running.on('error', (error) => finish(() => reject(new AuthdeckError(`could not run ${bin}: ${error.message}`))));
    running.on('exit', (code, signal) => {
      const result = () => resolve({ code, signal, interrupted, stdout, stderr });
      // Its output may still be on the way; a child it left holding the pipes is not waited for.
      const drained = setTimeout(() => {
        running.stdout.destroy();
        running.stderr.destroy();
        if (interrupted) signalGroup(running, 'SIGKILL');
        finish(result);
      }, DRAIN_MS);
      running.once('close', () => {
        clearTimeout(drained);
        finish(result);
      });
    });
    running.stdin.on('error', () => {});
    running.stdin.end(stdin ?? '');
  });
}

export function hasOpenclaw(workspace: Workspace): boolean {
  return findOnPath('openclaw', workspace.env.PATH) !== undefined;
}

/** The last meaningful line OpenClaw printed on failure, for a one-line reason (never the secret: it was on stdin). */
export function openclawFailure(run: OpenclawRun): string {
  const lines = withoutColours(`${run.stderr}\n${run.stdout}`)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/could not be verified|gateway status --deep/.test(line));
  return (
    lines.find((line) => /error|refus|invalid|not /i.test(line)) ?? lines[lines.length - 1] ?? `exit code ${run.code}`
  );
}
