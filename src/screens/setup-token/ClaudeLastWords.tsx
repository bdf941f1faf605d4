import { Box, Text } from 'ink';
import type { SetupTokenSessionLike } from '../../app-services.js';
import { shown } from '../../services/terminal-text.js';
import { useTerminalMirror } from './use-terminal-mirror.js';

/** A secret claude may have printed where the parser did not see it: never shown whole. */
const SECRET = /sk-ant-[A-Za-z0-9_-]{8,}/g;

/**
 * The last lines claude's screen held when it ended without a token: its own reason (an
 * organisation that disabled setup-token, a network error) says more than an exit code.
 */
export function ClaudeLastWords({ session }: { session: SetupTokenSessionLike | undefined }) {
  const lines = useTerminalMirror(session, 200, 40, true);
  const said = lines
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(-3)
    .map((line) => line.replace(SECRET, (secret) => `${secret.slice(0, 10)}…`));
  if (said.length === 0) return null;
  return (
    <Box flexDirection="column">
      <Text dimColor>claude's last words:</Text>
      {said.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of claude's screen, by position.
        <Text key={index} wrap="truncate">
          {'  '}
          {shown(line)}
        </Text>
      ))}
    </Box>
  );
}
