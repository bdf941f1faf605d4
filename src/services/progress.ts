/**
 * What a long step waits for, said while it waits: running OpenClaw to create a store can take a
 * minute (it starts slowly, and offline it waits on npm), and silence looks like a hang. The
 * plain commands print it on a terminal's stderr (cli.ts); a screen says it its own way, so none
 * is set while one is open.
 */
let listener: ((line: string) => void) | undefined;

/** Sets where progress goes; returns a function that puts back what was there. */
export function setProgressListener(next: ((line: string) => void) | undefined): () => void {
  const previous = listener;
  listener = next;
  return () => {
    listener = previous;
  };
}

export function reportProgress(line: string): void {
  listener?.(line);
}
