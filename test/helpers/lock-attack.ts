// Tools of the lock attack tests: writers killed while holding a lock, and writer processes
// that go through one service (test/helpers/lock-driver.ts, bundled so it starts fast).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliResult } from './run-cli.js';

export function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', '0']);
    child.on('exit', () => resolve(child.pid!));
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Runs `burst` while, again and again, a process takes the locks `lockPaths` the way every
 * writer does (exclusive create) and is killed holding them: each time all queued writers find
 * the lock stale at once and race to take it over. The first hold lets the writers queue up.
 */
export async function underCrashingHolders<T>(
  lockPaths: string[],
  burst: () => Promise<T>,
  { waves = 10, firstHoldMs = 1_000, holdMs = 40 } = {},
): Promise<T> {
  let done = false;
  const running = burst().finally(() => (done = true));
  for (let wave = 0; wave < waves && !done; wave++) {
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 60_000)'], { stdio: 'ignore' });
    await new Promise((spawned) => holder.once('spawn', spawned));
    const body = JSON.stringify({ pid: holder.pid, createdAt: new Date().toISOString() });
    for (const lock of lockPaths) {
      mkdirSync(dirname(lock), { recursive: true });
      while (!done && !tryTake(lock, body)) await sleep(2);
    }
    await sleep(wave === 0 ? firstHoldMs : holdMs);
    holder.kill('SIGKILL');
    await new Promise((exited) => holder.once('exit', exited));
  }
  return running;
}

function tryTake(lock: string, body: string): boolean {
  try {
    writeFileSync(lock, body, { flag: 'wx' });
    return true;
  } catch {
    return false;
  }
}

const DRIVER_SOURCE = fileURLToPath(new URL('./lock-driver.ts', import.meta.url));

/** Bundles lock-driver.ts into a temp dir; returns the script and how to remove it. */
export async function bundleLockDriver(): Promise<{ script: string; dispose: () => void }> {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'authdeck-lock-driver-'));
  const script = join(dir, 'lock-driver.mjs');
  await build({
    entryPoints: [DRIVER_SOURCE],
    outfile: script,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    // Some dependencies are CommonJS and require node built-ins.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return { script, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export function runDriver(script: string, args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
