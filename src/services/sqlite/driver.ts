import { stat } from 'node:fs/promises';
import type BetterSqlite3 from 'better-sqlite3';
import { AuthdeckError, errorMessage, isNodeError, UnreadableStateError } from '../errors.js';

export type SqliteDatabase = BetterSqlite3.Database;

/** OpenClaw's own busy timeout: a writer that waits longer than this is told the store is busy. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

let driver: typeof BetterSqlite3 | undefined;

/** better-sqlite3 is native and loaded only when a SQLite store exists (JSON-era runs never pay). */
async function loadDriver(): Promise<typeof BetterSqlite3> {
  if (!driver) {
    try {
      driver = (await import('better-sqlite3')).default;
    } catch (error) {
      throw new AuthdeckError(
        `cannot load better-sqlite3, which reading OpenClaw's SQLite store needs (${errorMessage(error)}); reinstall authdeck`,
      );
    }
  }
  return driver;
}

/**
 * Opens an existing database that OpenClaw made; never creates one. Read-only connections are
 * what OpenClaw's own auth readers use; writers wait up to the gateway's busy timeout.
 */
export async function openExistingDatabase(path: string, mode: 'read' | 'write'): Promise<SqliteDatabase> {
  const Database = await loadDriver();
  if (mode === 'write') {
    const stats = await stat(path).catch(() => undefined);
    if (stats && (stats.mode & 0o200) === 0) {
      throw new AuthdeckError(
        `${path} is read-only (mode ${(stats.mode & 0o777).toString(8)}); authdeck will not change a database you protected`,
      );
    }
  }
  try {
    return new Database(path, { readonly: mode === 'read', fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  } catch (error) {
    throw sqliteFailure(path, error);
  }
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

export function sqliteLibraryVersion(db: SqliteDatabase): string {
  return (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
}

/** A one-line reason for a SQLite failure, naming the file; busy means the gateway holds it. */
export function sqliteFailure(path: string, error: unknown): AuthdeckError {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new UnreadableStateError(
      `${path} is locked by another writer (the gateway?) for more than ${SQLITE_BUSY_TIMEOUT_MS / 1000} s; try again`,
      path,
    );
  }
  if (code === 'SQLITE_CANTOPEN' || isNodeError(error, 'ENOENT'))
    return new UnreadableStateError(`${path}: cannot open the database (${errorMessage(error)})`, path);
  if (code === 'SQLITE_READONLY')
    return new UnreadableStateError(`${path}: the database is read-only for this user`, path);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return new UnreadableStateError(
      `${path}: not a usable SQLite database (${errorMessage(error)}); run \`openclaw doctor\``,
      path,
    );
  if (error instanceof AuthdeckError) return error;
  return new UnreadableStateError(`${path}: ${errorMessage(error)}`, path);
}
