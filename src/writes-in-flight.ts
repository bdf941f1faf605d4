import type { AppServices } from './app-services.js';
import { CancelledError, ExitCode, errorMessage } from './services/errors.js';
import type { WrittenSetup } from './services/providers/onboard-choice.js';
import { type PluginNeed, pluginInstalledWords } from './services/providers/plugin-install.js';

/**
 * The services that write and then return (a sign-in waits for a person, and Ctrl+C cancels it).
 * A plugin install runs OpenClaw for seconds to minutes, and stopped halfway it leaves npm's work
 * half done.
 */
const WRITES = [
  'saveCredential',
  'setUpLocalServer',
  'setDefaultModel',
  'setInstalledPluginDefault',
  'removeProfile',
  'setOrder',
  'clearCooldown',
  'applyDoctorFixes',
  'refreshProfile',
  'installPlugin',
] as const satisfies readonly (keyof AppServices)[];

/**
 * Counts the writes under way, so that Ctrl+C in the middle of one (a save that runs OpenClaw
 * can take a while) waits for it to land and shows what happened, instead of leaving with 130
 * while the write still completes behind it.
 */
export class WritesInFlight {
  private count = 0;
  private failed = false;
  /** What leaving waits for, for each write under way, in words. */
  private running: string[] = [];
  private waiters: Array<(failed: boolean) => void> = [];
  /** What the last write that landed did, in a line (shown when Ctrl+C left before the screen could). */
  landed: string | undefined;
  /** The last write was stopped before anything of it was written (Ctrl+C while OpenClaw made the store). */
  cancelled = false;
  /** Plugin installs under way: Ctrl+C waits for them (x stops one), unlike a store being made. */
  private installs = 0;

  /**
   * The exit code of a cancel once no write is under way (Ctrl+C after a save, or a second one
   * whose write the process then waited for): with a write landed this session the outcome is
   * decided — that write's, 0 or 1 — else the cancel's. Any other exit code stays.
   */
  exitCodeAfterWaiting(exitCode: number): number {
    if (exitCode !== ExitCode.cancelled || this.landed === undefined) return exitCode;
    return this.failed ? ExitCode.failure : ExitCode.ok;
  }

  get busy(): boolean {
    return this.count > 0;
  }

  /** A plugin install is under way (Ctrl+C waits for it; `x` stops it). */
  get installing(): boolean {
    return this.installs > 0;
  }

  /** What leaving waits for (the last write started), in words: "`openclaw plugins install …` to finish". */
  get underWay(): string | undefined {
    return this.running.at(-1);
  }

  /** The services with each write counted while it runs. */
  track(services: AppServices): AppServices {
    const tracked: AppServices = { ...services };
    for (const name of WRITES) {
      const write = services[name] as (...args: unknown[]) => Promise<unknown>;
      (tracked as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
        this.count++;
        if (name === 'installPlugin') this.installs++;
        const what = runningWords(name, args);
        this.running.push(what);
        try {
          const result = await write.apply(services, args);
          const outcome = landedOutcome(name, result, args, { line: this.landed, failed: this.failed });
          this.failed = outcome.failed;
          this.landed = outcome.line;
          this.cancelled = false;
          return result;
        } catch (error) {
          this.failed = true;
          this.cancelled = error instanceof CancelledError;
          // A cancel's words say it ("cancelled while … was creating the store").
          this.landed = this.cancelled ? `✘ ${errorMessage(error)}` : `✘ the write failed: ${errorMessage(error)}`;
          throw error;
        } finally {
          if (name === 'installPlugin') this.installs--;
          this.count--;
          this.running.splice(this.running.indexOf(what), 1);
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

type WriteName = (typeof WRITES)[number];

function runningWords(name: WriteName, args: unknown[]): string {
  const need = args[0] as PluginNeed | undefined;
  // Once the TUI has left, Ctrl+C reaches authdeck, which stops the install (its whole process group).
  return name === 'installPlugin' && need
    ? `\`${need.installCommand}\` to finish (Ctrl+C stops it)`
    : 'the write under way to land';
}

/**
 * What a write did, in a line, and whether it failed: an install answers why it failed instead
 * of throwing (the credential stays saved; onboarding in a terminal exits 1 for it too).
 */
function landedOutcome(
  name: WriteName,
  result: unknown,
  args: unknown[],
  before: { line: string | undefined; failed: boolean },
): { line: string | undefined; failed: boolean } {
  // The default model an install's manifest names follows the install at once: its line stays
  // the one Ctrl+C leaves on (it says to restart the gateway), with the model added.
  if (name === 'setInstalledPluginDefault') {
    const model = (result as WrittenSetup | undefined)?.defaultModel;
    if (model?.status !== 'set') return before;
    const set = `default model ${model.ref} set`;
    return { line: before.line ? `${before.line}; ${set}` : `✔ ${set}`, failed: before.failed };
  }
  if (name === 'installPlugin') {
    const id = (args[0] as PluginNeed | undefined)?.id ?? 'provider';
    return typeof result === 'string'
      ? { line: `✘ could not install the ${id} plugin: ${result}`, failed: true }
      : {
          line: `✔ ${pluginInstalledWords(id)}`,
          failed: false,
        };
  }
  if (name === 'setOrder') {
    // Which order it wrote, not only where: the screen that would have said so is gone.
    const [provider, ids] = args as [string, string[] | undefined];
    const where = landedLine(name, result).replace(/^✔ Order written/, '');
    return {
      line: ids?.length
        ? `✔ ${provider} order: ${ids.join(', ')} (written${where})`
        : `✔ ${provider} order cleared${where}`,
      failed: false,
    };
  }
  return { line: landedLine(name, result), failed: false };
}

/** A line for what a write did, from what it returned. */
function landedLine(name: WriteName, result: unknown): string {
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
