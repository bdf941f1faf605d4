import type { ParseError } from 'jsonc-parser';
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

export function formatJsonDocument(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
