import { Box, Text } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ProbeOutcome } from '../../services/probe/probe-runner.js';
import { Header } from '../../components/Header.js';
import { KeyHints } from '../../components/KeyHints.js';
import { SummaryLine } from '../../components/SummaryLine.js';
import { TextField } from '../../components/text-field/TextField.js';
import { useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { useServices } from '../../contexts.js';
import { useAgentState } from '../../hooks/use-agent-state.js';
import { useClock } from '../../hooks/use-clock.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { AgentSwitcher } from './AgentSwitcher.js';
import { fitColumns } from './columns.js';
import { cursorIndex, isSelectable, moveCursor, visibleWindow } from './dashboard-rows.js';
import { useRowsFor } from './use-rows-for.js';
import { DoctorPanel } from './DoctorPanel.js';
import { HelpPanel } from './HelpPanel.js';
import { ProfileDetails } from './ProfileDetails.js';
import { ProfileTable } from './ProfileTable.js';
import { useDashboardActions } from './use-dashboard-actions.js';
import { type DashboardMode, useDashboardUi } from './use-dashboard-ui.js';
import { useLiveReport } from './use-live-report.js';
import { describeStore, layerLabel } from '../../services/status-words.js';
import { profileStorePath } from '../../services/agent-state.js';
import { useKeys, type RoutedKey } from '../../components/key-router.js';
import { applyTextKey } from '../../components/text-field/use-text-field-input.js';
import { shown } from '../../services/terminal-text.js';

const HINTS = [
  ['↑↓', 'move'],
  ['enter', 'details'],
  ['a', 'add'],
  ['s', 'setup-token'],
  ['d', 'remove'],
  ['K/J', 'reorder'],
  ['c', 'clear cooldown'],
  ['p', 'probe'],
  ['/', 'filter'],
  ['A', 'agent'],
  ['D', 'doctor'],
  ['?', 'help'],
  ['q', 'quit'],
] as const;

const MESSAGE_MS = 8000;

/** What the keys do in each mode; the list's hints only where the list has the keys. */
const MODE_HINTS: Partial<Record<DashboardMode, readonly (readonly [string, string])[]>> = {
  filter: [
    ['enter', 'keep filter'],
    ['esc', 'clear'],
  ],
  details: [
    ['enter/esc', 'close'],
    ['q', 'close'],
  ],
  help: [['any key', 'close']],
  'confirm-remove': [
    ['y', 'remove'],
    ['any other key', 'keep'],
  ],
  doctor: [
    ['f', 'apply the safe fixes'],
    ['esc', 'close'],
  ],
  agents: [
    ['↑↓', 'move'],
    ['enter', 'switch'],
    ['esc', 'back'],
  ],
};

/** Every profile of the agent, live: it re-reads when the files change and counts down each second. */
export function DashboardScreen({ select }: { select?: string } = {}) {
  const services = useServices();
  const { state, error, loading, reload } = useAgentState();
  const now = useClock();
  const { columns: width, rows: height } = useTerminalSize();
  const [ui, dispatch, getUi] = useDashboardUi(select ? `id:${select}` : undefined);
  // A profile just added may reach the report a moment after this screen: hold the cursor for it.
  const awaitedRow = useRef(select ? `id:${select}` : undefined);
  const filterField = useTextFieldState();
  const actions = useDashboardActions(dispatch, reload);
  const [probes, setProbes] = useState<Record<string, ProbeOutcome>>({});

  const report = useLiveReport(state, now, services.warnWithinMs);
  const rowsFor = useRowsFor(report);
  const rows = rowsFor(ui.filter);
  const longestId = useMemo(
    () =>
      rows.reduce(
        (max, row) =>
          Math.max(
            max,
            row.kind === 'profile' ? row.profile.id.length : row.kind === 'env' ? row.env.variable.length + 4 : 0,
          ),
        0,
      ),
    [rows],
  );
  const needs = useMemo(
    () => ({
      usage: (report?.profiles.some((profile) => profile.usage !== null) ?? false) || Object.keys(probes).length > 0,
      source: report
        ? report.env.length > 0 || new Set(report.profiles.map((profile) => layerLabel(profile, report.store))).size > 1
        : false,
    }),
    [report, probes],
  );
  const columns = fitColumns(width, longestId, needs);
  const overlay = ui.mode === 'details' || ui.mode === 'help' || ui.mode === 'agents' || ui.mode === 'doctor' ? 16 : 0;
  const tableHeight = Math.max(3, height - 10 - overlay);

  /** Rows, cursor and selection as of now: earlier keys of the same chunk may have moved them. */
  const view = () => {
    const current = getUi();
    const currentRows = rowsFor(current.filter);
    const cursor = cursorIndex(currentRows, current.cursorKey);
    const row = currentRows[cursor];
    return {
      ui: current,
      rows: currentRows,
      cursor,
      selected: row && isSelectable(row) ? row : undefined,
      top: visibleWindow(currentRows.length, cursor, tableHeight, current.top),
    };
  };
  const { cursor, selected, top } = view();

  // The rows changed under the cursor (a file changed, a filter): keep the selection on a row.
  const cursorRowKey = rows[cursor]?.key;
  const awaitedIsHere = awaitedRow.current !== undefined && rows.some((row) => row.key === awaitedRow.current);
  useEffect(() => {
    if (awaitedRow.current !== undefined && !awaitedIsHere) return;
    awaitedRow.current = undefined;
    if (cursorRowKey !== undefined && (cursorRowKey !== ui.cursorKey || top !== ui.top))
      dispatch({ type: 'select', key: cursorRowKey, top });
  }, [awaitedIsHere, cursorRowKey, top, ui.cursorKey, ui.top, dispatch]);

  // A message is news for a while, not a fixture: it goes after some seconds (or the next key).
  useEffect(() => {
    if (!ui.message) return;
    const timer = setTimeout(() => dispatch({ type: 'clear-message' }), MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [ui.message, dispatch]);

  const listKey = (input: string, key: RoutedKey) => {
    awaitedRow.current = undefined;
    const { ui: current, rows: currentRows, cursor: at, selected: row, top: currentTop } = view();
    const go = (index: number) => {
      const target = currentRows[index];
      if (target)
        dispatch({
          type: 'select',
          key: target.key,
          top: visibleWindow(currentRows.length, index, tableHeight, currentTop),
        });
    };
    if (current.mode === 'help') return dispatch({ type: 'mode', mode: 'list' });
    if (current.mode === 'details') {
      if (key.return || key.escape || input === 'q') dispatch({ type: 'mode', mode: 'list' });
      return;
    }
    if (current.mode === 'confirm-remove') {
      dispatch({ type: 'mode', mode: 'list' });
      if (input === 'y' && row) actions.remove(row);
      else dispatch({ type: 'message', text: 'Kept it.', tone: 'info' });
      return;
    }
    if (current.mode === 'filter') return filterKey(input, key);
    if (current.mode !== 'list') return;
    dispatch({ type: 'clear-message' });
    if (key.upArrow || input === 'k') go(moveCursor(currentRows, at, -1));
    else if (key.downArrow || input === 'j') go(moveCursor(currentRows, at, 1));
    else if (key.pageUp) go(moveCursor(currentRows, at, -1, tableHeight));
    else if (key.pageDown) go(moveCursor(currentRows, at, 1, tableHeight));
    else if (key.return && row?.kind === 'profile') dispatch({ type: 'mode', mode: 'details' });
    else if (input === 'a') actions.add();
    else if (input === 's') actions.setupToken(row);
    else if (input === 'd' && row) {
      if (row.kind === 'env') {
        dispatch({
          type: 'message',
          text: `${row.env.variable} is not a profile: it comes from ${row.env.origin === 'process' ? "authdeck's environment" : services.workspace.daemonEnvPath}; remove it there`,
          tone: 'error',
        });
      } else if (row.kind === 'profile' && row.profile.source === 'inherited') {
        dispatch({
          type: 'message',
          text: `${row.profile.id} belongs to the main agent; switch to it (A) to remove it`,
          tone: 'error',
        });
      } else dispatch({ type: 'mode', mode: 'confirm-remove' });
    } else if ((input === 'K' || input === 'J') && row && report && state)
      actions.reorder(row, report, state, input === 'K' ? -1 : 1);
    else if (input === 'c' && row) actions.clearCooldown(row);
    else if (input === 'r' && row) actions.refresh(row);
    else if (input === '/') dispatch({ type: 'mode', mode: 'filter' });
    else if (input === 'A') dispatch({ type: 'mode', mode: 'agents' });
    else if (input === 'D') dispatch({ type: 'mode', mode: 'doctor' });
    else if (input === 'p')
      actions.probe((outcomes) => setProbes(Object.fromEntries(outcomes.map((outcome) => [outcome.id, outcome]))));
    else if (input === '?') dispatch({ type: 'mode', mode: 'help' });
    else if (input === 'q') actions.quit();
  };
  const filterKey = (input: string, key: RoutedKey) => {
    if (key.escape) {
      filterField.set('');
      dispatch({ type: 'filter', filter: '' });
      dispatch({ type: 'mode', mode: 'list' });
      return;
    }
    const outcome = applyTextKey(filterField, input, key);
    if (outcome === 'submit') dispatch({ type: 'mode', mode: 'list' });
    else if (outcome === 'edited') dispatch({ type: 'filter', filter: filterField.current() });
  };
  // One handler for every mode but the agent switcher (which has its own list).
  useKeys(listKey, { isActive: ui.mode !== 'agents' && ui.mode !== 'doctor' });

  return (
    <Box flexDirection="column">
      <Header title="dashboard" />
      {report ? <SummaryLine report={report} /> : <Text dimColor>{loading ? 'Reading the store…' : ' '}</Text>}
      {report && (
        <Text dimColor wrap="truncate">
          {describeStore(report.store)} · {shown(report.storePath)}
        </Text>
      )}
      {error && (
        <Text color="red" wrap="wrap">
          ! {shown(error)}
        </Text>
      )}
      {report?.warnings.map((warning) => (
        <Text key={warning} color="yellow" wrap="truncate">
          ! {shown(warning)}
        </Text>
      ))}
      {ui.mode === 'filter' ? (
        <Box>
          <Text>/ </Text>
          <TextField state={filterField} onSubmit={() => {}} keysFromParent placeholder="type to filter" />
        </Box>
      ) : ui.filter !== '' ? (
        <Text dimColor>filter: {shown(ui.filter)} (/ to change)</Text>
      ) : null}
      <Box marginTop={1} flexDirection="column">
        {report && rows.length === 0 && (
          <Text dimColor>{ui.filter ? 'Nothing matches the filter.' : 'No credentials yet: press a to add one.'}</Text>
        )}
        {report && (
          <ProfileTable
            rows={rows}
            top={top}
            height={tableHeight}
            cursor={cursor}
            columns={columns}
            now={now}
            store={report.store}
            probes={probes}
          />
        )}
      </Box>
      {ui.mode === 'details' && selected?.kind === 'profile' && state && (
        <ProfileDetails
          profile={selected.profile}
          stats={state.own.usageStats[selected.profile.id] ?? state.base?.usageStats[selected.profile.id]}
          storePath={profileStorePath(state, selected.profile.id)}
          probe={probes[selected.profile.id]}
          now={now}
        />
      )}
      {ui.mode === 'help' && <HelpPanel />}
      {ui.mode === 'doctor' && <DoctorPanel height={12} onClose={() => dispatch({ type: 'mode', mode: 'list' })} />}
      {ui.mode === 'agents' && (
        <AgentSwitcher onSelect={actions.switchAgent} onCancel={() => dispatch({ type: 'mode', mode: 'list' })} />
      )}
      {ui.mode === 'confirm-remove' && selected?.kind === 'profile' && (
        <Text color="yellow">
          Remove {shown(selected.profile.id)} from{' '}
          {state ? shown(profileStorePath(state, selected.profile.id)) : 'the store'}
          {selected.profile.layer === 'shared' ? ' (shared: every agent loses it)' : ''}? <Text bold>y</Text> yes, any
          other key no
        </Text>
      )}
      {ui.message && (
        <Text
          color={ui.message.tone === 'error' ? 'red' : ui.message.tone === 'success' ? 'green' : undefined}
          wrap="truncate"
        >
          {shown(ui.message.text)}
        </Text>
      )}
      <KeyHints hints={MODE_HINTS[ui.mode] ?? HINTS} />
    </Box>
  );
}
