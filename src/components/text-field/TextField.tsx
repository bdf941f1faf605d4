import { Text } from 'ink';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { characterCount } from '../../services/profiles/credentials.js';
import { keyIn } from '../../services/profiles/secret-in-text.js';
import type { RoutedKey } from '../key-router.js';
import { useTextFieldInput } from './use-text-field-input.js';
import { characterAt, type TextFieldState } from './use-text-field-state.js';

/** none: as typed; all: every character hidden; keep-tail: the last 6 in clear, as claude shows a code. */
export type MaskStyle = 'none' | 'all' | 'keep-tail';

export interface TextFieldProps {
  state: TextFieldState;
  onSubmit: (value: string) => void;
  isActive?: boolean;
  placeholder?: string;
  mask?: MaskStyle;
  intercept?: (input: string, key: RoutedKey) => boolean;
  /** Keep line breaks pasted inside the value (a secret field refuses two secrets on two lines). */
  keepLineBreaks?: boolean;
  /**
   * A field shown as typed takes no key: one pasted or typed into it is masked, said, and Enter
   * refused (a key in a base URL or model id was shown, then written into openclaw.json). Off
   * where a sign-in's final address or code is pasted.
   */
  takesKeys?: boolean;
  /** The parent applies keys itself (applyTextKey) and the field only draws: it shows a cursor. */
  keysFromParent?: boolean;
}

const TAIL = 6;
const MAX_DOTS = 40;
/** What a field line holds besides the dots: the frame around it, the tail, the cursor and the count. */
const BESIDE_DOTS = 34;

export function maskValue(value: string, mask: MaskStyle, maxDots = MAX_DOTS): string {
  if (mask === 'none') return value;
  // As many dots as the count beside them says: what a paste adds around a secret (spaces, line
  // breaks) is not part of it (a key pasted as "  abc  " showed 7 dots and "3 characters").
  const chars = [...value.replace(/\s/g, '')];
  const shown = mask === 'keep-tail' ? chars.slice(-TAIL).join('') : '';
  const hidden = chars.length - [...shown].length;
  // A long secret would wrap the line; the count beside it says how long it is.
  return `${'•'.repeat(Math.min(hidden, maxDots))}${hidden > maxDots ? '…' : ''}${shown}`;
}

export function TextField({
  state,
  onSubmit,
  isActive = true,
  placeholder = '',
  mask = 'none',
  intercept,
  keepLineBreaks = false,
  keysFromParent = false,
  takesKeys = false,
}: TextFieldProps) {
  const guarded = mask === 'none' && !takesKeys;
  const key = guarded && keyIn(state.value) !== undefined;
  const submit = (value: string) => {
    if (guarded && keyIn(value) !== undefined) return;
    onSubmit(value);
  };
  useTextFieldInput(state, submit, isActive && !keysFromParent, intercept, keepLineBreaks, mask === 'none');
  // Dots and count stay on one line in a narrow terminal (at 60 columns the count wrapped).
  const { columns } = useTerminalSize();
  const maxDots = Math.max(8, Math.min(MAX_DOTS, columns - BESIDE_DOTS));
  const cursor = isActive ? <Text inverse> </Text> : null;
  if (state.value === '') {
    // The cursor stands on the placeholder's first character, not in a cell before it: a
    // suggested name then reads "anthropic:default-2", not "anthropic: default-2".
    const [first = '', ...rest] = placeholder;
    return isActive && first !== '' ? (
      <Text>
        <Text inverse>{first}</Text>
        <Text dimColor>{rest.join('')}</Text>
      </Text>
    ) : (
      <Text>
        {cursor}
        <Text dimColor>{placeholder}</Text>
      </Text>
    );
  }
  if (key)
    return (
      <Text>
        {maskValue(state.value, 'all', maxDots)}
        {cursor}
        <Text color="yellow"> that looks like a key: not shown, and not taken here (Ctrl+U clears it)</Text>
      </Text>
    );
  if (mask === 'none' && isActive && state.suggested)
    return (
      <Text>
        {state.value}
        {cursor}
        <Text dimColor> typing replaces it, ← edits it</Text>
      </Text>
    );
  if (mask === 'none' && isActive && state.cursor < state.value.length) {
    // The cursor stands on the character it is before, as a terminal's does.
    const at = characterAt(state.value, state.cursor);
    return (
      <Text>
        {state.value.slice(0, state.cursor)}
        <Text inverse>{at}</Text>
        {state.value.slice(state.cursor + at.length)}
      </Text>
    );
  }
  return (
    <Text>
      {maskValue(state.value, mask, maxDots)}
      {cursor}
      {mask !== 'none' && <Text dimColor> {characterCount(state.value.replace(/\s/g, ''))}</Text>}
    </Text>
  );
}
