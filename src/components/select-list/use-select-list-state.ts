import { useSyncReducer } from '../../hooks/use-sync-reducer.js';

export interface SelectItem<T> {
  value: T;
  label: string;
  hint?: string;
  /**
   * Shown, and the cursor stops on it (a row skipped silently makes ↓ Enter pick the row after
   * it), but Enter does not choose it: it says this instead. The label says it in words too
   * (dimming is lost under NO_COLOR).
   */
  disabled?: {
    why: string;
    /** Asked again on Enter: true when what was missing is there now (installed meanwhile), and the row is chosen. */
    recheck?: () => boolean;
  };
}

interface State {
  index: number;
  /** The search the list was narrowed by when the cursor was placed. */
  basis: string | undefined;
}

/** `move` steps one row, round the ends; `page` goes `by` rows and stops at the first or last. */
type Action = { type: 'move' | 'page'; by: number; count: number; basis: string | undefined };

/** An index into a list that may have shrunk since it was set (a filter narrowed it). */
export function clampIndex(index: number, count: number): number {
  return Math.min(Math.max(0, index), Math.max(0, count - 1));
}

/** Where the cursor is in a list of `count`: back on the first row when the search changed since it was placed. */
function placed(state: State, count: number, basis: string | undefined): number {
  return state.basis === basis ? clampIndex(state.index, count) : 0;
}

function reducer(state: State, action: Action): State {
  const { count, basis } = action;
  if (count === 0) return state;
  const from = placed(state, count, basis);
  const index =
    action.type === 'page' ? clampIndex(from + action.by, count) : (from + Math.sign(action.by) + count) % count;
  return index === state.index && basis === state.basis ? state : { index, basis };
}

/**
 * The highlighted entry of a list. Keys read it through `highlightedIn(items)`, which sees the
 * moves made by earlier keys of the same chunk: ↓ then Enter picks the entry ↓ went to.
 * `narrowedBy` gives the search narrowing the list as of now: when it changes, the cursor goes
 * back to the first match (a row number from the longer list would pick another row).
 */
export function useSelectListState(initialIndex = 0, narrowedBy?: () => string) {
  const [state, dispatch, get] = useSyncReducer(reducer, () => ({ index: initialIndex, basis: narrowedBy?.() }));
  return {
    indexIn: (count: number) => placed(state, count, narrowedBy?.()),
    highlightedIn: <T>(items: SelectItem<T>[]) => items[placed(get(), items.length, narrowedBy?.())],
    move: <T>(items: SelectItem<T>[], by: number) =>
      dispatch({ type: 'move', by, count: items.length, basis: narrowedBy?.() }),
    page: <T>(items: SelectItem<T>[], by: number) =>
      dispatch({ type: 'page', by, count: items.length, basis: narrowedBy?.() }),
  };
}
