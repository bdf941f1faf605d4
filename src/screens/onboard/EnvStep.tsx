import { Box, Text } from 'ink';
import { KeyHints } from '../../components/KeyHints.js';
import { useKeys } from '../../components/key-router.js';
import { shown } from '../../services/terminal-text.js';

/** API keys may also go to the daemon's .env, for setups that read keys from the environment. */
export function EnvStep({
  variable,
  path,
  onAnswer,
}: {
  variable: string;
  path: string;
  onAnswer: (writeEnv: boolean) => void;
}) {
  useKeys((input, key) => {
    if (input === 'y') onAnswer(true);
    else if (input === 'n' || key.return) onAnswer(false);
  });
  return (
    <Box flexDirection="column">
      <Text bold>Also set {variable} in the daemon's .env?</Text>
      <Text dimColor>
        {shown(path)}: the gateway service reads it at start (restart it afterwards). The profile alone is enough for
        most setups.
      </Text>
      <KeyHints
        hints={[
          ['y', 'yes, also .env'],
          ['n / enter', 'no, profile only'],
          ['esc', 'back'],
        ]}
      />
    </Box>
  );
}
