import { useMemo } from 'react';
import { useSyncReducer } from '../../hooks/use-sync-reducer.js';

/** Where a cursor key sends the cursor. */
export type CursorMove = 'left' | 'right' | 'start' | 'end';

export interface TextFieldState {
  /** The value as last rendered. */
  value: string;
  /** Where the cursor was as last rendered (a UTF-16 index, never inside a character as shown). */
  cursor: number;
  /** The value is a suggestion not yet touched: typing replaces it, a cursor key starts editing it. */
  suggested: boolean;
  /** The value right now, even before a re-render: Enter can arrive in the same tick as a paste. */
  current(): string;
  /** Typed or pasted text, at the cursor. */
  append(text: string): void;
  /** The character before the cursor goes (Backspace). */
  deleteLast(): void;
  move(to: CursorMove): void;
  /** A new value, the cursor at its end. */
  set(value: string): void;
}

interface Text {
  value: string;
  /** In UTF-16 units, always between two characters (grapheme clusters). */
  cursor: number;
  suggested?: boolean;
}

type TextAction =
  | { type: 'set'; value: string }
  | { type: 'append'; text: string }
  | { type: 'delete-last' }
  | { type: 'move'; to: CursorMove };

// Characters as a person sees them (grapheme clusters): an emoji with its skin tone or a letter
// with its accent is one step of the cursor and one Backspace, never split in two.
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Where the character before `at` starts. */
function before(value: string, at: number): number {
  let start = 0;
  for (const { index } of graphemes.segment(value)) {
    if (index >= at) break;
    start = index;
  }
  return start;
}

/** The character (as shown) that starts at `at`: where the cursor stands. */
export function characterAt(value: string, at: number): string {
  for (const { segment } of graphemes.segment(value.slice(at))) return segment;
  return '';
}

/** Where the character at `at` ends. */
function after(value: string, at: number): number {
  for (const { index, segment } of graphemes.segment(value))
    if (index + segment.length > at) return index + segment.length;
  return value.length;
}

function textReducer(text: Text, action: TextAction): Text {
  const { value, cursor } = text;
  // A suggestion (the usual address, a default name) is typed over, as selected text is; Backspace
  // takes it all; a cursor key keeps it to edit (a person typing another port meant to replace it).
  if (text.suggested) {
    if (action.type === 'append') return { value: action.text, cursor: action.text.length };
    if (action.type === 'delete-last') return { value: '', cursor: 0 };
    return textReducer({ value, cursor }, action);
  }
  switch (action.type) {
    case 'set':
      return { value: action.value, cursor: action.value.length };
    case 'append':
      return { value: value.slice(0, cursor) + action.text + value.slice(cursor), cursor: cursor + action.text.length };
    case 'delete-last': {
      if (cursor === 0) return text;
      const from = before(value, cursor);
      return { value: value.slice(0, from) + value.slice(cursor), cursor: from };
    }
    case 'move': {
      const to =
        action.to === 'left'
          ? before(value, cursor)
          : action.to === 'right'
            ? after(value, cursor)
            : action.to === 'start'
              ? 0
              : value.length;
      return to === cursor ? text : { value, cursor: to };
    }
  }
}

/**
 * The value of a one-line field and its cursor, readable before React re-renders
 * (useSyncReducer): a key handled in the same chunk as a paste (Enter right after it) still sees
 * every character. A `suggested` initial value is replaced by what is typed first.
 */
export function useTextFieldState(initial = '', suggested = false): TextFieldState {
  const [text, dispatch, current] = useSyncReducer(textReducer, () => ({
    value: initial,
    cursor: initial.length,
    suggested: suggested && initial !== '',
  }));
  return useMemo(
    () => ({
      value: text.value,
      cursor: text.cursor,
      suggested: text.suggested === true,
      current: () => current().value,
      append: (added: string) => dispatch({ type: 'append', text: added }),
      deleteLast: () => dispatch({ type: 'delete-last' }),
      move: (to: CursorMove) => dispatch({ type: 'move', to }),
      set: (next: string) => dispatch({ type: 'set', value: next }),
    }),
    [text, current, dispatch],
  );
}
