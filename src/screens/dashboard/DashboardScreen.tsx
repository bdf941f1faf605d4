import { Box, Text } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Header } from '../../components/Header.js';
import { KeyHints } from '../../components/KeyHints.js';
import { StyledLines } from '../../components/StyledLines.js';
import { summaryLines } from '../../components/summary-lines.js';
import { useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { headerLines, packHints, wrapStyled } from '../../components/text-layout.js';
import { useServices } from '../../contexts.js';
import { useAgentState } from '../../hooks/use-agent-state.js';
import { useClock } from '../../hooks/use-clock.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import type { ProbeOutcome } from '../../services/probe/probe-runner.js';
import { profileStorePath } from '../../services/profiles/agent-state.js';
import { credentialsPath, describeStore } from '../../services/status/words.js';
import { shown } from '../../services/terminal-text.js';
import { AgentSwitcher, agentPanelLines } from './AgentSwitcher.js';
import { fitColumns, longestIdOf } from './columns.js';
import { DoctorPanel } from './DoctorPanel.js';
import { cursorIndex, isSelectable } from './dashboard-rows.js';
import { confirmQuestion, modeHints, toneColor } from './dashboard-words.js';
import { ExplainPanel } from './ExplainPanel.js';
import { FilterLine, filterLines } from './FilterLine.js';
import { HelpPanel, helpLastTop, helpPanelLines } from './HelpPanel.js';
import { dashboardLayout, fixedRoom, storeLines, tableWindowRows, warningBlocks, warningsLeftLine } from './layout.js';
import { detailsLastTop, detailsPanelLines, ProfileDetails } from './ProfileDetails.js';
import { ProfileTable } from './ProfileTable.js';
import { columnNeedsOf } from './row-text.js';
import { useDashboardActions } from './use-dashboard-actions.js';
import { useDashboardUi } from './use-dashboard-ui.js';
import { useListKeys } from './use-list-keys.js';
import { useLiveReport } from './use-live-report.js';
import { useRowsFor } from './use-rows-for.js';

const MESSAGE_MS = 8000;

/** Every profile of the agent, live: it re-reads when the files change and counts down each second. */
export function DashboardScreen({
  select,
  cursor: cursorAtStart,
  filter = '',
}: {
  select?: string;
  cursor?: string;
  filter?: string;
} = {}) {
  const services = useServices();
  const { state, error, loading, reload } = useAgentState();
  const now = useClock();
  const { columns: width, rows: height } = useTerminalSize();
  // A profile just added may reach the report a moment after this screen: the cursor is on it
  // once it is there (the cursor is the row with this key whenever there is one).
  // A profile just added is shown whatever the filter was: the filter goes with it.
  const startFilter = select ? '' : filter;
  const [ui, dispatch, getUi] = useDashboardUi(select ? `id:${select}` : cursorAtStart, startFilter);
  const filterField = useTextFieldState(startFilter);
  const actions = useDashboardActions(dispatch, reload, getUi);
  const [probes, setProbes] = useState<Record<string, ProbeOutcome>>({});

  const report = useLiveReport(state, now, services.warnWithinMs);
  const rowsFor = useRowsFor(report);
  const rows = rowsFor(ui.filter);
  const longestId = useMemo(() => longestIdOf(rows), [rows]);
  // The status and expiry columns widen with their texts and never narrow while the screen is
  // open: an expired profile's "12m 5s ago" → "12m 15s ago" moved every column after it.
  const widest = useRef({ status: 0, expiry: 0 });
  const needs = useMemo(() => {
    if (!report) return { usage: Object.keys(probes).length > 0, source: false };
    const found = columnNeedsOf(report, rows, now, Object.keys(probes).length > 0);
    widest.current = {
      status: Math.max(widest.current.status, found.longestStatus ?? 0),
      expiry: Math.max(widest.current.expiry, found.longestExpiry ?? 0),
    };
    return { ...found, longestStatus: widest.current.status, longestExpiry: widest.current.expiry };
  }, [report, rows, now, probes]);
  const columns = fitColumns(width, longestId, needs);
  const [doctorLines, setDoctorLines] = useState(4);
  const [explainLines, setExplainLines] = useState(4);
  const [doctorFixable, setDoctorFixable] = useState(false);

  // What the frame holds besides the table, in lines, so that it fits the terminal's rows.
  const renderedRow = rows[cursorIndex(rows, ui.cursorKey, ui.cursorAt)];
  const selectedNow = renderedRow && isSelectable(renderedRow) ? renderedRow : undefined;
  const reorderable =
    selectedNow?.kind === 'profile' &&
    (report?.profiles.filter((profile) => profile.provider === selectedNow.profile.provider).length ?? 0) > 1;
  const selectable = rows.filter(isSelectable).length;
  const titleLines = headerLines('dashboard', shown(services.workspace.agentId), width).length;
  // An error or a message says what happened: whole, unless the terminal is too short for it.
  const messageRoom = fixedRoom(height, titleLines);
  const errorLines = error ? wrapStyled([{ text: `! ${shown(error)}`, color: 'red' }], width, messageRoom) : [];
  // A warning ends with its fix (a command to copy): it wraps rather than lose it at the edge.
  // Wrapped when their words or the width change, not on every tick of the clock or re-read of
  // the store: a warning that names 250 profiles is thousands of characters to measure.
  const warningText = (report?.warnings ?? []).join('\0');
  const warnings = useMemo(
    () => warningBlocks(warningText === '' ? [] : warningText.split('\0').map((warning) => shown(warning)), width),
    [warningText, width],
  );
  const summary = report ? summaryLines(report, width) : [[{ text: loading ? 'Reading the store…' : ' ', dim: true }]];
  const store = report
    ? storeLines(describeStore(report.store), shown(credentialsPath(report.store, report.storePath)), width)
    : [];
  const filterLine = { editing: ui.mode === 'filter', field: filterField, kept: ui.filter, width };
  const filterRows = filterLines(filterLine);
  const confirmLines =
    ui.mode === 'confirm-remove' && selectedNow?.kind === 'profile'
      ? // Whole, as an error is: its end is the question being asked (at 60 columns it needs 5 lines).
        wrapStyled(
          confirmQuestion(selectedNow.profile, state, report),
          width,
          messageRoom - errorLines.length - filterRows,
        )
      : [];
  // What is left of that room once the error, the filter and a question have theirs: together
  // they never make the frame taller than the terminal.
  const messageLeft = messageRoom - errorLines.length - filterRows - confirmLines.length;
  const messageLines =
    ui.message && messageLeft > 0
      ? wrapStyled(
          [{ text: `${shown(ui.message.text)}${runningFor(ui.message, now)}`, ...toneColor(ui.message.tone) }],
          width,
          messageLeft,
        )
      : [];
  const details =
    ui.mode === 'details' && selectedNow?.kind === 'profile' && state
      ? {
          profile: selectedNow.profile,
          stats: state.own.usageStats[selectedNow.profile.id] ?? state.base?.usageStats[selectedNow.profile.id],
          storePath: profileStorePath(state, selectedNow.profile.id),
          probe: probes[selectedNow.profile.id],
        }
      : undefined;
  const panelWanted = {
    details: details ? detailsPanelLines({ ...details, now, width }) : 0,
    help: helpPanelLines(width),
    doctor: doctorLines,
    explain: explainLines,
    agents: ui.mode === 'agents' ? agentPanelLines(services.listAgents().length) : 0,
  };
  const panel = ui.mode in panelWanted ? panelWanted[ui.mode as keyof typeof panelWanted] : undefined;
  const laidOut = (scrolls: boolean) => {
    const hints = modeHints(
      ui.mode,
      { row: selectedNow, filter: ui.filter, reorderable, selectable },
      { fixable: doctorFixable },
      { scrolls },
    );
    const layout = dashboardLayout({
      rows: height,
      title: titleLines,
      fixed: errorLines.length + filterRows + confirmLines.length + messageLines.length,
      summary: summary.length,
      warnings: warnings.map((lines) => lines.length),
      store: store.length,
      ...(panel === undefined ? {} : { panel }),
      hints: packHints(hints, width).length,
    });
    return { hints, layout };
  };
  // A panel gets its room before the hint bar's second line, so whether it fits does not depend
  // on the ↑↓ hint: a panel that fits is laid out again without it.
  const scrolling = laidOut(true);
  const { hints, layout } = panel !== undefined && scrolling.layout.panel >= panel ? laidOut(false) : scrolling;
  /** Rows the table shows at once, out of `total`. */
  const windowRows = (total: number) => tableWindowRows(layout.table, total);

  const { cursor, top } = useListKeys({
    ui,
    getUi,
    dispatch,
    rowsFor,
    windowRows,
    filterField,
    actions,
    report,
    state,
    onProbes: (outcomes) => setProbes(Object.fromEntries(outcomes.map((outcome) => [outcome.id, outcome]))),
    panelLastTop: () =>
      ui.mode === 'details' && details
        ? detailsLastTop({ ...details, now, width }, layout.panel)
        : helpLastTop(width, layout.panel),
  });

  // A message is news for a while, not a fixture: it goes after some seconds (or the next key).
  useEffect(() => {
    if (!ui.message || ui.message.tone === 'busy') return;
    const timer = setTimeout(() => dispatch({ type: 'clear-message' }), MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [ui.message, dispatch]);

  const tableRows = windowRows(rows.length);
  return (
    <Box flexDirection="column">
      <Header title="dashboard" spaced={layout.spaced} />
      <StyledLines lines={summary.slice(0, layout.summary)} />
      <StyledLines lines={store.slice(0, layout.store).map((line) => [{ text: line, dim: true }])} />
      <StyledLines lines={errorLines} />
      <StyledLines
        lines={[
          ...warnings.slice(0, layout.warnings).flat(),
          ...(layout.warningsLeft ? [warningsLeftLine(warnings.length - layout.warnings, layout.warnings)] : []),
        ]}
      />
      <FilterLine {...filterLine} />
      {layout.table > 0 && (
        <Box marginTop={layout.spaced && (!report || rows.length === 0) ? 1 : 0} flexDirection="column">
          {report && rows.length === 0 && (
            <Text dimColor wrap="truncate">
              {ui.filter ? 'Nothing matches the filter.' : 'No credentials yet: press a to add one.'}
            </Text>
          )}
          {report && (
            <ProfileTable
              rows={rows}
              top={top}
              height={tableRows}
              more={layout.table > tableRows}
              above={layout.spaced}
              cursor={cursor}
              columns={columns}
              now={now}
              store={report.store}
              probes={probes}
            />
          )}
        </Box>
      )}
      {details && <ProfileDetails {...details} now={now} width={width} height={layout.panel} top={ui.panelTop ?? 0} />}
      {ui.mode === 'help' && <HelpPanel width={width} height={layout.panel} top={ui.panelTop ?? 0} />}
      {ui.mode === 'doctor' && (
        <DoctorPanel
          height={layout.panel}
          width={width}
          onLines={setDoctorLines}
          onFixable={setDoctorFixable}
          onClose={() => dispatch({ type: 'mode', mode: 'list' })}
        />
      )}
      {ui.mode === 'explain' && (
        <ExplainPanel
          source={report}
          height={layout.panel}
          width={width}
          now={now}
          onLines={setExplainLines}
          onClose={() => dispatch({ type: 'mode', mode: 'list' })}
        />
      )}
      {ui.mode === 'agents' && (
        <AgentSwitcher
          height={layout.panel}
          onSelect={actions.switchAgent}
          onCancel={() => dispatch({ type: 'mode', mode: 'list' })}
        />
      )}
      <StyledLines lines={confirmLines} />
      <StyledLines lines={messageLines} />
      <KeyHints
        hints={hints}
        lines={packHints(hints, width, layout.hints)}
        spaced={layout.spaced && layout.hints > 0}
      />
    </Box>
  );
}

/** A write that runs a while says how long so far (OpenClaw making a store can take a minute). */
function runningFor(message: { tone: string; since?: number }, now: number): string {
  if (message.tone !== 'busy' || message.since === undefined) return '';
  const seconds = Math.floor((now - message.since) / 1000);
  return seconds >= 1 ? ` ${seconds}s` : '';
}
