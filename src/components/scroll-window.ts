/** An entry of a scrolling panel: what it takes, in lines, at the panel's width. */
export interface PanelEntry {
  lines: readonly string[];
}

/** The furthest a panel of `entries` scrolls in `room` lines: its last entries then fill it. */
export function lastTop(entries: readonly PanelEntry[], room: number): number {
  let fits = 0;
  for (let left = Math.max(0, room), at = entries.length - 1; at >= 0; at--) {
    const need = entries[at]!.lines.length;
    if (need > left) break;
    left -= need;
    fits++;
  }
  // One entry taller than the whole panel is still reached (shown cut, see scrollWindow).
  return Math.max(0, entries.length - Math.max(fits, 1));
}

/**
 * The entries a panel shows from `top` in `room` lines, whole ones only (an entry is cut only
 * when it alone is taller than the panel), and how many are above and below them.
 */
export function scrollWindow<Entry extends PanelEntry>(
  entries: readonly Entry[],
  top: number,
  room: number,
): { shown: Entry[]; above: number; below: number } {
  const from = Math.max(0, Math.min(top, lastTop(entries, room)));
  const shown: Entry[] = [];
  let left = Math.max(0, room);
  for (const entry of entries.slice(from)) {
    if (entry.lines.length > left) {
      // An entry taller than the panel, first in view: what fits of it, not an empty panel.
      if (shown.length === 0 && left > 0) shown.push({ ...entry, lines: entry.lines.slice(0, left) });
      break;
    }
    shown.push(entry);
    left -= entry.lines.length;
  }
  return { shown, above: from, below: entries.length - from - shown.length };
}

/** The panel's last line when it does not show everything: "2 above · 3 more below · ↑/↓ scroll". */
export function scrollLine(above: number, below: number, rest: string): string {
  return `${above > 0 ? `${above} above · ` : ''}${below > 0 ? `${below} more below · ` : ''}${rest}`;
}
