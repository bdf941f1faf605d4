import { realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readTextIfExistsSync } from '../files/fs-read.js';
import { findOnPath } from '../find-program.js';
import { parseOpenclawVersion } from '../openclaw-version.js';

/** The `openclaw` on PATH and its version, and how the version was found. */
export interface InstalledOpenclaw {
  bin: string;
  version?: string;
  /** package: its package.json beside the file; wrapper: the package a launcher script names; run: `openclaw --version`. */
  foundBy?: 'package' | 'wrapper' | 'run';
}

/** `openclaw --version` answers in ~0.1 s; a wrapper that hangs must not hold authdeck up. */
const VERSION_RUN_TIMEOUT_MS = 3_000;

function packageVersionAt(dir: string): string | undefined {
  try {
    const pkg = JSON.parse(readTextIfExistsSync(join(dir, 'package.json'), 1024 * 1024) ?? '{}') as {
      name?: unknown;
      version?: unknown;
    };
    return pkg.name === 'openclaw' && typeof pkg.version === 'string' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}

/** npm's and pnpm's launchers: the package is in a node_modules folder their script names. */
function versionFromLauncherScript(bin: string): string | undefined {
  let text: string | undefined;
  try {
    text = readTextIfExistsSync(bin, 64 * 1024);
  } catch {
    return undefined;
  }
  if (!text?.startsWith('#!')) return undefined;
  for (const match of text.matchAll(/([^\s"'`;]*node_modules\/openclaw)\//g)) {
    const named = (match[1] ?? '').replace(/^\$basedir|^%dp0%|^\$\{basedir\}/, dirname(bin));
    const version = packageVersionAt(resolve(dirname(bin), named));
    if (version) return version;
  }
  return undefined;
}

function versionFromRunning(bin: string, env: Record<string, string | undefined>): string | undefined {
  try {
    // Loaded here, not at the top: `status` starts without child_process unless it runs OpenClaw.
    const { spawnSync } = process.getBuiltinModule('node:child_process');
    // A group of its own: a wrapper that hangs is stopped with whatever it started (the timeout
    // alone ends only the wrapper, and left its child running after authdeck had finished).
    // (`detached` is honoured by spawnSync as by spawn, though Node's types leave it out.)
    const options = {
      encoding: 'utf8' as const,
      timeout: VERSION_RUN_TIMEOUT_MS,
      killSignal: 'SIGKILL' as const,
      detached: true,
      stdio: ['ignore', 'pipe', 'ignore'] as Array<'ignore' | 'pipe'>,
      env: env as NodeJS.ProcessEnv,
    };
    const run = spawnSync(bin, ['--version'], options);
    if (run.error && run.pid) {
      try {
        process.kill(-run.pid, 'SIGKILL');
      } catch {
        // The group is gone already.
      }
    }
    if (run.status !== 0) return undefined;
    const version = /OpenClaw\s+v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/.exec(run.stdout)?.[1];
    return version && parseOpenclawVersion(version) ? version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The `openclaw` on PATH and its version: read from the package it belongs to (nothing run),
 * else from the package a launcher script names (npm, pnpm), else by running `openclaw
 * --version` (volta's and other shims hide the package). Undefined: no openclaw on PATH.
 */
export function findInstalledOpenclaw(
  env: Record<string, string | undefined>,
  /** `run: false`: never run it (a report built often must not wait on a shim's seconds). */
  options: { run?: boolean } = {},
): InstalledOpenclaw | undefined {
  const bin = findOnPath('openclaw', env.PATH);
  if (!bin) return undefined;
  try {
    let dir = dirname(realpathSync(bin));
    for (let depth = 0; depth < 4; depth++, dir = dirname(dir)) {
      const version = packageVersionAt(dir);
      if (version) return { bin, version, foundBy: 'package' };
    }
  } catch {
    // A link that leads nowhere: try the other ways.
  }
  const fromScript = versionFromLauncherScript(bin);
  if (fromScript) return { bin, version: fromScript, foundBy: 'wrapper' };
  if (options.run === false) return { bin };
  const fromRun = versionFromRunning(bin, env);
  return fromRun ? { bin, version: fromRun, foundBy: 'run' } : { bin };
}
