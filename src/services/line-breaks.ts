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
