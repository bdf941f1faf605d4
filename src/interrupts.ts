import { releaseHeldLocksSync } from './services/files/held-locks.js';
import { writeActivity } from './services/files/write-activity.js';

/**
 * Ctrl+C for the plain commands, in one place. A command that can stop cleanly (a sign-in
 * cancels its requests and polls) takes it while it runs; otherwise: before anything was
 * written, stop at once (exit 130); while a write is under way, let it finish first; once
 * something was written, the command's outcome is decided — it finishes and reports it (a
 * save that happened exits 0, never 130 after "Saved"). A TUI reads Ctrl+C as a key.
 */
/** What stops a run: Ctrl+C (`SIGINT`) asks it to stop; `SIGTERM` and `SIGHUP` end authdeck too. */
export type Interrupt = NodeJS.Signals;

const takers = new Set<(signal: Interrupt) => void>();
let interrupted = false;
/** Ctrl+Cs that came once something was written, while nothing could take them (deferredInterrupts). */
let deferred = 0;

/** Hands a Ctrl+C (or the signal that ends authdeck) to what took it; false: nothing did. */
export function passInterrupt(signal: Interrupt = 'SIGINT'): boolean {
  for (const taker of takers) taker(signal);
  return takers.size > 0;
}

export function listenForInterrupts(): void {
  let waitingSaid = false;
  process.on('SIGINT', () => {
    if (passInterrupt('SIGINT')) return;
    if (interrupted) {
      // A second Ctrl+C while a write it was told of still runs: leave now, as asked.
      if (waitingSaid && writeActivity().inFlight > 0) {
        releaseHeldLocksSync();
        process.exit(130);
      }
      return;
    }
    interrupted = true;
    const since = Date.now();
    const stopIfNothingWritten = () => {
      const { inFlight, completed } = writeActivity();
      if (inFlight > 0) {
        // A write lasts milliseconds; one that does not (a refresh waits for the provider's
        // answer, up to 30 s) is said once rather than left silent, with the way out.
        if (!waitingSaid && Date.now() - since >= WAIT_SAID_AFTER_MS) {
          waitingSaid = true;
          process.stderr.write(
            'authdeck: finishing the write under way first (a refresh waits for the provider: its new tokens must be stored, or the sign-in is lost); Ctrl+C again leaves now\n',
          );
        }
        setTimeout(stopIfNothingWritten, 10);
      } else if (completed === 0) {
        releaseHeldLocksSync();
        process.exit(130);
      }
      // A run that took Ctrl+C meanwhile gets it; else it is counted, so a save under way can
      // still stop before the OpenClaw run it was about to start (deferredInterrupts).
      else if (!passInterrupt('SIGINT')) deferred++;
    };
    stopIfNothingWritten();
  });
  for (const ending of ENDING) process.on(ending, onEnding);
}

/** How long Ctrl+C waits on a write in silence: longer than a file write takes on a loaded machine. */
const WAIT_SAID_AFTER_MS = 300;

/** Signals that end authdeck (a supervisor's stop, a closed terminal) whatever it is doing. */
const ENDING: readonly Interrupt[] = ['SIGTERM', 'SIGHUP'];
/**
 * Long enough to undo a half-made change once the program it ran is stopped, or to finish a
 * change begun, on a loaded machine (1 s was not, at a load of 15 on 2 cores); well within the
 * 10 s a supervisor gives before it kills.
 */
const ENDING_GRACE_MS = 3_000;

/**
 * A signal that ends authdeck ends it by that signal, as it would have been ended without a
 * handler — but not in the middle of a change: what runs another program stops it first (it runs
 * in a group of its own, or would finish after authdeck had gone) and undoes what it half made,
 * and a command that has begun writing gets a moment to finish (a migration killed between its
 * archive and its config write left the half the write order is there to avoid).
 */
function onEnding(signal: Interrupt): void {
  const taken = passInterrupt(signal);
  const { inFlight, completed } = writeActivity();
  const endBySignal = () => {
    for (const ending of ENDING) process.off(ending, onEnding);
    // Ended by the signal, no exit handler runs: the locks held go first.
    releaseHeldLocksSync();
    process.kill(process.pid, signal);
  };
  if (!taken && inFlight === 0 && completed === 0) {
    endBySignal();
    return;
  }
  // By the signal whichever comes first: the command finishing (its own exit code would say
  // "cancelled", 130, to a supervisor that stopped it) or the grace running out.
  process.once('exit', endBySignal);
  setTimeout(endBySignal, ENDING_GRACE_MS).unref();
}

/**
 * How many Ctrl+Cs the rule above let pass because something was written. A save counts them
 * before its first write: one that came between its config entry and the OpenClaw run that
 * creates its store stops the save there (that run would otherwise go on to its end unasked).
 */
export function deferredInterrupts(): number {
  return deferred;
}

/** `onInterrupt` runs on Ctrl+C instead of the rule above, until the returned function is called. */
export function takeInterrupts(onInterrupt: (signal: Interrupt) => void): () => void {
  takers.add(onInterrupt);
  return () => {
    takers.delete(onInterrupt);
  };
}
