import type { KeyHint } from './KeyHints.js';
import { type RoutedKey, useKeys } from './key-router.js';
import { actionFor, hintsFor, type KeyTable } from './key-table.js';

/**
 * A screen mode's keys from its table: a key runs its action's handler, and the hint bar returned
 * is read from the same rows, so a key is hinted exactly while it acts. An action with no handler
 * here is a widget's (the text field's Enter, the list's arrows): listed for its hint, its key
 * left to the widget.
 */
export function useKeyTable<Action extends string, Context>(
  table: KeyTable<Action, Context>,
  context: Context,
  handlers: Partial<Record<Action, (input: string, key: RoutedKey) => void>>,
  options: {
    isActive?: boolean;
    /** The context as it is when a key arrives, where keys may come before the screen is drawn again. */
    current?: () => Context;
  } = {},
): KeyHint[] {
  useKeys((input, key) => {
    const action = actionFor(table, input, key, options.current ? options.current() : context);
    if (action) handlers[action]?.(input, key);
  }, options);
  return options.isActive === false ? [] : hintsFor(table, context);
}
