import { type RoutedKey, useKeys } from '../../components/key-router.js';
import { actionFor, actionOutOfPlace } from '../../components/key-table.js';
import { applyTextKey } from '../../components/text-field/use-text-field-input.js';
import type { TextFieldState } from '../../components/text-field/use-text-field-state.js';
import type { ProbeOutcome } from '../../services/probe/probe-runner.js';
import type { AgentState } from '../../services/profiles/agent-state.js';
import type { StatusReport } from '../../services/status/report.js';
import { shown } from '../../services/terminal-text.js';
import { CONFIRM_KEYS, DETAILS_KEYS, FILTER_KEYS, HELP_KEYS, LIST_KEYS } from './dashboard-keys.js';
import { cursorIndex, type DashboardRow, isSelectable, moveCursor, visibleWindow } from './dashboard-rows.js';
import type { useDashboardActions } from './use-dashboard-actions.js';
import type { DashboardUi, DashboardUiAction } from './use-dashboard-ui.js';

export interface ListKeysInput {
  ui: DashboardUi;
  getUi: () => DashboardUi;
  dispatch: (action: DashboardUiAction) => void;
  rowsFor: (filter: string) => DashboardRow[];
  /** Rows the table shows at once, out of `total`. */
  windowRows: (total: number) => number;
  filterField: TextFieldState;
  actions: ReturnType<typeof useDashboardActions>;
  report: StatusReport | undefined;
  state: AgentState | undefined;
  onProbes: (outcomes: ProbeOutcome[]) => void;
  /** The furthest the open panel (help or details) scrolls at the terminal's size. */
  panelLastTop: () => number;
}

/**
 * The dashboard's keys in every mode but the agent switcher, doctor and explain panels (which
 * have their own): read from the key tables, acting on the rows as earlier keys of the same
 * chunk left them. Returns where the cursor and the table's window are now.
 */
export function useListKeys(options: ListKeysInput): { cursor: number; top: number } {
  const { ui, getUi, dispatch, rowsFor, windowRows, filterField, actions, report, state, onProbes, panelLastTop } =
    options;
  /** Rows, cursor and selection as of now: earlier keys of the same chunk may have moved them. */
  const view = () => {
    const current = getUi();
    const currentRows = rowsFor(current.filter);
    const cursor = cursorIndex(currentRows, current.cursorKey, current.cursorAt);
    const row = currentRows[cursor];
    return {
      ui: current,
      rows: currentRows,
      cursor,
      selected: row && isSelectable(row) ? row : undefined,
      top: visibleWindow(currentRows.length, cursor, windowRows(currentRows.length), current.top, currentRows),
    };
  };
  const { cursor, top } = view();

  const listKey = (input: string, key: RoutedKey) => {
    const { ui: current, rows: currentRows, cursor: at, selected: row, top: currentTop } = view();
    // A paste is text, never keys: only the filter takes it (a line break in it ended the filter
    // and ran the rest — `d`, `y` — as a confirmed remove).
    if (key.pasted && current.mode !== 'filter') return;
    const go = (index: number) => {
      const target = currentRows[index];
      if (target)
        dispatch({
          type: 'select',
          key: target.key,
          at: index,
          top: visibleWindow(currentRows.length, index, windowRows(currentRows.length), currentTop, currentRows),
        });
    };
    const toList = () => dispatch({ type: 'mode', mode: 'list' });
    switch (current.mode) {
      // The two panels that scroll: ↑/↓ move them, their other keys close them.
      case 'help':
      case 'details': {
        const action = actionFor(current.mode === 'help' ? HELP_KEYS : DETAILS_KEYS, input, key, { scrolls: true });
        if (action === 'scroll-up' || action === 'scroll-down')
          dispatch({ type: 'panel-scroll', by: action === 'scroll-up' ? -1 : 1, last: panelLastTop() });
        else if (action) toList();
        return;
      }
      case 'confirm-remove': {
        toList();
        if (actionFor(CONFIRM_KEYS, input, key, undefined) === 'remove' && row) {
          // Pinned to its place first: once it is gone the cursor stays there (the next row), not
          // back at the top, also when it was never moved since the dashboard opened.
          go(at);
          actions.remove(row, state);
        } else dispatch({ type: 'message', text: 'Kept it.', tone: 'info' });
        return;
      }
      case 'filter':
        return filterKey(input, key);
      case 'list':
        break;
      default:
        return;
    }
    dispatch({ type: 'clear-message' });
    const action = actionFor(LIST_KEYS, input, key, { row, filter: current.filter });
    // A key for the selected row with no row to act on (a filter that matches nothing) says so.
    if (
      action === undefined &&
      row === undefined &&
      actionOutOfPlace(LIST_KEYS, input, key, { row, filter: current.filter })
    )
      dispatch({
        type: 'message',
        text: current.filter
          ? `no row matches the filter "${shown(current.filter)}", so there is nothing to act on (esc clears it)`
          : 'there is no row to act on',
        tone: 'info',
      });
    if (action === 'up') go(moveCursor(currentRows, at, -1));
    else if (action === 'down') go(moveCursor(currentRows, at, 1));
    else if (action === 'page-up') go(moveCursor(currentRows, at, -1, windowRows(currentRows.length)));
    else if (action === 'page-down') go(moveCursor(currentRows, at, 1, windowRows(currentRows.length)));
    else if (action === 'first') go(moveCursor(currentRows, -1, 1));
    else if (action === 'last') go(moveCursor(currentRows, currentRows.length, -1));
    else if (action === 'details' && row?.kind === 'env')
      dispatch({
        type: 'message',
        text: `${row.env.variable} is an environment variable, not a profile: it comes from ${row.env.origin === 'process' ? "authdeck's environment" : "the daemon's .env (`authdeck env list`)"}`,
        tone: 'info',
      });
    else if (action === 'details') dispatch({ type: 'mode', mode: 'details' });
    else if (action === 'add') actions.add();
    else if (action === 'setup-token') actions.setupToken(row);
    else if (action === 'remove' && row) {
      if (row.kind === 'env') actions.remove(row, state);
      else if (row.profile.source === 'inherited') {
        dispatch({
          type: 'message',
          text: `${row.profile.id} belongs to the main agent; switch to it (A) to remove it`,
          tone: 'error',
        });
      } else if (!actions.refuseWhileWriting()) dispatch({ type: 'mode', mode: 'confirm-remove' });
    } else if ((action === 'move-up' || action === 'move-down') && row && report && state) {
      // The cursor may be on the first row only by default (no key chosen yet): pin it to this
      // profile, so it goes where the profile goes.
      go(at);
      actions.reorder(row, report, state, action === 'move-up' ? -1 : 1);
    } else if (action === 'clear-cooldown' && row) actions.clearCooldown(row);
    else if (action === 'refresh' && row) actions.refresh(row);
    else if (action === 'filter') {
      // Back in the filter, typing goes on at its end, wherever the cursor was left.
      filterField.move('end');
      dispatch({ type: 'mode', mode: 'filter' });
    } else if (action === 'clear-filter') clearFilter(row);
    else if (action === 'agents') dispatch({ type: 'mode', mode: 'agents' });
    else if (action === 'doctor') dispatch({ type: 'mode', mode: 'doctor' });
    else if (action === 'explain') dispatch({ type: 'mode', mode: 'explain' });
    else if (action === 'probe') actions.probe(onProbes);
    else if (action === 'help') dispatch({ type: 'mode', mode: 'help' });
    else if (action === 'quit') actions.quit();
  };
  /** The filter cleared, while typing it or kept: the row in hand stays in hand, among all the others. */
  const clearFilter = (row: DashboardRow | undefined) => {
    filterField.set('');
    dispatch({ type: 'filter', filter: '' });
    const all = rowsFor('');
    const index = row ? all.findIndex((candidate) => candidate.key === row.key) : -1;
    if (row && index !== -1)
      dispatch({
        type: 'select',
        key: row.key,
        at: index,
        top: visibleWindow(all.length, index, windowRows(all.length), 0),
      });
  };
  const filterKey = (input: string, key: RoutedKey) => {
    // A line break pasted with the text is dropped: the filter ends on an Enter typed.
    if (key.pasted && key.return) return;
    const action = actionFor(FILTER_KEYS, input, key, undefined);
    if (action === 'clear') {
      clearFilter(view().selected);
      dispatch({ type: 'mode', mode: 'list' });
      return;
    }
    if (action === 'keep') return dispatch({ type: 'mode', mode: 'list' });
    if (applyTextKey(filterField, input, key) === 'edited') dispatch({ type: 'filter', filter: filterField.current() });
  };
  // One handler for every mode but the agent switcher (which has its own list).
  useKeys(listKey, { isActive: ui.mode !== 'agents' && ui.mode !== 'doctor' && ui.mode !== 'explain' });
  return { cursor, top };
}
