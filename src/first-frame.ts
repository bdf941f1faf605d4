import { paintText } from './commands/colour.js';
import type { Screen } from './navigation.js';
import { fitColumns } from './screens/dashboard/columns.js';
import { buildDashboardRows, firstSelectable } from './screens/dashboard/dashboard-rows.js';
import { rowSegments, type Segment } from './screens/dashboard/row-text.js';
import type { AgentState } from './services/profiles/agent-state.js';
import { buildStatusReport } from './services/status/report.js';
import { describeStore, layerLabel, summaryParts } from './services/status/words.js';

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
  const paint = (segment: Segment) => {
    if (!options.color) return segment.text;
    const formats = [
      ...(segment.bold ? (['bold'] as const) : []),
      ...(segment.dim ? (['dim'] as const) : []),
      ...(segment.color ? [segment.color] : []),
    ];
    return formats.length ? paintText(formats, segment.text) : segment.text;
  };
  const line = (segments: Segment[], inverse = false) => {
    let room = size.columns;
    const kept: Segment[] = [];
    for (const segment of segments) {
      if (room <= 0) break;
      kept.push({ ...segment, text: segment.text.slice(0, room) });
      room -= segment.text.length;
    }
    const text = kept.map(paint).join('');
    return inverse && options.color ? `\x1b[7m${text}\x1b[27m` : text;
  };
  const agent = state.workspace.agentId;
  const header = (title: string) =>
    line([
      { text: 'authdeck', bold: true, color: 'cyan' },
      { text: ' · ', dim: true },
      { text: title, bold: true },
      { text: ` · agent ${agent}`, dim: true },
    ]);
  if (screen.name === 'onboard' && !screen.provider) {
    return [
      header('onboard'),
      '',
      line([
        { text: 'Welcome. This sets up a credential for an AI provider, where the gateway reads it.', bold: true },
      ]),
      '',
      line([{ text: 'state dir'.padEnd(12), dim: true }, { text: state.workspace.stateDir }]),
      line([{ text: 'agent'.padEnd(12), dim: true }, { text: `${agent} (${state.workspace.agentDir})` }]),
    ];
  }
  if (screen.name !== 'dashboard') return undefined;
  const report = buildStatusReport(state, { nowMs: options.nowMs, warnWithinMs: options.warnWithinMs });
  const rows = buildDashboardRows(report);
  if (rows.length === 0) return undefined;
  const longestId = Math.max(
    0,
    ...rows.map((row) =>
      row.kind === 'profile' ? row.profile.id.length : row.kind === 'env' ? row.env.variable.length + 4 : 0,
    ),
  );
  // The same sizes the dashboard computes (DashboardScreen): the hand-over moves nothing.
  const columns = fitColumns(size.columns, longestId, {
    usage: report.profiles.some((profile) => profile.usage !== null),
    source:
      report.env.length > 0 || new Set(report.profiles.map((profile) => layerLabel(profile, report.store))).size > 1,
  });
  const tableHeight = Math.max(3, size.rows - 10);
  const cursor = firstSelectable(rows);
  const summary = summaryParts(report).flatMap((part, index): Segment[] => [
    ...(index > 0 ? [{ text: ' · ', dim: true }] : []),
    part.color ? { text: part.text, color: part.color } : { text: part.text, dim: true },
  ]);
  return [
    header('dashboard'),
    '',
    line(summary),
    line([{ text: `${describeStore(report.store)} · ${report.storePath}`, dim: true }]),
    ...report.warnings.map((warning) => line([{ text: `! ${warning}`, color: 'yellow' }])),
    '',
    ...rows
      .slice(0, tableHeight)
      .map((row, index) =>
        line(
          rowSegments(row, { selected: index === cursor, columns, now: options.nowMs, store: report.store }),
          index === cursor,
        ),
      ),
  ];
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
