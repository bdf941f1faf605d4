import { checkSecret } from '../profiles/credentials.js';
import type { PtyProcess, PtySpawner } from './pty.js';
import { type SetupTokenEvent, SetupTokenStreamParser } from './stream-parser.js';

export type SetupTokenPhase =
  | 'starting'
  | 'opening-browser'
  | 'awaiting-code'
  | 'exchanging'
  | 'oauth-error'
  | 'token'
  | 'unrecognised'
  | 'exited'
  | 'timed-out'
  | 'cancelled';

export interface SetupTokenSnapshot {
  phase: SetupTokenPhase;
  url?: string;
  error?: string;
  /** The captured token: kept in memory only, never logged or written anywhere but the store. */
  token?: string;
  /** Why the captured text is not a usable setup-token, when it is not. */
  tokenProblem?: string;
  exitCode?: number;
  /** The screen was recognised at least once (URL, prompt, browser or result seen). */
  recognised: boolean;
}

export interface SetupTokenSessionOptions {
  claudeBin: string;
  spawn: PtySpawner;
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Very wide by default so that claude does not wrap the token (the parser re-joins it anyway). */
  cols?: number;
  rows?: number;
  timeoutMs?: number;
  unrecognisedAfterMs?: number;
  /** Pause between the code and Enter: claude's input takes one chunk with "\r" as a paste. */
  enterDelayMs?: number;
}

export const SETUP_TOKEN_TIMEOUT_MS = 15 * 60_000;
const RAW_HISTORY_LIMIT = 256 * 1024;
const STRIPPED_ENV = ['CLAUDE_CODE_OAUTH_TOKEN', 'ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN'];

/**
 * Runs `claude setup-token` in a PTY and turns its screen into a state a UI can show. The raw
 * stream holds the token: it goes only to the parser and to `onRawData` listeners (the fallback
 * terminal view), never to a log or a file.
 */
export class SetupTokenSession {
  private pty: PtyProcess | undefined;
  private readonly parser = new SetupTokenStreamParser();
  private snapshot: SetupTokenSnapshot = { phase: 'starting', recognised: false };
  private readonly listeners = new Set<(snapshot: SetupTokenSnapshot) => void>();
  private readonly rawListeners = new Set<(data: string) => void>();
  /** The stream so far (memory only), so a terminal view opened late can draw claude's screen. */
  private rawHistory: string[] = [];
  private rawHistoryLength = 0;
  private timers: NodeJS.Timeout[] = [];
  private ended = false;
  private stopping: SetupTokenPhase | undefined;

  constructor(private readonly options: SetupTokenSessionOptions) {}

  get current(): SetupTokenSnapshot {
    return this.snapshot;
  }

  subscribe(listener: (snapshot: SetupTokenSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every chunk from claude, starting with what came before the call. */
  onRawData(listener: (data: string) => void): () => void {
    for (const chunk of this.rawHistory) listener(chunk);
    this.rawListeners.add(listener);
    return () => this.rawListeners.delete(listener);
  }

  start(): void {
    if (this.pty) return;
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(this.options.env)) {
      if (value !== undefined && !STRIPPED_ENV.includes(key)) env[key] = value;
    }
    env.TERM = 'xterm-256color';
    this.pty = this.options.spawn(this.options.claudeBin, ['setup-token'], {
      cols: this.options.cols ?? 500,
      rows: this.options.rows ?? 50,
      cwd: this.options.cwd ?? process.cwd(),
      env,
    });
    this.pty.onData((data) => this.receive(data));
    this.pty.onExit(({ exitCode }) => this.exited(exitCode));
    this.later(this.options.timeoutMs ?? SETUP_TOKEN_TIMEOUT_MS, () => this.stop('timed-out'));
    this.later(this.options.unrecognisedAfterMs ?? 10_000, () => {
      if (!this.snapshot.recognised && this.snapshot.phase === 'starting') this.update({ phase: 'unrecognised' });
    });
  }

  /** Types the code from the sign-in page, then Enter as a separate write. */
  async submitCode(code: string): Promise<void> {
    const value = code.replace(/[\s\u200b-\u200d\ufeff]/g, '');
    if (!this.pty || this.ended || value === '') return;
    this.pty.write(value);
    await new Promise((done) => this.later(this.options.enterDelayMs ?? 120, () => done(undefined)));
    if (!this.ended) this.pty.write('\r');
    this.update({ phase: 'exchanging', error: undefined });
  }

  /** After an OAuth error claude waits for Enter to start over. */
  retry(): void {
    if (!this.pty || this.ended) return;
    this.pty.write('\r');
    // The URL stays until claude shows a new one: it may show the same.
    this.update({ phase: 'starting', error: undefined });
  }

  /** Raw keys for claude's own screen, when it was not recognised. */
  write(data: string): void {
    if (this.pty && !this.ended) this.pty.write(data);
  }

  resize(cols: number, rows: number): void {
    if (this.pty && !this.ended) this.pty.resize(Math.max(20, cols), Math.max(5, rows));
  }

  /** claude ignores Ctrl-C, so cancelling kills it and its process group. */
  cancel(): void {
    this.stop('cancelled');
  }

  dispose(): void {
    if (!this.ended) this.stop('cancelled');
    this.rawHistory = [];
    this.clearTimers();
    this.listeners.clear();
    this.rawListeners.clear();
  }

  private receive(data: string): void {
    this.rawHistory.push(data);
    this.rawHistoryLength += data.length;
    while (this.rawHistoryLength > RAW_HISTORY_LIMIT && this.rawHistory.length > 1)
      this.rawHistoryLength -= this.rawHistory.shift()!.length;
    for (const listener of this.rawListeners) listener(data);
    this.apply(this.parser.feed(data));
  }

  private apply(events: SetupTokenEvent[]): void {
    for (const event of events) {
      switch (event.type) {
        case 'opening-browser':
          this.update({
            phase:
              this.snapshot.phase === 'starting' || this.snapshot.phase === 'unrecognised'
                ? 'opening-browser'
                : this.snapshot.phase,
            recognised: true,
          });
          break;
        case 'url':
          this.update({ url: event.url, recognised: true });
          break;
        case 'awaiting-code':
          this.update({ phase: 'awaiting-code', recognised: true });
          break;
        case 'exchanging':
          this.update({ phase: 'exchanging', recognised: true });
          break;
        case 'oauth-error':
          this.update({ phase: 'oauth-error', error: event.message, recognised: true });
          break;
        case 'success-screen':
          this.update({ recognised: true });
          break;
        case 'token': {
          const check = checkSecret('anthropic', 'token', event.token);
          this.update({
            phase: 'token',
            token: check.secret,
            tokenProblem: check.ok ? undefined : check.error,
            recognised: true,
          });
          break;
        }
      }
    }
  }

  private exited(exitCode: number): void {
    if (this.ended) return;
    this.ended = true;
    this.apply(this.parser.end());
    this.clearTimers();
    if (this.snapshot.phase === 'token') this.update({ exitCode });
    else this.update({ phase: this.stopping ?? 'exited', exitCode });
  }

  private stop(reason: SetupTokenPhase): void {
    if (this.ended || !this.pty) {
      if (!this.pty) this.update({ phase: reason });
      return;
    }
    this.stopping = reason;
    const pid = this.pty.pid;
    signalGroup(pid, 'SIGTERM');
    try {
      this.pty.kill('SIGTERM');
    } catch {
      // Already gone.
    }
    const force = setTimeout(() => {
      if (!this.ended) {
        signalGroup(pid, 'SIGKILL');
        try {
          this.pty?.kill('SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }, 1500);
    force.unref();
  }

  private update(patch: Partial<SetupTokenSnapshot>): void {
    const next = { ...this.snapshot, ...patch };
    for (const key of Object.keys(patch) as (keyof SetupTokenSnapshot)[])
      if (patch[key] === undefined) delete next[key];
    this.snapshot = next;
    for (const listener of this.listeners) listener(next);
  }

  private later(ms: number, work: () => void): void {
    const timer = setTimeout(work, ms);
    timer.unref?.();
    this.timers.push(timer);
  }

  private clearTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }
}

/** The PTY child leads its own session, so its pid is its process group's id. */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // No such group: it has already exited.
  }
}
