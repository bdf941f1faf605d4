import type { Key } from 'ink';

/** A key as the router delivers it: Ink's flags, plus whether it came in a run of several keys. */
export interface RoutedKey extends Key {
  /** One of several keys that arrived in one chunk: a paste, or typing faster than the screen. */
  inChunk: boolean;
  /** The last key of its chunk (also true for a key that came alone). */
  chunkEnd: boolean;
  /** Inside a bracketed paste: the terminal says it was pasted, not typed. */
  pasted?: boolean;
  /** The first key of its chunk (also true for a key that came alone). */
  chunkStart?: boolean;
  /**
   * A line break of a run that reads as Enter typed ahead, not as a line of a paste: another
   * break follows at once ("key⏎⏎n"), or only a y/n answer ends the run ("key⏎n"). A wrapped
   * secret's last line may be as short, but is a y or n alone only by a rare chance.
   */
  enterTyped?: boolean;
}

/** A key with no flag set: a plain character. */
export const NO_FLAGS: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

const LOCK_AND_SHIFT = new Set<keyof Key>(['shift', 'capsLock', 'numLock']);

function hasFlag(key: Key): boolean {
  // Shift and the lock keys say nothing about which key it was.
  return (Object.keys(NO_FLAGS) as Array<keyof Key>).some((name) => !LOCK_AND_SHIFT.has(name) && key[name] === true);
}

/** One character of a run as the key a terminal sends for it. */
function keyOf(char: string): [string, Key] {
  if (char === '\r' || char === '\n' || char === '\r\n') return ['', { ...NO_FLAGS, return: true }];
  // Terminals send DEL (0x7f) for Backspace; Ink reports it as delete, and so do we.
  if (char === '\x7f') return ['', { ...NO_FLAGS, delete: true }];
  if (char === '\b') return ['', { ...NO_FLAGS, backspace: true }];
  if (char === '\t') return ['', { ...NO_FLAGS, tab: true }];
  const code = char.charCodeAt(0);
  if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), { ...NO_FLAGS, ctrl: true }];
  if (code < 32) return ['', { ...NO_FLAGS }];
  return [char, { ...NO_FLAGS, shift: /^[A-Z]$/.test(char) }];
}

/**
 * Splits what Ink reports as one input event into the keys it holds. Ink separates escape
 * sequences (arrows, Esc) already, but gives a run of plain characters as one string; a
 * CRLF pair counts as one Enter, and a lone LF (Enter typed in line mode) is Enter too.
 */
export function splitKeyChunk(input: string, key: Key): Array<[string, RoutedKey]> {
  const chars = input.match(/\r\n|[\s\S]/gu) ?? [];
  if (hasFlag(key) || chars.length === 0) return [[input, { ...key, inChunk: false, chunkEnd: true }]];
  const [only] = chars;
  if (chars.length === 1 && only !== undefined) {
    const [one, oneKey] = keyOf(only);
    return [[one, { ...oneKey, shift: oneKey.shift || key.shift, inChunk: false, chunkEnd: true, chunkStart: true }]];
  }
  return chars.map((char, index) => {
    const [text, flags] = keyOf(char);
    const routed: RoutedKey = {
      ...flags,
      inChunk: true,
      chunkEnd: index === chars.length - 1,
      chunkStart: index === 0,
    };
    return [text, flags.return && enterTyped(chars, index) ? { ...routed, enterTyped: true } : routed];
  });
}

const LINE_BREAK = /^(?:\r\n|\r|\n)$/;

/** See RoutedKey.enterTyped: what follows the line break at `index` in its run. */
function enterTyped(chars: string[], index: number): boolean {
  const after = chars.slice(index + 1);
  return LINE_BREAK.test(after[0] ?? '') || (after.length === 1 && /^[yn]$/i.test(after[0] ?? ''));
}
