import { existsSync } from 'node:fs';
import { stateDbPath } from './generation.js';
import { openExistingDatabase, type SqliteDatabase } from './sqlite/driver.js';

export type { SqliteDatabase };
export { stateDbPath };

/** The state database opened read-only (it must exist; nothing is created). */
export function openStateDatabase(path: string): Promise<SqliteDatabase> {
  return openExistingDatabase(path, 'read');
}

/**
 * Reads from OpenClaw's state database what is not credentials (the gateway's paired device,
 * its secret store), read-only and only if it exists; undefined when there is none.
 */
export async function readStateDatabase<T>(stateDir: string, read: (db: SqliteDatabase) => T): Promise<T | undefined> {
  const path = stateDbPath(stateDir);
  if (!existsSync(path)) return undefined;
  const db = await openStateDatabase(path);
  try {
    return read(db);
  } finally {
    db.close();
  }
}
