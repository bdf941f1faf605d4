import { writeFileAtomic } from './atomic-write.js';
import { UsageError } from './errors.js';
import { readTextIfExists } from './fs-read.js';
import { withFileLock } from './lock.js';

/** The daemon's `.env` as the gateway loads it; a missing file is an empty one. */
export async function readDaemonEnv(path: string): Promise<Record<string, string>> {
  const text = await readTextIfExists(path);
  return text === undefined ? {} : parseDotenv(text);
}

async function parseDotenv(text: string): Promise<Record<string, string>> {
  // Loaded only when there is a file: dotenv pulls in node:crypto, costly at start-up.
  const dotenv = await import('dotenv');
  // dotenv is CommonJS: bundled, its functions sit on the default export.
  const parse = dotenv.parse ?? (dotenv as unknown as { default: typeof dotenv }).default.parse;
  return parse(text);
}

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
  return withFileLock(path, async () => {
    const before = (await readTextIfExists(path)) ?? '';
    const previous = before === '' ? undefined : (await parseDotenv(before))[name];
    const after = editEnvText(before, name, value);
    if (after === before) return { changed: false, ...(previous !== undefined ? { previous } : {}) };
    await writeFileAtomic(path, after);
    return { changed: true, ...(previous !== undefined ? { previous } : {}) };
  });
}

export function editEnvText(text: string, name: string, value: string | undefined): string {
  // A file written on Windows keeps its CRLF line ends (and a CR must not hide a match).
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text === '' ? [] : text.split(/\r?\n/);
  const trailingNewline = text === '' || text.endsWith('\n');
  if (trailingNewline && lines.length > 0) lines.pop();
  const out: string[] = [];
  let replaced = false;
  for (let i = 0; i < lines.length; i++) {
    const span = assignmentSpan(lines, i);
    if (span.name !== name) {
      out.push(...lines.slice(i, span.end + 1));
    } else if (value !== undefined) {
      out.push(`${span.exported ? 'export ' : ''}${name}=${quoteEnvValue(value)}`);
      replaced = true;
    }
    i = span.end;
  }
  if (value !== undefined && !replaced) out.push(`${name}=${quoteEnvValue(value)}`);
  return out.length === 0 ? '' : `${out.join(eol)}${eol}`;
}

/** The variable a line assigns and the last line of its value (quoted values may span lines). */
function assignmentSpan(lines: string[], start: number): { name?: string; exported: boolean; end: number } {
  const match = /^\s*(export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(lines[start] ?? '');
  if (!match) return { exported: false, end: start };
  const [, exported, name, rest = ''] = match;
  const quote = rest[0];
  let end = start;
  if (quote === '"' || quote === "'" || quote === '`') {
    const closesOnSameLine = new RegExp(`^${quote}(?:\\\\.|[^${quote}\\\\])*${quote}`).test(rest);
    if (!closesOnSameLine) {
      while (end + 1 < lines.length && !(lines[end + 1] ?? '').includes(quote)) end++;
      if (end + 1 < lines.length) end++;
    }
  }
  return { ...(name ? { name } : {}), exported: exported !== undefined, end };
}

function quoteEnvValue(value: string): string {
  if (/^[A-Za-z0-9_\-.:/+=@,~]*$/.test(value)) return value;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
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
    const fromProcess = processEnv[name];
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
  return undefined;
}
