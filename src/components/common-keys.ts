import type { KeyTable } from './key-table.js';

/** The last step of a flow: Enter (or Esc) closes it. */
export const DONE_KEYS: KeyTable<'done', unknown> = [
  { action: 'done', keys: ['return', 'escape'], label: 'enter', hint: 'done' },
];

/** A profile id that holds a credential: replace it, or name another. Esc says where it goes. */
export const OVERWRITE_KEYS: KeyTable<'overwrite' | 'rename' | 'leave', { leave: 'back' | 'cancel' }> = [
  { action: 'overwrite', keys: ['o', 'y'], label: 'o/y', hint: 'overwrite' },
  { action: 'rename', keys: ['n'], label: 'n', hint: 'choose another name' },
  { action: 'leave', keys: ['escape'], label: 'esc', hint: ({ leave }) => leave },
];
