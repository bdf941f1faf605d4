import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { AuthdeckError } from '../errors.js';

/** JSON5 text spelled as JSON with comments, which jsonc-parser can then edit in place. */
export interface JsonSpelling {
  /** JSON with comments; each Infinity or NaN stands in it as a marked string. */
  text: string;
  /** Puts Infinity and NaN back as they were written: JSON has no spelling for them. */
  restore(text: string): string;
}

const WORD = /(?:[$\p{ID_Continue}\u200C\u200D]|\\u[0-9a-fA-F]{4})+/uy;
const SIGNED_WORD = /[+-](?:Infinity|NaN)/y;
const NUMBER = /[+-]?(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/y;
const NO_JSON_SPELLING = new Set(['Infinity', 'NaN', '+Infinity', '-Infinity', '+NaN', '-NaN']);

/**
 * Rewrites valid JSON5 token by token, so that layout, comments, key order and duplicate keys stay, and
 * every number keeps its spelling where JSON has one (1.50, -0, 1e400, 2^53+1 as written; only
 * hex, a leading +, .5 and 5. are respelled, to the same value). Reading the text into values
 * and writing them out again would round each number through a double. The result is checked to read back as the
 * original does: a file this could get wrong is refused, never written.
 */
export async function json5AsJson(text: string, where: string): Promise<JsonSpelling> {
  // A fresh mark cannot be in the file, so no string of the person's can be mistaken for one.
  const mark = `\uE000${randomUUID()}\uE001`;
  const marked = new RegExp(`"${mark}([^"]*)"`, 'g');
  const spelling: JsonSpelling = {
    text: transcode(text, mark, where),
    restore: (edited) => edited.replace(marked, '$1'),
  };
  const { default: JSON5 } = await import('json5');
  if (!isDeepStrictEqual(JSON5.parse(spelling.restore(spelling.text)), JSON5.parse(text))) throw unsafe(where);
  return spelling;
}

function transcode(text: string, mark: string, where: string): string {
  let out = '';
  /** Where in `out` a comma waits that a closing bracket would make trailing (JSON has none). */
  let comma: number | undefined;
  let at = 0;
  const emit = (piece: string) => {
    out += piece;
    comma = undefined;
  };
  while (at < text.length) {
    const char = text[at]!;
    if (char === '"' || char === "'") {
      const end = stringEnd(text, at);
      emit(jsonString(text.slice(at, end)));
      at = end;
    } else if (char === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) {
      // Kept as written (JSON with comments is what the edit in place reads); a comma before
      // it can still turn out trailing.
      const end = commentEnd(text, at);
      out += text.slice(at, end);
      at = end;
    } else if (char === ',') {
      comma = out.length;
      out += ',';
      at++;
    } else if (char === '}' || char === ']') {
      if (comma !== undefined) out = out.slice(0, comma) + out.slice(comma + 1);
      emit(char);
      at++;
    } else if ('{[:'.includes(char)) {
      emit(char);
      at++;
    } else if (/\s/.test(char)) {
      out += jsonWhitespace(char);
      at++;
    } else {
      const [piece, end] = valueToken(text, at, mark, where);
      emit(piece);
      at = end;
    }
  }
  return out;
}

/** A number, a literal or an unquoted key, as JSON, and where it ends. */
function valueToken(text: string, at: number, mark: string, where: string): [string, number] {
  for (const pattern of [SIGNED_WORD, NUMBER, WORD]) {
    pattern.lastIndex = at;
    const raw = pattern.exec(text)?.[0];
    if (raw === undefined) continue;
    const end = at + raw.length;
    const word = JSON.stringify(raw.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => fromHex(hex)));
    // A word before a colon is a key, whatever it spells (JSON5 allows `null:` or `Infinity:`).
    if (pattern === WORD && /^\s*:/.test(text.slice(end, end + 64))) return [word, end];
    if (NO_JSON_SPELLING.has(raw)) return [`"${mark}${raw}"`, end];
    if (pattern === NUMBER) return [jsonNumber(raw), end];
    if (raw === 'true' || raw === 'false' || raw === 'null') return [raw, end];
    return [word, end];
  }
  throw unsafe(where);
}

function fromHex(hex: string): string {
  return String.fromCharCode(Number.parseInt(hex, 16));
}

/** The same number as JSON can write it, kept character for character wherever JSON allows. */
function jsonNumber(raw: string): string {
  const sign = raw.startsWith('-') ? '-' : '';
  const body = raw.replace(/^[+-]/, '');
  if (/^0x/i.test(body)) return `${sign}${BigInt(body)}`;
  const [, whole, fraction, exponent = ''] = /^(\d*)(?:\.(\d*))?(.*)$/.exec(body)!;
  return `${sign}${whole || '0'}${fraction ? `.${fraction}` : ''}${exponent}`;
}

/** A string as JSON: written as it was when JSON reads it already, else re-encoded. */
function jsonString(raw: string): string {
  if (raw.startsWith('"')) {
    try {
      JSON.parse(raw);
      return raw;
    } catch {
      // A JSON5-only escape or character: re-encoded below.
    }
  }
  return JSON.stringify(json5StringValue(raw));
}

const SIMPLE_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '0': '\0' };

/** The value of a JSON5 string literal (ES5 escapes, and a backslash before a line break continues the line). */
function json5StringValue(raw: string): string {
  return raw
    .slice(1, -1)
    .replace(
      /\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(\r\n|[\n\r\u2028\u2029])|([\s\S]))/g,
      (_, unicode?: string, hex?: string, lineBreak?: string, other?: string) => {
        if (unicode !== undefined) return fromHex(unicode);
        if (hex !== undefined) return fromHex(hex);
        if (lineBreak !== undefined) return '';
        return SIMPLE_ESCAPES[other!] ?? other!;
      },
    );
}

function stringEnd(text: string, start: number): number {
  const quote = text[start];
  let at = start + 1;
  while (at < text.length && text[at] !== quote) at += text[at] === '\\' ? 2 : 1;
  return at + 1;
}

function commentEnd(text: string, start: number): number {
  if (text[start + 1] === '*') {
    const close = text.indexOf('*/', start + 2);
    return close === -1 ? text.length : close + 2;
  }
  const lineBreak = text.slice(start).search(/[\n\r\u2028\u2029]/);
  return lineBreak === -1 ? text.length : start + lineBreak;
}

/** JSON5 counts every Unicode space as whitespace; JSON only four. */
function jsonWhitespace(char: string): string {
  if (char === ' ' || char === '\t' || char === '\n' || char === '\r') return char;
  if (char === '\u2028' || char === '\u2029') return '\n';
  return char === '\uFEFF' ? '' : ' ';
}

function unsafe(where: string): AuthdeckError {
  return new AuthdeckError(
    `${where} uses JSON5 that authdeck cannot rewrite as JSON without changing it; nothing was written — make the edit by hand`,
  );
}
