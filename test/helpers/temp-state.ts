import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

afterEach(() => {
  // A child that just exited may still have had a file open in it: retry a directory that refills.
  while (made.length > 0) rmSync(made.pop()!, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

/** A fresh empty directory for one test, removed afterwards like every temp home. */
export function makeTempDir(prefix = 'authdeck-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A fresh OpenClaw home for one test, removed afterwards. */
export function makeTempHome(): { home: string; stateDir: string; mainAgentDir: string; configPath: string } {
  const home = makeTempDir();
  const stateDir = join(home, '.openclaw');
  mkdirSync(stateDir, { recursive: true });
  return {
    home,
    stateDir,
    mainAgentDir: join(stateDir, 'agents', 'main', 'agent'),
    configPath: join(stateDir, 'openclaw.json'),
  };
}

export function writeJsonFile(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** Writes `fields` over the top level of a JSON file (openclaw.json with a `plugins` section, say). */
export function mergeJsonFile(path: string, fields: Record<string, unknown>): void {
  writeJsonFile(path, { ...(readJson(path) as object), ...fields });
}

export function writeText(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

// biome-ignore lint/suspicious/noExplicitAny: tests read back arbitrary JSON and index into it freely.
export function readJson<T = any>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function fileMode(path: string): number {
  return statSync(path).mode & 0o777;
}
