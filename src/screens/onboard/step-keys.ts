import type { KeyTable } from '../../components/key-table.js';

/** What a step's keys do now; a key with no words here does nothing now and is not hinted. */
export interface StepKeyContext {
  /** Enter (the field's or the list's). */
  next?: string;
  /** `r`, after a failure (the step's own key). */
  again?: string;
}

/**
 * The keys of a wizard step with questions of its own (a local server, a custom endpoint, the
 * Copilot Proxy, Cloudflare's ids). Esc is the wizard's: a question back, then a step back.
 */
export const STEP_KEYS: KeyTable<'next' | 'again' | 'back', StepKeyContext> = [
  {
    action: 'next',
    keys: ['return'],
    label: 'enter',
    hint: ({ next }) => next ?? '',
    when: ({ next }) => next !== undefined,
  },
  {
    action: 'again',
    keys: ['r'],
    label: 'r',
    hint: ({ again }) => again ?? '',
    when: ({ again }) => again !== undefined,
  },
  { action: 'back', keys: ['escape'], label: 'esc', hint: 'back' },
];
