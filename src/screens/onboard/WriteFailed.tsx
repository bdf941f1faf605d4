import { Box, Text } from 'ink';
import { type KeyHint, KeyHints } from '../../components/KeyHints.js';
import { shown } from '../../services/terminal-text.js';

/** A setup step's write that failed: why, and the step's keys (its `r` tries again). */
export function WriteFailed({ error, hints }: { error: string; hints: readonly KeyHint[] }) {
  return (
    <Box flexDirection="column">
      <Text color="red">✘ {shown(error, 400)}</Text>
      <KeyHints hints={hints} />
    </Box>
  );
}
