import type { AppServices } from './app-services.js';

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
          return result;
        } catch (error) {
          this.failed = true;
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
