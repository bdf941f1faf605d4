import { paintText } from './commands/colour.js';
import { hintsFor } from './components/key-table.js';
import { summaryLines } from './components/summary-lines.js';
import { headerLines, packHints, type Styled, wrapText } from './components/text-layout.js';
import type { Screen } from './navigation.js';
import { fitColumns, longestIdOf } from './screens/dashboard/columns.js';
import { LIST_KEYS } from './screens/dashboard/dashboard-keys.js';
import {
  buildDashboardRows,
  firstSelectable,
  isSelectable,
  visibleWindow,
} from './screens/dashboard/dashboard-rows.js';
import {
  dashboardLayout,
  storeLines,
  tableWindowRows,
  warningBlocks,
  warningsLeftLine,
} from './screens/dashboard/layout.js';
import { columnNeedsOf, rowSegments, type Segment } from './screens/dashboard/row-text.js';
import { WELCOME, WELCOME_LABEL, welcomeRow } from './screens/onboard/welcome-lines.js';
import type { AgentState } from './services/profiles/agent-state.js';
import { buildStatusReport } from './services/status/report.js';
import { credentialsPath, describeStore } from './services/status/words.js';
import { shown } from './services/terminal-text.js';

/**
 * The first screen as plain text, drawn the moment the store is read, while Ink and React are
 * still loading (~100 ms): the same header and rows Ink is about to draw, from the same
 * segments. Returns its lines; Ink then draws over exactly these (see takeOverFirstFrame).
 */
export function plainFirstFrame(
  screen: Screen,
  state: AgentState,
  size: { columns: number; rows: number },
  options: { color: boolean; nowMs: number; warnWithinMs: number },
): string[] | undefined {
  const paint = (segment: Segment | Styled) => {
    if (!options.color) return segment.text;
    const formats = [
      ...(segment.bold ? (['bold'] as const) : []),
      ...(segment.dim ? (['dim'] as const) : []),
      ...(segment.color ? [segment.color as NonNullable<Segment['color']>] : []),
    ];
    return formats.length ? paintText(formats, segment.text) : segment.text;
  };
  const line = (segments: Array<Segment | Styled>, inverse = false) => {
    let room = size.columns;
    const kept: Array<Segment | Styled> = [];
    for (const segment of segments) {
      if (room <= 0) break;
      kept.push({ ...segment, text: segment.text.slice(0, room) });
      room -= segment.text.length;
    }
    const text = kept.map(paint).join('');
    return inverse && options.color ? `\x1b[7m${text}\x1b[27m` : text;
  };
  const agent = state.workspace.agentId;
  const header = (title: string) => headerLines(title, shown(agent), size.columns).map((pieces) => line(pieces));
  if (screen.name === 'onboard' && !screen.provider) {
    return [
      ...header('onboard'),
      '',
      ...wrapText(WELCOME, size.columns).map((text) => line([{ text, bold: true }])),
      '',
      ...[
        ['state dir', state.workspace.stateDir],
        ['agent', `${agent} (${state.workspace.agentDir})`],
      ].flatMap(([label = '', value = '']) =>
        welcomeRow(shown(value), size.columns).map((text, index) =>
          line([{ text: (index === 0 ? label : '').padEnd(WELCOME_LABEL), dim: true }, { text }]),
        ),
      ),
    ];
  }
  if (screen.name !== 'dashboard') return undefined;
  const report = buildStatusReport(state, { nowMs: options.nowMs, warnWithinMs: options.warnWithinMs });
  const rows = buildDashboardRows(report);
  if (rows.length === 0) return undefined;
  const longestId = longestIdOf(rows);
  // The same sizes the dashboard computes (DashboardScreen): the hand-over moves nothing.
  const columns = fitColumns(size.columns, longestId, columnNeedsOf(report, rows, options.nowMs));
  const cursor = firstSelectable(rows);
  const selected = rows[cursor];
  // The same layout the dashboard computes for its first frame (layout.ts): the same lines fit.
  const hints = hintsFor(LIST_KEYS, {
    row: selected && isSelectable(selected) ? selected : undefined,
    filter: '',
    selectable: rows.filter(isSelectable).length,
  });
  const title = headerLines('dashboard', shown(agent), size.columns);
  const warnings = warningBlocks(
    report.warnings.map((warning) => shown(warning)),
    size.columns,
  );
  const store = storeLines(
    describeStore(report.store),
    shown(credentialsPath(report.store, report.storePath)),
    size.columns,
  );
  const summary = summaryLines(report, size.columns);
  const layout = dashboardLayout({
    rows: size.rows,
    title: title.length,
    fixed: 0,
    summary: summary.length,
    warnings: warnings.map((lines) => lines.length),
    store: store.length,
    hints: packHints(hints, size.columns).length,
  });
  const tableRows = tableWindowRows(layout.table, rows.length);
  const top = visibleWindow(rows.length, cursor, tableRows, 0);
  const more = rows.length - top - tableRows;
  return [
    ...title.map((pieces) => line(pieces)),
    ...(layout.spaced ? [''] : []),
    ...summary.slice(0, layout.summary).map((pieces) => line(pieces)),
    ...store.slice(0, layout.store).map((text) => line([{ text, dim: true }])),
    ...warnings
      .slice(0, layout.warnings)
      .flat()
      .map((pieces) => line(pieces)),
    ...(layout.warningsLeft ? [line(warningsLeftLine(warnings.length - layout.warnings, layout.warnings))] : []),
    ...(layout.spaced ? [''] : []),
    ...rows
      .slice(top, top + tableRows)
      .map((row, index) =>
        line(
          rowSegments(row, { selected: top + index === cursor, columns, now: options.nowMs, store: report.store }),
          top + index === cursor,
        ),
      ),
    ...(layout.table > tableRows && more > 0 ? [line([{ text: ` … ${more} more below`, dim: true }])] : []),
  ];
}

/**
 * claude's sign-in link, drawn as plain text the moment claude prints it when Ink is still
 * loading (~100 ms): the link is what setup-token's user waits for. Returns the rows it took
 * (a long link wraps), for takeOverFirstFrame; 0 when it would not fit the terminal.
 */
export function drawPlainLink(stdout: NodeJS.WriteStream, url: string): number {
  return drawPlainLines(stdout, ['', '1. Open this link and sign in with your Claude account:', '', shown(url), '']);
}

/** Plain lines (ASCII or narrow text) below the cursor; the rows they took, 0 when they would not fit. */
export function drawPlainLines(stdout: NodeJS.WriteStream, lines: string[]): number {
  const { columns, rows } = { columns: stdout.columns || 80, rows: stdout.rows || 24 };
  const taken = lines.reduce((sum, text) => sum + Math.max(1, Math.ceil([...text].length / columns)), 0);
  if (taken >= rows) return 0;
  stdout.write(`${lines.join('\n')}\n`);
  return taken;
}

/**
 * Ink draws its first frame where the cursor is: just before it, the plain frame is erased in
 * the same write, so the terminal never shows an empty screen or both frames.
 */
export function takeOverFirstFrame(stdout: NodeJS.WriteStream, lines: number): void {
  const write = stdout.write;
  stdout.write = function firstInkWrite(this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    stdout.write = write;
    const erase = `\x1b[${lines}A\r\x1b[J`;
    const data = typeof chunk === 'string' ? erase + chunk : Buffer.concat([Buffer.from(erase), chunk as Uint8Array]);
    return Reflect.apply(write, this, [data, ...rest]);
  } as typeof stdout.write;
}
