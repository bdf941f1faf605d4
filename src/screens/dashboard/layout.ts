import { fitPath, type Styled, textWidth, wrapStyled, wrapText } from '../../components/text-layout.js';

/**
 * How the dashboard fits the terminal's rows. A frame taller than the terminal scrolls its top
 * (the title) away, and Ink redraws a frame as tall as the terminal by clearing the whole screen,
 * scrollback too: the frame is kept one line shorter than the terminal. What must show is
 * placed first (the title, the open panel, the filter, a question, a message, the rows in hand);
 * then, while there is room, the first line of the hint bar (it keeps `? help`, which lists
 * every key), the counts, the warnings, the store, the rest of the hints, and the blank lines
 * between them; the table takes the rest, with a "… N more below" line when its rows do not all
 * fit. Warnings come before the store and the hints because nothing else on the screen says
 * them (the store is in the details, every key in the help). A warning shows whole or not at
 * all (its fix is at its end); when some do not fit, a line says how many and where they are.
 */
export interface LayoutInput {
  /** The terminal's rows. */
  rows: number;
  /** Lines of the title. */
  title: number;
  /** Lines that show whatever the room: an error, the filter, a question, a message. */
  fixed: number;
  /** Lines of the counts at this width. */
  summary: number;
  /** Lines each warning takes at this width. */
  warnings: readonly number[];
  /** Lines of the store line at this width; none: no store to show. */
  store: number;
  /** The open panel's lines (its border included) when it has all it wants; none: no panel. */
  panel?: number;
  /** Lines of the whole hint bar at this width. */
  hints: number;
}

export interface Layout {
  /** The blank line under the title, above the table and above the hints. */
  spaced: boolean;
  /** Lines for the counts: all they take, or none. */
  summary: number;
  /** Lines for the store line: all it takes, or none. */
  store: number;
  /** How many warnings show, each whole. */
  warnings: number;
  /** A line says how many warnings did not fit. */
  warningsLeft: boolean;
  /** Lines for the panel. */
  panel: number;
  /** Lines for the hint bar. */
  hints: number;
  /** Lines for the table, its "more" line included. */
  table: number;
}

/** Lines of the table kept before the chrome beside it: three rows and the more-line. */
const TABLE_MIN = 4;
/** The blank lines come only when the list keeps at least this many table lines besides them. */
const SPACED_TABLE = 6;

const sum = (lines: readonly number[]) => lines.reduce((total, count) => total + count, 0);

export function dashboardLayout(input: LayoutInput): Layout {
  const budget = Math.max(1, input.rows - 1) - input.title - input.fixed;
  let room = budget;
  const layout: Layout = {
    spaced: false,
    summary: 0,
    store: 0,
    warnings: 0,
    warningsLeft: false,
    panel: 0,
    hints: 0,
    table: 0,
  };
  const hintFloor = input.hints > 0 ? 1 : 0;
  if (input.panel !== undefined) {
    // The panel is what was asked for: it comes first but for the hint bar's first line (which
    // says how to close it). The table is context beside it: the row in hand, if there is room.
    layout.panel = Math.min(input.panel, Math.max(0, room - hintFloor));
    room -= layout.panel;
  }
  const tableFloor = Math.max(0, input.panel === undefined ? Math.min(TABLE_MIN, room) : Math.min(1, room - hintFloor));
  const take = (lines: number) => {
    if (lines <= 0 || lines > room - tableFloor) return false;
    room -= lines;
    return true;
  };
  if (take(hintFloor)) layout.hints = 1;
  if (take(input.summary)) layout.summary = input.summary;
  // As many warnings as fit whole, and the line that says how many did not when some do not.
  const count = input.warnings.length;
  let shown = count;
  const warningLines = (upTo: number) => sum(input.warnings.slice(0, upTo)) + (upTo < count ? 1 : 0);
  while (shown > 0 && warningLines(shown) > room - tableFloor) shown--;
  if (take(warningLines(shown))) {
    layout.warnings = shown;
    layout.warningsLeft = shown < count;
  }
  if (take(input.store)) layout.store = input.store;
  while (layout.hints < input.hints && take(1)) layout.hints++;
  // Decided on the list with all its lines, so that opening a panel does not move the top.
  const spacers = input.hints > 0 ? 3 : 2;
  const chrome = input.hints + input.summary + input.store + sum(input.warnings);
  if (budget - chrome - spacers >= SPACED_TABLE && take(spacers)) layout.spaced = true;
  layout.table = Math.max(0, room);
  return layout;
}

/**
 * Lines a message (or an error) may take: all the frame has but the title, the hint bar's first
 * line and the table's floor (the layout keeps those before any chrome, so a longer message
 * would push the hint bar out). Beyond that it is cut, and only on a terminal too short to show it.
 */
export function fixedRoom(rows: number, title: number): number {
  return Math.max(1, rows - 1 - title - 1 - TABLE_MIN);
}

/** Each warning as the `!` lines it takes at `width`: wrapped, so that its fix stays whole. */
export function warningBlocks(warnings: readonly string[], width: number): Styled[][][] {
  return warnings.map((warning) =>
    wrapStyled([{ text: warning, color: 'yellow' }], width - 2).map((line, index) => [
      { text: index === 0 ? '! ' : '  ', color: 'yellow' },
      ...line,
    ]),
  );
}

/** The line that stands for the warnings with no room: how many, and the command that lists them. */
export function warningsLeftLine(left: number, shown: number): Styled[] {
  const plural = left === 1 ? '' : 's';
  return [{ text: `! ${left}${shown > 0 ? ' more' : ''} warning${plural}: \`authdeck status\``, color: 'yellow' }];
}

/** How many rows the table shows in `lines` lines, out of `total`: one line goes to "… N more below". */
export function tableWindowRows(lines: number, total: number): number {
  if (total <= lines) return Math.max(1, lines);
  return Math.max(1, lines - 1);
}

/**
 * The store line, "JSON files (OpenClaw ≤ 2026.6.1) · /home/me/.openclaw/…/auth-profiles.json", at
 * `width`: a long path is cut from the left so that its file name stays; when the description
 * leaves no room for that, the path goes on a line of its own. The description is never cut:
 * which OpenClaw the saves are written for ("seen 2026.9.6") is the point of the line.
 */
export function storeLines(description: string, path: string, width: number): string[] {
  const full = `${description} · ${path}`;
  if (textWidth(full) <= width) return [full];
  const separator = path.includes('/') || !path.includes('\\') ? '/' : '\\';
  const fileName = path.split(separator).at(-1) ?? path;
  const room = width - 3 - textWidth(description);
  if (room >= textWidth(fileName) + 2) return [`${description} · ${fitPath(path, room)}`];
  return [...wrapText(description, width), `· ${fitPath(path, Math.max(1, width - 2))}`];
}
