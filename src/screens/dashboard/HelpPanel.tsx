import { Box, Text } from 'ink';
import { LIST_HELP } from './dashboard-keys.js';

/** The lines the help takes whole: its border, its title, a line per key and the closing line. */
export const HELP_PANEL_LINES = LIST_HELP.length + 4;

/** Every key of the list; in `height` lines, as many as fit and a line that says how many did not. */
export function HelpPanel({ height = HELP_PANEL_LINES }: { height?: number }) {
  const room = Math.max(0, height - 4);
  const shown = LIST_HELP.length <= room ? LIST_HELP : LIST_HELP.slice(0, room);
  const left = LIST_HELP.length - shown.length;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="gray" paddingX={1}>
      <Text bold>Keys</Text>
      {shown.map(([key, action]) => (
        <Text key={key} wrap="truncate">
          <Text bold>{key.padEnd(10)}</Text>
          {action}
        </Text>
      ))}
      {height > 3 && (
        <Text dimColor wrap="truncate">
          {left > 0 ? `… ${left} more in a taller terminal. ` : ''}Any key closes this help.
        </Text>
      )}
    </Box>
  );
}
