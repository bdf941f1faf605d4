import { realpathSync, statSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { AuthdeckError, UnreadableStateError } from '../errors.js';
import { readTextIfExists } from '../files/fs-read.js';
import { asRecord } from '../json-text.js';
import { expandUserPath, resolveHomeDir } from './paths.js';

/**
 * OpenClaw's `$include` (docs: gateway/configuration, "Split config into multiple files"): an
 * object `{ "$include": "file" }` is replaced by that file's content, an array of files is
 * deep-merged in order, sibling keys are merged after; paths are relative to the including
 * file; up to 10 levels.
 */
export const INCLUDE_KEY = '$include';
const MAX_INCLUDE_DEPTH = 10;
/** Deeper than any real config: a bound that keeps the walk off the end of the stack. */
const MAX_NESTING = 256;

export type ParseConfig = (path: string, text: string) => Promise<Record<string, unknown>>;

function deepMerge(base: unknown, over: unknown): unknown {
  const left = asRecord(base);
  const right = asRecord(over);
  if (!left || !right) return over;
  const merged: Record<string, unknown> = { ...left };
  for (const [key, value] of Object.entries(right)) merged[key] = key in merged ? deepMerge(merged[key], value) : value;
  return merged;
}

function includeTargets(value: unknown, where: string): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) return value as string[];
  throw new UnreadableStateError(`${where}: "$include" must be a path or a list of paths`, where);
}

/** OpenClaw's limit for one included file: a larger one stops the gateway from reading its config. */
const MAX_INCLUDE_BYTES = 2 * 1024 * 1024;

function inside(dir: string, path: string): boolean {
  const rest = relative(dir, path);
  // `..name` is a file of the directory; only a first segment `..` leaves it.
  return rest === '' || (rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest));
}

/**
 * The directories an include may come from: the config's own, and those OPENCLAW_INCLUDE_ROOTS
 * names (a path list, `~` expanded, as OpenClaw's resolveIncludeRoots reads it). Read from the
 * process environment, as the gateway reads it: it is not a setting a `.env` may make.
 */
function includeRoots(configDir: string): string[] {
  const raw = process.env.OPENCLAW_INCLUDE_ROOTS?.trim();
  if (!raw) return [configDir];
  const home = resolveHomeDir(process.env);
  const extra = raw
    .split(delimiter)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => resolve(expandUserPath(entry, home)));
  return [configDir, ...new Set(extra)];
}

/**
 * An included file, read under the rules OpenClaw 2026.9 reads it by: inside the directory of
 * the top-level config (by its path and after links are followed), a regular file of at most
 * 2 MiB with no second hard link. A file it refuses stops the gateway from reading its config;
 * authdeck then reads none of it either, and so never writes through it.
 */
async function loadInclude(path: string, parse: ParseConfig, configDir: string): Promise<Record<string, unknown>> {
  const refused = (why: string) =>
    new UnreadableStateError(
      `${path} is named by "$include" but ${why}; OpenClaw refuses it and will not read its config (keep included files in ${configDir}, or name their directory in OPENCLAW_INCLUDE_ROOTS)`,
      path,
    );
  const roots = includeRoots(configDir);
  if (!roots.some((dir) => inside(dir, path))) throw refused('is outside the config directory');
  let real: string | undefined;
  try {
    real = realpathSync.native(path);
  } catch {
    // Missing: said below, as before.
  }
  if (real !== undefined) {
    const realRoots = roots.map((dir) => {
      try {
        return realpathSync.native(dir);
      } catch {
        return dir;
      }
    });
    if (!realRoots.some((dir) => inside(dir, real)))
      throw refused('leads outside the config directory through a symbolic link');
    const stats = statSync(real);
    if (stats.isFile() && stats.size > MAX_INCLUDE_BYTES) throw refused('is larger than 2 MiB');
    if (stats.isFile() && stats.nlink > 1) throw refused('has another hard link');
  }
  const text = await readTextIfExists(path);
  if (text === undefined) throw new UnreadableStateError(`${path} is named by "$include" but does not exist`, path);
  return parse(path, text);
}

/**
 * The config as OpenClaw sees it, with every `$include` read in. A file named many times is read
 * and resolved once per level: four files that each include the next one four times would
 * otherwise be read 4^10 times (OpenClaw took 92 s over such a tree).
 */
export async function resolveIncludes(
  doc: Record<string, unknown>,
  file: string,
  parse: ParseConfig,
  depth = 0,
  resolved = new Map<string, Promise<Record<string, unknown>>>(),
  root = dirname(file),
): Promise<Record<string, unknown>> {
  const resolveValue = async (value: unknown, level = 0): Promise<unknown> => {
    // A config nested thousands deep would overflow the stack mid-await (and print V8's noise).
    if (level > MAX_NESTING)
      throw new UnreadableStateError(`${file}: objects nest more than ${MAX_NESTING} levels deep`, file);
    if (Array.isArray(value)) return Promise.all(value.map((entry) => resolveValue(entry, level + 1)));
    const record = asRecord(value);
    if (!record) return value;
    if (!(INCLUDE_KEY in record)) {
      const out: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(record)) out[key] = await resolveValue(entry, level + 1);
      return out;
    }
    if (depth >= MAX_INCLUDE_DEPTH)
      throw new UnreadableStateError(`${file}: "$include" nests more than ${MAX_INCLUDE_DEPTH} levels`, file);
    const targets = includeTargets(record[INCLUDE_KEY], file).map((target) => resolve(dirname(file), target));
    let merged: unknown = {};
    for (const target of targets) {
      const key = `${depth + 1}\0${target}`;
      let included = resolved.get(key);
      if (!included) {
        included = loadInclude(target, parse, root).then((doc) =>
          resolveIncludes(doc, target, parse, depth + 1, resolved, root),
        );
        resolved.set(key, included);
      }
      merged = deepMerge(merged, await included);
    }
    const { [INCLUDE_KEY]: _include, ...siblings } = record;
    return deepMerge(merged, await resolveValue(siblings, level + 1));
  };
  return (await resolveValue(doc)) as Record<string, unknown>;
}

/**
 * Which file authors the object at `path` (e.g. ["auth", "profiles"]), and at which path in
 * it: the root file, or the single file an `{ "$include": "file" }` with no siblings brings
 * in. Anything OpenClaw itself will not write through (merged lists of files, siblings that
 * override, a root include) is refused, saying so.
 */
export async function findAuthoringFile(
  rootDoc: Record<string, unknown>,
  rootFile: string,
  path: string[],
  parse: ParseConfig,
): Promise<{ file: string; doc: Record<string, unknown>; path: string[] }> {
  let file = rootFile;
  let doc = rootDoc;
  let node: Record<string, unknown> | undefined = rootDoc;
  let relative: string[] = [];
  for (let depth = 0; depth <= path.length; depth++) {
    if (node && INCLUDE_KEY in node) {
      const single = typeof node[INCLUDE_KEY] === 'string' && Object.keys(node).length === 1 && node !== doc;
      if (!single) {
        // Written through, an include with siblings, of several files or at the top would be
        // flattened into this file: OpenClaw refuses that write too ("would flatten
        // $include-owned config").
        const where = relative.length === 0 ? 'its top level' : relative.join('.');
        const how =
          typeof node[INCLUDE_KEY] !== 'string'
            ? `merges several files with "$include" at ${where}`
            : Object.keys(node).length > 1
              ? `merges "$include" with keys of its own at ${where}`
              : 'takes its whole content from "$include"';
        throw new AuthdeckError(
          `${file} ${how}, and a write there would flatten the include (OpenClaw refuses it too); nothing was saved: keep that section in one file (drop the $include, or move the keys beside it into the included file), then save again`,
        );
      }
      file = resolve(dirname(file), node[INCLUDE_KEY] as string);
      doc = await loadInclude(file, parse, dirname(rootFile));
      node = doc;
      relative = [];
    }
    if (depth === path.length) break;
    const key = path[depth] ?? '';
    relative = [...relative, key];
    node = asRecord(node?.[key]);
  }
  return { file, doc, path: relative };
}
