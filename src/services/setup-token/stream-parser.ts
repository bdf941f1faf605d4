import { StringDecoder } from 'node:string_decoder';

/** What `claude setup-token` is showing, as far as its byte stream tells (SPEC §5). */
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

interface Detector {
  pattern: RegExp;
  from: number;
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
  private readonly detectors: Detector[] = [
    { pattern: /Opening\s+browser\s+to\s+sign\s+in/g, from: 0, event: () => ({ type: 'opening-browser' }) },
    { pattern: /Paste\s+code\s+here/g, from: 0, event: () => ({ type: 'awaiting-code' }) },
    { pattern: /Finishing\s+sign-i/g, from: 0, event: () => ({ type: 'exchanging' }) },
    {
      pattern: /(OAuth\s+error:[\s\S]*?)Press\s+Enter\s+to\s+retry/g,
      from: 0,
      event: (match) => ({ type: 'oauth-error', message: foldSpaces(match[1]!) }),
    },
    { pattern: /Long-lived\s+authentication\s+token\s+created/g, from: 0, event: () => ({ type: 'success-screen' }) },
  ];

  /** Feeds one chunk; returns the events it completes, in stream order. */
  feed(chunk: string | Buffer): SetupTokenEvent[] {
    const input = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    const found: Array<[number, SetupTokenEvent]> = [];
    this.consume(this.pending + input, found);
    this.detect(found);
    return found.sort((a, b) => a[0] - b[0]).map(([, event]) => event);
  }

  /** The stream ended: whatever was held back for a possible continuation counts now. */
  end(): SetupTokenEvent[] {
    const found: Array<[number, SetupTokenEvent]> = [];
    this.consume(`${this.pending}${this.decoder.end()}`, found, true);
    this.text += '\n';
    this.detect(found, true);
    return found.sort((a, b) => a[0] - b[0]).map(([, event]) => event);
  }

  /** The screen's words so far, for a test or a "not recognised" report; holds the token. */
  plainText(): string {
    return this.text;
  }

  private consume(buffer: string, found: Array<[number, SetupTokenEvent]>, final = false): void {
    let i = 0;
    let out = '';
    const length = buffer.length;
    while (i < length) {
      const char = buffer[i]!;
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
      const final = match[3]!;
      // Column moves stand for the spaces the renderer skipped; vertical moves for line breaks.
      const text = final === 'G' || final === 'C' ? ' ' : final === 'A' || final === 'B' || final === 'E' || final === 'F' ? '\n' : '';
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
      let match: RegExpExecArray | null;
      while ((match = detector.pattern.exec(this.text)) !== null) {
        const event = detector.event(match);
        found.push([match.index, event]);
        detector.from = match.index + match[0].length;
        if (event.type === 'success-screen' && this.successAt === -1) this.successAt = detector.from;
      }
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
    const match = /https:\/\/\S*\/oauth\/authorize\?\S+(?=\s*\n)/.exec(this.text);
    if (match) {
      this.lastUrl = match[0];
      found.push([match.index, { type: 'url', url: match[0] }]);
    }
  }

  /**
   * The token starts on the line beginning with the prefix; recent versions hard-wrap it at
   * the width, so the following lines made only of token characters belong to it, up to the
   * first empty line. Only complete lines count, unless the stream has ended.
   */
  private findToken(final: boolean): string | undefined {
    const lines = this.text.slice(Math.max(0, this.successAt)).split('\n');
    if (!final) lines.pop();
    const start = lines.findIndex((line) => line.trim().startsWith(SETUP_TOKEN_PREFIX));
    if (start === -1) return undefined;
    const pieces = [lines[start]!.trim()];
    for (let i = start + 1; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (line === '' || !TOKEN_PIECE.test(line)) return pieces.join('');
      pieces.push(line);
    }
    return final ? pieces.join('') : undefined;
  }
}

function foldSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
