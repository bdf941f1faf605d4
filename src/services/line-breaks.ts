/**
 * Where a line of text breaks when it is too wide, for the screens (components/text-layout.ts)
 * and the plain commands (commands/wrap-lines.ts) alike: at the last space that fits; a path
 * that does not fit breaks after a `/` instead of mid-name (`…/agent/` | `auth-profiles.json`,
 * not `auth-profile` | `s.json`), also when the only space that fits would leave a stub (`i`
 * alone on a line, then the path); only a word with no `/` in it is cut.
 */
export function breakAt(
  chars: readonly string[],
  start: number,
  room: number,
  notBefore = start,
): [end: number, next: number] {
  let space = -1;
  for (let at = start + room; at > Math.max(start, notBefore); at--) {
    if (chars[at] === ' ') {
      space = at;
      break;
    }
  }
  let slash = -1;
  for (let at = start + room - 1; at > start; at--) {
    if (chars[at] === '/') {
      slash = at;
      break;
    }
  }
  // A space in the first quarter of the line leaves a stub: a `/` further on reads better.
  if (space !== -1 && (slash === -1 || space - start >= room / 4 || slash < space)) return [space, space + 1];
  if (slash !== -1) return [slash + 1, slash + 1];
  return [start + room, start + room];
}

/**
 * The space before the backticked command `at` falls inside, when that command fits on a line
 * of its own and something comes before it on this one; else undefined.
 */
export function commandStartBefore(
  chars: readonly string[],
  start: number,
  at: number,
  room: number,
): number | undefined {
  let open = -1;
  for (let index = 0; index < at; index++) {
    if (chars[index] === '\n') open = -1;
    else if (chars[index] === '`') open = open === -1 ? index : -1;
  }
  if (open <= start + 1 || chars[open - 1] !== ' ') return undefined;
  let close = at;
  while (close < chars.length && chars[close] !== '`' && chars[close] !== '\n') close++;
  if (chars[close] !== '`' || close - open + 1 > room) return undefined;
  return open - 1;
}
