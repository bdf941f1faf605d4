import { Box, Text } from 'ink';
import { wrapText } from '../../components/text-layout.js';
import { LIST_HELP } from './dashboard-keys.js';

/** The panel's border and padding. */
const FRAME = 4;
/** The key column: what a key does starts after it, and its continuation lines too. */
const KEY = 10;

/** A key and what it does, as the lines that take at the panel's width. */
interface HelpEntry {
  key: string;
  lines: string[];
}

/**
 * Each key's help at `width` (the terminal's): what it does wraps under its own text, as the
 * doctor's findings do, rather than lose its end at the border.
 */
export function helpEntries(width: number): HelpEntry[] {
  const room = Math.max(8, width - FRAME - KEY);
  return HELP.map(([key, action]) => ({ key, lines: wrapText(action, room) }));
}

/** What the list's marks and its last column's words mean (status and explain mark "next" with ▸: here ▸ is the cursor). */
const MARKS: ReadonlyArray<readonly [string, string]> = [
  ['▸', 'the row the keys act on'],
  ['1*', 'its place in the order; * the one the gateway tries next, – not tried'],
  ['shared', "where it is stored: shared (every agent), local (this agent), main (the main agent's)"],
];

/** The help's lines: each key of the list, then what its marks mean. */
export const HELP: ReadonlyArray<readonly [string, string]> = [...LIST_HELP, ...MARKS];

/** The lines the help takes whole at `width`: its border, its title, each key's lines and the closing line. */
export function helpPanelLines(width: number): number {
  return helpEntries(width).reduce((sum, entry) => sum + entry.lines.length, 0) + 4;
}

/** The furthest the help scrolls in `height` lines: its last keys then fill the panel. */
export function helpLastTop(width: number, height: number): number {
  const all = helpEntries(width);
  let fits = 0;
  for (let room = Math.max(0, height - 4), at = all.length - 1; at >= 0; at--) {
    const need = all[at]!.lines.length;
    if (need > room) break;
    room -= need;
    fits++;
  }
  return Math.max(0, all.length - fits);
}

/** Every key of the list; in `height` lines, the keys that fit whole and a line that says how many did not. */
export function HelpPanel({
  width,
  height = helpPanelLines(width),
  top = 0,
}: {
  width: number;
  height?: number;
  /** The first key shown (↑/↓ scroll a help taller than the terminal). */
  top?: number;
}) {
  const all = helpEntries(width);
  const from = Math.min(top, helpLastTop(width, height));
  const entries = all.slice(from);
  let room = Math.max(0, height - 4);
  const shown: HelpEntry[] = [];
  for (const entry of entries) {
    if (entry.lines.length > room) break;
    shown.push(entry);
    room -= entry.lines.length;
  }
  const left = entries.length - shown.length;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="gray" paddingX={1}>
      <Text bold>Keys</Text>
      {shown.flatMap(({ key, lines }) =>
        lines.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a value's lines are positional.
          <Text key={`${key}:${index}`} wrap="truncate">
            <Text bold>{(index === 0 ? key : '').padEnd(KEY)}</Text>
            {line}
          </Text>
        )),
      )}
      {height > 3 && (
        <Text dimColor wrap="truncate">
          {left > 0 || from > 0
            ? `${from > 0 ? `${from} above · ` : ''}${left > 0 ? `${left} more below · ` : ''}↑/↓ scroll; any other key closes`
            : 'Any key closes this help.'}
        </Text>
      )}
    </Box>
  );
}
