import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { readTextIfExistsSync } from './fs-read.js';
import { dirname, join } from 'node:path';
import { findOnPath } from './find-program.js';
import { eraOfVersion, FIRST_SHARED_SQLITE, newestOpenclawVersion, type StoreEra } from './openclaw-version.js';
import { AGENT_SQLITE_FILE, AUTH_PROFILES_FILE } from './paths.js';
import { inspectDatabase, type DbInspection } from './sqlite/inspect.js';
import type { Workspace } from './workspace.js';

export type { StoreEra };

export const STATE_DB_RELATIVE = join('state', 'openclaw.sqlite');

/** The state schema of OpenClaw 2026.8.1, the first with the shared store (2026.8.1-beta.1 had 6). */
export const FIRST_SHARED_STATE_SCHEMA = 15;

export function stateDbPath(stateDir: string): string {
  return join(stateDir, STATE_DB_RELATIVE);
}

export function agentDbPath(agentDir: string): string {
  return join(agentDir, AGENT_SQLITE_FILE);
}

/**
 * Which generation of OpenClaw's auth store is in force for one agent, and why authdeck
 * thinks so. `json`: auth-profiles.json (≤ 2026.6.1). `agent-sqlite`: one database per
 * agent (2026.6.5–2026.7.x). `shared-sqlite`: a shared store plus per-agent local overrides
 * (2026.8.1+), in the state database (`state-db`) or, before `openclaw doctor --fix` moves
 * it, in the main agent's database (`legacy-main`).
 */
export interface StoreGeneration {
  era: StoreEra;
  layout?: 'state-db' | 'legacy-main';
  /** The newest OpenClaw version the files (or the installed openclaw) name, when any does. */
  openclawVersion?: string;
  evidence: string;
  stateDb?: DbInspection;
  agentDb?: DbInspection;
  /** The main agent's database, for a non-main agent. */
  mainAgentDb?: DbInspection;
}

export interface DetectOptions {
  /** Also look at the `openclaw` on PATH (its package.json) when the files say nothing. */
  installedVersion?: () => string | undefined;
}

/**
 * Reads the evidence on disk: the state database and its `auth.sharedStore` marker, the
 * agents' databases and the versions their schema records name, openclaw.json's
 * `meta.lastTouchedVersion`. Opens databases read-only, and only those that exist.
 */
export async function detectStoreGeneration(
  workspace: Workspace,
  options: DetectOptions = {},
): Promise<StoreGeneration> {
  const statePath = stateDbPath(workspace.stateDir);
  const ownPath = agentDbPath(workspace.agentDir);
  const mainPath = agentDbPath(workspace.mainAgentDir);
  // lstat, not exists: a dangling link where a database belongs is a finding, not "no database".
  const inspect = (path: string, kind: 'state' | 'agent', agentId?: string) =>
    lstatOrUndefined(path) ? inspectDatabase(path, kind, agentId) : Promise.resolve(undefined);
  const [stateDb, agentDb, mainAgentDb] = await Promise.all([
    inspect(statePath, 'state'),
    inspect(ownPath, 'agent', workspace.agentId),
    workspace.isMain || mainPath === ownPath ? Promise.resolve(undefined) : inspect(mainPath, 'agent'),
  ]);
  const dbs = {
    ...(stateDb ? { stateDb } : {}),
    ...(agentDb ? { agentDb } : {}),
    ...(mainAgentDb ? { mainAgentDb } : {}),
  };
  // 2026.7 records no app version; a state schema of 15 or more was written by 2026.8.1 or later.
  const impliedByStateSchema =
    (stateDb?.userVersion ?? 0) >= FIRST_SHARED_STATE_SCHEMA ? FIRST_SHARED_SQLITE : undefined;
  const fileVersion = newestOpenclawVersion([
    stateDb?.meta?.appVersion,
    agentDb?.meta?.appVersion,
    mainAgentDb?.meta?.appVersion,
    workspace.config.lastTouchedVersion,
    impliedByStateSchema,
  ]);

  if (stateDb?.sharedStore === 'state-db') {
    return {
      era: 'shared-sqlite',
      layout: 'state-db',
      ...version(fileVersion),
      evidence: `auth.sharedStore = state-db in ${statePath}`,
      ...dbs,
    };
  }
  const anyDb = stateDb !== undefined || agentDb !== undefined || mainAgentDb !== undefined;
  const openclawVersion = fileVersion ?? (anyDb ? undefined : options.installedVersion?.());
  if (openclawVersion) {
    const era = eraOfVersion(openclawVersion);
    const source = fileVersion ? 'the OpenClaw version that last wrote the state' : 'the installed openclaw';
    return {
      era,
      ...(era === 'shared-sqlite' ? { layout: 'legacy-main' as const } : {}),
      openclawVersion,
      evidence: `${source} is ${openclawVersion}`,
      ...dbs,
    };
  }
  if (anyDb) {
    // No version recorded (2026.7 leaves schema_meta.app_version empty): the state schema
    // tells — 2026.8.1 introduced state schema 15 along with the shared store.
    const era: StoreEra = (stateDb?.userVersion ?? 0) >= FIRST_SHARED_STATE_SCHEMA ? 'shared-sqlite' : 'agent-sqlite';
    return {
      era,
      ...(era === 'shared-sqlite' ? { layout: 'legacy-main' as const } : {}),
      evidence: `OpenClaw databases without a version record${stateDb ? `; state schema ${stateDb.userVersion}` : ''}`,
      ...dbs,
    };
  }
  return {
    era: 'json',
    evidence: existsSync(join(workspace.agentDir, AUTH_PROFILES_FILE))
      ? 'auth-profiles.json and no SQLite store'
      : 'no OpenClaw store yet and no openclaw installed',
  };
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function version(value: string | undefined): { openclawVersion?: string } {
  return value ? { openclawVersion: value } : {};
}

/** The version of the `openclaw` on PATH, read from its package.json (no process started). */
export function installedOpenclawVersion(pathEnv: string | undefined): string | undefined {
  const bin = findOnPath('openclaw', pathEnv);
  if (!bin) return undefined;
  try {
    let dir = dirname(realpathSync(bin));
    for (let depth = 0; depth < 4; depth++) {
      const manifest = join(dir, 'package.json');
      if (existsSync(manifest)) {
        const pkg = JSON.parse(readTextIfExistsSync(manifest, 1024 * 1024) ?? '{}') as {
          name?: unknown;
          version?: unknown;
        };
        if (pkg.name === 'openclaw' && typeof pkg.version === 'string') return pkg.version;
      }
      dir = dirname(dir);
    }
  } catch {
    // An unreadable install says nothing.
  }
  return undefined;
}
