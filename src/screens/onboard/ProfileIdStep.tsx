import { Box, Text } from 'ink';
import { useEffect, useRef } from 'react';
import { OVERWRITE_KEYS } from '../../components/common-keys.js';
import { KeyHints } from '../../components/KeyHints.js';
import { hintsFor, type KeyTable } from '../../components/key-table.js';
import { TextField } from '../../components/text-field/TextField.js';
import { useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { useKeyTable } from '../../components/use-key-table.js';
import { keyIn } from '../../services/profiles/secret-in-text.js';
import { shown } from '../../services/terminal-text.js';
import type { ProfileChoice } from './profile-names.js';

/** Both keys belong to others: Enter to the field, Esc to the wizard (a step back). */
const NAME_KEYS: KeyTable<'continue' | 'back', undefined> = [
  { action: 'continue', keys: ['return'], label: 'enter', hint: 'continue' },
  { action: 'back', keys: ['escape'], label: 'esc', hint: 'back' },
];

/**
 * The profile's name. The suggestion is a placeholder, not text: typing replaces it and Enter on
 * an empty field takes it (`default`, or a free name when `<provider>:default` is taken).
 */
export function ProfileIdStep({
  provider,
  suggestion,
  base = 'default',
  onSubmit,
  choiceFor,
  problem,
  initial = '',
  onLeave,
}: {
  provider: string;
  suggestion: string;
  /** A name typed before Esc came back here from a later step: kept, not typed again. */
  initial?: string;
  /** The name OpenClaw's onboarding gives this choice's profile (`default`, `api-key`, `global`). */
  base?: string;
  onSubmit: (name: string) => void;
  /** What Enter would do with a typed name: the hint follows the text as it is typed. */
  choiceFor: (name: string) => ProfileChoice;
  problem?: string;
  /** The step goes (Esc, or on after Enter): what the field holds then. */
  onLeave?: (typed: string) => void;
}) {
  const field = useTextFieldState(initial);
  const leave = useRef({ onLeave, field });
  leave.current = { onLeave, field };
  // On the way out only: a name typed and left with Esc is there again on return.
  useEffect(
    () => () => {
      const { onLeave: left, field: last } = leave.current;
      left?.(last.current().trim());
    },
    [],
  );
  // The field as it was when Enter was refused: once edited (even emptied), that refusal is old.
  const refused = useRef(field.value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a refusal arrives, to note the field it refused
  useEffect(() => {
    refused.current = field.current();
  }, [problem, field]);
  const typed = field.value.trim();
  const choice = typed === '' ? undefined : choiceFor(typed);
  return (
    <Box flexDirection="column">
      <Text bold>Profile name:</Text>
      <Box>
        {/* A whole id typed ("anthropic:work") is not shown under the prefix a second time. */}
        {!field.value.includes(':') && <Text dimColor>{shown(provider)}:</Text>}
        <TextField
          state={field}
          mask={keyIn(field.value) ? 'all' : 'none'}
          placeholder={suggestion}
          onSubmit={(value) => onSubmit(value.trim() === '' ? suggestion : value.trim())}
        />
      </Box>
      {choice === undefined ? (
        <>
          {problem && field.value === refused.current && <Text color="red">{shown(problem)}</Text>}
          {suggestion !== base ? (
            <Text dimColor>
              {shown(provider)}:{shown(base)} is taken; Enter uses {shown(provider)}:{suggestion}, or type another name.
            </Text>
          ) : (
            // Said for the first profile too: the suggestion alone did not say it could be changed.
            <Text dimColor>
              Enter uses {shown(provider)}:{suggestion}
              {base !== 'default' ? ', the name `openclaw onboard` gives it,' : ','} or type another name.
            </Text>
          )}
        </>
      ) : 'error' in choice ? (
        // What Enter would refuse with, before it is pressed (red once it was); a problem with
        // a name since edited is not shown: it no longer applies.
        <Text color={problem === choice.error ? 'red' : 'yellow'}>{shown(choice.error)}</Text>
      ) : (
        <Text dimColor>
          Enter uses {shown(choice.profileId)}
          {choice.existingType ? `, which exists (${shown(choice.existingType)}): it asks before replacing it` : ''}.
        </Text>
      )}
      <Text dimColor>Several profiles per provider are fine; the gateway tries them in order.</Text>
      <KeyHints hints={hintsFor(NAME_KEYS, undefined)} />
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
  // Esc is the wizard's: back to the name.
  const hints = useKeyTable(OVERWRITE_KEYS, { leave: 'back' }, { overwrite: onOverwrite, rename: onRename });
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{shown(profileId)}</Text> already exists ({shown(existingType)}). Replace it?
      </Text>
      <KeyHints hints={hints} />
    </Box>
  );
}
