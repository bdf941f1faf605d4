import { findInstalledOpenclaw } from '../openclaw/installed-openclaw.js';
import { compareOpenclawVersions, generationOfVersion } from '../openclaw-version.js';
import type { StoreGeneration } from './generation.js';

/**
 * A home an older OpenClaw wrote as JSON files, beside a newer `openclaw` on PATH that keeps a
 * SQLite store: the versions of both, until that one upgrades the home (its `doctor --fix`).
 */
export function upgradePending(
  generation: StoreGeneration,
  env: Record<string, string | undefined>,
  /** Whether the openclaw may be run to learn its version (a shim's): doctor's, not a report's. */
  options: { run?: boolean } = {},
): { home: string; installed: string; bin: string } | undefined {
  if (generation.id !== 'json' || !generation.certain || !generation.openclawVersion) return undefined;
  const installed = findInstalledOpenclaw(env, options);
  if (!installed?.version || generationOfVersion(installed.version) === 'json') return undefined;
  if (compareOpenclawVersions(installed.version, generation.openclawVersion) <= 0) return undefined;
  return { home: generation.openclawVersion, installed: installed.version, bin: installed.bin };
}
