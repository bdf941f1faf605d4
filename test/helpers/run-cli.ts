import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI_PATH = fileURLToPath(new URL('../../bin/authdeck.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built authdeck as a user would from a script: no terminal, stdin from `input`. */
export function runCli(
  args: string[],
  options: { input?: string; env?: Record<string, string | undefined>; home: string },
): Promise<CliResult> {
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'LANG', 'TMPDIR', 'SYSTEMROOT']) if (process.env[key]) env[key] = process.env[key]!;
  // Test homes start empty and have no openclaw: say which store to write (a test of the
  // question unsets it).
  Object.assign(env, {
    HOME: options.home,
    NO_COLOR: '1',
    XDG_CONFIG_HOME: `${options.home}/.config`,
    AUTHDECK_STORE_GENERATION: 'json',
  });
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    // A command that refuses early closes stdin before a big input is written.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}
