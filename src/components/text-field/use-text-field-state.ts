import { useCallback, useMemo, useReducer, useRef } from 'react';

export interface TextFieldState {
  /** The value as last rendered. */
  value: string;
  /** The value right now, even before a re-render: Enter can arrive in the same tick as a paste. */
  current(): string;
  append(text: string): void;
  deleteLast(): void;
  set(value: string): void;
}

/**
 * The value of a one-line field, kept in a ref so that a key handled before React re-renders
 * (a fast paste then Enter) still sees every character; a counter re-renders the view.
 */
export function useTextFieldState(initial = ''): TextFieldState {
  const ref = useRef(initial);
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const set = useCallback((value: string) => {
    ref.current = value;
    rerender();
  }, []);
  const append = useCallback((text: string) => set(ref.current + text), [set]);
  const deleteLast = useCallback(() => set([...ref.current].slice(0, -1).join('')), [set]);
  const current = useCallback(() => ref.current, []);
  return useMemo(
    () => ({ value: ref.current, current, append, deleteLast, set }),
    [ref.current, current, append, deleteLast, set],
  );
}
