import type { ParseError } from 'jsonc-parser';
import { isSafeNumber, LosslessNumber, parse as parseLossless } from 'lossless-json';
import { UnreadableStateError } from './errors.js';

/** Line and column (1-based) of a character offset, for parse errors that point at the spot. */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Parses a JSON file's text. On failure the message names the file and the position but never
 * quotes the text: these files hold secrets, and V8's own message echoes the input.
 */
export async function parseJsonDocument(text: string, path: string): Promise<unknown> {
  try {
    return JSON.parse(text);
  } catch {
    throw new UnreadableStateError(await describeParseFailure(path, text, 'JSON', { disallowComments: true }), path);
  }
}

/** Stands for a kept number inside the JSON text for one moment, then is replaced by it. */
const NUMBER_MARK = '\uE000authdeck-number\uE001';
const NUMBER_MARK_QUOTED = /"\uE000authdeck-number\uE001([^"]*)"/g;

/**
 * Parses a document that will be written back: every number stays exactly as written
 * (12345678901234567890 does not become 12345678901234567000, 1e400 does not become null),
 * because fields authdeck does not understand must survive a write unchanged.
 */
export function parseJsonForRewrite(text: string, where: string): unknown {
  try {
    // lossless-json also refuses a key written twice with two values: JSON.parse would keep the
    // last, and the write would drop the other without a word.
    return parseLossless(text, null, (raw: string) =>
      isSafeNumber(raw) && String(Number(raw)) === raw ? Number(raw) : new LosslessNumber(raw),
    );
  } catch (error) {
    throw duplicateKey(error, text, where) ?? tooDeep(error, where);
  }
}

function duplicateKey(error: unknown, text: string, where: string): UnreadableStateError | undefined {
  const match =
    error instanceof Error ? /^Duplicate key '(.*)' encountered at position (\d+)$/s.exec(error.message) : null;
  if (!match) return undefined;
  const { line } = offsetToLineColumn(text, Number(match[2]));
  const key = match[1] ?? '';
  // Cut before it is quoted, so that the quotes and escapes stay whole.
  const named = JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key);
  return new UnreadableStateError(
    `${where} has ${named} twice with different values (the second at line ${line}); a reader (OpenClaw too) keeps only the last one — remove the other, then try again (nothing was written)`,
    where,
  );
}

/** JSON text for a document, with the numbers parseJsonForRewrite kept; refuses what it cannot write. */
export function stringifyJson(value: unknown, indent: number | string | undefined, where: string): string {
  try {
    let kept = false;
    const text = JSON.stringify(
      value,
      (_key, item: unknown) => {
        if (!(item instanceof LosslessNumber)) return item;
        kept = true;
        return `${NUMBER_MARK}${item.value}`;
      },
      indent,
    );
    return kept ? text.replace(NUMBER_MARK_QUOTED, '$1') : text;
  } catch (error) {
    throw tooDeep(error, where);
  }
}

function tooDeep(error: unknown, where: string): unknown {
  return error instanceof RangeError
    ? new UnreadableStateError(
        `${where} is nested too deeply for authdeck to rewrite safely; it will not write it`,
        where,
      )
    : error;
}

/**
 * Where a document stops parsing, as "<path>: not valid JSON at line L, column C (reason)".
 * Positions come from jsonc-parser because V8's messages only sometimes carry one.
 */
export async function describeParseFailure(
  path: string,
  text: string,
  kind: string,
  options: { disallowComments: boolean },
): Promise<string> {
  const { parse: parseJsonc, printParseErrorCode } = await import('jsonc-parser');
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { ...options, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  const offset = first ? first.offset : 0;
  const reason = first ? humanParseError(printParseErrorCode(first.error)) : 'unexpected content';
  const { line, column } = offsetToLineColumn(text, offset);
  return `${path}: not valid ${kind} at line ${line}, column ${column} (${reason}); fix or move the file aside, authdeck will not overwrite it`;
}

function humanParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Reads a value as a plain object, or undefined when it is anything else. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** 2-space JSON with a trailing newline, as OpenClaw writes its files. */
export function formatJsonDocument(value: unknown, where: string): string {
  return `${stringifyJson(value, 2, where)}\n`;
}

/**
 * A map keyed by ids that come from files and the command line: no prototype, so an id such
 * as "constructor" or "__proto__" is just a key, never an inherited function.
 */
export function idMap<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The value stored under `key` itself, never one inherited from Object.prototype. */
export function ownValue(record: Record<string, unknown> | undefined, key: string): unknown {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** JSON text as an object (a CLI's output, a package's manifest), or undefined. */
export function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
