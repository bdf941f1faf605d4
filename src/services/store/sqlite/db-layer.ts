import { existsSync } from 'node:fs';
import { type AuthdeckError, UnreadableStateError } from '../../errors.js';
import type { LockOptions } from '../../files/lock.js';
import { writeCommitted } from '../../files/write-activity.js';
import { stringifyJson } from '../../json-text.js';
import {
  type AuthStoreSnapshot,
  buildSnapshot,
  emptyProfilesDoc,
  type JsonObject,
  newerDocVersion,
  readOrder,
  STATE_KEYS,
} from '../documents.js';
import { type LayerRole, type LayerWriteOptions, type StoreLayer, StoreMissingError } from '../layer.js';
import { AuthStoreTransaction, type StoreEdit, type StoreUpdate } from '../transaction.js';
import {
  type Cells,
  cellName,
  claimSharedStore,
  type DbLocation,
  parseCell,
  parseCellSync,
  readCells,
  upsertCell,
} from './cells.js';
import { isWalSafeSqliteVersion, openExistingDatabase, sqliteFailure } from './driver.js';
import { type DbInspection, inspectOpen } from './inspect.js';

export type { DbLocation };

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
  // OpenClaw reads a database's state (order, cooldowns) only beside its store row
  // (mergePersistedAuthProfileState): without one it is not in force, and only doctor names it.
  if (profilesDoc === undefined && stateDoc !== undefined) {
    const unread = readOrder(emptyProfilesDoc(), stateDoc);
    const snapshot = snapshotFromCells(location, undefined, undefined, readOnlyReason);
    return Object.keys(unread).length > 0 ? { ...snapshot, unreadOrder: unread } : snapshot;
  }
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
      // State with no store row beside it is read by no one (readDbLayer): an edit starts from
      // none, as OpenClaw's own save does, and what it leaves replaces that row.
      const storeAbsent = cells.store === undefined;
      const stateDoc =
        cells.state === undefined || storeAbsent ? undefined : parseCellSync(location, 'state', cells.state);
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
      const stateAfterDoc = compactState(snapshot.stateDoc!);
      const stateAfter = stateText(stateAfterDoc);
      // State this write leaves gets its store row — an empty one, as OpenClaw's own save writes
      // it — so that it is read; an unread row nothing replaces stays as it was.
      const stateWritten = stateAfter !== stateBefore;
      const storeWritten = storeText() !== storeBefore || (storeAbsent && stateAfter !== undefined);
      if (storeWritten) upsertCell(db, location, 'store', storeText(), nowMs);
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
    // Not present: none when the store was opened, or one OpenClaw has not made (DbInspection.unmade).
    if (!existsSync(this.path)) return new StoreMissingError(this);
    if (!this.present) return new StoreMissingError(this, 'holds no OpenClaw schema yet');
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
