import { describe, expect, it } from 'vitest';
import { NO_FLAGS, splitKeyChunk } from '../../src/components/key-chunks.js';
import { createKeyRouter, type RoutedKey } from '../../src/components/key-router.js';

const plain = NO_FLAGS;
const names = (keys: Array<[string, RoutedKey]>) =>
  keys.map(([input, key]) => (key.return ? '⏎' : key.delete ? '⌫' : key.tab ? '⇥' : key.ctrl ? `^${input}` : input));

describe('splitting what Ink reports as one input', () => {
  it('gives each key of a fast run on its own, marked as one chunk', () => {
    const keys = splitKeyChunk('jK', plain);
    expect(names(keys)).toEqual(['j', 'K']);
    expect(keys.map(([, key]) => [key.inChunk, key.chunkEnd, key.shift])).toEqual([
      [true, false, false],
      [true, true, true],
    ]);
  });

  it('turns a run of Backspaces into that many deletes, not text', () => {
    expect(names(splitKeyChunk('\x7f\x7f\x7f', plain))).toEqual(['⌫', '⌫', '⌫']);
  });

  it('reads CRLF as one Enter, a lone LF as Enter, and control characters as ctrl keys', () => {
    expect(names(splitKeyChunk('ab\r\n', plain))).toEqual(['a', 'b', '⏎']);
    expect(names(splitKeyChunk('\n', plain))).toEqual(['⏎']);
    expect(names(splitKeyChunk('\x15x\t', plain))).toEqual(['^u', 'x', '⇥']);
  });

  it('keeps keys Ink already recognised, and whole code points', () => {
    const arrow = { ...plain, downArrow: true };
    expect(splitKeyChunk('', arrow)).toEqual([['', { ...arrow, inChunk: false, chunkEnd: true }]]);
    expect(names(splitKeyChunk('a😀é', plain))).toEqual(['a', '😀', 'é']);
  });
});

describe('the key router', () => {
  it('delivers the keys after a screen change once the change is committed, in order', () => {
    const deferred: Array<() => void> = [];
    const router = createKeyRouter({ defer: (work) => deferred.push(work), fallback: () => () => {} });
    const seen: string[] = [];
    const remove = router.add({
      current: (input: string) => {
        seen.push(`old:${input}`);
        if (input === 'x') router.holdRest();
      },
    });
    router.route('axb', plain);
    expect(seen).toEqual(['old:a', 'old:x']);
    // A turn of the event loop is not a commit: React 19 may not have rendered the change yet.
    expect(deferred).toEqual([]);
    // A chunk typed meanwhile waits behind the held keys.
    router.route('c', plain);
    expect(seen).toEqual(['old:a', 'old:x']);
    remove();
    router.add({ current: (input: string) => seen.push(`new:${input}`) });
    router.committed();
    // The turn after the commit, when every layout effect of it has run.
    expect(seen).toEqual(['old:a', 'old:x']);
    deferred.shift()!();
    expect(seen).toEqual(['old:a', 'old:x', 'new:b', 'new:c']);
  });

  it('lets held keys go after a while when the change renders nothing', () => {
    const deferred: Array<() => void> = [];
    const timers: Array<() => void> = [];
    const router = createKeyRouter({
      defer: (work) => deferred.push(work),
      fallback: (work) => {
        timers.push(work);
        return () => {};
      },
    });
    const seen: string[] = [];
    router.add({
      current: (input: string) => {
        seen.push(input);
        if (input === 'x') router.holdRest();
      },
    });
    router.route('xy', plain);
    timers.shift()!();
    deferred.shift()!();
    expect(seen).toEqual(['x', 'y']);
  });

  it('holds nothing for a change made outside a key (a save that finished)', () => {
    const router = createKeyRouter({ defer: () => {}, fallback: () => () => {} });
    const seen: string[] = [];
    router.add({ current: (input: string) => seen.push(input) });
    router.holdRest();
    router.route('ab', plain);
    expect(seen).toEqual(['a', 'b']);
  });
});
