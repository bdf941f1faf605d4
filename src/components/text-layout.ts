import { eastAsianWidth } from 'get-east-asian-width';
import { breakAt, commandStartBefore } from '../services/line-breaks.js';

/**
 * Lines laid out before they are drawn: a screen that must fit the terminal's rows has to know
 * how many lines each piece takes, so the pieces that wrap are wrapped here (and drawn one
 * `Text` per line) rather than by Ink. Pure: the plain first frame uses it before Ink loads.
 * Widths are counted in code points, as the rest of the screens count them.
 */

/** One piece of a line and how it looks. */
export interface Styled {
  text: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
}

/**
 * The columns a screen draws in: one short of the terminal. A line that fills the last column
 * leaves the cursor waiting to wrap; terminals (tmux) then show a blank line after it, and
 * Ink's next redraw lands a row off (a title drawn twice).
 */
export function usableColumns(terminalColumns: number): number {
  return Math.max(1, terminalColumns - 1);
}

/** A terminal's size as screens draw in it: its usable columns, its rows (80×24 where it says none). */
export function terminalSize(stdout: { columns?: number; rows?: number }): { columns: number; rows: number } {
  return { columns: usableColumns(stdout.columns || 80), rows: stdout.rows || 24 };
}

export function textWidth(text: string): number {
  return [...text].length;
}

/**
 * Whether every character of the text takes one column, as textWidth counts: no CJK, Hangul,
 * emoji or other wide or zero-width character (those start at U+1100, bar punctuation, arrows and
 * box drawing), no combining mark. Text that is not is left to Ink's own wrap, which measures it.
 */
export function isNarrowText(text: string): boolean {
  // Most text is ASCII: answered without the Unicode property classes, whose first use costs
  // every `status` start-up a millisecond.
  if (/^[\u0000-\u007f]*$/.test(text)) return true;
  // Combining marks (U+0300…), format characters (a soft hyphen) and zero-width ones sit inside
  // those ranges but take no column.
  return /^[\u0000-\u10ff\u2000-\u2bff]*$/.test(text) && !/[\p{M}\p{Cf}]/u.test(text);
}

/** What takes no column of its own: marks, joiners, selectors, format characters. */
const ZERO_WIDTH = /^[\p{M}\p{Cf}]$/u;
const EMOJI = /\p{Extended_Pictographic}/u;
// Made on first wide text: building a Segmenter loads ICU's break data, ~10 ms that every plain
// `status` line would otherwise pay at start-up.
let segmenter: Intl.Segmenter | undefined;
function graphemes(text: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter();
  return segmenter.segment(text);
}

/**
 * The columns a terminal gives the text, as Ink measures it (string-width): per character as
 * the eye sees one (a grapheme cluster), two for a wide one (CJK, Hangul, an emoji with its
 * skin tone, a ZWJ family, a ❤️ with its selector), none for marks and format characters.
 */
export function textColumns(text: string): number {
  if (isNarrowText(text)) return [...text].length;
  let columns = 0;
  for (const { segment } of graphemes(text)) columns += clusterColumns(segment);
  return columns;
}

function clusterColumns(cluster: string): number {
  const visible = [...cluster].find((char) => !ZERO_WIDTH.test(char));
  if (visible === undefined) return 0;
  // An emoji drawn as one: wide, whatever its parts (a skin tone, a joiner, U+FE0F).
  if (EMOJI.test(visible) && (cluster.length > visible.length || eastAsianWidth(visible.codePointAt(0) ?? 0) === 2))
    return 2;
  return eastAsianWidth(visible.codePointAt(0) ?? 0);
}

/** The longest start of `text` that takes at most `width` columns, whole characters only. */
export function startWithin(text: string, width: number): string {
  let columns = 0;
  let end = 0;
  for (const { segment } of graphemes(text)) {
    columns += clusterColumns(segment);
    if (columns > width) break;
    end += segment.length;
  }
  return text.slice(0, end);
}

/** `text` cut to `width` with a trailing … when it is longer. */
export function cutEnd(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  return width <= 0 ? '' : `${chars.slice(0, width - 1).join('')}…`;
}

/**
 * Where each line of `text` starts and ends when it is word-wrapped at `width`: a line breaks
 * where services/line-breaks.ts says (a space, which is not drawn, or after a `/` of a path),
 * and a line break starts a new line.
 */
function wrapRanges(chars: string[], width: number): Array<[number, number]> {
  // A `command` (a fix) that fits on a line starts one rather than breaking inside, where that
  // costs no line: in a short terminal the line is worth more than the command in one piece.
  const kept = rangesAt(chars, width, true);
  const plain = rangesAt(chars, width, false);
  return kept.length <= plain.length ? kept : plain;
}

function rangesAt(chars: string[], width: number, keepCommands: boolean): Array<[number, number]> {
  const room = Math.max(1, width);
  const ranges: Array<[number, number]> = [];
  let paragraph = 0;
  for (let index = 0; index <= chars.length; index++) {
    if (index < chars.length && chars[index] !== '\n') continue;
    let start = paragraph;
    while (index - start > room) {
      const [end, next] = breakAt(chars, start, room);
      const before = keepCommands && end > start ? commandStartBefore(chars, start, end, room) : undefined;
      if (before !== undefined) {
        ranges.push([start, before]);
        start = before + 1;
        continue;
      }
      ranges.push([start, end]);
      start = next;
    }
    ranges.push([start, index]);
    paragraph = index + 1;
  }
  return ranges;
}

/** Plain text word-wrapped at `width`. */
export function wrapText(text: string, width: number): string[] {
  const chars = [...text];
  return wrapRanges(chars, width).map(([start, end]) => chars.slice(start, end).join(''));
}

/**
 * Styled pieces word-wrapped at `width`, each line its own pieces; at most `maxLines` lines,
 * the last one ending in … when some were left out.
 */
export function wrapStyled<S extends Styled>(segments: readonly S[], width: number, maxLines = Infinity): S[][] {
  const chars: string[] = [];
  const owner: number[] = [];
  segments.forEach((segment, index) => {
    for (const char of segment.text) {
      chars.push(char);
      owner.push(index);
    }
  });
  let ranges = wrapRanges(chars, width);
  let cut = false;
  if (ranges.length > maxLines) {
    ranges = ranges.slice(0, Math.max(0, maxLines));
    cut = true;
  }
  return ranges.map(([start, end], lineIndex) => {
    const line: S[] = [];
    let index = start;
    while (index < end) {
      const segment = owner[index] as number;
      let until = index;
      while (until < end && owner[until] === segment) until++;
      line.push({ ...(segments[segment] as S), text: chars.slice(index, until).join('') });
      index = until;
    }
    if (cut && lineIndex === ranges.length - 1 && line.length > 0) {
      const last = line.at(-1) as S;
      const used = line.reduce((sum, segment) => sum + textWidth(segment.text), 0);
      last.text = used + 1 > Math.max(1, width) ? `${[...last.text].slice(0, -1).join('')}…` : `${last.text}…`;
    }
    return line;
  });
}

/**
 * A path cut from the left so that its file name stays in view: "…/agents/main/agent/auth-profiles.json".
 * Whole directories go first; a file name longer than the room keeps its end.
 */
export function fitPath(path: string, room: number): string {
  if (textWidth(path) <= room) return path;
  if (room <= 1) return room === 1 ? '…' : '';
  const separator = path.includes('/') || !path.includes('\\') ? '/' : '\\';
  const parts = path.split(separator);
  let tail = parts.at(-1) ?? '';
  for (let index = parts.length - 2; index >= 0; index--) {
    const longer = `${parts[index]}${separator}${tail}`;
    if (textWidth(longer) + 2 > room) break;
    tail = longer;
  }
  if (textWidth(tail) + 2 <= room) return `…${separator}${tail}`;
  return `…${[...path].slice(-(room - 1)).join('')}`;
}

/**
 * Items of these widths placed in rows of `width` with `gap` between them, as a wrapping flex
 * row places them: each row holds the indexes of its items.
 */
export function packRows(widths: readonly number[], gap: number, width: number): number[][] {
  const rows: number[][] = [];
  let row: number[] = [];
  let used = 0;
  widths.forEach((itemWidth, index) => {
    if (row.length > 0 && used + gap + itemWidth > width) {
      rows.push(row);
      row = [];
      used = 0;
    }
    used += (row.length > 0 ? gap : 0) + itemWidth;
    row.push(index);
  });
  if (row.length > 0) rows.push(row);
  return rows;
}

/** How many lines rows of items take when an item wider than the line wraps on its own. */
export function rowsHeight(rows: readonly number[][], widths: readonly number[], width: number): number {
  return rows.reduce(
    (lines, row) => lines + (row.length === 1 ? Math.max(1, Math.ceil((widths[row[0] as number] ?? 0) / width)) : 1),
    0,
  );
}

/** A key and what it does, as the hint bar shows it. */
export type HintPair = readonly [key: string, action: string];

const HINT_GAP = 2;
const hintWidth = ([key, action]: HintPair) => textWidth(key) + 1 + textWidth(action);

/**
 * The hint bar's lines at `width`: as many hints as fit in `maxLines` lines, in their order.
 * When some are left out the help key (`?`) stays, at the end of the last line: it lists them.
 */
export function packHints<H extends HintPair>(hints: readonly H[], width: number, maxLines = Infinity): H[][] {
  if (maxLines <= 0) return [];
  const widths = hints.map(hintWidth);
  const rows = packRows(widths, HINT_GAP, width);
  if (rows.length <= maxLines) {
    // As even as the same number of lines allows: never a line holding only `q quit`.
    let narrowest = width;
    for (let low = 1, high = width; low <= high; ) {
      const mid = Math.floor((low + high) / 2);
      if (packRows(widths, HINT_GAP, mid).length <= rows.length) {
        narrowest = mid;
        high = mid - 1;
      } else low = mid + 1;
    }
    return packRows(widths, HINT_GAP, narrowest).map((row) => row.map((index) => hints[index] as H));
  }
  const kept = rows.slice(0, maxLines);
  const help = hints.findIndex(([key]) => key === '?');
  const last = kept.at(-1) as number[];
  if (help !== -1 && !kept.flat().includes(help)) {
    const used = () => last.reduce((sum, index) => sum + (widths[index] ?? 0) + HINT_GAP, 0);
    while (last.length > 0 && used() + (widths[help] ?? 0) > width) last.pop();
    last.push(help);
  }
  return kept.filter((row) => row.length > 0).map((row) => row.map((index) => hints[index] as H));
}

/** The header's pieces: the app, the screen, the agent. */
export function headerPieces(title: string, agentId: string): Styled[] {
  return [
    { text: 'authdeck', bold: true, color: 'cyan' },
    { text: '·', dim: true },
    { text: title, bold: true },
    { text: `· agent ${agentId}`, dim: true },
  ];
}

/** The header's lines at `width`: whole pieces move to the next line; one wider than a line wraps. */
export function headerLines(title: string, agentId: string, width: number): Styled[][] {
  return pieceLines(headerPieces(title, agentId), { text: ' ' }, width);
}

/**
 * Pieces joined by `separator` at `width`: a piece that does not fit on the line moves whole to
 * the next one (the separator is not drawn at the break); one wider than a line wraps.
 */
export function pieceLines(pieces: readonly Styled[], separator: Styled, width: number): Styled[][] {
  const rows = packRows(
    pieces.map((piece) => textWidth(piece.text)),
    textWidth(separator.text),
    width,
  );
  return rows.flatMap((row) =>
    wrapStyled(
      row.flatMap((index, position) => [...(position > 0 ? [separator] : []), pieces[index] as Styled]),
      width,
    ),
  );
}
