import { Box } from 'ink';
import { KeyHints } from '../../components/KeyHints.js';
import type { KeyTable } from '../../components/key-table.js';
import { Paragraph } from '../../components/Paragraph.js';
import { useKeyTable } from '../../components/use-key-table.js';
import { maskSecret } from '../../services/profiles/credentials.js';
import { shown } from '../../services/terminal-text.js';

// Esc is the wizard's: a step back.
const KEYS: KeyTable<'yes' | 'no' | 'back', { replaces: boolean }> = [
  { action: 'yes', keys: ['y'], label: 'y', hint: ({ replaces }) => (replaces ? 'yes, replace it' : 'yes, also .env') },
  { action: 'no', keys: ['n', 'return'], label: 'n / enter', hint: 'no, profile only' },
  { action: 'back', keys: ['escape'], label: 'esc', hint: 'back' },
];

/** API keys may also go to the daemon's .env, for setups that read keys from the environment. */
export function EnvStep({
  variable,
  path,
  current,
  secret,
  onAnswer,
}: {
  variable: string;
  path: string;
  /** What the .env gives the variable now: another key is replaced by `y`, so the question says so. */
  current?: string | undefined;
  secret?: string | undefined;
  onAnswer: (writeEnv: boolean) => void;
}) {
  const replaces = current && current !== secret ? maskSecret(current) : undefined;
  const hints = useKeyTable(
    KEYS,
    { replaces: replaces !== undefined },
    { yes: () => onAnswer(true), no: () => onAnswer(false) },
  );
  return (
    <Box flexDirection="column">
      <Paragraph
        bold
        text={
          replaces
            ? `${variable} in the daemon's .env is ${shown(replaces)}: replace it with this key?`
            : `Also set ${variable} in the daemon's .env?`
        }
      />
      <Paragraph
        dim
        text={`${shown(path)}: the gateway service reads it at start (restart it afterwards). The profile alone is enough for most setups.`}
      />
      <KeyHints hints={hints} />
    </Box>
  );
}
