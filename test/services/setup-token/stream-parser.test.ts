import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type SetupTokenEvent, SetupTokenStreamParser } from '../../../src/services/setup-token/stream-parser.js';
import { loadRecording, RECORDING_NAMES, type Recording } from '../../fake-claude/recordings.mjs';

function feedAll(recording: Recording, split: (raw: Buffer) => Buffer[]): SetupTokenEvent[] {
  const parser = new SetupTokenStreamParser();
  const events = split(recording.raw).flatMap((piece) => parser.feed(piece));
  return [...events, ...(recording.meta.exitCode === 0 ? parser.end() : [])];
}

const whole = (raw: Buffer) => [raw];
const byteByByte = (raw: Buffer) => [...raw].map((byte) => Buffer.from([byte]));
const originalChunks = (recording: Recording) => (raw: Buffer) => {
  const pieces: Buffer[] = [];
  let offset = 0;
  for (const [, bytes] of recording.meta.chunks) {
    pieces.push(raw.subarray(offset, offset + bytes));
    offset += bytes;
  }
  return pieces;
};
function randomSplits(seed: number) {
  return (raw: Buffer) => {
    let state = seed;
    const pieces: Buffer[] = [];
    for (let offset = 0; offset < raw.length; ) {
      state = (state * 1103515245 + 12345) >>> 0;
      const size = 1 + (state % 37);
      pieces.push(raw.subarray(offset, offset + size));
      offset += size;
    }
    return pieces;
  };
}

function summary(events: SetupTokenEvent[]) {
  return {
    urls: events.filter((event) => event.type === 'url').map((event) => (event as { url: string }).url),
    awaiting: events.some((event) => event.type === 'awaiting-code'),
    browser: events.some((event) => event.type === 'opening-browser'),
    exchanging: events.some((event) => event.type === 'exchanging'),
    errors: events
      .filter((event) => event.type === 'oauth-error')
      .map((event) => (event as { message: string }).message),
    tokens: events.filter((event) => event.type === 'token').map((event) => (event as { token: string }).token),
  };
}

describe('the vendored recordings', () => {
  it.each(RECORDING_NAMES)('%s is byte for byte the recording (token prefix restored)', (name) => {
    const { raw, meta } = loadRecording(name);
    expect(raw.length).toBe(meta.bytes);
    expect(createHash('sha256').update(raw).digest('hex')).toBe((meta as { sha256?: string }).sha256);
  });
});

describe('SetupTokenStreamParser on the recordings', () => {
  for (const name of RECORDING_NAMES) {
    const recording = loadRecording(name);
    const { expected } = recording.meta;
    const splits: Array<[string, (raw: Buffer) => Buffer[]]> = [
      ['whole', whole],
      ['byte by byte', byteByByte],
      ['in the original chunks', originalChunks(recording)],
      ['in random splits (seed 1)', randomSplits(1)],
      ['in random splits (seed 99)', randomSplits(99)],
    ];
    for (const [how, split] of splits) {
      it(`${name}, fed ${how}`, () => {
        const result = summary(feedAll(recording, split));
        expect(result.urls).toEqual(expected.url ? [expected.url] : []);
        expect(result.awaiting).toBe(expected.url !== null);
        expect(result.browser).toBe(name.includes('browser'));
        expect(result.tokens).toEqual(expected.token ? [expected.token] : []);
        expect(result.errors).toEqual(expected.errorText ? [expected.errorText] : []);
        // The no-network error comes back before the "Finishing sign-in" spinner is drawn.
        expect(result.exchanging).toBe(name.startsWith('success') || name === 'error-badcode-80x40');
      });
    }
  }

  it('reports the URL before the prompt, and the token only once the empty line after it has come', () => {
    const recording = loadRecording('success-80x40');
    const parser = new SetupTokenStreamParser();
    const text = recording.raw.toString('utf8');
    const tokenEnd = text.indexOf('0123456789AA') + 'ABCDE'.length;
    const before = parser.feed(text.slice(0, tokenEnd));
    expect(before.map((event) => event.type)).toEqual(['url', 'awaiting-code', 'exchanging', 'success-screen']);
    expect(parser.feed(text.slice(tokenEnd)).map((event) => event.type)).toEqual(['token']);
  });

  it('still finds everything after minutes of spinner output (old text is dropped as it goes)', () => {
    const parser = new SetupTokenStreamParser();
    const spinner = '\r\x1b[1C\x1b[1A\x1b[38;5;231m✻\x1b[39m\r\r\n';
    const events = [];
    for (let i = 0; i < 20_000; i++) events.push(...parser.feed(spinner));
    const recording = loadRecording('success-80x40');
    events.push(...parser.feed(recording.raw), ...parser.end());
    expect(summary(events)).toMatchObject({
      urls: [recording.meta.expected.url],
      awaiting: true,
      tokens: [recording.meta.expected.token],
    });
  });

  it('finds a second URL and error after a retry', () => {
    const parser = new SetupTokenStreamParser();
    const first = loadRecording('error-badcode-80x40').raw;
    const again = loadRecording('signin-80x40').raw;
    const events = [...parser.feed(first), ...parser.feed(again)];
    expect(events.filter((event) => event.type === 'url')).toHaveLength(2);
    expect(events.filter((event) => event.type === 'awaiting-code')).toHaveLength(2);
    expect(events.filter((event) => event.type === 'oauth-error')).toHaveLength(1);
  });
});
