import { randomUUID } from 'node:crypto';
import type { FormattingOptions } from 'jsonc-parser';
import { AuthdeckError } from '../errors.js';

/**
 * Edits of openclaw.json's text that keep its comments and layout: jsonc-parser's, with the two
 * cases it takes quadratic time over laid out here the way its formatter lays them out.
 */
export interface ConfigEdit {
  /** Path from the config's root, as OpenClaw reads it (includes resolved). */
  path: (string | number)[];
  value: unknown;
  arrayInsert?: boolean;
}

export type Jsonc = typeof import('jsonc-parser');

/**
 * A value longer than this (as JSON) is laid out here rather than by jsonc-parser's formatter,
 * whose time grows with the square of the value: a local server's 1,000 models took 3 s, 5,000
 * minutes, all under the config's lock. The layout is the same (config-edit tests compare them).
 */
const LAID_OUT_ABOVE = 4096;

export function applyConfigEditsToText(jsonc: Jsonc, text: string, edits: ConfigEdit[]): string {
  const formattingOptions = detectFormatting(text);
  let result = text;
  for (let index = 0; index < edits.length; index++) {
    const edit = edits[index] as ConfigEdit;
    // New keys of one object in a row (a migration's thousands of profiles) go in as one: an
    // edit each re-parses and re-formats the whole file, which grew with the square of them.
    const run = newKeysInARow(jsonc, result, edits, index);
    if (run.length > 1) {
      result = withNewKeys(jsonc, result, run, formattingOptions);
      index += run.length - 1;
      continue;
    }
    const large =
      edit.value !== null && typeof edit.value === 'object' && JSON.stringify(edit.value).length > LAID_OUT_ABOVE;
    // A marker no config holds takes the value's place, then the value is laid out where it sits.
    const marker = large ? `authdeck-value-${randomUUID()}` : undefined;
    const changes = jsonc.modify(result, edit.path, marker ?? edit.value, {
      formattingOptions,
      ...(edit.arrayInsert ? { isArrayInsertion: true } : {}),
    });
    result = jsonc.applyEdits(result, changes);
    if (marker) result = laidOut(result, JSON.stringify(marker), edit, formattingOptions);
  }
  return result;
}

/** The edit's value as JSON in place of `literal`, indented as jsonc-parser indents: one step per level. */
function laidOut(text: string, literal: string, edit: ConfigEdit, options: FormattingOptions): string {
  const at = text.indexOf(literal);
  return text.slice(0, at) + valueText(edit, options) + text.slice(at + literal.length);
}

function indentUnit(options: FormattingOptions): string {
  return options.insertSpaces === false ? '\t' : ' '.repeat(options.tabSize ?? 2);
}

function valueText(edit: ConfigEdit, options: FormattingOptions): string {
  const unit = indentUnit(options);
  return JSON.stringify(edit.value, null, unit)
    .split('\n')
    .join(`${options.eol ?? '\n'}${unit.repeat(edit.path.length)}`);
}

/** The edits from `start` on that each add a key the same object does not have yet. */
function newKeysInARow(jsonc: Jsonc, text: string, edits: ConfigEdit[], start: number): ConfigEdit[] {
  const first = edits[start] as ConfigEdit;
  const parent = first.path.slice(0, -1);
  const isNewKey = (edit: ConfigEdit) =>
    !edit.arrayInsert &&
    typeof edit.path.at(-1) === 'string' &&
    edit.path.length === first.path.length &&
    parent.every((segment, i) => edit.path[i] === segment);
  if (!isNewKey(first) || !isNewKey(edits[start + 1] ?? { path: [], value: null })) return [];
  const tree = jsonc.parseTree(text);
  const object = tree && jsonc.findNodeAtLocation(tree, parent);
  const present = new Set(
    object?.type === 'object' ? (object.children ?? []).map((child) => child.children?.[0]?.value) : [],
  );
  const run: ConfigEdit[] = [];
  for (let i = start; i < edits.length; i++) {
    const edit = edits[i] as ConfigEdit;
    const key = edit.path.at(-1);
    if (!isNewKey(edit) || present.has(key)) break;
    present.add(key);
    run.push(edit);
  }
  return run;
}

/**
 * The keys added as jsonc-parser adds one (after the object's last key, its parents made where
 * missing), all in one place: one key goes in through jsonc-parser as a marker, then the marker
 * becomes every key, each laid out as the formatter lays it out.
 */
function withNewKeys(jsonc: Jsonc, text: string, run: ConfigEdit[], options: FormattingOptions): string {
  const [first] = run as [ConfigEdit];
  const marker = `authdeck-keys-${randomUUID()}`;
  const path = [...first.path.slice(0, -1), marker];
  const marked = jsonc.applyEdits(text, jsonc.modify(text, path, marker, { formattingOptions: options }));
  const literal = `${JSON.stringify(marker)}: ${JSON.stringify(marker)}`;
  const at = marked.indexOf(literal);
  if (at < 0) throw new AuthdeckError('the config could not be edited in place; nothing was written');
  const separator = `,${options.eol ?? '\n'}${indentUnit(options).repeat(first.path.length)}`;
  const keys = run.map((edit) => `${JSON.stringify(edit.path.at(-1))}: ${valueText(edit, options)}`).join(separator);
  return marked.slice(0, at) + keys + marked.slice(at + literal.length);
}

function detectFormatting(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return indent.startsWith('\t')
    ? { insertSpaces: false, tabSize: 1, eol }
    : { insertSpaces: true, tabSize: indent.length, eol };
}
