/**
 * Long lines of a plain command's output, laid out for the terminal that shows them: a terminal
 * breaks a line at its last column, mid-word (`openclaw.` / `json`), so the command breaks it
 * first, at a space, and indents what follows under the line's text. A path longer than a line
 * breaks after a `/`; only a word longer than a line with no `/` in it is cut; a link or a
 * `command` never is. Widths count code
 * points, as the screens count them (components/text-layout.ts).
 */

import { breakAt } from '../services/line-breaks.js';

// authdeck's own colours: zero columns wide, kept where they are (the terminal carries a colour
// across the line break, so nothing has to be closed or opened again).
const SGR = /\x1b\[[0-9;]*m/g;

/** A line split into the characters it shows and the colour codes before each of them. */
interface Parsed {
  chars: string[];
  /** codes[i] comes before chars[i]; codes[chars.length] after the last one. */
  codes: string[];
}

function parse(line: string): Parsed {
  const chars: string[] = [];
  const codes: string[] = [''];
  let at = 0;
  for (const match of line.matchAll(SGR)) {
    for (const char of line.slice(at, match.index)) {
      chars.push(char);
      codes.push('');
    }
    codes[chars.length] += match[0];
    at = match.index + match[0].length;
  }
  for (const char of line.slice(at)) {
    chars.push(char);
    codes.push('');
  }
  return { chars, codes };
}

/**
 * `line` as the lines it takes at `width`: the first as wide as the terminal, the others
 * indented by `hang` (by default two more than the line's own indent, so that they read as its
 * continuation).
 */
export function wrapLine(line: string, width: number, hang?: number): string[] {
  const { chars, codes } = parse(line);
  // Spaces at the end show nothing: they never make a line wrap.
  let length = chars.length;
  while (length > 0 && chars[length - 1] === ' ') length--;
  if (length <= width || width < 20) return [line];
  let lead = 0;
  while (chars[lead] === ' ') lead++;
  // A continuation keeps at least half the width for its text.
  const indent = Math.min(hang ?? lead + 2, Math.floor(width / 2));
  const range = (from: number, to: number, withChars: boolean) => {
    let text = '';
    for (let index = from; index < to; index++) text += `${codes[index]}${withChars ? chars[index] : ''}`;
    return text;
  };
  const lines: string[] = [];
  const text = chars.join('');
  const links = [...text.matchAll(/https?:\/\/[^\s`]+|`[^`]+`/g)].map((match): [number, number] => {
    const from = [...text.slice(0, match.index)].length;
    return [from, from + [...match[0]].length];
  });
  let start = 0;
  while (true) {
    const first = lines.length === 0;
    if (!first && start >= length) {
      lines.push(`${lines.pop()}${range(start, chars.length, false)}${codes[chars.length]}`);
      return lines;
    }
    const room = first ? width : width - indent;
    const prefix = first ? '' : ' '.repeat(indent);
    if (length - start <= room) {
      lines.push(`${prefix}${range(start, length, true)}${range(length, chars.length, false)}${codes[chars.length]}`);
      return lines;
    }
    // The first line does not break inside its own indent.
    let [end, next] = breakAt(chars, start, room, first ? lead : start);
    // A link or a `command` is never broken: a line break inside it would be copied with it
    // (and a pasted command run in halves). It starts the next line, or, longer than a line,
    // stays whole on this one (the terminal folds it, and copies it whole).
    const link = links.find(([from, to]) => from < end && end < to);
    if (link) [end, next] = link[0] > (first ? lead : start) ? [link[0], link[0]] : [link[1], link[1]];
    let shown = end;
    while (shown > start && chars[shown - 1] === ' ') shown--;
    let following = next;
    while (chars[following] === ' ') following++;
    // The spaces left out at the break still carry their colour codes.
    lines.push(`${prefix}${range(start, shown, true)}${range(shown, following, false)}`);
    start = following;
  }
}
