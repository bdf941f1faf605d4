import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import * as pty from '@lydell/node-pty';
import { makeTempDir } from '../helpers/temp-state.js';

/**
 * Real OpenClaw for the interop suite: Node 24 and the openclaw packages installed (cached) by
 * scripts/interop/install-openclaw.mjs, run on throw-away homes, every network port on loopback.
 */
export const VERSIONS = ['2026.9.6', '2026.5.20'] as const;
export type OpenclawVersion = (typeof VERSIONS)[number];

const installer = new URL('../../scripts/interop/install-openclaw.mjs', import.meta.url).pathname;
const installs = JSON.parse(
  execFileSync(process.execPath, [installer, '--quiet', '--only', ['node', ...VERSIONS].join(',')], {
    encoding: 'utf8',
  }),
) as {
  node: string;
  openclaw: Record<string, string>;
};
export const NODE24 = installs.node;

/** The installed `openclaw` package (the directory of its openclaw.mjs), for tools that read its files. */
export function openclawPackageDir(version: OpenclawVersion): string {
  return dirname(installs.openclaw[version]!);
}

/** Quiet, offline, no update checks: OpenClaw as a script would run it. */
const QUIET_ENV = {
  OPENCLAW_NO_AUTO_UPDATE: '1',
  OPENCLAW_NO_RESPAWN: '1',
  OPENCLAW_HIDE_BANNER: '1',
  OPENCLAW_DISABLE_BONJOUR: '1',
  OPENCLAW_OFFLINE: '1',
  DO_NOT_TRACK: '1',
  NO_COLOR: '1',
};

/**
 * A bin dir as a user who installed OpenClaw has it: `openclaw` (the package's own entry, so
 * authdeck can read its version) and `node` (Node 24, which that entry's shebang finds).
 */
export function openclawBinDir(version: OpenclawVersion): string {
  const dir = makeTempDir(`authdeck-oc-bin-${version}-`);
  symlinkSync(installs.openclaw[version]!, join(dir, 'openclaw'));
  symlinkSync(NODE24, join(dir, 'node'));
  return dir;
}

/**
 * A port no gateway listens on, for every command that is not about a gateway: OpenClaw's CLI
 * contacts the gateway on its port before a write, and another home's gateway there (the
 * default 18789) makes it refuse.
 */
export const NO_GATEWAY_PORT = '9';

export function openclawEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'LANG', 'TMPDIR']) if (process.env[key]) env[key] = process.env[key]!;
  return {
    ...env,
    ...QUIET_ENV,
    OPENCLAW_GATEWAY_PORT: NO_GATEWAY_PORT,
    HOME: home,
    PATH: `${dirname(NODE24)}:${env.PATH ?? ''}`,
    ...extra,
  };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** `openclaw <args>` under Node 24, a secret (if any) on stdin. */
export function openclaw(
  version: OpenclawVersion,
  home: string,
  args: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(NODE24, [installs.openclaw[version]!, ...args], {
      env: openclawEnv(home, options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** 2026.5.20 reads a pasted token only from a terminal: type it into a PTY at its prompt. */
export function openclawInPty(version: OpenclawVersion, home: string, args: string[], secret: string): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = pty.spawn(NODE24, [installs.openclaw[version]!, ...args], {
      cols: 200,
      rows: 50,
      env: openclawEnv(home),
    });
    let output = '';
    let sent = false;
    child.onData((data) => {
      output += data;
      if (!sent && /paste|token/i.test(output.slice(-400))) {
        sent = true;
        setTimeout(() => {
          child.write(secret);
          setTimeout(() => child.write('\r'), 200);
        }, 300);
      }
    });
    child.onExit(({ exitCode }) =>
      resolve({ code: exitCode, stdout: output.split(secret).join('<secret>'), stderr: '', ms: Date.now() - started }),
    );
  });
}

// biome-ignore lint/suspicious/noExplicitAny: OpenClaw's JSON output is read loosely, as the tests need it.
export function parseJsonOutput<T = any>(run: Run): T {
  const start = run.stdout.indexOf('{');
  if (run.code !== 0 || start === -1)
    throw new Error(`openclaw failed (${run.code}): ${run.stderr.slice(-500)} ${run.stdout.slice(-500)}`);
  return JSON.parse(run.stdout.slice(start)) as T;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** `openclaw gateway run` on a loopback port, resolved once it answers /readyz. */
export async function startGateway(
  version: OpenclawVersion,
  home: string,
  port: number,
): Promise<{ stop: () => Promise<void>; log: () => string }> {
  mkdirSync(home, { recursive: true });
  const skip = {
    OPENCLAW_SKIP_CHANNELS: '1',
    OPENCLAW_SKIP_CRON: '1',
    OPENCLAW_SKIP_GMAIL_WATCHER: '1',
    OPENCLAW_SKIP_CANVAS_HOST: '1',
    OPENCLAW_SKIP_BROWSER_CONTROL_SERVER: '1',
    OPENCLAW_SKIP_STARTUP_MODEL_PREWARM: '1',
  };
  let log = '';
  const child: ChildProcess = spawn(
    NODE24,
    [installs.openclaw[version]!, 'gateway', 'run', '--port', String(port), '--bind', 'loopback'],
    {
      env: openclawEnv(home, { ...skip, OPENCLAW_GATEWAY_PORT: String(port) }),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // Already gone.
    }
  };
  // Waits for the gateway to be gone: it writes its state while it shuts down, and the temp
  // home is removed right after.
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the gateway exited (${child.exitCode}): ${log.slice(-2000)}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(1000) }).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return { stop, log: () => log };
    await new Promise((done) => setTimeout(done, 250));
  }
  await stop();
  throw new Error(`the gateway was not ready in time: ${log.slice(-2000)}`);
}
