import { guardLine, jsonText } from '../services/terminal-text.js';
import { paintText, type StyleFormat } from './colour.js';
import { wrapLine } from './wrap-lines.js';

/** Where a plain command writes, and whether it may colour it; passed in so tests can capture. */
export interface CommandIO {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  now: () => number;
  /** The wait between a sign-in's polls; the real clock's unless a test passes a shorter one. */
  sleep?: (ms: number) => Promise<void>;
}

export interface Painter {
  enabled: boolean;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  magenta(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export function colorEnabled(
  stream: NodeJS.WriteStream,
  env: NodeJS.ProcessEnv,
  colorFlag: boolean | undefined,
): boolean {
  if (colorFlag === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  // A terminal that says it is dumb shows escape codes as text.
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export function createPainter(enabled: boolean): Painter {
  // Node's own styleText: one colour path for the CLI and the plain first frame (colour.ts).
  const wrap = (format: StyleFormat) => (text: string) => (enabled ? paintText(format, text) : text);
  return {
    enabled,
    red: wrap('red'),
    green: wrap('green'),
    yellow: wrap('yellow'),
    cyan: wrap('cyan'),
    magenta: wrap('magenta'),
    dim: wrap('dim'),
    bold: wrap('bold'),
  };
}

/**
 * Lines of a command's output, one per argument: no escape but authdeck's own colours reaches
 * the terminal, and a newline inside a value cannot start a line of its own.
 */
export function writeLine(stream: NodeJS.WriteStream, ...lines: string[]): void {
  stream.write(`${(lines.length ? lines : ['']).map(guardLine).join('\n')}\n`);
}

/**
 * A line of `writeWrapped`: where its continuation lines start, when not the default (`hang`:
 * a column, such as where a description starts after its flag), or `whole`: never broken (a
 * command to copy).
 */
export type ReadLine = string | { text: string; hang: number } | { text: string; whole: true };

/**
 * Lines for a person to read, as writeLine writes them; where stdout is a terminal, a line
 * longer than it is wide is broken at spaces (wrap-lines.ts). Never where it is not: a script
 * or a pipe gets each line whole.
 */
export function writeWrapped(stream: NodeJS.WriteStream, ...lines: ReadLine[]): void {
  writeWrappedLines(stream, lines);
}

/** writeWrapped for a list of any length (a spread of 100,000 lines would overflow the stack). */
function writeWrappedLines(stream: NodeJS.WriteStream, lines: readonly ReadLine[]): void {
  const width = stream.isTTY === true && (stream.columns ?? 0) > 0 ? stream.columns : undefined;
  const out = (lines.length ? lines : ['']).flatMap((line) => {
    const text = typeof line === 'string' ? line : line.text;
    const guarded = guardLine(text);
    if (width === undefined || (typeof line !== 'string' && 'whole' in line)) return [guarded];
    const hang = typeof line === 'string' ? undefined : line.hang;
    // A description that starts past half the width goes under its flag, indented, rather than
    // wrap a word or two at a time beside it.
    if (hang !== undefined && hang > width / 2 && guarded.length > width)
      return [guarded.slice(0, hang).trimEnd(), ...wrapLine(`${' '.repeat(8)}${guarded.slice(hang)}`, width, 8)];
    return wrapLine(guarded, width, hang);
  });
  stream.write(`${out.join('\n')}\n`);
}

/** A block of lines (one string, `\n` between them) written as writeWrapped writes lines. */
export function writeWrappedBlock(stream: NodeJS.WriteStream, block: string): void {
  writeWrappedLines(stream, block.replace(/\n$/, '').split('\n'));
}

/** `--json`: exact values; the characters a terminal would act on are written as \u escapes. */
export function writeJson(stream: NodeJS.WriteStream, value: unknown): void {
  stream.write(`${jsonText(value)}\n`);
}
