import { Box, Text } from 'ink';
import { KeyHints } from '../../components/KeyHints.js';
import { useKeys } from '../../components/key-router.js';
import { TextField } from '../../components/text-field/TextField.js';
import { useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { shown } from '../../services/terminal-text.js';

/**
 * The profile's name. The suggestion is a placeholder, not text: typing replaces it and Enter on
 * an empty field takes it (`default`, or a free name when `<provider>:default` is taken).
 */
export function ProfileIdStep({
  provider,
  suggestion,
  onSubmit,
  problem,
}: {
  provider: string;
  suggestion: string;
  onSubmit: (name: string) => void;
  problem?: string;
}) {
  const field = useTextFieldState();
  return (
    <Box flexDirection="column">
      <Text bold>Profile name:</Text>
      <Box>
        <Text dimColor>{shown(provider)}:</Text>
        <TextField
          state={field}
          placeholder={suggestion}
          onSubmit={(value) => onSubmit(value.trim() === '' ? suggestion : value.trim())}
        />
      </Box>
      {problem && <Text color="red">{shown(problem)}</Text>}
      {suggestion !== 'default' && (
        <Text dimColor>
          {shown(provider)}:default is taken; Enter uses {shown(provider)}:{suggestion}, or type another name.
        </Text>
      )}
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
