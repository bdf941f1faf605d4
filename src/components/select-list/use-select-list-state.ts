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
}

type Action = { type: 'move'; by: number; count: number };

/** An index into a list that may have shrunk since it was set (a filter narrowed it). */
export function clampIndex(index: number, count: number): number {
  return Math.min(Math.max(0, index), Math.max(0, count - 1));
}

function reducer(state: State, action: Action): State {
  const { count } = action;
  if (count === 0) return state;
  const index = (clampIndex(state.index, count) + Math.sign(action.by) + count) % count;
  return index === state.index ? state : { index };
}

/**
 * The highlighted entry of a list. Keys read it through `highlightedIn(items)`, which sees the
 * moves made by earlier keys of the same chunk: ↓ then Enter picks the entry ↓ went to.
 */
export function useSelectListState(initialIndex = 0) {
  const [state, dispatch, get] = useSyncReducer(reducer, () => ({ index: initialIndex }));
  return {
    index: state.index,
    highlightedIn: <T>(items: SelectItem<T>[]) => items[clampIndex(get().index, items.length)],
    move: <T>(items: SelectItem<T>[], by: number) => dispatch({ type: 'move', by, count: items.length }),
  };
}
