import { StringDecoder } from 'node:string_decoder';

/** What `claude setup-token` is showing, as far as its byte stream tells (README "setup-token"). */
export type SetupTokenEvent =
  | { type: 'opening-browser' }
  | { type: 'url'; url: string }
  | { type: 'awaiting-code' }
  | { type: 'exchanging' }
  | { type: 'oauth-error'; message: string }
  | { type: 'success-screen' }
  | { type: 'token'; token: string };

export const SETUP_TOKEN_PREFIX = ['sk', 'ant', 'oat01', ''].join('-');

const TOKEN_PIECE = /^[A-Za-z0-9_-]+$/;
// An unterminated OSC that grows past this is garbage, not a hyperlink still arriving.
const MAX_PENDING = 64 * 1024;
// Text before every search position is dropped once it passes this, so a stream that runs for
// minutes (a spinner) is not kept, and re-flattened on every chunk, as one growing string.
const COMPACT_AFTER = 32 * 1024;

interface Detector {
  pattern: RegExp;
  from: number;
  /** The longest text a match can cover: older text is not searched again. */
  span: number;
  event: (match: RegExpExecArray) => SetupTokenEvent;
}

/**
 * Turns the PTY byte stream into events. The renderer moves the cursor instead of printing
 * spaces and wraps the token at the terminal width, so the stream is first reduced to plain
 * text (cursor moves become spaces or line breaks) and then matched by its words, never by
 * positions. Chunks may split anywhere, even inside an escape sequence or a UTF-8 character.
 */
export class SetupTokenStreamParser {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  private text = '';
  private lastUrl: string | undefined;
  private successAt = -1;
  private tokenFound = false;
  // Where the next searches start, so a long stream (a spinner for minutes) is not re-read
  // from the beginning on every chunk.
  private tokenSearchFrom = 0;
  private urlSearchFrom = 0;
  private readonly detectors: Detector[] = [
    { pattern: /Opening\s+browser\s+to\s+sign\s+in/g, from: 0, span: 200, event: () => ({ type: 'opening-browser' }) },
    { pattern: /Paste\s+code\s+here/g, from: 0, span: 200, event: () => ({ type: 'awaiting-code' }) },
    { pattern: /Finishing\s+sign-i/g, from: 0, span: 200, event: () => ({ type: 'exchanging' }) },
    {
      pattern: /(OAuth\s+error:[\s\S]*?)Press\s+Enter\s+to\s+retry/g,
      from: 0,
      span: 4000,
      event: (match) => ({ type: 'oauth-error', message: foldSpaces(match[1] ?? '') }),
    },
    {
      pattern: /Long-lived\s+authentication\s+token\s+created/g,
      from: 0,
      span: 200,
      event: () => ({ type: 'success-screen' }),
    },
  ];

  /** Feeds one chunk; returns the events it completes, in stream order. */
  feed(chunk: string | Buffer): SetupTokenEvent[] {
    const input = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    const found: Array<[number, SetupTokenEvent]> = [];
    this.consume(this.pending + input, found);
    this.detect(found);
    this.compact();
    return found.sort((a, b) => a[0] - b[0]).map(([, event]) => event);
  }

  private compact(): void {
    const urlFrom = this.lastUrl === undefined ? this.urlSearchFrom : Infinity;
    const keepFrom = Math.min(
      this.tokenSearchFrom,
      urlFrom,
      ...this.detectors.map((detector) => detector.from),
      this.successAt === -1 ? Infinity : this.successAt,
    );
    if (keepFrom < COMPACT_AFTER || this.tokenFound) return;
    this.text = this.text.slice(keepFrom);
    this.tokenSearchFrom -= keepFrom;
    this.urlSearchFrom = Math.max(0, this.urlSearchFrom - keepFrom);
    for (const detector of this.detectors) detector.from -= keepFrom;
    if (this.successAt !== -1) this.successAt -= keepFrom;
  }

  /** The stream ended: whatever was held back for a possible continuation counts now. */
  end(): SetupTokenEvent[] {
    const found: Array<[number, SetupTokenEvent]> = [];
    this.consume(`${this.pending}${this.decoder.end()}`, found, true);
    this.text += '\n';
    this.detect(found, true);
    return found.sort((a, b) => a[0] - b[0]).map(([, event]) => event);
  }

  private consume(buffer: string, found: Array<[number, SetupTokenEvent]>, final = false): void {
    let i = 0;
    let out = '';
    const length = buffer.length;
    while (i < length) {
      const char = buffer.charAt(i);
      if (char === '\x1b') {
        const step = this.escape(buffer, i, (url) => {
          if (url !== this.lastUrl) {
            this.lastUrl = url;
            found.push([this.text.length + out.length, { type: 'url', url }]);
          }
        });
        if (step === 0) break;
        out += step.text;
        i += step.length;
        continue;
      }
      if (char === '\r') {
        let j = i;
        while (buffer[j] === '\r') j++;
        if (j >= length && !final) break;
        out += '\n';
        i = buffer[j] === '\n' ? j + 1 : j;
        continue;
      }
      if (char === '\n') out += '\n';
      else if (char >= ' ' || char === '\t') out += char;
      i++;
    }
    this.text += out;
    this.pending = final ? '' : buffer.slice(i);
    if (this.pending.length > MAX_PENDING) this.pending = '';
  }

  /** One escape sequence at `start`: its length and the text it stands for; 0 if incomplete. */
  private escape(buffer: string, start: number, onLink: (url: string) => void): 0 | { length: number; text: string } {
    const next = buffer[start + 1];
    if (next === undefined) return 0;
    if (next === '[') {
      const match = /^\x1b\[([0-?]*)([ -/]*)([@-~])/.exec(buffer.slice(start, start + 64));
      if (!match) return /^\x1b\[[0-?]*[ -/]*$/.test(buffer.slice(start, start + 64)) ? 0 : { length: 1, text: '' };
      const final = match[3];
      // Column moves stand for the spaces the renderer skipped; vertical moves for line breaks.
      const text =
        final === 'G' || final === 'C'
          ? ' '
          : final === 'A' || final === 'B' || final === 'E' || final === 'F'
            ? '\n'
            : '';
      return { length: match[0].length, text };
    }
    if (next === ']' || next === 'P' || next === '_' || next === '^' || next === 'X') {
      const bell = buffer.indexOf('\x07', start + 2);
      const st = buffer.indexOf('\x1b\\', start + 2);
      const end = bell === -1 ? st : st === -1 ? bell : Math.min(bell, st);
      if (end === -1) return 0;
      const body = buffer.slice(start + 2, end);
      if (next === ']' && body.startsWith('8;')) {
        const url = body.slice(body.indexOf(';', 2) + 1);
        if (/^https?:\/\//.test(url)) onLink(url);
      }
      return { length: end - start + (end === bell ? 1 : 2), text: '' };
    }
    if (next === '(' || next === ')' || next === '*' || next === '+' || next === '#' || next === '%') {
      return start + 2 < buffer.length ? { length: 3, text: '' } : 0;
    }
    return { length: 2, text: '' };
  }

  private detect(found: Array<[number, SetupTokenEvent]>, final = false): void {
    for (const detector of this.detectors) {
      detector.pattern.lastIndex = detector.from;
      for (let match = detector.pattern.exec(this.text); match !== null; match = detector.pattern.exec(this.text)) {
        const event = detector.event(match);
        found.push([match.index, event]);
        detector.from = match.index + match[0].length;
        if (event.type === 'success-screen' && this.successAt === -1) this.successAt = detector.from;
      }
      detector.from = Math.max(detector.from, this.text.length - detector.span);
    }
    if (this.lastUrl === undefined) this.detectPlainUrl(found);
    // Watch for the token even without the success screen: a future claude may word it otherwise.
    if (!this.tokenFound) {
      const token = this.findToken(final);
      if (token) {
        this.tokenFound = true;
        found.push([this.text.length, { type: 'token', token }]);
      }
    }
  }

  /** Without OSC 8 links (an older or future renderer), take a URL written out in one line. */
  private detectPlainUrl(found: Array<[number, SetupTokenEvent]>): void {
    const pattern = /https:\/\/\S*\/oauth\/authorize\?\S+(?=\s*\n)/g;
    pattern.lastIndex = this.urlSearchFrom;
    const match = pattern.exec(this.text);
    if (match) {
      this.lastUrl = match[0];
      found.push([match.index, { type: 'url', url: match[0] }]);
    } else {
      // Only the last, unfinished line can still become a URL line.
      this.urlSearchFrom = this.text.lastIndexOf('\n') + 1;
    }
  }

  /**
   * The token starts on the line beginning with the prefix; recent versions hard-wrap it at
   * the width, so the following lines made only of token characters belong to it, up to the
   * first empty line. Only complete lines count, unless the stream has ended.
   */
  private findToken(final: boolean): string | undefined {
    const lineStart = this.tokenLineStart();
    if (lineStart === -1) return undefined;
    const lines = this.text.slice(lineStart).split('\n');
    if (!final) lines.pop();
    const [first, ...rest] = lines.map((line) => line.trim());
    if (first === undefined) return undefined;
    const pieces = [first];
    for (const line of rest) {
      if (line === '' || !TOKEN_PIECE.test(line)) return pieces.join('');
      pieces.push(line);
    }
    return final ? pieces.join('') : undefined;
  }

  /** Start of the first line (after the success screen, if seen) that begins with the prefix. */
  private tokenLineStart(): number {
    let from = Math.max(this.tokenSearchFrom, this.successAt, 0);
    for (;;) {
      const at = this.text.indexOf(SETUP_TOKEN_PREFIX, from);
      if (at === -1) {
        // The prefix may be arriving: keep the tail that could be its start.
        this.tokenSearchFrom = Math.max(from, this.text.length - SETUP_TOKEN_PREFIX.length + 1);
        return -1;
      }
      const lineStart = this.text.lastIndexOf('\n', at - 1) + 1;
      if (this.text.slice(lineStart, at).trim() === '') {
        this.tokenSearchFrom = lineStart;
        return lineStart;
      }
      from = at + 1;
    }
  }
}

function foldSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
