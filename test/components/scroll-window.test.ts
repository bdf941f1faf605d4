import { describe, expect, it } from 'vitest';
import { lastTop, scrollWindow } from '../../src/components/scroll-window.js';

const entry = (name: string, count: number) => ({
  name,
  lines: Array.from({ length: count }, (_, index) => `${name}${index}`),
});

describe('a scrolling panel (the help, the details)', () => {
  const entries = [entry('a', 1), entry('b', 1), entry('c', 3)];

  it('shows whole entries, and says how many are above and below', () => {
    expect(scrollWindow(entries, 0, 3)).toMatchObject({ above: 0, below: 1 });
    expect(scrollWindow(entries, 0, 3).shown.map((shown) => shown.name)).toEqual(['a', 'b']);
  });

  it('an entry taller than the panel is reached and shown cut, never an empty panel', () => {
    expect(lastTop(entries, 2)).toBe(2);
    const last = scrollWindow(entries, 2, 2);
    expect(last.shown).toEqual([{ name: 'c', lines: ['c0', 'c1'] }]);
    expect(last).toMatchObject({ above: 2, below: 0 });
    // Asked past the end, it stays on the last entry.
    expect(scrollWindow(entries, 9, 2).shown.map((shown) => shown.name)).toEqual(['c']);
    for (let top = 0; top <= lastTop(entries, 1); top++) expect(scrollWindow(entries, top, 1).shown).toHaveLength(1);
  });
});
