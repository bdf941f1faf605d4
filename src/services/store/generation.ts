import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { AGENT_SQLITE_FILE, AUTH_PROFILES_FILE } from '../config/paths.js';
import type { Workspace } from '../config/workspace.js';
import type { InstalledOpenclaw } from '../openclaw/installed-openclaw.js';
import {
  FIRST_SHARED_SQLITE,
  type GenerationId,
  generationOfVersion,
  newestOpenclawVersion,
} from '../openclaw-version.js';
import { type DbInspection, inspectDatabase } from './sqlite/inspect.js';

export type { GenerationId };

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
  id: GenerationId;
  layout?: 'state-db' | 'legacy-main';
  /** The newest OpenClaw version the files (or the installed openclaw) name, when any does. */
  openclawVersion?: string;
  evidence: string;
  /**
   * False when nothing tells which OpenClaw reads this home (no store, no marks, no openclaw
   * whose version is known): authdeck then asks before it writes (`--store-generation`).
   */
  certain: boolean;
  stateDb?: DbInspection;
  agentDb?: DbInspection;
  /** The main agent's database, for a non-main agent. */
  mainAgentDb?: DbInspection;
}

export interface DetectOptions {
  /** The `openclaw` on PATH, looked at only when the files say nothing. */
  installed?: () => InstalledOpenclaw | undefined;
}

export type { StoreGenerationChoice } from '../config/workspace.js';

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
  // One OpenClaw has not made yet (DbInspection.unmade) tells nothing, as none would.
  const inspect = async (path: string, kind: 'state' | 'agent', agentId?: string) => {
    const inspection = lstatOrUndefined(path) ? await inspectDatabase(path, kind, agentId) : undefined;
    return inspection?.unmade ? undefined : inspection;
  };
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
      id: 'shared-sqlite',
      layout: 'state-db',
      ...version(fileVersion),
      evidence: `auth.sharedStore = state-db in ${statePath}`,
      certain: true,
      ...dbs,
    };
  }
  const anyDb = stateDb !== undefined || agentDb !== undefined || mainAgentDb !== undefined;
  const mainDb = workspace.isMain || mainPath === ownPath ? agentDb : mainAgentDb;
  // Rows, not the file: a database OpenClaw made with no credential in it (an order cleared) does
  // not keep the legacy layout (initializeFreshSharedAuthStore reads the rows).
  const mainHasAuth = mainDb !== undefined && (mainDb.cells?.store !== undefined || mainDb.cells?.state !== undefined);
  const layout = sharedLayoutOfFirstWrite(workspace, mainHasAuth);
  if (fileVersion) return byVersion(fileVersion, 'the OpenClaw version that last wrote the state', dbs, layout);
  if (anyDb) {
    // No version recorded (2026.7 leaves schema_meta.app_version empty): the state schema
    // tells — 2026.8.1 introduced state schema 15 along with the shared store.
    const id: GenerationId =
      (stateDb?.userVersion ?? 0) >= FIRST_SHARED_STATE_SCHEMA ? 'shared-sqlite' : 'agent-sqlite';
    return {
      id,
      ...(id === 'shared-sqlite' ? { layout: 'legacy-main' as const } : {}),
      evidence: `OpenClaw databases without a version record${stateDb ? `; state schema ${stateDb.userVersion}` : ''}`,
      certain: true,
      ...dbs,
    };
  }
  const installed = options.installed?.();
  if (installed?.version) {
    const how = installed.foundBy === 'run' ? ' (`openclaw --version`)' : '';
    return byVersion(installed.version, `the installed openclaw${how}`, dbs, layout);
  }
  // Another agent's first save on a JSON-era home: the main agent's file tells as well as its own.
  const jsonFile = [workspace.agentDir, workspace.mainAgentDir]
    .map((dir) => join(dir, AUTH_PROFILES_FILE))
    .find((path) => existsSync(path));
  if (jsonFile) return { id: 'json', evidence: `${jsonFile} and no SQLite store`, certain: true };
  const mark = sqliteEraMark(workspace.stateDir);
  if (mark)
    return {
      id: 'shared-sqlite',
      layout,
      evidence: `an OpenClaw of the SQLite era has run here (${mark}), but left no store yet`,
      certain: true,
    };
  const choice = workspace.storeGenerationChoice;
  if (choice)
    return choice === 'json'
      ? {
          id: 'json',
          evidence: 'nothing here tells; JSON files as chosen (asked, or --store-generation json)',
          certain: true,
        }
      : {
          id: 'shared-sqlite',
          layout,
          evidence: 'nothing here tells; the SQLite store as chosen (asked, or --store-generation sqlite)',
          certain: true,
        };
  return {
    id: 'json',
    evidence: installed
      ? `no OpenClaw store yet, and the version of ${installed.bin} could not be told`
      : 'no OpenClaw store yet, and no openclaw on PATH',
    certain: false,
  };
}

/**
 * Where OpenClaw 2026.8+ puts the shared store when no `auth.sharedStore` marker says: on its
 * first write it takes the state database (and writes the marker) unless the main agent's
 * database already holds auth rows, or JSON auth files are there, which keep the legacy-main
 * layout until `doctor --fix` (OpenClaw 2026.9.6's initializeFreshSharedAuthStore).
 */
function sharedLayoutOfFirstWrite(
  workspace: Workspace,
  mainAgentHasAuth: boolean,
): NonNullable<StoreGeneration['layout']> {
  const legacySources = [
    ...['auth-profiles.json', 'auth-state.json', 'auth.json'].map((name) => join(workspace.mainAgentDir, name)),
    join(workspace.stateDir, 'credentials', 'oauth.json'),
  ];
  return mainAgentHasAuth || legacySources.some((path) => existsSync(path)) ? 'legacy-main' : 'state-db';
}

function byVersion(
  openclawVersion: string,
  source: string,
  dbs: Partial<StoreGeneration>,
  layout: NonNullable<StoreGeneration['layout']>,
): StoreGeneration {
  const id = generationOfVersion(openclawVersion);
  return {
    id,
    ...(id === 'shared-sqlite' ? { layout } : {}),
    openclawVersion,
    evidence: `${source} is ${openclawVersion}`,
    certain: true,
    ...dbs,
  };
}

/** Files only OpenClaw 2026.6.5 and later leave in a state dir, without a store yet. */
function sqliteEraMark(stateDir: string): string | undefined {
  for (const name of ['state', 'config-journal-fingerprint.key']) {
    const path = join(stateDir, name);
    if (lstatOrUndefined(path)) return path;
  }
  return undefined;
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
