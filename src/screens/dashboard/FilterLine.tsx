import { Box, Text } from 'ink';
import { TextField } from '../../components/text-field/TextField.js';
import type { TextFieldState } from '../../components/text-field/use-text-field-state.js';
import { wrapText } from '../../components/text-layout.js';
import { keyIn } from '../../services/profiles/secret-in-text.js';
import { shown } from '../../services/terminal-text.js';

interface FilterProps {
  /** `/` was pressed: the field takes keys. */
  editing: boolean;
  field: TextFieldState;
  /** The filter kept (Enter), shown while the list has the keys. */
  kept: string;
  width: number;
}

/** The lines the filter takes: its field while typed into, a line once kept, none without one. */
export function filterLines({ editing, field, kept, width }: FilterProps): number {
  if (!editing) return kept === '' ? 0 : 1;
  if (keyIn(field.value)) return 2;
  return wrapText(field.value === '' ? ' type to filter' : `${field.value} `, width - 2).length;
}

/**
 * The dashboard's `/` filter. A key pasted into it is masked, as in the wizard's search, with a
 * line that says why: a filter is shown, and kept on screen while the list is used.
 */
export function FilterLine({ editing, field, kept }: FilterProps) {
  if (editing) {
    const key = keyIn(field.value) !== undefined;
    return (
      <Box flexDirection="column">
        <Box>
          <Text>/ </Text>
          <TextField
            state={field}
            onSubmit={() => {}}
            keysFromParent
            mask={key ? 'all' : 'none'}
            placeholder="type to filter"
          />
        </Box>
        {key && (
          <Text color="yellow" wrap="truncate">
            That looks like a key, so it is not shown: esc clears it; a adds a credential.
          </Text>
        )}
      </Box>
    );
  }
  if (kept === '') return null;
  return (
    <Text dimColor wrap="truncate">
      filter: {keyIn(kept) ? 'a key (not shown)' : shown(kept)} (/ to change, esc to clear)
    </Text>
  );
}
