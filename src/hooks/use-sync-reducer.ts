import { useCallback, useReducer, useRef } from 'react';

/**
 * useReducer whose current state can be read at any time, not only as of the last render.
 * Several keys can arrive in one chunk before React re-renders (↓ then Enter, j then K); a key
 * handler that reads `get()` sees what the keys before it did. The reducer must be stable
 * (declared at module level).
 */
export function useSyncReducer<S, A>(
  reducer: (state: S, action: A) => S,
  initial: () => S,
): [S, (action: A) => void, () => S] {
  const ref = useRef<{ state: S } | null>(null);
  if (ref.current === null) ref.current = { state: initial() };
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const dispatch = useCallback(
    (action: A) => {
      const box = ref.current!;
      const next = reducer(box.state, action);
      if (Object.is(next, box.state)) return;
      box.state = next;
      rerender();
    },
    [reducer],
  );
  const get = useCallback(() => ref.current!.state, []);
  return [ref.current.state, dispatch, get];
}
