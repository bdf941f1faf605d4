import { Box, Text } from 'ink';
import { OVERWRITE_KEYS } from '../../components/common-keys.js';
import { KeyHints } from '../../components/KeyHints.js';
import type { KeyTable } from '../../components/key-table.js';
import { TextField } from '../../components/text-field/TextField.js';
import { useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { useKeyTable } from '../../components/use-key-table.js';
import { describeExpiry } from '../../services/durations.js';
import { shown } from '../../services/terminal-text.js';
import type { ExistingProfile } from './use-setup-token-flow.js';

function describeExisting(existing: ExistingProfile): string {
  return `${existing.type}${existing.expiresAt !== undefined ? `, ${describeExpiry(existing.expiresAt, Date.now(), 'date')}` : ''}`;
}

/** The name question: Enter is the field's; Tab replaces the taken profile when it is a token. */
const NAME_KEYS: KeyTable<'use-name' | 'replace' | 'cancel', { replaces: string | undefined; typed: boolean }> = [
  { action: 'use-name', keys: ['return'], label: 'enter', hint: 'use this name', when: ({ typed }) => typed },
  {
    action: 'replace',
    keys: ['tab'],
    label: 'tab',
    hint: ({ replaces }) => `replace ${shown(replaces ?? '')}`,
    when: ({ replaces }) => replaces !== undefined,
  },
  { action: 'cancel', keys: ['escape'], label: 'esc', hint: 'cancel' },
];

/**
 * The default profile is taken: ask for another name, or (when the taken one is a token, a
 * renewal) replace it with Tab. A taken name leads to the overwrite question.
 */
export function ProfileNameQuestion({
  existing,
  problem,
  suggestion,
  onSubmit,
  onOverwrite,
  onCancel,
}: {
  existing?: ExistingProfile;
  problem?: string;
  suggestion: string;
  onSubmit: (name: string) => void;
  onOverwrite: () => void;
  onCancel: () => void;
}) {
  const name = useTextFieldState(suggestion, true);
  const replaces = existing?.type === 'token' ? existing.id : undefined;
  const hints = useKeyTable(
    NAME_KEYS,
    { replaces, typed: name.value.trim() !== '' },
    { replace: onOverwrite, cancel: onCancel },
  );
  return (
    <Box flexDirection="column">
      {existing && (
        <Text>
          <Text bold>{shown(existing.id)}</Text> already exists ({describeExisting(existing)}).
        </Text>
      )}
      {problem && <Text color="yellow">{shown(problem)}</Text>}
      <Text>Name for the new setup-token profile:</Text>
      <Box>
        <Text dimColor>anthropic:</Text>
        <TextField state={name} onSubmit={(value) => value.trim() !== '' && onSubmit(value.trim())} />
      </Box>
      <KeyHints hints={hints} />
    </Box>
  );
}

/** The chosen profile id holds a credential: overwrite it, or pick another name. */
export function OverwriteQuestion({
  existing,
  onOverwrite,
  onRename,
  onCancel,
}: {
  existing: ExistingProfile;
  onOverwrite: () => void;
  onRename: () => void;
  onCancel: () => void;
}) {
  const hints = useKeyTable(
    OVERWRITE_KEYS,
    { leave: 'cancel' },
    { overwrite: onOverwrite, rename: onRename, leave: onCancel },
  );
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{shown(existing.id)}</Text> already exists ({describeExisting(existing)}).
      </Text>
      <Text>Replace it with the new setup-token?</Text>
      <KeyHints hints={hints} />
    </Box>
  );
}
