import { dirname } from 'node:path';
import * as pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { CLI_PATH } from './run-cli.js';

const { Terminal } = xterm;

export const FAKE_CLAUDE_DIR = new URL('../fake-claude/', import.meta.url).pathname.replace(/\/$/, '');
/** A PATH with node and the basic tools but no `claude`. */
export const PATH_WITHOUT_CLAUDE = [dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':');

export type KeyName =
  | 'enter'
  | 'escape'
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'tab'
  | 'backspace'
  | 'ctrl-c'
  | 'ctrl-u'
  | 'space';
const KEYS: Record<KeyName, string> = {
  enter: '\r',
  escape: '\x1b',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  tab: '\t',
  backspace: '\x7f',
  'ctrl-c': '\x03',
  'ctrl-u': '\x15',
  space: ' ',
};

export interface LaunchOptions {
  home: string;
  cols?: number;
  rows?: number;
  env?: Record<string, string | undefined>;
  /** Run this shell command line instead (`$AUTHDECK` is the built CLI), e.g. to test `$(…)`. */
  shell?: string;
  /** Run this program instead of the built CLI (an installed `authdeck`), with `args`. */
  program?: string;
}

/**
 * The built authdeck in a real PTY, its screen read through a headless xterm, driven the way a
 * person types: text and Enter as separate writes, with a pause between keys.
 */
export class TerminalSession {
  readonly terminal: InstanceType<typeof Terminal>;
  private readonly process: pty.IPty;
  private exitCode: number | undefined;
  private readonly exited: Promise<number>;
  private pendingWrites = Promise.resolve();

  private constructor(args: string[], options: LaunchOptions) {
    const cols = options.cols ?? 100;
    const rows = options.rows ?? 40;
    this.terminal = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 500 });
    const env: Record<string, string> = {
      PATH: `${FAKE_CLAUDE_DIR}:${PATH_WITHOUT_CLAUDE}`,
      HOME: options.home,
      XDG_CONFIG_HOME: `${options.home}/.config`,
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      // Test homes start empty and have no openclaw: say which store to write.
      AUTHDECK_STORE_GENERATION: 'json',
      // Live key checks go to a closed local port, never to the providers.
      ...Object.fromEntries(
        ['OPENAI', 'ANTHROPIC', 'GROQ', 'OPENROUTER', 'XAI', 'GOOGLE', 'MISTRAL', 'DEEPSEEK', 'TOGETHER'].map((id) => [
          `AUTHDECK_PROBE_BASE_URL_${id}`,
          'http://127.0.0.1:2',
        ]),
      ),
    };
    for (const [key, value] of Object.entries(options.env ?? {})) {
      if (value === undefined) delete env[key];
      else env[key] = value;
    }
    if (options.shell) env.AUTHDECK = `${process.execPath} ${CLI_PATH}`;
    const [file, argv] = options.shell
      ? ['/bin/sh', ['-c', options.shell]]
      : options.program
        ? [options.program, args]
        : [process.execPath, [CLI_PATH, ...args]];
    this.process = pty.spawn(file, argv, {
      name: 'xterm-256color',
      cols,
      rows,
      cwd: options.home,
      env,
    });
    this.process.onData((data) => {
      this.pendingWrites = this.pendingWrites.then(() => new Promise<void>((done) => this.terminal.write(data, done)));
    });
    this.exited = new Promise((resolve) => {
      this.process.onExit(({ exitCode }) => {
        this.exitCode = exitCode;
        resolve(exitCode);
      });
    });
  }

  static launch(args: string[], options: LaunchOptions): TerminalSession {
    return new TerminalSession(args, options);
  }

  get pid(): number {
    return this.process.pid;
  }

  /** The visible screen, one string per row, trailing spaces dropped. */
  lines(): string[] {
    const buffer = this.terminal.buffer.active;
    const rows: string[] = [];
    for (let i = 0; i < this.terminal.rows; i++)
      rows.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
    return rows;
  }

  /** Everything the terminal holds, scrollback included, blank lines dropped. */
  allLines(): string[] {
    const buffer = this.terminal.buffer.active;
    const rows: string[] = [];
    for (let i = 0; i < buffer.length; i++) rows.push(buffer.getLine(i)?.translateToString(true) ?? '');
    return rows.filter((row) => row.trim() !== '');
  }

  screen(): string {
    return this.lines().join('\n');
  }

  async waitFor(pattern: RegExp | string | ((screen: string) => boolean), timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    const matches =
      typeof pattern === 'function'
        ? pattern
        : (screen: string) => (typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen));
    for (;;) {
      await this.pendingWrites;
      const screen = this.screen();
      if (matches(screen)) return screen;
      if (Date.now() > deadline) {
        throw new Error(
          `timed out waiting for ${String(pattern)}; exit code ${this.exitCode ?? 'none'}; screen:\n${screen}`,
        );
      }
      await sleep(25);
    }
  }

  async type(text: string): Promise<void> {
    this.process.write(text);
    await sleep(60);
  }

  async press(key: KeyName, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      this.process.write(KEYS[key]);
      await sleep(60);
    }
  }

  resize(cols: number, rows: number): void {
    this.process.resize(cols, rows);
    this.terminal.resize(cols, rows);
  }

  async waitForExit(timeoutMs = 10_000): Promise<number> {
    const timeout = sleep(timeoutMs).then(() => {
      throw new Error(`authdeck did not exit within ${timeoutMs} ms; screen:\n${this.screen()}`);
    });
    const code = await Promise.race([this.exited, timeout]);
    // node-pty can report the exit before the last output: let it arrive, then finish parsing,
    // so that the screen read after this shows everything the program printed.
    await sleep(50);
    await this.pendingWrites;
    return code;
  }

  kill(): void {
    if (this.exitCode === undefined) this.process.kill('SIGKILL');
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
