import { existsSync } from 'node:fs';
import { type AuthdeckError, UnreadableStateError } from '../../errors.js';
import type { LockOptions } from '../../files/lock.js';
import { writeCommitted } from '../../files/write-activity.js';
import { describeParseFailure, parseJsonForRewrite, stringifyJson } from '../../json-text.js';
import {
  type AuthStoreSnapshot,
  AuthStoreTransaction,
  buildSnapshot,
  checkStoreDoc,
  emptyProfilesDoc,
  type JsonObject,
  newerDocVersion,
  STATE_KEYS,
  type StoreEdit,
  type StoreLocation,
  type StoreUpdate,
} from '../documents.js';
import { type LayerRole, type LayerWriteOptions, type StoreLayer, StoreMissingError } from '../layer.js';
import { isWalSafeSqliteVersion, openExistingDatabase, type SqliteDatabase, sqliteFailure } from './driver.js';
import {
  AGENT_ROW,
  type DbInspection,
  inspectOpen,
  readMachineState,
  STATE_KEY_SHARED_STORE,
  STATE_KEY_STATE,
  STATE_KEY_STORE,
} from './inspect.js';

export type DbLocation = Extract<StoreLocation, { backend: 'agent-db' | 'state-db' }>;

interface Cells {
  store?: string;
  state?: string;
}

function readCells(db: SqliteDatabase, location: DbLocation): Cells {
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

function cellName(location: DbLocation, which: 'store' | 'state'): string {
  if (location.backend === 'state-db')
    return `${location.dbPath} (${which === 'store' ? STATE_KEY_STORE : STATE_KEY_STATE})`;
  return `${location.dbPath} (${which === 'store' ? 'auth_profile_store' : 'auth_profile_state'})`;
}

async function parseCell(location: DbLocation, which: 'store' | 'state', text: string): Promise<JsonObject> {
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

function parseCellSync(location: DbLocation, which: 'store' | 'state', text: string): JsonObject {
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

/** The state document always stands apart in SQLite: an absent row reads as an empty document. */
function snapshotFromCells(
  location: DbLocation,
  profilesDoc: JsonObject | undefined,
  stateDoc: JsonObject | undefined,
  readOnlyReason?: string,
): AuthStoreSnapshot {
  return buildSnapshot(
    location,
    profilesDoc ?? emptyProfilesDoc(),
    stateDoc ?? { version: 1 },
    profilesDoc !== undefined,
    readOnlyReason,
  );
}

/** Reads one SQLite layer (read-only connection); `readOnlyReason` is kept on the snapshot. */
export async function readDbLayer(
  location: DbLocation,
  readOnlyReason?: string,
  known?: Cells,
): Promise<AuthStoreSnapshot> {
  let cells: Cells;
  if (known) cells = known;
  else {
    const db = await openExistingDatabase(location.dbPath, 'read');
    try {
      cells = readCells(db, location);
    } catch (error) {
      throw sqliteFailure(location.dbPath, error);
    } finally {
      db.close();
    }
  }
  const profilesDoc = cells.store === undefined ? undefined : await parseCell(location, 'store', cells.store);
  const stateDoc = cells.state === undefined ? undefined : await parseCell(location, 'state', cells.state);
  return snapshotFromCells(location, profilesDoc, stateDoc, readOnlyReason);
}

/** OpenClaw drops empty parts of the state document and deletes the row when nothing is left. */
function compactState(doc: JsonObject): JsonObject | undefined {
  const next: JsonObject = { ...doc };
  for (const key of STATE_KEYS) {
    const value = next[key];
    if (value !== null && typeof value === 'object' && Object.keys(value).length === 0) delete next[key];
  }
  return Object.keys(next).some((key) => key !== 'version') ? next : undefined;
}

function upsertCell(
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
function claimSharedStore(db: SqliteDatabase, nowMs: number): void {
  db.run(
    `insert into config_machine_state (state_key, value_json, updated_at_ms) values (?, ?, ?)
     on conflict(state_key) do nothing`,
    STATE_KEY_SHARED_STORE,
    JSON.stringify({ location: 'state-db' }),
    nowMs,
  );
}

export interface DbWriteOptions {
  now?: () => number;
  agentId?: string;
}

/**
 * One short write transaction, as OpenClaw makes its own: BEGIN IMMEDIATE, re-read the cells,
 * edit the parsed documents (every other profile and field kept), write back only what
 * changed with `updated_at` = now, COMMIT. Never a schema change, never a checkpoint.
 */
export async function updateDbLayer<T>(
  location: DbLocation,
  edit: StoreEdit<T>,
  options: DbWriteOptions = {},
): Promise<StoreUpdate<T>> {
  const db = await openExistingDatabase(location.dbPath, 'write');
  try {
    const version = db.libraryVersion();
    if (!isWalSafeSqliteVersion(version)) {
      throw new UnreadableStateError(
        `the SQLite library here is ${version}, which can corrupt a WAL database the gateway has open; authdeck needs 3.51.3 or later to write`,
        location.dbPath,
      );
    }
    const inspection = inspectOpen(
      db,
      location.dbPath,
      location.backend === 'state-db' ? 'state' : 'agent',
      options.agentId,
    );
    if (inspection.writeRefusal) throw new UnreadableStateError(inspection.writeRefusal, location.dbPath);
    const update = db.immediate(() => {
      const cells = readCells(db, location);
      const profilesDoc = cells.store === undefined ? undefined : parseCellSync(location, 'store', cells.store);
      const stateDoc = cells.state === undefined ? undefined : parseCellSync(location, 'state', cells.state);
      for (const [doc, which] of [
        [profilesDoc, 'store'],
        [stateDoc, 'state'],
      ] as const) {
        const newer = doc && newerDocVersion(doc, cellName(location, which));
        if (newer) throw new UnreadableStateError(newer, location.dbPath);
      }
      const snapshot = snapshotFromCells(location, profilesDoc, stateDoc);
      // Compact JSON, as OpenClaw writes its cells; numbers kept exactly as they were.
      const storeText = () => stringifyJson(snapshot.profilesDoc, undefined, cellName(location, 'store'));
      const stateText = (doc: JsonObject | undefined) =>
        doc === undefined ? undefined : stringifyJson(doc, undefined, cellName(location, 'state'));
      const storeBefore = storeText();
      const stateBefore = stateText(compactState(snapshot.stateDoc!));
      const result = edit(new AuthStoreTransaction(snapshot));
      const nowMs = (options.now ?? Date.now)();
      let storeWritten = false;
      if (storeText() !== storeBefore) {
        upsertCell(db, location, 'store', storeText(), nowMs);
        storeWritten = true;
      }
      const stateAfterDoc = compactState(snapshot.stateDoc!);
      const stateAfter = stateText(stateAfterDoc);
      const stateWritten = stateAfter !== stateBefore;
      if (stateWritten) upsertCell(db, location, 'state', stateAfter, nowMs);
      if ((storeWritten || stateWritten) && location.backend === 'state-db') claimSharedStore(db, nowMs);
      const after = buildSnapshot(
        location,
        snapshot.profilesDoc,
        stateAfterDoc ?? { version: 1 },
        cells.store !== undefined || storeWritten,
      );
      return { result, changed: storeWritten || stateWritten, snapshot: after };
    });
    // Synchronous: no signal can come between its start and its commit, only after.
    if (update.changed) writeCommitted();
    return update;
  } catch (error) {
    throw sqliteFailure(location.dbPath, error);
  } finally {
    db.close();
  }
}

/** An agent database or the shared state database as one layer. */
export class DbLayer implements StoreLayer {
  readonly backend: DbLocation['backend'];
  readonly path: string;
  readonly present: boolean;
  readonly files: readonly string[];
  readonly lockedFiles: readonly string[] = [];

  /** The cells read when the database was inspected, for the first read only (later reads see later writes). */
  private inspectedCells: Cells | undefined;

  constructor(
    readonly role: LayerRole,
    private readonly location: DbLocation,
    inspection: DbInspection | undefined,
    readonly writeRefusal?: string,
  ) {
    const present = inspection !== undefined;
    this.inspectedCells = inspection?.cells;
    this.backend = location.backend;
    this.path = location.dbPath;
    this.present = present;
    this.files = [location.dbPath, `${location.dbPath}-wal`];
  }

  /** A database that does not exist yet reads as empty. */
  read(): Promise<AuthStoreSnapshot> {
    if (!this.present || !existsSync(this.path))
      return Promise.resolve(
        buildSnapshot(this.location, emptyProfilesDoc(), { version: 1 }, false, this.writeRefusal),
      );
    const cells = this.inspectedCells;
    this.inspectedCells = undefined;
    return readDbLayer(this.location, this.writeRefusal, cells);
  }

  update<T>(edit: StoreEdit<T>, options: LayerWriteOptions = {}): Promise<StoreUpdate<T>> {
    const problem = this.writeProblem();
    if (problem) return Promise.reject(problem);
    this.inspectedCells = undefined;
    return updateDbLayer(this.location, edit, {
      ...(this.location.backend === 'agent-db' ? { agentId: this.location.agentId } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
  }

  writeProblem(): AuthdeckError | undefined {
    if (!existsSync(this.path)) return new StoreMissingError(this);
    if (this.writeRefusal) return new UnreadableStateError(this.writeRefusal, this.path);
    return undefined;
  }

  withLock<T>(_lock: LockOptions, work: (held: boolean) => Promise<T>): Promise<T> {
    return work(false);
  }

  async waitUntilUnlocked(): Promise<void> {
    // SQLite readers never wait: they see the last committed transaction.
  }

  stateFile(): string {
    return this.path;
  }
}
