import { Box, Text } from 'ink';
import { KeyHints } from '../../components/KeyHints.js';
import { shown } from '../../services/terminal-text.js';

/** A setup step's write that failed: why, and `r` to try again (the step handles the key). */
export function WriteFailed({ error, again }: { error: string; again: string }) {
  return (
    <Box flexDirection="column">
      <Text color="red">✘ {shown(error, 400)}</Text>
      <KeyHints
        hints={[
          ['r', again],
          ['esc', 'back'],
        ]}
      />
    </Box>
  );
}
