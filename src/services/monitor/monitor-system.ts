import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { findOnPath } from '../find-program.js';
import { runProgram } from '../oauth/run-program.js';

export interface SystemctlResult {
  code: number;
  stdout: string;
  stderr: string;
}
/** Runs `systemctl --user <args>`; the default answers 127 without spawning where there is no user manager. */
export type SystemctlRunner = (args: string[]) => Promise<SystemctlResult>;

/** The user's crontab (`crontab -l`): '' when they have none, undefined where there is no `crontab` program. */
export type CrontabReader = () => Promise<string | undefined>;

export async function systemdUsable(run: SystemctlRunner): Promise<boolean> {
  return (await run(['show-environment'])).code === 0;
}

export function firstLine(result: SystemctlResult): string {
  const lines = `${result.stderr}\n${result.stdout}`.split('\n').map((line) => line.trim());
  return lines.find((line) => line !== '') ?? '';
}

/** Without lingering, systemd stops a user's timers at logout. */
export function lingering(): boolean {
  try {
    return existsSync(join('/var/lib/systemd/linger', userInfo().username));
  } catch {
    return false;
  }
}

export function crontabReader(env: Record<string, string | undefined>): CrontabReader {
  return async () => {
    const result = await runProgram('crontab', ['-l'], { ...process.env, ...env }, 10_000);
    if (result === undefined) return undefined;
    if (result.code === 0) return result.stdout;
    // `crontab -l` fails with "no crontab for <user>" when there is none yet: an empty one. Any
    // other failure (not allowed to use cron) is a crontab that cannot be read, as if none were
    // here: what a line added elsewhere may read is kept, not removed.
    return /no crontab/i.test(result.stderr) ? '' : undefined;
  };
}

export function systemctlRunner(env: Record<string, string | undefined>): SystemctlRunner {
  return (args) =>
    new Promise((resolvePromise) => {
      const bin = findOnPath('systemctl', env.PATH ?? process.env.PATH);
      if (!bin || !env.XDG_RUNTIME_DIR?.trim() || !existsSync('/run/systemd/system')) {
        resolvePromise({ code: 127, stdout: '', stderr: 'no systemd user manager' });
        return;
      }
      const child = spawn(bin, ['--user', ...args], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.on('error', (error) => {
        clearTimeout(timer);
        resolvePromise({ code: 127, stdout, stderr: error.message });
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolvePromise({ code: code ?? 1, stdout, stderr });
      });
    });
}
