import type { Key } from 'ink';

/**
 * Enter: Ink reports "\r" as return, but a "\n" (Enter typed while the terminal was still in
 * line mode, or a paste ending in a line feed) only as input.
 */
export function isEnter(input: string, key: Pick<Key, 'return'>): boolean {
  return key.return || input === '\n' || input === '\r\n';
}
