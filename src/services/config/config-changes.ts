import { writeFileAtomic } from '../files/atomic-write.js';
import { readTextIfExists } from '../files/fs-read.js';
import { type LockOptions, withFileLock } from '../files/lock.js';
import { formatJsonDocument } from '../json-text.js';
import { type ConfigEdit, editConfigFile, refusingDeepNesting, setAtPath } from './config-edit.js';
import { findAuthoringFile, INCLUDE_KEY, resolveIncludes } from './config-include.js';
import { parseConfigText } from './openclaw-json.js';

/** One value set in openclaw.json, at a path from its root as OpenClaw reads it (includes resolved). */
export interface ConfigChange {
  /** Keys, and indexes into lists (an entry added to a provider's `models`). */
  path: (string | number)[];
  value: unknown;
  /** Inserted at that index of its list rather than replacing what is there. */
  arrayInsert?: boolean;
}

export interface ConfigChangeResult {
  path: string;
  /** The files written (the root, or an included file that holds a section). */
  files: string[];
  changed: boolean;
  created: boolean;
  /** Set when a file used JSON5-only syntax and had to be rewritten. */
  backupPath?: string;
  /** Every file so rewritten (an included one too), with where its original is. */
  rewrites?: ConfigRewrite[];
  applied: ConfigChange[];
}

export interface ConfigRewrite {
  file: string;
  backupPath: string;
}

/**
 * Plans changes against the config as it is now, under the config's lock, and writes them the
 * way the profile entry is written (config-edit.ts): comments and unknown keys survive, a
 * section brought in with `$include` is edited in the file that holds it. `plan` sees the whole
 * config (includes resolved) and returns only what differs; nothing is written when it is empty.
 */
export async function changeConfig(
  path: string,
  plan: (doc: Record<string, unknown>) => ConfigChange[],
  lock?: LockOptions,
): Promise<ConfigChangeResult> {
  return refusingDeepNesting(path, () => withFileLock(path, () => changeUnderLock(path, plan, lock), lock));
}

async function changeUnderLock(
  path: string,
  plan: (doc: Record<string, unknown>) => ConfigChange[],
  lock: LockOptions | undefined,
): Promise<ConfigChangeResult> {
  const text = await readTextIfExists(path);
  const none = { path, files: [], changed: false, created: false, applied: [] };
  if (text === undefined) {
    const applied = plan({});
    if (applied.length === 0) return none;
    const doc: Record<string, unknown> = {};
    for (const change of applied) setAtPath(doc, change.path, change.value);
    await writeFileAtomic(path, formatJsonDocument(doc, path));
    return { path, files: [path], changed: true, created: true, applied };
  }
  const root = await parseConfigText(path, text);
  const resolved = text.includes(INCLUDE_KEY) ? await resolveIncludes(root, path, parseConfigText) : root;
  const applied = plan(resolved);
  if (applied.length === 0) return none;
  // Each change goes to the file that holds its section (`plugins.entries`, `models.providers`…).
  const byFile = new Map<string, ConfigEdit[]>();
  for (const change of applied) {
    // A section is two keys (`models.providers`); only deeper parts of a path are list indexes.
    const section = change.path.slice(0, 2).map(String);
    const owner = await findAuthoringFile(root, path, section, parseConfigText);
    const edits = byFile.get(owner.file) ?? [];
    edits.push({
      path: [...owner.path, ...change.path.slice(section.length)],
      value: change.value,
      ...(change.arrayInsert ? { arrayInsert: true } : {}),
    });
    byFile.set(owner.file, edits);
  }
  let backupPath: string | undefined;
  const rewrites: ConfigRewrite[] = [];
  for (const [file, edits] of byFile) {
    const write = () => editConfigFile(file, file === path ? text : undefined, edits);
    const result = file === path ? await write() : await withFileLock(file, write, lock);
    backupPath ??= result.backupPath;
    if (result.backupPath) rewrites.push({ file, backupPath: result.backupPath });
  }
  return {
    path,
    files: [...byFile.keys()],
    changed: true,
    created: false,
    ...(backupPath ? { backupPath } : {}),
    ...(rewrites.length > 0 ? { rewrites } : {}),
    applied,
  };
}

type Rewritten = { path: string; backupPath?: string; rewrites?: ConfigRewrite[] };

/** The files a write rewrote as JSON: its `rewrites`, else its own file where it has a backup. */
function rewritesOf(result: Rewritten): ConfigRewrite[] {
  return result.rewrites ?? (result.backupPath ? [{ file: result.path, backupPath: result.backupPath }] : []);
}

/** What a write says when it had to spell a JSON5-only config as JSON (README "Guarantees"). */
export function rewrittenNote(result: Rewritten): string {
  return rewritesOf(result)
    .map(
      ({ file, backupPath }) =>
        `; ${file} used JSON5-only syntax, so it was rewritten as JSON (same values; the original is ${backupPath})`,
    )
    .join('');
}

/**
 * One line per config file a save rewrote as JSON (the root, an included file), each once
 * however many of the save's writes say it: `results` are those writes' results.
 */
export function rewrittenLines(results: ReadonlyArray<Rewritten | undefined>): string[] {
  const seen = new Map<string, string>();
  for (const result of results) {
    if (!result) continue;
    for (const { file, backupPath } of rewritesOf(result)) if (!seen.has(file)) seen.set(file, backupPath);
  }
  return [...seen].map(
    ([file, backupPath]) => `${file} used JSON5-only syntax, so it was rewritten; the original is in ${backupPath}`,
  );
}
