import { execFile } from 'node:child_process';
import { findOnPath } from '../find-program.js';

export interface ProgramResult {
  /** The exit code; null when it was killed (timeout, too much output). */
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a local CLI found on the PATH of `env` (no shell), its output read here only: a token it
 * prints (az account get-access-token) never reaches the terminal. Undefined when not installed.
 */
export function runProgram(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<ProgramResult | undefined> {
  const path = findOnPath(name, env.PATH);
  if (!path) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    execFile(
      path,
      args,
      { env, timeout: timeoutMs, maxBuffer: 1024 * 1024, killSignal: 'SIGKILL', encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' && !error.killed ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
