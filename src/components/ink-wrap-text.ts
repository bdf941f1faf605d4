import cliTruncate from 'cli-truncate';
import wrapAnsi from 'wrap-ansi';

/**
 * Ink's own wrap-text.js, put in its place by the build (scripts/build.mjs) and the tests
 * (vitest.config.ts), with one change: where a line fills the width exactly, wrap-ansi (called
 * with `trim: false`, as Ink calls it) starts the next line with the space it broke at, and
 * every such wrap showed a continuation line indented by one column. That space is dropped.
 * Ink measures text with this too, so the height it lays out is the height it draws.
 */
const cache = new Map<string, string>();

export default function wrapText(text: string, maxWidth: number, wrapType: string): string {
  const key = `${text}\0${maxWidth}\0${wrapType}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let wrapped = text;
  if (wrapType === 'wrap')
    wrapped = text
      .split('\n')
      .map((line) => withoutBreakSpaces(wrapAnsi(line, maxWidth, { trim: false, hard: true })))
      .join('\n');
  if (wrapType.startsWith('truncate')) {
    const position = wrapType === 'truncate-middle' ? 'middle' : wrapType === 'truncate-start' ? 'start' : 'end';
    wrapped = cliTruncate(text, maxWidth, { position });
  }
  cache.set(key, wrapped);
  return wrapped;
}

// A colour may open the row before the space: the space after those escapes is the one dropped.
const LEADING = /^((?:\u001b\[[0-9;]*m)*) /;
const TRAILING_SPACE = / (?:\u001b\[[0-9;]*m)*$/;

/** The rows of one wrapped line, each that starts with the space its break left, without it. */
function withoutBreakSpaces(wrapped: string): string {
  const rows = wrapped.split('\n');
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] ?? '';
    // A break at a space that did not fit leaves that space on the row before: none to drop then.
    if (LEADING.test(row) && !TRAILING_SPACE.test(rows[i - 1] ?? '')) rows[i] = row.replace(LEADING, '$1');
  }
  return rows.join('\n');
}
