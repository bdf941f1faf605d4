/**
 * Which columns fit the terminal. The id comes first (it is how a row is recognised); the
 * optional columns follow, most useful first, while they fit, so every row stays one line.
 */
export interface Columns {
  id: number;
  type: boolean;
  secret: boolean;
  source: boolean;
  usage: boolean;
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

export function fitColumns(totalWidth: number, longestId: number): Columns {
  const fixed = WIDTH.cursor + WIDTH.position + WIDTH.status + WIDTH.expiry;
  const columns: Columns = {
    id: Math.max(MIN_ID, Math.min(longestId + 1, totalWidth - fixed)),
    type: false,
    secret: false,
    source: false,
    usage: false,
  };
  let used = fixed + columns.id;
  for (const name of ['type', 'usage', 'secret', 'source'] as const) {
    if (used + WIDTH[name] <= totalWidth) {
      columns[name] = true;
      used += WIDTH[name];
    }
  }
  return columns;
}
