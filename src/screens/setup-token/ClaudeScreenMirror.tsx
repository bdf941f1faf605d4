import { Box, Text } from 'ink';
import type { SetupTokenSessionLike } from '../../app-services.js';
import { KeyHints } from '../../components/KeyHints.js';
import type { KeyTable } from '../../components/key-table.js';
import { useKeyTable } from '../../components/use-key-table.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { shown } from '../../services/terminal-text.js';
import { keyToSequence, useTerminalMirror } from './use-terminal-mirror.js';

const KEYS: KeyTable<'cancel' | 'pass', undefined> = [
  { action: 'cancel', keys: ['ctrlC'], label: 'ctrl+c', hint: 'cancel' },
  { action: 'pass', keys: ['any'], label: '…', hint: 'every other key goes to claude' },
];

/**
 * authdeck did not recognise claude's screen (a newer claude?): show it as it is and pass keys
 * through, while the session keeps watching the stream for the token.
 */
export function ClaudeScreenMirror({
  session,
  onCancel,
}: {
  session: SetupTokenSessionLike | undefined;
  onCancel: () => void;
}) {
  const { columns, rows } = useTerminalSize();
  const cols = Math.max(20, columns - 4);
  const height = Math.max(5, Math.min(40, rows - 8));
  const lines = useTerminalMirror(session, cols, height, true);
  const hints = useKeyTable(KEYS, undefined, {
    cancel: onCancel,
    pass: (input, key) => session?.write(keyToSequence(input, key)),
  });
  return (
    <Box flexDirection="column">
      <Text color="yellow">
        authdeck does not recognise this claude screen; here it is as claude shows it. Keys go to claude.
      </Text>
      <Box borderStyle="single" borderColor="gray" flexDirection="column" width={cols + 2}>
        {lines.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: these are the rows of claude's screen, by position.
          <Text key={index} wrap="truncate">
            {/* The cells of a headless terminal: escapes are already taken, but not bidi or invisible marks. */}
            {line === '' ? ' ' : shown(line)}
          </Text>
        ))}
      </Box>
      <KeyHints hints={hints} />
    </Box>
  );
}
