import { Box, Text } from 'ink';
import { useServices } from '../contexts.js';
import { shown } from '../services/terminal-text.js';

/** One line that says where you are: the screen, and which agent's credentials. */
export function Header({ title }: { title: string }) {
  const { workspace } = useServices();
  return (
    <Box marginBottom={1} columnGap={1} flexWrap="wrap">
      <Text bold color="cyan">
        authdeck
      </Text>
      <Text dimColor>·</Text>
      <Text bold>{title}</Text>
      <Text dimColor>· agent {shown(workspace.agentId)}</Text>
    </Box>
  );
}
