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
    const { execFileSync } = process.getBuiltinModule('node:child_process');
    const out = execFileSync(bin, ['--version'], {
      encoding: 'utf8',
      timeout: VERSION_RUN_TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: env as NodeJS.ProcessEnv,
    });
    const version = /OpenClaw\s+v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/.exec(out)?.[1];
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
export function findInstalledOpenclaw(env: Record<string, string | undefined>): InstalledOpenclaw | undefined {
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
  const fromRun = versionFromRunning(bin, env);
  return fromRun ? { bin, version: fromRun, foundBy: 'run' } : { bin };
}
