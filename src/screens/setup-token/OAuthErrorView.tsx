import { Box, Text } from 'ink';
import { KeyHints } from '../../components/KeyHints.js';
import type { KeyTable } from '../../components/key-table.js';
import { useKeyTable } from '../../components/use-key-table.js';
import { shown } from '../../services/terminal-text.js';

const KEYS: KeyTable<'retry' | 'cancel', undefined> = [
  { action: 'retry', keys: ['return'], label: 'enter', hint: 'retry' },
  { action: 'cancel', keys: ['escape'], label: 'esc', hint: 'cancel' },
];

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
  const hints = useKeyTable(KEYS, undefined, { retry: onRetry, cancel: onCancel });
  return (
    <Box flexDirection="column">
      {/* claude's own words, from its terminal output */}
      <Text color="red">✘ {shown(message)}</Text>
      <Text>Retry to get a new sign-in link; use a fresh code from it.</Text>
      <KeyHints hints={hints} />
    </Box>
  );
}
