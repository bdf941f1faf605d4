import { Box, Text } from 'ink';
import { lastTop, type PanelEntry, scrollLine, scrollWindow } from '../../components/scroll-window.js';
import { wrapText } from '../../components/text-layout.js';
import { LIST_HELP } from './dashboard-keys.js';

/** The panel's border and padding. */
const FRAME = 4;
/** The key column: what a key does starts after it, and its continuation lines too. */
const KEY = 10;

/** A key and what it does, as the lines that take at the panel's width. */
interface HelpEntry extends PanelEntry {
  key: string;
}

/**
 * Each key's help at `width` (the terminal's): what it does wraps under its own text, as the
 * doctor's findings do, rather than lose its end at the border.
 */
export function helpEntries(width: number): HelpEntry[] {
  const room = Math.max(8, width - FRAME - KEY);
  return HELP.map(([key, action]) => ({ key, lines: wrapText(action, room) }));
}

/** What the list's marks and its last column's words mean (`*` marks "next" in status and explain too). */
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
  return lastTop(helpEntries(width), height - 4);
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
  const { shown, above, below } = scrollWindow(helpEntries(width), top, height - 4);
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
          {below > 0 || above > 0
            ? scrollLine(above, below, '↑/↓ scroll, other keys close')
            : 'Any key closes this help.'}
        </Text>
      )}
    </Box>
  );
}
