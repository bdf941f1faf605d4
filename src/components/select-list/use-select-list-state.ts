import { useEffect, useReducer } from 'react';

export interface SelectItem<T> {
  value: T;
  label: string;
  hint?: string;
  disabled?: boolean;
}

interface State {
  index: number;
  count: number;
}

type Action = { type: 'move'; by: number; disabled: boolean[] } | { type: 'reset'; count: number; index: number };

function reducer(state: State, action: Action): State {
  if (action.type === 'reset') return { count: action.count, index: Math.min(Math.max(0, action.index), Math.max(0, action.count - 1)) };
  if (state.count === 0) return state;
  let index = state.index;
  for (let step = 0; step < state.count; step++) {
    index = (index + Math.sign(action.by) + state.count) % state.count;
    if (!action.disabled[index]) break;
  }
  return { ...state, index };
}

/** The highlighted entry of a list; kept in range when the (filtered) items change. */
export function useSelectListState<T>(items: SelectItem<T>[], initialIndex = 0) {
  const [state, dispatch] = useReducer(reducer, { index: initialIndex, count: items.length });
  useEffect(() => {
    dispatch({ type: 'reset', count: items.length, index: state.index });
    // Only the number of items matters: the filter changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items.length]);
  const index = Math.min(state.index, Math.max(0, items.length - 1));
  return {
    index,
    highlighted: items[index],
    move: (by: number) => dispatch({ type: 'move', by, disabled: items.map((item) => item.disabled === true) }),
  };
}
