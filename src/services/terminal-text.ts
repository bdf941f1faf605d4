/**
 * Text that came from a file, a server or an argument, on its way to a terminal. A profile id, an
 * email or an error body can hold escape sequences (OSC 52 writes the clipboard, OSC 0 the
 * window title, CSI moves the cursor or clears the screen), C1 controls that terminals take for
 * ESC, newlines that forge a line, bidi overrides that show text reversed, and zero-width marks
 * that make two ids look alike. Every such character is shown as a visible escape instead;
 * everything else (any script, emoji) is kept. `--json` keeps the exact value (jsonText).
 */

// C0 controls, DEL, C1 controls; bidi embeddings, overrides, isolates and marks; zero-width
// characters and the BOM; the Unicode line and paragraph separators.
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u2028\u2029\ufeff]/g;

const UNSAFE_ANY = new RegExp(UNSAFE.source);

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Whether text holds a character `shown` would escape (a control, a bidi or an invisible mark). */
export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE_ANY.test(text);
}

/** One value, shown safely: every control, bidi or invisible character as a visible escape. */
export function shown(text: string, maxLength = Number.POSITIVE_INFINITY): string {
  const safe = text.replace(UNSAFE, escapeChar);
  return safe.length > maxLength ? `${safe.slice(0, maxLength)}…` : safe;
}

/** What a person typed (an id, a name), said back no longer than an id gets: a pasted page is not repeated whole. */
export function shownTyped(text: string): string {
  return shown(text, 120);
}

/**
 * Every string inside a value (a report, a row), shown safely; the shape and the rest stay. What
 * holds nothing to escape comes back as it was, not copied: a 5,000-profile report is mostly that.
 */
export function forTerminal<T>(value: T): T {
  if (typeof value === 'string') return shown(value) as T;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((entry, index) => {
      const safe = forTerminal(entry);
      if (safe === entry) return;
      copy ??= value.slice();
      copy[index] = safe;
    });
    return (copy ?? value) as T;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(value)) {
      const entry = (value as Record<string, unknown>)[key];
      const safe = forTerminal(entry);
      if (safe === entry) continue;
      copy ??= { ...(value as Record<string, unknown>) };
      copy[key] = safe;
    }
    return (copy ?? value) as T;
  }
  return value;
}

/** Another program's output without its colours, which it adds even when asked not to (OpenClaw's log prefixes). */
export function withoutColours(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

// Our own colours (SGR) pass; any other escape, and every other control but tab.
const SGR_OR_UNSAFE =
  /\x1b\[[0-9;]*m|[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u2028\u2029\ufeff]/g;

/**
 * One line of a plain command's output, as the last guard before the terminal: the colours
 * authdeck adds stay; any other escape, a newline (a forged line) or another control is shown as
 * text, wherever in the line it came from.
 */
export function guardLine(text: string): string {
  return text.replace(SGR_OR_UNSAFE, (match) => (match.length > 1 ? match : escapeChar(match)));
}

// Characters JSON.stringify leaves raw that a terminal would act on or hide.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u2028\u2029\ufeff]/g;

/** JSON whose values are exact, with the characters a terminal would act on written as \u escapes. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    JSON_UNSAFE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A link for OSC 8: only http(s) addresses, with anything that could end the sequence early
 * (BEL, ESC, any control or space) percent-encoded by the URL parser. Undefined: not a link.
 */
export function linkTarget(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const href = parsed.href;
  return UNSAFE_ANY.test(href) || href.includes(' ') ? undefined : href;
}
