import { dirname, resolve } from 'node:path';
import { AuthdeckError, UnreadableStateError } from '../errors.js';
import { readTextIfExists } from '../files/fs-read.js';
import { asRecord } from '../json-text.js';

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

async function loadInclude(path: string, parse: ParseConfig): Promise<Record<string, unknown>> {
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
        included = loadInclude(target, parse).then((doc) => resolveIncludes(doc, target, parse, depth + 1, resolved));
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
 * override, a root include) is refused with the entry to add by hand.
 */
export async function findAuthoringFile(
  rootDoc: Record<string, unknown>,
  rootFile: string,
  path: string[],
  parse: ParseConfig,
  wanted: string,
): Promise<{ file: string; doc: Record<string, unknown>; path: string[] }> {
  let file = rootFile;
  let doc = rootDoc;
  let node: Record<string, unknown> | undefined = rootDoc;
  let relative: string[] = [];
  for (let depth = 0; depth <= path.length; depth++) {
    if (node && INCLUDE_KEY in node) {
      const single = typeof node[INCLUDE_KEY] === 'string' && Object.keys(node).length === 1 && node !== doc;
      if (!single) {
        throw new AuthdeckError(
          `${file} takes ${path.slice(0, depth).join('.') || 'its whole content'} from "$include" in a way authdeck cannot edit safely; add ${wanted} there by hand`,
        );
      }
      file = resolve(dirname(file), node[INCLUDE_KEY] as string);
      doc = await loadInclude(file, parse);
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
