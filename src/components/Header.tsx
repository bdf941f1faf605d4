import { Box } from 'ink';
import { useServices } from '../contexts.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { shown } from '../services/terminal-text.js';
import { StyledLines } from './StyledLines.js';
import { headerLines } from './text-layout.js';

/**
 * One line that says where you are: the screen, and which agent's credentials. On a narrow
 * terminal the agent goes to a second line (laid out by headerLines, so a screen can count it).
 */
export function Header({ title, spaced = true }: { title: string; spaced?: boolean }) {
  const { workspace } = useServices();
  const { columns } = useTerminalSize();
  return (
    <Box marginBottom={spaced ? 1 : 0} flexDirection="column">
      <StyledLines lines={headerLines(title, shown(workspace.agentId), columns)} />
    </Box>
  );
}
