import { helpFor, type KeyBinding, type KeyTable } from '../../components/key-table.js';
import type { SelectableRow } from './dashboard-rows.js';

/** What a key sees of the dashboard when it is pressed. */
export interface ListContext {
  row: SelectableRow | undefined;
  filter: string;
  /** The selected profile's provider has another profile to move it past. */
  reorderable?: boolean;
  /** Rows the cursor can rest on: with one or none, there is nowhere to move. */
  selectable?: number;
}

export type ListAction =
  | 'up'
  | 'down'
  | 'page-up'
  | 'page-down'
  | 'first'
  | 'last'
  | 'details'
  | 'add'
  | 'setup-token'
  | 'remove'
  | 'move-up'
  | 'move-down'
  | 'clear-cooldown'
  | 'refresh'
  | 'probe'
  | 'filter'
  | 'clear-filter'
  | 'agents'
  | 'doctor'
  | 'explain'
  | 'help'
  | 'quit';

const profileRow = ({ row }: ListContext) => row?.kind === 'profile';
const anyRow = ({ row }: ListContext) => row !== undefined;

/** The list: the dashboard's main mode. The hint bar, the help panel and the handler all read it. */
export const LIST_KEYS: KeyTable<ListAction, ListContext> = [
  {
    action: 'up',
    keys: ['up', 'k'],
    label: '↑↓',
    hint: 'move',
    help: 'move (also j/k)',
    hintWhen: ({ selectable }) => selectable === undefined || selectable > 1,
  },
  { action: 'down', keys: ['down', 'j'], label: '↓', help: 'move down' },
  { action: 'page-up', keys: ['pageUp'], label: 'PgUp/PgDn', help: 'a page up / down' },
  { action: 'page-down', keys: ['pageDown'], label: 'PgDn', help: 'a page down' },
  { action: 'first', keys: ['home', 'g'], label: 'Home/End', help: 'first / last row (also g / G)' },
  { action: 'last', keys: ['end', 'G'], label: 'End', help: 'last row' },
  {
    action: 'details',
    keys: ['return'],
    label: 'enter',
    hint: 'details',
    help: 'details of the profile',
    when: anyRow,
    // On an environment variable it says where the key comes from instead.
    hintWhen: profileRow,
  },
  { action: 'add', keys: ['a'], label: 'a', hint: 'add', help: 'add a credential (onboarding wizard)' },
  {
    action: 'setup-token',
    keys: ['s'],
    label: 's',
    hint: 'setup-token',
    help: 'run claude setup-token (into the selected Anthropic token profile)',
    // It works from any row (into the default Anthropic profile); hinted where it is the point.
    hintWhen: ({ row }) => row === undefined || (row.kind === 'profile' && row.profile.provider === 'anthropic'),
  },
  {
    action: 'remove',
    keys: ['d'],
    label: 'd',
    hint: 'remove',
    help: 'remove the profile (asks first)',
    when: anyRow,
    // On an environment variable or the main agent's profile it says why it cannot.
    hintWhen: ({ row }) => row?.kind === 'profile' && row.profile.source !== 'inherited',
  },
  {
    action: 'move-up',
    keys: ['K'],
    label: 'K/J',
    hint: 'reorder',
    help: "move up / down in the provider's order (writes the agent's override)",
    when: anyRow,
    hintWhen: (context) => profileRow(context) && context.reorderable === true,
  },
  { action: 'move-down', keys: ['J'], label: 'J', help: "move down in the provider's order", when: anyRow },
  {
    action: 'clear-cooldown',
    keys: ['c'],
    label: 'c',
    // What the row waits out: a disabled window is not a cooldown.
    hint: ({ row }) =>
      row?.kind === 'profile' && row.profile.usage === 'disabled' ? 'clear disabled' : 'clear cooldown',
    help: 'clear a cooldown or disabled window',
    when: anyRow,
    hintWhen: ({ row }) => row?.kind === 'profile' && row.profile.usage !== null,
  },
  {
    action: 'refresh',
    keys: ['r'],
    label: 'r',
    hint: 'refresh sign-in',
    help: "refresh an OAuth sign-in now (under the gateway's refresh lock)",
    when: anyRow,
    hintWhen: ({ row }) => row?.kind === 'profile' && row.profile.type === 'oauth',
  },
  {
    action: 'probe',
    keys: ['p'],
    label: 'p',
    hint: 'probe',
    help: 'probe every API key live (free model-list calls; writes nothing)',
  },
  { action: 'filter', keys: ['/'], label: '/', hint: 'filter', help: 'filter by id, provider or variable' },
  {
    action: 'clear-filter',
    keys: ['escape'],
    label: 'esc',
    hint: 'clear filter',
    help: 'clear the filter',
    when: ({ filter }) => filter !== '',
  },
  { action: 'agents', keys: ['A'], label: 'A', hint: 'agent', help: 'switch agent' },
  {
    action: 'doctor',
    keys: ['D'],
    label: 'D',
    hint: 'doctor',
    help: 'doctor: what keeps the gateway from working (f applies the safe fixes)',
  },
  {
    action: 'explain',
    keys: ['e'],
    label: 'e',
    hint: 'explain',
    help: 'explain: why each profile is tried, waiting or skipped, model by model',
  },
  { action: 'help', keys: ['?'], label: '?', hint: 'help', help: 'this help' },
  { action: 'quit', keys: ['q'], label: 'q', hint: 'quit', help: 'quit' },
];

/** The help panel: one line per key the list takes (pairs such as ↑/↓ are one line). */
export const LIST_HELP: ReadonlyArray<readonly [string, string]> = helpFor(
  LIST_KEYS.filter((binding) => !['down', 'page-down', 'last', 'move-down'].includes(binding.action)),
);

/** What a panel's hint bar depends on: whether the panel is taller than its room (↑↓ then scroll it). */
export interface PanelContext {
  scrolls: boolean;
}

/** ↑ (with ↓ in its label) on a panel of `what`: a panel that fits has nothing to scroll, so it is not hinted then. */
function scrollUp(what: string): KeyBinding<'scroll-up', PanelContext> {
  const help = `scroll the ${what}`;
  return {
    action: 'scroll-up',
    keys: ['up', 'k'],
    label: '↑↓',
    hint: 'scroll',
    help,
    hintWhen: (panel) => panel.scrolls,
  };
}

export const DETAILS_KEYS: KeyTable<'scroll-up' | 'scroll-down' | 'close', PanelContext> = [
  // Details taller than the terminal scroll, as the help does.
  scrollUp('details'),
  { action: 'scroll-down', keys: ['down', 'j'], label: '↓', help: 'scroll down' },
  { action: 'close', keys: ['return', 'escape', 'q'], label: 'enter/esc', hint: 'close', help: 'close the details' },
];

export const HELP_KEYS: KeyTable<'scroll-up' | 'scroll-down' | 'close', PanelContext> = [
  // A help taller than the terminal scrolls; every other key closes it.
  scrollUp('help'),
  { action: 'scroll-down', keys: ['down', 'j'], label: '↓', help: 'scroll down' },
  { action: 'close', keys: ['any'], label: 'any other key', hint: 'close', help: 'close this help' },
];

export const CONFIRM_KEYS: KeyTable<'remove' | 'keep', unknown> = [
  { action: 'remove', keys: ['y'], label: 'y', hint: 'remove', help: 'remove it' },
  { action: 'keep', keys: ['any'], label: 'any other key', hint: 'keep', help: 'keep it' },
];

export const FILTER_KEYS: KeyTable<'keep' | 'clear', unknown> = [
  { action: 'keep', keys: ['return'], label: 'enter', hint: 'keep filter', help: 'keep the filter, back to the list' },
  { action: 'clear', keys: ['escape'], label: 'esc', hint: 'clear', help: 'clear the filter' },
];

/** What the doctor panel's hint bar depends on: whether any finding has a safe fix. */
export interface DoctorContext {
  fixable: boolean;
}

export const DOCTOR_KEYS: KeyTable<'fix' | 'close', DoctorContext> = [
  {
    action: 'fix',
    keys: ['f'],
    label: 'f',
    hint: 'apply the safe fixes',
    help: 'apply the fixes that lose nothing',
    // Pressed anyway, f says there is nothing it can fix.
    hintWhen: ({ fixable }) => fixable,
  },
  { action: 'close', keys: ['escape', 'return', 'q', 'D'], label: 'esc/q', hint: 'close', help: 'close the doctor' },
];

export const EXPLAIN_KEYS: KeyTable<'scroll-up' | 'scroll-down' | 'close', PanelContext> = [
  // An explanation taller than the panel scrolls, as the details and the help do.
  scrollUp('explanation'),
  { action: 'scroll-down', keys: ['down', 'j'], label: '↓', help: 'scroll down' },
  {
    action: 'close',
    keys: ['escape', 'return', 'q', 'e'],
    label: 'esc/q',
    hint: 'close',
    help: 'close the explanation',
  },
];

export const AGENT_KEYS: KeyTable<'move' | 'switch' | 'back', unknown> = [
  { action: 'move', keys: ['up', 'down'], label: '↑↓', hint: 'move', help: 'move' },
  { action: 'switch', keys: ['return'], label: 'enter', hint: 'switch', help: 'switch to the agent' },
  { action: 'back', keys: ['escape'], label: 'esc', hint: 'back', help: 'back to the list' },
];
