import type { AppServices } from './app-services.js';
import { errorMessage } from './services/errors.js';

/** The services that write and then return (a sign-in waits for a person, and Ctrl+C cancels it). */
const WRITES = [
  'saveCredential',
  'setUpLocalServer',
  'setDefaultModel',
  'removeProfile',
  'setOrder',
  'clearCooldown',
  'applyDoctorFixes',
  'refreshProfile',
] as const satisfies readonly (keyof AppServices)[];

/**
 * Counts the writes under way, so that Ctrl+C in the middle of one (a save that runs OpenClaw
 * can take a while) waits for it to land and shows what happened, instead of leaving with 130
 * while the write still completes behind it.
 */
export class WritesInFlight {
  private count = 0;
  private failed = false;
  private waiters: Array<(failed: boolean) => void> = [];
  /** What the last write that landed did, in a line (shown when Ctrl+C left before the screen could). */
  landed: string | undefined;

  get busy(): boolean {
    return this.count > 0;
  }

  /** The services with each write counted while it runs. */
  track(services: AppServices): AppServices {
    const tracked: AppServices = { ...services };
    for (const name of WRITES) {
      const write = services[name] as (...args: unknown[]) => Promise<unknown>;
      (tracked as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
        this.count++;
        try {
          const result = await write.apply(services, args);
          this.failed = false;
          this.landed = landedLine(name, result);
          return result;
        } catch (error) {
          this.failed = true;
          this.landed = `✘ the write failed: ${errorMessage(error)}`;
          throw error;
        } finally {
          this.count--;
          // After the caller has seen the outcome (its continuation runs first), so its frame shows it.
          if (this.count === 0) setImmediate(() => this.settle());
        }
      };
    }
    return tracked;
  }

  /** Calls back once no write is under way, with whether the last one failed. */
  whenIdle(callback: (failed: boolean) => void): void {
    if (this.count === 0) callback(this.failed);
    else this.waiters.push(callback);
  }

  private settle(): void {
    if (this.count > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter(this.failed);
  }
}

/** A line for what a write did, from what it returned. */
function landedLine(name: (typeof WRITES)[number], result: unknown): string {
  const value = (result ?? {}) as { profileId?: unknown; storePath?: unknown; path?: unknown };
  const id = typeof value.profileId === 'string' ? value.profileId : undefined;
  const where =
    typeof value.storePath === 'string' ? value.storePath : typeof value.path === 'string' ? value.path : undefined;
  const at = where ? ` in ${where}` : '';
  if (name === 'saveCredential' && id) return `✔ Saved ${id}${at}`;
  if (name === 'removeProfile' && id) return `✔ Removed ${id}${at.replace(' in ', ' from ')}`;
  if (name === 'setOrder') return `✔ Order written${at}`;
  return '✔ The write landed';
}
