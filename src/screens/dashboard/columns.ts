/**
 * Which columns fit the terminal. The id comes first (it is how a row is recognised); the
 * optional columns follow, most useful first, while they fit, so every row stays one line.
 * A column with nothing to show (no cooldowns, a single layer) takes no room: the masked
 * secret, which tells two keys of a provider apart, and a cooldown come before the type. An id
 * longer than SHORT_ID (an email-style sign-in id) is cut with … before a column goes: the
 * columns are chosen as if it were that long, then it takes what room is left.
 */
import { textColumns } from '../../components/text-layout.js';
import { shown } from '../../services/terminal-text.js';
import type { DashboardRow } from './dashboard-rows.js';

export interface Columns {
  id: number;
  type: boolean;
  secret: boolean;
  source: boolean;
  usage: boolean;
  /** What the last column has before the edge: a cooldown says its time shorter where it must. */
  usageRoom: number;
  /** The status and expiry columns as wide as their longest text here (at most WIDTH's). */
  status: number;
  expiry: number;
}

export const WIDTH = {
  cursor: 2,
  position: 4,
  type: 8,
  secret: 15,
  status: 12,
  expiry: 15,
  usage: 17,
  source: 7,
} as const;
const MIN_ID = 16;
const SHORT_ID = 24;
const LAST_COLUMN_MIN = 7;
/** "static " and "no expiry ": a column narrower than these jumps as soon as one appears. */
const MIN_STATUS = 7;
const MIN_EXPIRY = 10;

export interface ColumnNeeds {
  /** Some profile is in a cooldown or disabled. */
  usage: boolean;
  /** Profiles come from more than one layer (local/shared, own/main). */
  source: boolean;
  /**
   * The longest status and expiry texts of the rows: "static" and "no expiry" leave room a
   * cooldown's time needs at 80 columns, where fixed widths cut it.
   */
  longestStatus?: number;
  longestExpiry?: number;
}

/** The columns the longest id of these rows takes, as it is drawn (escapes shown, wide characters two). */
export function longestIdOf(rows: readonly DashboardRow[]): number {
  let longest = 0;
  for (const row of rows) {
    const id = row.kind === 'profile' ? row.profile.id : row.kind === 'env' ? `env ${row.env.variable}` : '';
    longest = Math.max(longest, textColumns(shown(id)));
  }
  return longest;
}

export function fitColumns(
  totalWidth: number,
  longestId: number,
  needs: ColumnNeeds = { usage: true, source: true },
): Columns {
  const status = Math.min(WIDTH.status, Math.max(MIN_STATUS, (needs.longestStatus ?? WIDTH.status) + 1));
  const expiry = Math.min(WIDTH.expiry, Math.max(MIN_EXPIRY, (needs.longestExpiry ?? WIDTH.expiry) + 1));
  const fixed = WIDTH.cursor + WIDTH.position + status + expiry;
  const wanted = Math.max(MIN_ID, longestId + 1);
  const short = Math.max(MIN_ID, Math.min(wanted, SHORT_ID, totalWidth - fixed));
  const columns: Columns = {
    id: short,
    type: false,
    secret: false,
    source: false,
    usage: false,
    usageRoom: 0,
    status,
    expiry,
  };
  let used = fixed + short;
  // The last column (cooldowns, probe results) is unpadded and cut at the edge: a little room does.
  // A cooldown or disabled window says why a profile is not tried: it comes before the type.
  for (const name of ['secret', 'usage', 'type', 'source'] as const) {
    if ((name === 'usage' || name === 'source') && !needs[name]) continue;
    if (used + (name === 'usage' ? LAST_COLUMN_MIN : WIDTH[name]) <= totalWidth) {
      columns[name] = true;
      used += WIDTH[name];
    }
  }
  columns.id = Math.max(short, Math.min(wanted, totalWidth - (used - short)));
  if (columns.usage) columns.usageRoom = totalWidth - (used - WIDTH.usage) - (columns.id - short);
  return columns;
}
