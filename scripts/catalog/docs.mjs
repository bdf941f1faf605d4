// Facts OpenClaw states only in its docs pages: where a provider hands out keys.

const KEY_LINE =
  /\b(create|get|generate|copy|go to|manage)\b.*\b(keys?|tokens?)\b|\b(keys?|tokens?)\b.*\b(create|generate)\b/i;
const LINK = /\]\((https?:\/\/[^)\s]+)\)/;

/**
 * The link on the key-getting line nearest before the choice's own `--auth-choice <id>` example
 * (a page with tabs per choice); on a page without the example, its first such line. A page about another provider
 * (a plugin's shared page) counts only where it shows the choice.
 */
export function keysUrl(lines, choiceId, ownPage) {
  const keyLines = [];
  lines.forEach((line, index) => {
    const link = line.match(LINK);
    // Prose wraps: the words asking for a key may end the line before the link.
    if (link && KEY_LINE.test(`${lines[index - 1] ?? ''} ${line}`)) keyLines.push({ index, url: link[1] });
  });
  if (keyLines.length === 0) return null;
  const example = new RegExp(`--auth-choice\\s+${choiceId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`);
  const at = lines.findIndex((line) => example.test(line));
  if (at < 0) return ownPage ? keyLines[0].url : null;
  return keyLines.filter((line) => line.index < at).at(-1)?.url ?? null;
}
