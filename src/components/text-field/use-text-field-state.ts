import { useMemo } from 'react';
import { useSyncReducer } from '../../hooks/use-sync-reducer.js';

export interface TextFieldState {
  /** The value as last rendered. */
  value: string;
  /** The value right now, even before a re-render: Enter can arrive in the same tick as a paste. */
  current(): string;
  append(text: string): void;
  deleteLast(): void;
  set(value: string): void;
}

type TextAction = { type: 'set'; value: string } | { type: 'append'; text: string } | { type: 'delete-last' };

function textReducer(value: string, action: TextAction): string {
  if (action.type === 'set') return action.value;
  if (action.type === 'append') return value + action.text;
  return [...value].slice(0, -1).join('');
}

/**
 * The value of a one-line field, readable before React re-renders (useSyncReducer): a key
 * handled in the same chunk as a paste (Enter right after it) still sees every character.
 */
export function useTextFieldState(initial = ''): TextFieldState {
  const [value, dispatch, current] = useSyncReducer(textReducer, () => initial);
  return useMemo(
    () => ({
      value,
      current,
      append: (text: string) => dispatch({ type: 'append', text }),
      deleteLast: () => dispatch({ type: 'delete-last' }),
      set: (next: string) => dispatch({ type: 'set', value: next }),
    }),
    [value, current, dispatch],
  );
}
