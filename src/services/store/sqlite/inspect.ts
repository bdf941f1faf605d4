import { openExistingDatabase, type SqliteDatabase, sqliteFailure } from './driver.js';

/** The newest schemas this authdeck knows (OpenClaw 2026.9.6); anything newer is read, never written. */
export const KNOWN_STATE_SCHEMA = 18;
export const KNOWN_AGENT_SCHEMA = 23;
export const KNOWN_OPENCLAW = '2026.9.6';

export const STATE_KEY_STORE = 'authProfiles.store';
export const STATE_KEY_STATE = 'authProfiles.state';
export const STATE_KEY_SHARED_STORE = 'auth.sharedStore';
const STATE_KEY_CONTENT_VERSION = 'state.schema.contentVersion';
export const AGENT_ROW = 'primary';

export interface SchemaMeta {
  role: string;
  schemaVersion: number;
  agentId: string | null;
  appVersion: string | null;
}

/** What a database says about itself: enough to tell the generation and whether writing is safe. */
export interface DbInspection {
  path: string;
  kind: 'state' | 'agent';
  userVersion: number;
  meta?: SchemaMeta;
  /** The auth tables (agent DB) or config_machine_state (state DB), with the columns authdeck uses. */
  hasAuthTables: boolean;
  /** The auth rows exist (agent DB: the `primary` credentials row; state DB: authProfiles.store). */
  hasAuthRows: boolean;
  /** State DB: `auth.sharedStore`, which decides where the shared store lives (absent: legacy-main). */
  sharedStore?: 'state-db' | 'legacy-main' | 'invalid';
  /** Set when authdeck must not write this database; says why and what to do. */
  writeRefusal?: string;
  /**
   * No table and no schema version: a file OpenClaw opened and was stopped before it made its
   * schema (Ctrl+C early in its first run). It makes the schema in it on its next open, so it
   * counts as no database yet — not as an older generation's, nor as one to refuse.
   */
  unmade?: true;
  /** The auth cells as read with the rest (one open of the file for a status): taken by the first read. */
  cells?: { store?: string; state?: string };
}

function tableColumns(db: SqliteDatabase, table: string): string[] {
  return db.all<{ name: string }>(`select name from pragma_table_info(?)`, table).map((row) => row.name);
}

function hasColumns(db: SqliteDatabase, table: string, columns: string[]): boolean {
  const present = new Set(tableColumns(db, table));
  return columns.every((column) => present.has(column));
}

function readSchemaMeta(db: SqliteDatabase): SchemaMeta | undefined {
  if (!hasColumns(db, 'schema_meta', ['meta_key', 'role', 'schema_version', 'agent_id', 'app_version']))
    return undefined;
  const row = db.get<{ role: string; schema_version: number; agent_id: string | null; app_version: string | null }>(
    `select role, schema_version, agent_id, app_version from schema_meta where meta_key = 'primary'`,
  );
  return row
    ? { role: row.role, schemaVersion: Number(row.schema_version), agentId: row.agent_id, appVersion: row.app_version }
    : undefined;
}

export function readMachineState(db: SqliteDatabase, key: string): string | undefined {
  return db.get<{ value_json: string }>(`select value_json from config_machine_state where state_key = ?`, key)
    ?.value_json;
}

function parseSharedStoreMarker(text: string | undefined): DbInspection['sharedStore'] {
  if (text === undefined) return 'legacy-main';
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      const location = (value as { location?: unknown }).location;
      if (keys.length === 1 && (location === 'state-db' || location === 'legacy-main')) return location;
    }
  } catch {
    // Falls through: OpenClaw itself refuses such a marker (INVALID_SHARED_AUTH_STORE_OWNERSHIP).
  }
  return 'invalid';
}

function newerSchema(path: string, what: string, version: number, known: number, meta: SchemaMeta | undefined): string {
  const by = meta?.appVersion ? ` (written by OpenClaw ${meta.appVersion})` : '';
  return `${path} uses ${what} schema ${version}${by}; authdeck knows schemas up to ${known} (OpenClaw ${KNOWN_OPENCLAW}) and will not write it — update authdeck`;
}

function cellsOf(store: string | undefined, state: string | undefined): { store?: string; state?: string } {
  return { ...(store !== undefined ? { store } : {}), ...(state !== undefined ? { state } : {}) };
}

export function inspectOpen(db: SqliteDatabase, path: string, kind: 'state' | 'agent', agentId?: string): DbInspection {
  const userVersion = db.userVersion();
  if (userVersion === 0 && db.get(`select 1 from sqlite_master`) === undefined)
    return { path, kind, userVersion, hasAuthTables: false, hasAuthRows: false, unmade: true };
  const meta = readSchemaMeta(db);
  if (kind === 'state') {
    const hasAuthTables = hasColumns(db, 'config_machine_state', ['state_key', 'value_json', 'updated_at_ms']);
    const contentText = hasAuthTables ? readMachineState(db, STATE_KEY_CONTENT_VERSION) : undefined;
    const contentVersion = contentText === undefined ? 0 : Number(JSON.parse(contentText));
    const effective = Math.max(userVersion, Number.isFinite(contentVersion) ? contentVersion : Infinity);
    const inspection: DbInspection = {
      path,
      kind,
      userVersion: effective,
      ...(meta ? { meta } : {}),
      hasAuthTables,
      hasAuthRows: hasAuthTables && readMachineState(db, STATE_KEY_STORE) !== undefined,
      ...(hasAuthTables
        ? { cells: cellsOf(readMachineState(db, STATE_KEY_STORE), readMachineState(db, STATE_KEY_STATE)) }
        : {}),
      ...(hasAuthTables ? { sharedStore: parseSharedStoreMarker(readMachineState(db, STATE_KEY_SHARED_STORE)) } : {}),
    };
    if (Math.max(effective, meta?.schemaVersion ?? 0) > KNOWN_STATE_SCHEMA)
      inspection.writeRefusal = newerSchema(
        path,
        'state',
        Math.max(effective, meta?.schemaVersion ?? 0),
        KNOWN_STATE_SCHEMA,
        meta,
      );
    else if (meta?.role !== 'global')
      inspection.writeRefusal = `${path} has no schema ownership record (schema_meta role "global"); run \`openclaw doctor --fix\` before authdeck writes to it`;
    else if (!hasAuthTables)
      inspection.writeRefusal = `${path} has no config_machine_state table of the known shape; authdeck will not write it`;
    else if (inspection.sharedStore === 'invalid')
      inspection.writeRefusal = `${path}: the auth.sharedStore marker is not one OpenClaw accepts; run \`openclaw doctor --fix\``;
    return inspection;
  }
  const hasAuthTables =
    hasColumns(db, 'auth_profile_store', ['store_key', 'store_json', 'updated_at']) &&
    hasColumns(db, 'auth_profile_state', ['state_key', 'state_json', 'updated_at']);
  const inspection: DbInspection = {
    path,
    kind,
    userVersion,
    ...(meta ? { meta } : {}),
    hasAuthTables,
    hasAuthRows:
      hasAuthTables && db.get(`select 1 from auth_profile_store where store_key = ?`, AGENT_ROW) !== undefined,
    ...(hasAuthTables
      ? {
          cells: cellsOf(
            db.get<{ store_json: string }>(`select store_json from auth_profile_store where store_key = ?`, AGENT_ROW)
              ?.store_json,
            db.get<{ state_json: string }>(`select state_json from auth_profile_state where state_key = ?`, AGENT_ROW)
              ?.state_json,
          ),
        }
      : {}),
  };
  if (Math.max(userVersion, meta?.schemaVersion ?? 0) > KNOWN_AGENT_SCHEMA)
    inspection.writeRefusal = newerSchema(
      path,
      'agent',
      Math.max(userVersion, meta?.schemaVersion ?? 0),
      KNOWN_AGENT_SCHEMA,
      meta,
    );
  else if (meta?.role !== 'agent')
    inspection.writeRefusal = `${path} has no schema ownership record (schema_meta role "agent"); run \`openclaw doctor --fix\` before authdeck writes to it`;
  else if (agentId !== undefined && meta.agentId !== null && meta.agentId !== agentId) {
    inspection.writeRefusal = `${path} belongs to agent "${meta.agentId}", not "${agentId}"; authdeck will not write it`;
  } else if (!hasAuthTables)
    inspection.writeRefusal = `${path} has no auth tables of the known shape; authdeck will not write it`;
  return inspection;
}

/** Looks at a database read-only. */
export async function inspectDatabase(path: string, kind: 'state' | 'agent', agentId?: string): Promise<DbInspection> {
  const db = await openExistingDatabase(path, 'read');
  try {
    return inspectOpen(db, path, kind, agentId);
  } catch (error) {
    throw sqliteFailure(path, error);
  } finally {
    db.close();
  }
}
