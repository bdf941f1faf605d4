import { statSync } from 'node:fs';
import { envValue } from './env-value.js';
import { AuthdeckError, UsageError } from './errors.js';
import { writeFileAtomic } from './files/atomic-write.js';
import { isLossyRead, readTextIfExists } from './files/fs-read.js';
import { withFileLock } from './files/lock.js';

/**
 * The most OpenClaw 2026.9 reads of a `.env`: a larger file it skips whole ("skipping oversized
 * .env file"), so every variable in it is unset for the gateway.
 */
export const MAX_DOTENV_BYTES = 1024 * 1024;

/**
 * The file's size in bytes when it is a regular file larger than OpenClaw reads, which the
 * gateway then skips whole (doctor and `env list` say so); else undefined.
 */
export function daemonEnvSkipped(path: string): number | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() && stats.size > MAX_DOTENV_BYTES ? stats.size : undefined;
  } catch {
    return undefined;
  }
}

/** The daemon's `.env` as the gateway loads it; a missing file, or one it skips, is an empty one. */
export async function readDaemonEnv(path: string): Promise<Record<string, string>> {
  // By its size on disk, before it is read: a file of any size past the limit is skipped, as
  // OpenClaw skips it, not refused for being larger than authdeck reads.
  if (daemonEnvSkipped(path) !== undefined) return {};
  const text = await readTextIfExists(path);
  return text === undefined ? {} : (await dotenvParser())(text);
}

/** What it means for the gateway that the file is larger than it reads. */
export const DOTENV_SKIPPED = 'so OpenClaw skips the whole file: none of its variables reach the gateway';

export function isValidEnvName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && name !== '__proto__';
}

/**
 * Sets or removes one variable and leaves every other line (comments, blank lines, other
 * variables, multi-line values) exactly as it was. Runs under the same lock protocol.
 */
export interface EnvChange {
  changed: boolean;
  /** The value the variable had before, when it had one (for "replaced sk-…abcd"). */
  previous?: string;
}

export async function setDaemonEnvVar(path: string, name: string, value: string | undefined): Promise<EnvChange> {
  if (!isValidEnvName(name)) throw new UsageError(`"${name}" is not a valid environment variable name`);
  const parse = await dotenvParser();
  // Checked before the lock is taken: a value the gateway would read back otherwise is refused.
  const assignment = value === undefined ? undefined : `${name}=${quoteEnvValue(value, name, parse)}`;
  return withFileLock(path, async () => {
    const before = (await readTextIfExists(path)) ?? '';
    // Bytes that are not UTF-8 would come back as U+FFFD in every line written back: the file
    // is left as it is instead (every other line is kept byte for byte, or nothing is written).
    if (isLossyRead(path, before))
      throw new AuthdeckError(
        `${path} is not UTF-8 text, and writing it back would change the bytes of its other lines; edit it by hand (nothing was written)`,
      );
    const was = before === '' ? {} : parse(before);
    const previous = envValue(was, name);
    const after = editEnvText(before, name, assignment);
    // Read back as the gateway reads it: only this variable changed, or nothing is written.
    const expected: Record<string, string> = { ...was };
    if (value === undefined) delete expected[name];
    else expected[name] = value;
    if (!sameValues(parse(after), expected))
      throw new AuthdeckError(
        `${path}: ${name} cannot be ${value === undefined ? 'removed' : 'set'} there without changing how the gateway reads the lines around it (a quoted value over several lines, a line ending in CR alone, or a line authdeck does not read as an assignment); edit the file by hand`,
      );
    if (after === before) return { changed: false, ...(previous !== undefined ? { previous } : {}) };
    if (value !== undefined && Buffer.byteLength(after) > MAX_DOTENV_BYTES)
      throw new AuthdeckError(
        `${path} would be larger than 1 MiB with ${name} set, and OpenClaw skips a .env that large whole (every variable in it); nothing was written`,
      );
    await writeFileAtomic(path, after);
    return { changed: true, ...(previous !== undefined ? { previous } : {}) };
  });
}

type DotenvParse = (text: string) => Record<string, string>;

function sameValues(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
}

async function dotenvParser(): Promise<DotenvParse> {
  // Loaded only when a .env is read or written: dotenv pulls in node:crypto, costly at start-up.
  const dotenv = await import('dotenv');
  // dotenv is CommonJS: bundled, its functions sit on the default export.
  return dotenv.parse ?? (dotenv as unknown as { default: typeof dotenv }).default.parse;
}

/**
 * Replaces (or, with `assignment` undefined, removes) the variable's line and leaves every other
 * line — comments, blank lines, other variables, multi-line values — byte for byte, each with
 * its own line ending (one CRLF line does not make the file CRLF). A new line takes the ending of
 * the file's last line.
 */
export function editEnvText(text: string, name: string, assignment: string | undefined): string {
  const lines = text === '' ? [] : (text.match(/[^\n]*\n|[^\n]+$/g) ?? []);
  const body = (line: string) => line.replace(/\r?\n$/, '');
  const ending = (line: string) => line.slice(body(line).length) || '\n';
  // Once, not per line: per line made a 20,000-line file take 36 s (and Ctrl+C wait for it).
  const bodies = lines.map(body);
  const out: string[] = [];
  let replaced = false;
  for (let i = 0; i < lines.length; i++) {
    const span = assignmentSpan(bodies, i);
    if (span.name !== name) out.push(...lines.slice(i, span.end + 1));
    else if (assignment !== undefined) {
      const comment = span.end === i ? inlineComment(body(lines[i] ?? '')) : '';
      out.push(`${span.exported ? 'export ' : ''}${assignment}${comment}${ending(lines[span.end] ?? '')}`);
      replaced = true;
    }
    i = span.end;
  }
  if (assignment !== undefined && !replaced) {
    const last = out.at(-1);
    if (last !== undefined && !last.endsWith('\n')) out[out.length - 1] = `${last}\n`;
    out.push(`${assignment}${last === undefined ? '\n' : ending(last)}`);
  }
  return out.join('');
}

/**
 * The `# note` after a one-line assignment's value, with the space before it, so that a
 * replaced value keeps the person's note. dotenv ends a bare value at its first `#` and a
 * quoted one at its closing quote; the values authdeck writes hold no `#` outside quotes.
 */
function inlineComment(line: string): string {
  const value = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*=\s*(.*)$/.exec(line)?.[1] ?? '';
  const match = /^(?:'(?:\\'|[^'])*'|"(?:\\"|[^"])*"|`(?:\\`|[^`])*`|[^#'"`][^#]*?|)(\s*#.*)$/.exec(value);
  return match?.[1] ?? '';
}

/**
 * The variable a line assigns and the last line of its value, as dotenv reads it: a quoted value
 * may run across lines to the quote of its kind that ends a line; one that never closes is the
 * line alone.
 */
function assignmentSpan(lines: string[], start: number): { name?: string; exported: boolean; end: number } {
  const match = /^\s*(export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(lines[start] ?? '');
  if (!match) return { exported: false, end: start };
  const [, exported, name, rest = ''] = match;
  const quote = rest[0];
  let end = start;
  if (quote === '"' || quote === "'" || quote === '`') {
    // dotenv's own pattern (its LINE expression) over the lines that follow: the value ends at a
    // quote that ends its line (a comment may follow), so `'C:\\dir\\'` is one line.
    const quoted = new RegExp(`^${quote}(?:\\\\${quote}|[^${quote}])*${quote}(?=[^\\S\\n]*(?:#[^\\n]*)?(?:\\n|$))`);
    // The value can end only at a quote up to the first one no backslash precedes: the lines up
    // to that one decide it. Joining every line after each quoted one made a file of unclosed
    // quotes quadratic (20,000 lines: 7 s).
    const unescaped = new RegExp(`(?:^|[^\\\\])${quote}`);
    const window = [rest];
    if (!unescaped.test(rest.slice(1)))
      for (let next = start + 1; next < lines.length; next++) {
        window.push(lines[next] ?? '');
        if (unescaped.test(lines[next] ?? '')) break;
      }
    const value = quoted.exec(window.join('\n'))?.[0] ?? '';
    end += value.split('\n').length - 1;
  }
  return { ...(name ? { name } : {}), exported: exported !== undefined, end };
}

/**
 * The value as the gateway's loader (dotenv) reads it back byte for byte: bare when it is
 * plain, else in single quotes (dotenv takes them literally), else backticks, else double
 * quotes (where dotenv turns \\n into a newline and leaves every other backslash). Each form is
 * checked by parsing it back; a value no form can carry is refused rather than changed.
 */
function quoteEnvValue(value: string, name: string, parse: DotenvParse): string {
  const forms = /^[A-Za-z0-9_\-.:/+=@,~]*$/.test(value) ? [value] : [`'${value}'`, `\`${value}\``, `"${value}"`];
  for (const form of forms) if (parse(`${name}=${form}\n`)[name] === value) return form;
  throw new UsageError(
    `${name}: this value cannot be written to a .env so that the gateway reads it back unchanged (it mixes ', " and \` quotes, or ends in a backslash); set it in the service's environment instead`,
  );
}

/** One variable of the daemon's `.env` as `env list` shows it. */
export interface DaemonEnvEntry {
  name: string;
  value: string;
  /** The provider whose credential it is, when it is one the gateway reads. */
  provider?: string;
  /** The process environment sets it too, to another value: that one wins where authdeck (or a shell) runs. */
  overriddenByProcess: boolean;
}

export function describeDaemonEnv(
  values: Record<string, string>,
  processEnv: Record<string, string | undefined>,
  providerOf: (name: string) => string | undefined,
): DaemonEnvEntry[] {
  return Object.entries(values).map(([name, value]) => {
    const provider = providerOf(name);
    const fromProcess = envValue(processEnv, name);
    return {
      name,
      value,
      ...(provider ? { provider } : {}),
      overriddenByProcess: fromProcess !== undefined && fromProcess.trim() !== '' && fromProcess !== value,
    };
  });
}

/** A value the `.env` format can hold on one line: the gateway's loader would cut it otherwise. */
export function envValueProblem(value: string): string | undefined {
  if (value === '') return 'the value is empty (use `env unset` to remove a variable)';
  if (/[\r\n\u2028\u2029]/.test(value)) return 'the value holds a line break; a .env value must be one line';
  if (value.includes('\0')) return 'the value holds a NUL character';
  // An escape sequence or another control character is a terminal's, never part of a value.
  if (/[\x01-\x08\x0b-\x1f\x7f]/.test(value)) return 'the value holds a control character (an escape sequence?)';
  return undefined;
}
