import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { gunzipSync } from 'node:zlib';

export const OPENCLAW_FIXTURES = new URL('../fixtures/openclaw-sqlite/', import.meta.url).pathname;

export type OpenclawFixture =
  | 'a-v9-shared-fresh'
  | 'b-v9-shared-with-agent-override'
  | 'c-v7-agent-db'
  | 'd-v9-legacy-main'
  | 'e-v5-json'
  | 'f-v7-to-v9-doctor-interrupted'
  | 'g-v7-to-v9-doctor-complete';

/**
 * Lays a fixture made by OpenClaw itself (see test/fixtures/openclaw-sqlite/README.md) out as a
 * state dir: databases unpacked, 0600 files in 0700 dirs as OpenClaw leaves them.
 */
export function installOpenclawFixture(name: OpenclawFixture, stateDir: string): void {
  const source = join(OPENCLAW_FIXTURES, name);
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(source, relative))) {
      const from = join(source, relative, entry);
      const rel = join(relative, entry);
      if (statSync(from).isDirectory()) {
        mkdirSync(join(stateDir, rel), { recursive: true, mode: 0o700 });
        walk(rel);
      } else if (entry === 'manifest.json') continue;
      else if (entry.endsWith('.sqlite.gz'))
        writeFileSync(join(stateDir, rel.slice(0, -3)), gunzipSync(readFileSync(from)), { mode: 0o600 });
      else {
        cpSync(from, join(stateDir, rel));
        chmodSync(join(stateDir, rel), 0o600);
      }
    }
  };
  walk('');
}

/** Reads a cell straight from a database, as a check independent of authdeck's code. */
export function readCell(dbPath: string, sql: string, ...params: unknown[]): unknown {
  const db = new DatabaseSync(dbPath, { readOnly: true, timeout: 5_000 });
  try {
    const row = db.prepare(sql).get(...(params as SQLInputValue[])) as Record<string, unknown> | undefined;
    if (!row) return undefined;
    const value = Object.values(row)[0];
    return typeof value === 'string' && /^[[{]/.test(value) ? JSON.parse(value) : value;
  } finally {
    db.close();
  }
}

/** Runs SQL against a database copy, for making states OpenClaw would leave (a newer schema, a fence). */
export function execOn(dbPath: string, sql: string, ...params: unknown[]): void {
  if (!existsSync(dbPath)) throw new Error(`${dbPath} does not exist`);
  // A running gateway may hold the write lock for a moment (its reload writes); wait as it does.
  const db = new DatabaseSync(dbPath, { timeout: 5_000 });
  try {
    if (params.length) db.prepare(sql).run(...(params as SQLInputValue[]));
    else db.exec(sql);
  } finally {
    db.close();
  }
}

export function removeTree(path: string): void {
  rmSync(path, { recursive: true, force: true });
}
