import { Box, Text } from 'ink';
import { LIST_HELP } from './dashboard-keys.js';

export function HelpPanel() {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="gray" paddingX={1}>
      <Text bold>Keys</Text>
      {LIST_HELP.map(([key, action]) => (
        <Text key={key} wrap="truncate">
          <Text bold>{key.padEnd(10)}</Text>
          {action}
        </Text>
      ))}
      <Text dimColor>Any key closes this help.</Text>
    </Box>
  );
}
