/** Optimal-string-alignment distance: insertions, deletions, substitutions, swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  const cells = new Uint32Array((a.length + 1) * width);
  for (let i = 0; i <= a.length; i++) cells[i * width] = i;
  for (let j = 0; j <= b.length; j++) cells[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = i * width;
      let best = Math.min(cells[row - width + j]! + 1, cells[row + j - 1]! + 1, cells[row - width + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, cells[row - 2 * width + j - 2]! + 1);
      cells[row + j] = best;
    }
  }
  return cells[a.length * width + b.length]!;
}

/**
 * Whether `a` is within `max` edits of `b`; words whose lengths differ by more never are. Row by
 * row, stopping at the first row whose every cell is past `max` (it only grows from there):
 * `status` asks this of each unknown provider against every known id on each run.
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  const width = b.length + 1;
  let before = new Uint32Array(width);
  let previous = Uint32Array.from({ length: width }, (_, j) => j);
  let current = new Uint32Array(width);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
      least = Math.min(least, best);
    }
    if (least > max) return false;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]! <= max;
}

/** The closest name within two edits (or the one `word` starts), for a did-you-mean. */
export function nearest(word: string, names: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const name of names) {
    const distance = name.startsWith(word) && word.length >= 3 ? 1 : editDistance(word, name);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}
