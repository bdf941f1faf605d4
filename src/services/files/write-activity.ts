/**
 * Whether this process has changed anything on disk yet, and whether a change is under way.
 * The entry decides from it what Ctrl+C means: before any change, stop at once (exit 130);
 * during one, let it finish (a half-written save is what the write order protects against,
 * not something to cause); after one, the command's outcome is decided — it finishes and
 * reports it (a save that happened exits 0, never 130 after "Saved").
 */
let inFlight = 0;
let completed = 0;

export function writeStarted(): void {
  inFlight++;
}

export function writeEnded(committed: boolean): void {
  inFlight--;
  if (committed) writeCommitted();
}

/** A change reached the disk (a synchronous write, such as a SQLite transaction, calls only this). */
export function writeCommitted(): void {
  completed++;
}

export function writeActivity(): { inFlight: number; completed: number } {
  return { inFlight, completed };
}

/** Runs one write (a file replaced, a transaction) and counts it. */
export async function countedWrite<T>(work: () => Promise<T>): Promise<T> {
  writeStarted();
  let committed = false;
  try {
    const result = await work();
    committed = true;
    return result;
  } finally {
    writeEnded(committed);
  }
}
