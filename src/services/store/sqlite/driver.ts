import type { Stats } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { AuthdeckError, errorMessage, isNodeError, UnreadableStateError } from '../../errors.js';

/** OpenClaw's own busy timeout: a writer that waits longer than this is told the store is busy. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

type SqliteValue = string | number | bigint | null | Uint8Array;
type SqliteModule = typeof import('node:sqlite');
type NativeDatabase = InstanceType<SqliteModule['DatabaseSync']>;

/**
 * The few operations authdeck needs from a database, over Node's own `node:sqlite` (the module
 * OpenClaw opens these databases with): no native addon to build, nothing to install.
 */
export class SqliteDatabase {
  constructor(private readonly db: NativeDatabase) {}

  get<T>(sql: string, ...params: SqliteValue[]): T | undefined {
    return this.db.prepare(sql).get(...params) as T | undefined;
  }

  all<T>(sql: string, ...params: SqliteValue[]): T[] {
    return this.db.prepare(sql).all(...params) as T[];
  }

  run(sql: string, ...params: SqliteValue[]): void {
    this.db.prepare(sql).run(...params);
  }

  userVersion(): number {
    return Number(this.get<{ user_version: number }>('pragma user_version')?.user_version ?? 0);
  }

  libraryVersion(): string {
    return this.get<{ v: string }>('select sqlite_version() as v')?.v ?? '0';
  }

  /**
   * One write transaction as OpenClaw makes its own: BEGIN IMMEDIATE takes the write lock at
   * once (waiting up to the busy timeout), so the cells `work` re-reads cannot change under it.
   * `work` is synchronous: nothing else may run while the gateway waits on this lock.
   */
  immediate<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  close(): void {
    this.db.close();
  }
}

let driver: SqliteModule | undefined;

/**
 * `node:sqlite` is loaded only when a SQLite store exists (JSON-era runs never pay). A Node
 * built without it (or older than authdeck's floor) can still read and write the JSON era.
 */
function loadDriver(path: string): SqliteModule {
  if (!driver) {
    const loaded = process.getBuiltinModule?.('node:sqlite') as SqliteModule | undefined;
    if (!loaded) {
      throw new UnreadableStateError(
        `${path}: this Node (${process.version}) was built without node:sqlite, which reading OpenClaw's SQLite store (2026.6.5 and later) needs; use an official Node 24 build`,
        path,
      );
    }
    driver = loaded;
  }
  return driver;
}

/**
 * Opens an existing database that OpenClaw made; never creates one (a `file:` URL with
 * `mode=ro|rw`: SQLite then refuses a missing file instead of making an empty one). Read-only
 * connections are what OpenClaw's own auth readers use; writers wait up to the gateway's busy
 * timeout.
 */
export async function openExistingDatabase(path: string, mode: 'read' | 'write'): Promise<SqliteDatabase> {
  opens++;
  const { DatabaseSync } = loadDriver(path);
  const stats = await checkDatabaseFile(path);
  if (mode === 'write') {
    if ((stats.mode & 0o200) === 0) {
      throw new AuthdeckError(
        `${path} is read-only (mode ${(stats.mode & 0o777).toString(8)}); authdeck will not change a database you protected`,
      );
    }
  }
  const url = pathToFileURL(path);
  url.searchParams.set('mode', mode === 'read' ? 'ro' : 'rw');
  try {
    return new SqliteDatabase(
      new DatabaseSync(url, {
        readOnly: mode === 'read',
        timeout: SQLITE_BUSY_TIMEOUT_MS,
        enableForeignKeyConstraints: false,
      }),
    );
  } catch (error) {
    throw sqliteFailure(path, error);
  }
}

let opens = 0;

/** How many times a database was opened in this process: tests hold a status to one open per file. */
export function databaseOpenCount(): number {
  return opens;
}

/**
 * What is at a database's path before SQLite opens it: SQLite would block on a FIFO, read a
 * dangling link or an empty file as an empty database (no store, no warning), and follow a link
 * to a device. Each is a reason that names the file.
 */
async function checkDatabaseFile(path: string): Promise<Stats> {
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch (error) {
    const dangling = isNodeError(error, 'ENOENT') && (await lstat(path).catch(() => undefined))?.isSymbolicLink();
    if (dangling)
      throw new UnreadableStateError(
        `${path} is a symbolic link to a file that does not exist; restore the database it pointed to`,
        path,
      );
    throw sqliteFailure(path, error);
  }
  if (!stats.isFile())
    throw new UnreadableStateError(
      `${path} is not a regular file (${stats.isFIFO() ? 'a FIFO' : stats.isDirectory() ? 'a directory' : 'a special file'}); it cannot be OpenClaw's database`,
      path,
    );
  if (stats.size === 0)
    throw new UnreadableStateError(
      `${path} is empty (0 bytes), not a database OpenClaw made — it may have been truncated; restore it from a backup, or move it away so that OpenClaw makes a new one`,
      path,
    );
  return stats;
}

/**
 * SQLite versions without the WAL-reset corruption fix (the rule OpenClaw enforces on itself):
 * 3.51.3+, or 3.50.7+ within 3.50, or 3.44.6+ within 3.44.
 */
export function isWalSafeSqliteVersion(version: string): boolean {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map((part) => Number.parseInt(part, 10));
  if (major !== 3) return major > 3;
  if (minor > 51 || (minor === 51 && patch >= 3)) return true;
  if (minor === 50) return patch >= 7;
  if (minor === 44) return patch >= 6;
  return false;
}

/** SQLite's primary result codes (an extended code carries one in its low byte). */
const SQLITE = { busy: 5, locked: 6, readonly: 8, corrupt: 11, cantopen: 14, notadb: 26 } as const;

function sqliteCode(error: unknown): number | undefined {
  const code = (error as { errcode?: unknown }).errcode;
  return typeof code === 'number' ? code & 0xff : undefined;
}

/** A one-line reason for a SQLite failure, naming the file; busy means the gateway holds it. */
export function sqliteFailure(path: string, error: unknown): AuthdeckError {
  if (error instanceof AuthdeckError) return error;
  const code = sqliteCode(error);
  if (code === SQLITE.busy || code === SQLITE.locked) {
    return new UnreadableStateError(
      `${path} is locked by another writer (the gateway?) for more than ${SQLITE_BUSY_TIMEOUT_MS / 1000} s; try again`,
      path,
    );
  }
  if (code === SQLITE.cantopen || isNodeError(error, 'ENOENT'))
    return new UnreadableStateError(`${path}: cannot open the database (${errorMessage(error)})`, path);
  if (code === SQLITE.readonly) return new UnreadableStateError(`${path}: ${readOnlyCause(path)}`, path);
  if (code === SQLITE.notadb || code === SQLITE.corrupt)
    return new UnreadableStateError(
      `${path}: not a usable SQLite database (${errorMessage(error)}); run \`openclaw doctor\``,
      path,
    );
  return new UnreadableStateError(`${path}: ${errorMessage(error)}`, path);
}

/**
 * Why SQLite said read-only: the database file, or its -wal/-shm beside it (SQLite makes those
 * with the database's mode, so a read of a 0400 database leaves them 0400; made writable again,
 * the database still cannot be written while they are not).
 */
function readOnlyCause(path: string): string {
  const { accessSync, constants } = process.getBuiltinModule('node:fs');
  const writable = (file: string) => {
    try {
      accessSync(file, constants.W_OK);
      return true;
    } catch (error) {
      return isNodeError(error, 'ENOENT');
    }
  };
  if (!writable(path)) return 'the database is read-only for this user';
  const stuck = ['-wal', '-shm'].map((end) => path + end).filter((file) => !writable(file));
  return stuck.length > 0
    ? `${stuck.join(' and ')} ${stuck.length === 1 ? 'is' : 'are'} read-only for this user, so the database cannot be written: \`chmod 600\` ${stuck.length === 1 ? 'it' : 'them'} (\`authdeck doctor --fix\` does)`
    : 'the database is read-only for this user';
}
