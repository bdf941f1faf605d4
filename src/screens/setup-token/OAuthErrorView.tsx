import { Box, Text } from 'ink';
import { KeyHints } from '../../components/KeyHints.js';
import { useKeys } from '../../components/key-router.js';
import { shown } from '../../services/terminal-text.js';

/** claude refused the code (or could not reach the sign-in service) and waits for a retry. */
export function OAuthErrorView({
  message,
  onRetry,
  onCancel,
}: {
  message: string;
  onRetry: () => void;
  onCancel: () => void;
}) {
  useKeys((_input, key) => {
    if (key.return) onRetry();
    else if (key.escape) onCancel();
  });
  return (
    <Box flexDirection="column">
      {/* claude's own words, from its terminal output */}
      <Text color="red">✘ {shown(message)}</Text>
      <Text>Retry to get a new sign-in link; use a fresh code from it.</Text>
      <KeyHints
        hints={[
          ['enter', 'retry'],
          ['esc', 'cancel'],
        ]}
      />
    </Box>
  );
}
