import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { AuthdeckError } from '../errors.js';
import { offsetToLineColumn } from '../json-text.js';
import { json5AsJson } from './json5-as-json.js';

type Jsonc = typeof import('jsonc-parser');

/** The file's tree when jsonc-parser reads it without an error (JSON, comments, trailing commas). */
export function jsoncTree(jsonc: Jsonc, text: string, asWritten = false): JsonNode | undefined {
  // JSON5 (and OpenClaw) end a line, and so a // comment, at U+2028/U+2029 too; jsonc-parser
  // does not, and would edit around a section it took for comment. A file as written with one
  // is spelled as JSON first (json5-as-json.ts), where those ends outside strings are newlines.
  if (asWritten && /[\u2028\u2029]/.test(text)) return undefined;
  const errors: ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  return errors.length === 0 ? tree : undefined;
}

/**
 * Where a save writes besides the profile's entry (the provider's setup: plugin, provider block,
 * default model, migration marks). Checked with the entry, before the store is written: a key
 * written twice there would otherwise stop the save after the secret is stored.
 */
const SETUP_PATHS = [
  ['auth', 'order'],
  ['plugins', 'entries'],
  ['plugins', 'allow'],
  ['models', 'mode'],
  ['models', 'providers'],
  ['agents', 'defaults', 'model'],
  ['agents', 'defaults', 'models'],
  ['agents', 'defaults', 'modelPolicy'],
  ['meta', 'migrations'],
];

export async function refuseDuplicatesOnSetupPaths(
  text: string,
  file: string,
  paths: readonly string[][] = SETUP_PATHS,
): Promise<void> {
  const jsonc = await import('jsonc-parser');
  // JSON5-only syntax is edited as the JSON it is spelled as, duplicates and all.
  const direct = jsoncTree(jsonc, text, true);
  const json = direct ? text : (await json5AsJson(text, file)).text;
  const tree = direct ?? jsoncTree(jsonc, json);
  if (!tree) return;
  for (const path of paths) {
    refuseDuplicateKeys(tree, json, file, path);
    // Below them too: the setup writes a plugin's entry, a provider's block, the model's keys.
    const node = jsonc.findNodeAtLocation(tree, path);
    if (node) refuseDuplicatesBelow(node, json, file);
  }
}

function refuseDuplicatesBelow(node: JsonNode, text: string, file: string): void {
  if (node.type === 'object') {
    const seen = new Map<unknown, JsonNode>();
    for (const property of node.children ?? []) {
      const key = property.children?.[0]?.value;
      const first = seen.get(key);
      if (first) throw duplicateKey(file, String(key), [first, property], text);
      seen.set(key, property);
    }
  }
  for (const child of node.children ?? [])
    if (child.type === 'object' || child.type === 'array' || child.type === 'property')
      refuseDuplicatesBelow(child, text, file);
}

function duplicateKey(file: string, key: string, nodes: JsonNode[], text: string): AuthdeckError {
  const lines = nodes.map((node) => offsetToLineColumn(text, node.offset).line).join(' and ');
  return new AuthdeckError(
    `${file} has "${key}" twice (lines ${lines}); OpenClaw reads only the last one — remove the other, then try again`,
  );
}

/** JSON reads the last of two equal keys; an edit could land in the one nobody reads. */
export function refuseDuplicateKeys(tree: JsonNode, text: string, file: string, path: (string | number)[]): void {
  let node: JsonNode | undefined = tree;
  for (const segment of path) {
    if (node?.type !== 'object' || typeof segment !== 'string') return;
    const matches: JsonNode[] = (node.children ?? []).filter((property) => property.children?.[0]?.value === segment);
    if (matches.length > 1) throw duplicateKey(file, segment, matches, text);
    node = matches[0]?.children?.[1];
  }
}

/**
 * An edit whose path runs through a value that cannot hold it (`auth.profiles` a list, a
 * string): refused with that setting named, before anything is written to the file, where the
 * edit would otherwise fail half-way with the parser's own words.
 */
export function refuseMisshapenParents(tree: JsonNode, file: string, path: (string | number)[]): void {
  let node: JsonNode | undefined = tree;
  for (const [index, segment] of path.slice(0, -1).entries()) {
    const child: JsonNode | undefined =
      node.type === 'object'
        ? (node.children ?? []).find((property) => property.children?.[0]?.value === segment)?.children?.[1]
        : undefined;
    if (!child) return;
    const wanted = typeof path[index + 1] === 'number' ? 'array' : 'object';
    if (child.type !== wanted) {
      const at = path.slice(0, index + 1).join('.');
      const kind = child.type === 'array' ? 'a list' : child.type === 'null' ? 'null' : `a ${child.type}`;
      throw new AuthdeckError(
        `${file} has ${at}: ${kind}, not ${wanted === 'array' ? 'a list' : 'an object'}, and OpenClaw refuses a config like that; correct it first (nothing was written to it)`,
      );
    }
    node = child;
  }
}
