/**
 * The cells of OpenClaw's SQLite auth store, one place for where they are: the state database
 * keeps them as config_machine_state rows, an agent database in its auth tables (row `primary`).
 * Read, parsed (never quoting a cell: they hold secrets) and written here; db-layer.ts wraps them
 * in its transactions.
 */
import { UnreadableStateError } from '../../errors.js';
import { describeParseFailure, parseJsonForRewrite } from '../../json-text.js';
import { checkStoreDoc, type JsonObject, type StoreLocation } from '../documents.js';
import type { SqliteDatabase } from './driver.js';
import { AGENT_ROW, readMachineState, STATE_KEY_SHARED_STORE, STATE_KEY_STATE, STATE_KEY_STORE } from './inspect.js';

export type DbLocation = Extract<StoreLocation, { backend: 'agent-db' | 'state-db' }>;

export interface Cells {
  store?: string;
  state?: string;
}

export function readCells(db: SqliteDatabase, location: DbLocation): Cells {
  if (location.backend === 'state-db') {
    return { store: readMachineState(db, STATE_KEY_STORE), state: readMachineState(db, STATE_KEY_STATE) };
  }
  const store = db.get<{ store_json: string }>(
    `select store_json from auth_profile_store where store_key = ?`,
    AGENT_ROW,
  );
  const state = db.get<{ state_json: string }>(
    `select state_json from auth_profile_state where state_key = ?`,
    AGENT_ROW,
  );
  return { store: store?.store_json, state: state?.state_json };
}

export function cellName(location: DbLocation, which: 'store' | 'state'): string {
  if (location.backend === 'state-db')
    return `${location.dbPath} (${which === 'store' ? STATE_KEY_STORE : STATE_KEY_STATE})`;
  return `${location.dbPath} (${which === 'store' ? 'auth_profile_store' : 'auth_profile_state'})`;
}

export async function parseCell(location: DbLocation, which: 'store' | 'state', text: string): Promise<JsonObject> {
  const where = cellName(location, which);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The message never quotes the cell: it holds secrets.
    throw new UnreadableStateError(
      await describeParseFailure(where, text, 'JSON', { disallowComments: true }),
      location.dbPath,
    );
  }
  return checkStoreDoc(value, where, location.dbPath);
}

export function parseCellSync(location: DbLocation, which: 'store' | 'state', text: string): JsonObject {
  let value: unknown;
  try {
    value = parseJsonForRewrite(text, cellName(location, which));
  } catch (error) {
    if (error instanceof UnreadableStateError) throw error;
    throw new UnreadableStateError(
      `${cellName(location, which)}: not valid JSON; authdeck will not overwrite it (run \`openclaw doctor\`)`,
      location.dbPath,
    );
  }
  return checkStoreDoc(value, cellName(location, which), location.dbPath);
}

export function upsertCell(
  db: SqliteDatabase,
  location: DbLocation,
  which: 'store' | 'state',
  value: string | undefined,
  nowMs: number,
): void {
  if (location.backend === 'state-db') {
    const key = which === 'store' ? STATE_KEY_STORE : STATE_KEY_STATE;
    if (value === undefined) db.run(`delete from config_machine_state where state_key = ?`, key);
    else {
      db.run(
        `insert into config_machine_state (state_key, value_json, updated_at_ms) values (?, ?, ?)
         on conflict(state_key) do update set value_json = excluded.value_json, updated_at_ms = excluded.updated_at_ms`,
        key,
        value,
        nowMs,
      );
    }
    return;
  }
  const [table, keyColumn, jsonColumn] =
    which === 'store'
      ? ['auth_profile_store', 'store_key', 'store_json']
      : ['auth_profile_state', 'state_key', 'state_json'];
  if (value === undefined) db.run(`delete from ${table} where ${keyColumn} = ?`, AGENT_ROW);
  else {
    db.run(
      `insert into ${table} (${keyColumn}, ${jsonColumn}, updated_at) values (?, ?, ?)
       on conflict(${keyColumn}) do update set ${jsonColumn} = excluded.${jsonColumn}, updated_at = excluded.updated_at`,
      AGENT_ROW,
      value,
      nowMs,
    );
  }
}

/**
 * OpenClaw reads the shared store from the state database only once `auth.sharedStore` says so
 * (absent, it reads the main agent's database): its first shared write sets the marker, and so
 * does authdeck's, in the same transaction. Layers only put the store here when OpenClaw's first
 * write would (store/generation.ts); an existing marker is never changed.
 */
export function claimSharedStore(db: SqliteDatabase, nowMs: number): void {
  db.run(
    `insert into config_machine_state (state_key, value_json, updated_at_ms) values (?, ?, ?)
     on conflict(state_key) do nothing`,
    STATE_KEY_SHARED_STORE,
    JSON.stringify({ location: 'state-db' }),
    nowMs,
  );
}
