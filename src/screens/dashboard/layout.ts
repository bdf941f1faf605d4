import { cutEnd, fitPath, textWidth } from '../../components/text-layout.js';

/**
 * How the dashboard fits the terminal's rows. A frame taller than the terminal scrolls its top
 * (the title) away, and Ink redraws a frame as tall as the terminal by clearing the whole screen,
 * scrollback too: the frame is kept one line shorter than the terminal. What must show is
 * placed first (the title, the open panel, the filter, a question, a message, the rows in hand);
 * then, while there is room, the first line of the hint bar, the counts, the store, the rest of
 * the hints, the warnings, and the blank lines between them; the table takes the rest, with a
 * "… N more below" line when its rows do not all fit.
 */
export interface LayoutInput {
  /** The terminal's rows. */
  rows: number;
  /** Lines of the title. */
  title: number;
  /** Lines that show whatever the room: an error, the filter, a question, a message. */
  fixed: number;
  warnings: number;
  /** The open panel's lines (its border included) when it has all it wants; none: no panel. */
  panel?: number;
  /** Lines of the whole hint bar at this width. */
  hints: number;
}

export interface Layout {
  /** The blank line under the title, above the table and above the hints. */
  spaced: boolean;
  summary: boolean;
  store: boolean;
  warnings: number;
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

export function dashboardLayout(input: LayoutInput): Layout {
  const budget = Math.max(1, input.rows - 1) - input.title - input.fixed;
  let room = budget;
  const layout: Layout = { spaced: false, summary: false, store: false, warnings: 0, panel: 0, hints: 0, table: 0 };
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
  if (take(1)) layout.summary = true;
  if (take(1)) layout.store = true;
  while (layout.hints < input.hints && take(1)) layout.hints++;
  while (layout.warnings < input.warnings && take(1)) layout.warnings++;
  // Decided on the list with all its lines, so that opening a panel does not move the top.
  const spacers = input.hints > 0 ? 3 : 2;
  if (budget - input.hints - 2 - input.warnings - spacers >= SPACED_TABLE && take(spacers)) layout.spaced = true;
  layout.table = Math.max(0, room);
  return layout;
}

/** How many rows the table shows in `lines` lines, out of `total`: one line goes to "… N more below". */
export function tableWindowRows(lines: number, total: number): number {
  if (total <= lines) return Math.max(1, lines);
  return Math.max(1, lines - 1);
}

/**
 * The store line, "JSON files (OpenClaw ≤ 2026.6.1) · /home/me/.openclaw/…/auth-profiles.json", in
 * `width`: a long path is cut from the left so that its file name stays; when even that does
 * not fit, the description is cut.
 */
export function storeLine(description: string, path: string, width: number): string {
  const full = `${description} · ${path}`;
  if (textWidth(full) <= width) return full;
  const separator = path.includes('/') || !path.includes('\\') ? '/' : '\\';
  const fileName = path.split(separator).at(-1) ?? path;
  const pathMin = Math.min(textWidth(path), textWidth(fileName) + 2);
  const descriptionRoom = width - 3 - pathMin;
  if (textWidth(description) <= descriptionRoom)
    return `${description} · ${fitPath(path, width - 3 - textWidth(description))}`;
  if (descriptionRoom >= 20) return `${cutEnd(description, descriptionRoom)} · ${fitPath(path, pathMin)}`;
  return fitPath(path, width);
}
