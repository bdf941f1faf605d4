import { useState } from 'react';
import type { TextFieldState } from './use-text-field-state.js';

/**
 * A field that must not be left empty: Enter on nothing says what is needed instead of doing
 * nothing at all. `needed` is that line while the field is still empty after such an Enter.
 */
export function useRequiredAnswer(
  field: TextFieldState,
  onAnswer: (value: string) => void,
  what: string,
): { submit: (value: string) => void; needed: string | undefined } {
  const [askedEmpty, setAskedEmpty] = useState(false);
  const submit = (value: string) => {
    // A field asked again later (the next of a step's questions) starts without the line.
    setAskedEmpty(value.trim() === '');
    if (value.trim() !== '') onAnswer(value);
  };
  return { submit, needed: askedEmpty && field.value.trim() === '' ? `${what} is needed here.` : undefined };
}
