import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli.js';
import type { CliResult } from './run-cli.js';

/**
 * A command run in this process, as `main` runs it for the real binary: argv, stdin from
 * `input`, stdout and stderr captured, no terminal. For what a command prints, writes and exits
 * with; the few tests that need a real process (signals, PTYs, concurrency) spawn the binary.
 */
export async function runCommand(
  args: string[],
  options: {
    input?: string;
    env?: Record<string, string | undefined>;
    home: string;
    /** stdout as a terminal (colours; 100 columns unless `columns` says). */
    stdoutIsTerminal?: boolean;
    columns?: number;
    /** stderr as an 80-column terminal: what a person reads there. */
    stderrIsTerminal?: boolean;
    /** Sign-in polls without the server's interval between them (a fake server answers at once). */
    quickPolls?: boolean;
  },
): Promise<CliResult> {
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'LANG', 'TMPDIR']) if (process.env[key]) env[key] = process.env[key]!;
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
  const capture = () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk) => (text += chunk));
    return { stream, text: () => text };
  };
  const stdout = capture();
  // Output as a terminal would get it (colours), without a terminal to read from.
  if (options.stdoutIsTerminal) Object.assign(stdout.stream, { isTTY: true, columns: options.columns ?? 100 });
  const stderr = capture();
  if (options.stderrIsTerminal) Object.assign(stderr.stream, { isTTY: true, columns: 80 });
  // The lock wait is the process's setting (services/files/lock.ts reads process.env): given for
  // this run, it holds for this run, as it would for the command run alone.
  const lockWait = options.env?.AUTHDECK_LOCK_TIMEOUT_MS;
  const lockWaitBefore = process.env.AUTHDECK_LOCK_TIMEOUT_MS;
  if (lockWait !== undefined) process.env.AUTHDECK_LOCK_TIMEOUT_MS = lockWait;
  try {
    const code = await main(args, {
      stdin: Readable.from([options.input ?? '']) as unknown as NodeJS.ReadStream,
      stdout: stdout.stream as unknown as NodeJS.WriteStream,
      stderr: stderr.stream as unknown as NodeJS.WriteStream,
      env,
      now: Date.now,
      ...(options.quickPolls ? { sleep: () => new Promise<void>((done) => setImmediate(done)) } : {}),
    });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    if (lockWait !== undefined) {
      if (lockWaitBefore === undefined) delete process.env.AUTHDECK_LOCK_TIMEOUT_MS;
      else process.env.AUTHDECK_LOCK_TIMEOUT_MS = lockWaitBefore;
    }
  }
}
