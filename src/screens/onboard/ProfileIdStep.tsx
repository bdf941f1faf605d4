import { Box, Text } from 'ink';
import { KeyHints } from '../../components/KeyHints.js';
import { useKeys } from '../../components/key-router.js';
import { TextField } from '../../components/text-field/TextField.js';
import { useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { shown } from '../../services/terminal-text.js';

/** The profile's name; `<provider>:default` unless the user says otherwise. */
export function ProfileIdStep({
  provider,
  initial,
  onSubmit,
  problem,
}: {
  provider: string;
  initial: string;
  onSubmit: (name: string) => void;
  problem?: string;
}) {
  const field = useTextFieldState(initial);
  return (
    <Box flexDirection="column">
      <Text bold>Profile name:</Text>
      <Box>
        <Text dimColor>{provider}:</Text>
        <TextField state={field} onSubmit={(value) => value.trim() !== '' && onSubmit(value.trim())} />
      </Box>
      {problem && <Text color="red">{shown(problem)}</Text>}
      <Text dimColor>Several profiles per provider are fine; the gateway tries them in order.</Text>
      <KeyHints
        hints={[
          ['enter', 'continue'],
          ['esc', 'back'],
        ]}
      />
    </Box>
  );
}

export function OverwriteStep({
  profileId,
  existingType,
  onOverwrite,
  onRename,
}: {
  profileId: string;
  existingType: string;
  onOverwrite: () => void;
  onRename: () => void;
}) {
  useKeys((input) => {
    if (input === 'o' || input === 'y') onOverwrite();
    else if (input === 'n') onRename();
  });
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{shown(profileId)}</Text> already exists ({shown(existingType)}). Replace it?
      </Text>
      <KeyHints
        hints={[
          ['o', 'overwrite'],
          ['n', 'another name'],
          ['esc', 'back'],
        ]}
      />
    </Box>
  );
}
