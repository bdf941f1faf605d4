import { writeActivity } from './services/files/write-activity.js';

/**
 * Ctrl+C for the plain commands, in one place. A command that can stop cleanly (a sign-in
 * cancels its requests and polls) takes it while it runs; otherwise: before anything was
 * written, stop at once (exit 130); while a write is under way, let it finish first; once
 * something was written, the command's outcome is decided — it finishes and reports it (a
 * save that happened exits 0, never 130 after "Saved"). A TUI reads Ctrl+C as a key.
 */
const takers = new Set<() => void>();
let interrupted = false;

/** Hands a Ctrl+C to what took it; false: nothing did. */
export function passInterrupt(): boolean {
  for (const taker of takers) taker();
  return takers.size > 0;
}

export function listenForInterrupts(): void {
  process.on('SIGINT', () => {
    if (passInterrupt()) return;
    if (interrupted) return;
    interrupted = true;
    const stopIfNothingWritten = () => {
      const { inFlight, completed } = writeActivity();
      if (inFlight > 0) setTimeout(stopIfNothingWritten, 10);
      else if (completed === 0) process.exit(130);
    };
    stopIfNothingWritten();
  });
}

/** `onInterrupt` runs on Ctrl+C instead of the rule above, until the returned function is called. */
export function takeInterrupts(onInterrupt: () => void): () => void {
  takers.add(onInterrupt);
  return () => {
    takers.delete(onInterrupt);
  };
}
