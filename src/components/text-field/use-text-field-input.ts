import type { RoutedKey } from '../key-router.js';
import { useKeys } from '../key-router.js';
import type { CursorMove, TextFieldState } from './use-text-field-state.js';

export type TextKeyOutcome = 'submit' | 'edited' | 'moved' | 'ignored';

/** The keys that move the cursor, as in a shell's line editor (README, "The TUI"). */
function cursorMove(input: string, key: RoutedKey): CursorMove | undefined {
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.home || (key.ctrl && input === 'a')) return 'start';
  if (key.end || (key.ctrl && input === 'e')) return 'end';
  return undefined;
}

/**
 * What one key does to a one-line field. A line break is Enter unless the terminal marked it
 * as pasted (bracketed paste, which the TUI turns on): then it is part of the paste — kept as
 * "\n" when the field keeps line breaks (a secret field checks them), else dropped. Keys typed
 * faster than the screen redraws arrive in one chunk ("name\ry"): Enter there is still Enter —
 * except in a secret field, where a line break between text of one unmarked read is a paste from
 * a terminal without bracketed paste: a secret cut there, its tail shown in the next (unmasked)
 * field, would be worse than an Enter to press again. Unless what follows reads as answers typed
 * ahead (key-chunks.ts, enterTyped): a second Enter, or a y/n answer. A masked field has no cursor
 * to move (`moves` false): what is typed goes at the end, as the dots show it.
 */
export function applyTextKey(
  state: TextFieldState,
  input: string,
  key: RoutedKey,
  keepLineBreaks = false,
  moves = true,
): TextKeyOutcome {
  if (key.return) {
    const unmarkedPaste =
      keepLineBreaks && key.inChunk && key.chunkStart !== true && !key.chunkEnd && key.enterTyped !== true;
    if (!key.pasted && !unmarkedPaste) return 'submit';
    if (keepLineBreaks) state.append('\n');
    return 'edited';
  }
  const move = moves ? cursorMove(input, key) : undefined;
  if (move) {
    state.move(move);
    return 'moved';
  }
  if (key.backspace || key.delete) {
    state.deleteLast();
    return 'edited';
  }
  if (key.ctrl && input === 'u') {
    state.set('');
    return 'edited';
  }
  if (key.ctrl || key.meta || key.escape || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow)
    return 'ignored';
  if (input === '') return 'ignored';
  state.append(input);
  return 'edited';
}

/** Keys for a one-line field, one at a time (the router splits pastes and fast typing). */
export function useTextFieldInput(
  state: TextFieldState,
  onSubmit: (value: string) => void,
  isActive: boolean,
  /** Sees each key first; returning true keeps it out of the field (a screen's own key). */
  intercept?: (input: string, key: RoutedKey) => boolean,
  keepLineBreaks = false,
  moves = true,
): void {
  useKeys(
    (input, key) => {
      if (intercept?.(input, key)) return;
      if (applyTextKey(state, input, key, keepLineBreaks, moves) === 'submit') onSubmit(state.current());
    },
    { isActive },
  );
}
