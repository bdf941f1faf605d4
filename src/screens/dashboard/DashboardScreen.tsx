import { Box, Text } from 'ink';
import { useEffect, useMemo } from 'react';
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
import { buildDashboardRows, firstSelectable, isSelectable, moveCursor, visibleWindow } from './dashboard-rows.js';
import { HelpPanel } from './HelpPanel.js';
import { ProfileDetails } from './ProfileDetails.js';
import { ProfileTable } from './ProfileTable.js';
import { useDashboardActions } from './use-dashboard-actions.js';
import { useDashboardUi } from './use-dashboard-ui.js';
import { useLiveReport } from './use-live-report.js';
import { useKeys } from '../../components/key-router.js';

const HINTS = [
  ['↑↓', 'move'],
  ['enter', 'details'],
  ['a', 'add'],
  ['s', 'setup-token'],
  ['d', 'remove'],
  ['K/J', 'reorder'],
  ['c', 'clear cooldown'],
  ['/', 'filter'],
  ['A', 'agent'],
  ['?', 'help'],
  ['q', 'quit'],
] as const;

/** Every profile of the agent, live: it re-reads when the files change and counts down each second. */
export function DashboardScreen() {
  const services = useServices();
  const { state, error, loading, reload } = useAgentState();
  const now = useClock();
  const { columns: width, rows: height } = useTerminalSize();
  const [ui, dispatch] = useDashboardUi();
  const filterField = useTextFieldState();
  const actions = useDashboardActions(dispatch, reload);

  const report = useLiveReport(state, now, services.warnWithinMs);
  const rows = useMemo(() => (report ? buildDashboardRows(report, ui.filter) : []), [report, ui.filter]);
  const longestId = useMemo(() => rows.reduce((max, row) => Math.max(max, row.kind === 'profile' ? row.profile.id.length : row.kind === 'env' ? row.env.variable.length + 4 : 0), 0), [rows]);
  const columns = fitColumns(width, longestId);

  const found = ui.cursorKey === undefined ? -1 : rows.findIndex((row) => row.key === ui.cursorKey);
  const cursor = found !== -1 ? found : firstSelectable(rows);
  const selected = rows[cursor] && isSelectable(rows[cursor]!) ? rows[cursor] : undefined;
  const overlay = ui.mode === 'details' || ui.mode === 'help' || ui.mode === 'agents' ? 16 : 0;
  const tableHeight = Math.max(3, height - 9 - overlay);
  const top = visibleWindow(rows.length, cursor, tableHeight, ui.top);

  useEffect(() => {
    if (rows[cursor] && (rows[cursor]!.key !== ui.cursorKey || top !== ui.top)) dispatch({ type: 'select', key: rows[cursor]!.key, top });
  }, [rows, cursor, top, ui.cursorKey, ui.top, dispatch]);

  const go = (index: number) => rows[index] && dispatch({ type: 'select', key: rows[index]!.key, top: visibleWindow(rows.length, index, tableHeight, top) });

  useKeys(
    (input, key) => {
      if (ui.mode === 'help') return dispatch({ type: 'mode', mode: 'list' });
      if (ui.mode === 'details') {
        if (key.return || key.escape || input === 'q') dispatch({ type: 'mode', mode: 'list' });
        return;
      }
      if (ui.mode === 'confirm-remove') {
        dispatch({ type: 'mode', mode: 'list' });
        if (input === 'y' && selected) actions.remove(selected);
        else dispatch({ type: 'message', text: 'Kept it.', tone: 'info' });
        return;
      }
      dispatch({ type: 'clear-message' });
      if (key.upArrow || input === 'k') go(moveCursor(rows, cursor, -1));
      else if (key.downArrow || input === 'j') go(moveCursor(rows, cursor, 1));
      else if (key.pageUp) go(moveCursor(rows, cursor, -1, tableHeight));
      else if (key.pageDown) go(moveCursor(rows, cursor, 1, tableHeight));
      else if (key.return && selected?.kind === 'profile') dispatch({ type: 'mode', mode: 'details' });
      else if (input === 'a') actions.add();
      else if (input === 's') actions.setupToken(selected);
      else if (input === 'd' && selected) {
        if (selected.kind === 'profile' && selected.profile.source === 'inherited') {
          dispatch({ type: 'message', text: `${selected.profile.id} belongs to the main agent; switch to it (A) to remove it`, tone: 'error' });
        } else dispatch({ type: 'mode', mode: 'confirm-remove' });
      } else if ((input === 'K' || input === 'J') && selected && report && state) actions.reorder(selected, report, state, input === 'K' ? -1 : 1);
      else if (input === 'c' && selected) actions.clearCooldown(selected);
      else if (input === '/') dispatch({ type: 'mode', mode: 'filter' });
      else if (input === 'A') dispatch({ type: 'mode', mode: 'agents' });
      else if (input === '?') dispatch({ type: 'mode', mode: 'help' });
      else if (input === 'q') actions.quit();
    },
    { isActive: ui.mode !== 'filter' && ui.mode !== 'agents' },
  );
  useKeys(
    (_input, key) => {
      if (key.escape) {
        filterField.set('');
        dispatch({ type: 'filter', filter: '' });
        dispatch({ type: 'mode', mode: 'list' });
      } else dispatch({ type: 'filter', filter: filterField.current() });
    },
    { isActive: ui.mode === 'filter' },
  );

  return (
    <Box flexDirection="column">
      <Header title="dashboard" />
      {report ? <SummaryLine report={report} /> : <Text dimColor>{loading ? 'Reading the store…' : ' '}</Text>}
      {error && <Text color="red" wrap="wrap">! {error}</Text>}
      {report?.warnings.map((warning) => (
        <Text key={warning} color="yellow" wrap="truncate">
          ! {warning}
        </Text>
      ))}
      {ui.mode === 'filter' ? (
        <Box>
          <Text>/ </Text>
          <TextField state={filterField} onSubmit={() => dispatch({ type: 'mode', mode: 'list' })} placeholder="type to filter" />
        </Box>
      ) : ui.filter !== '' ? (
        <Text dimColor>filter: {ui.filter} (/ to change)</Text>
      ) : null}
      <Box marginTop={1} flexDirection="column">
        {report && rows.length === 0 && <Text dimColor>{ui.filter ? 'Nothing matches the filter.' : 'No credentials yet: press a to add one.'}</Text>}
        <ProfileTable rows={rows} top={top} height={tableHeight} cursor={cursor} columns={columns} now={now} />
      </Box>
      {ui.mode === 'details' && selected?.kind === 'profile' && state && (
        <ProfileDetails profile={selected.profile} stats={state.own.usageStats[selected.profile.id] ?? state.main?.usageStats[selected.profile.id]} storePath={state.own.files.profilesPath} now={now} />
      )}
      {ui.mode === 'help' && <HelpPanel />}
      {ui.mode === 'agents' && <AgentSwitcher onSelect={actions.switchAgent} onCancel={() => dispatch({ type: 'mode', mode: 'list' })} />}
      {ui.mode === 'confirm-remove' && selected?.kind === 'profile' && (
        <Text color="yellow">
          Remove {selected.profile.id} from {state?.own.files.profilesPath}? <Text bold>y</Text> yes, any other key no
        </Text>
      )}
      {ui.message && (
        <Text color={ui.message.tone === 'error' ? 'red' : ui.message.tone === 'success' ? 'green' : undefined} wrap="truncate">
          {ui.message.text}
        </Text>
      )}
      <KeyHints hints={ui.mode === 'filter' ? [['enter', 'keep filter'], ['esc', 'clear']] : HINTS} />
    </Box>
  );
}
