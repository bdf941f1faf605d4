import type { KeyHint } from './KeyHints.js';
import type { RoutedKey } from './key-chunks.js';

/** A key by name (arrows, Enter…) or the character typed. */
export type KeyName = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'tab' | 'ctrlC';

/**
 * One row of a screen mode's key table: which keys, what they do, and how the hint bar and the
 * help panel say so. The handler, the hints and the help are all read from the same rows, so
 * they cannot drift apart.
 */
export interface KeyBinding<Action extends string, Context> {
  action: Action;
  keys: ReadonlyArray<KeyName | string>;
  /** How the key is written in hints and help: "K/J", "↑↓". */
  label: string;
  /** The hint bar's words (they may name what the key acts on now); no hint: only in the help panel. */
  hint?: string | ((context: Context) => string);
  /** The help panel's words, for a screen that has one. */
  help?: string;
  /** When it applies; elsewhere the key does nothing and is not hinted. */
  when?: (context: Context) => boolean;
  /** Hinted only when this holds too (the key works more widely, and says why it does nothing). */
  hintWhen?: (context: Context) => boolean;
}

export type KeyTable<Action extends string, Context> = ReadonlyArray<KeyBinding<Action, Context>>;

const NAMED: Record<KeyName, (key: RoutedKey, input: string) => boolean> = {
  up: (key) => key.upArrow,
  down: (key) => key.downArrow,
  pageUp: (key) => key.pageUp,
  pageDown: (key) => key.pageDown,
  home: (key) => key.home,
  end: (key) => key.end,
  return: (key) => key.return,
  escape: (key) => key.escape,
  tab: (key) => key.tab,
  ctrlC: (key, input) => key.ctrl && input === 'c',
};

function matches(spec: KeyName | string, input: string, key: RoutedKey): boolean {
  const named = NAMED[spec as KeyName];
  if (named) return named(key, input);
  return input === spec && !key.ctrl && !key.meta;
}

/** The action a key triggers in this mode, or undefined; `any` matches every key (close help). */
export function actionFor<Action extends string, Context>(
  table: KeyTable<Action, Context>,
  input: string,
  key: RoutedKey,
  context: Context,
): Action | undefined {
  for (const binding of table) {
    if (binding.when && !binding.when(context)) continue;
    if (binding.keys.some((spec) => spec === 'any' || matches(spec, input, key))) return binding.action;
  }
  return undefined;
}

/** The action a key would trigger if it applied here (its `when` fails): a key that can say why not. */
export function actionOutOfPlace<Action extends string, Context>(
  table: KeyTable<Action, Context>,
  input: string,
  key: RoutedKey,
  context: Context,
): Action | undefined {
  const binding = table.find(
    (entry) => entry.when && !entry.when(context) && entry.keys.some((spec) => matches(spec, input, key)),
  );
  return binding?.action;
}

/** The hint bar for this mode, now: only keys that apply. */
export function hintsFor<Action extends string, Context>(
  table: KeyTable<Action, Context>,
  context: Context,
): KeyHint[] {
  return table
    .filter(
      (binding) =>
        binding.hint !== undefined &&
        (!binding.when || binding.when(context)) &&
        (!binding.hintWhen || binding.hintWhen(context)),
    )
    .map((binding) => {
      const hint = binding.hint as string | ((context: Context) => string);
      return [binding.label, typeof hint === 'function' ? hint(context) : hint] as const;
    });
}

/** The help panel: every key of the table, whether or not it applies to the row in hand. */
export function helpFor<Action extends string, Context>(table: KeyTable<Action, Context>): KeyHint[] {
  return table.flatMap((binding) => (binding.help === undefined ? [] : [[binding.label, binding.help] as const]));
}
