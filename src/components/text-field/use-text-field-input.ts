import { type Key } from 'ink';
import type { TextFieldState } from './use-text-field-state.js';
import { useKeys } from '../key-router.js';

/**
 * Keys for a one-line field. A paste arrives as one chunk; a chunk that ends in a line break
 * submits it (Ink would take "text\r" as a paste, not as Enter). Line breaks inside a paste are
 * dropped: a secret copied from a wrapped line has them.
 */
export function useTextFieldInput(
  state: TextFieldState,
  onSubmit: (value: string) => void,
  isActive: boolean,
  /** Sees each key first; returning true keeps it out of the field (a screen's own key). */
  intercept?: (input: string, key: Key) => boolean,
): void {
  useKeys(
    (input, key) => {
      if (intercept?.(input, key)) return;
      if (key.return) {
        onSubmit(state.current());
        return;
      }
      if (key.backspace || key.delete) {
        state.deleteLast();
        return;
      }
      if (key.ctrl && input === 'u') {
        state.set('');
        return;
      }
      if (key.ctrl || key.meta || key.escape || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return;
      if (input === '') return;
      const text = input.replace(/[\r\n]/g, '');
      if (text !== '') state.append(text);
      if (/[\r\n]$/.test(input)) onSubmit(state.current());
    },
    { isActive },
  );
}
