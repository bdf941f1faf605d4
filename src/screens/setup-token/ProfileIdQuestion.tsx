import { Box, Text } from 'ink';
import { KeyHints } from '../../components/KeyHints.js';
import { useKeys } from '../../components/key-router.js';
import { TextField } from '../../components/text-field/TextField.js';
import { useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { describeExpiry } from '../../services/durations.js';
import { shown } from '../../services/terminal-text.js';
import type { ExistingProfile } from './use-setup-token-flow.js';

function describeExisting(existing: ExistingProfile): string {
  return `${existing.type}${existing.expiresAt !== undefined ? `, ${describeExpiry(existing.expiresAt, Date.now(), 'date')}` : ''}`;
}

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
  const name = useTextFieldState(suggestion);
  const canReplace = existing?.type === 'token';
  useKeys((_input, key) => {
    if (key.escape) onCancel();
    else if (key.tab && canReplace) onOverwrite();
  });
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
      <KeyHints
        hints={[
          ['enter', 'use this name'],
          ...(canReplace ? [['tab', `replace ${shown(existing.id)}`] as const] : []),
          ['esc', 'cancel'],
        ]}
      />
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
  useKeys((input, key) => {
    if (input === 'o' || input === 'y') onOverwrite();
    else if (input === 'n') onRename();
    else if (key.escape) onCancel();
  });
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{shown(existing.id)}</Text> already exists ({describeExisting(existing)}).
      </Text>
      <Text>Replace it with the new setup-token?</Text>
      <KeyHints
        hints={[
          ['o', 'overwrite'],
          ['n', 'choose another name'],
          ['esc', 'cancel'],
        ]}
      />
    </Box>
  );
}
