import { describe, expect, it } from 'vitest';
import { editDistance, withinEdits } from '../../src/services/edit-distance.js';

describe('withinEdits', () => {
  it('agrees with the full distance on every pair of short words over three letters', () => {
    // Every word of up to four letters from "abc": 121 words, 14,641 pairs, each for 0–3 edits.
    const words = [''];
    for (let length = 1; length <= 4; length++)
      for (const word of words.filter((w) => w.length === length - 1)) for (const c of 'abc') words.push(word + c);
    const wrong: string[] = [];
    for (const a of words)
      for (const b of words)
        for (let max = 0; max <= 3; max++)
          if (withinEdits(a, b, max) !== editDistance(a, b) <= max) wrong.push(`${a}/${b}/${max}`);
    expect(words).toHaveLength(121);
    expect(wrong).toEqual([]);
  });

  it('finds the typos status names: a swap, a letter missing, two edits; not three', () => {
    expect(withinEdits('opneai', 'openai', 1)).toBe(true);
    expect(withinEdits('antropic', 'anthropic', 1)).toBe(true);
    expect(withinEdits('deepsek', 'deepseek', 2)).toBe(true);
    expect(withinEdits('provider0', 'openai', 2)).toBe(false);
    expect(withinEdits('xyzai', 'openai', 2)).toBe(false);
  });
});
