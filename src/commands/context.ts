import type { ActionContext } from '../services/actions.js';
import { resolveWorkspace, type StoreGenerationChoice, type Workspace } from '../services/config/workspace.js';
import { UsageError } from '../services/errors.js';
import type { GatewayNote } from '../services/gateway/reload-auth.js';
import { type AgentState, loadAgentState } from '../services/profiles/agent-state.js';
import { type CommandIO, colorEnabled, createPainter, type Painter, writeWrapped } from './output.js';
import { promptChoice, promptSecret, readAllInput } from './secret-input.js';

export interface GlobalOptions {
  stateDir?: string;
  agent?: string;
  color?: boolean;
  /** --no-reload: do not ask the running gateway to reload auth after a write. */
  reload?: boolean;
  /** --store-generation: which store to write when nothing on disk or on PATH tells. */
  storeGeneration?: StoreGenerationChoice;
}

/** What every plain command needs: its streams, colours, and the resolved workspace. */
export class CommandContext {
  readonly paint: Painter;
  private workspacePromise?: Promise<Workspace>;

  constructor(
    readonly io: CommandIO,
    readonly globals: GlobalOptions,
  ) {
    this.paint = createPainter(colorEnabled(io.stdout, io.env, globals.color));
  }

  workspace(): Promise<Workspace> {
    this.workspacePromise ??= resolveWorkspace(this.workspaceOptions());
    return this.workspacePromise;
  }

  /** doctor's: an openclaw.json that does not parse is read as empty, so the file checks still run. */
  workspaceDespiteConfig(): Promise<Workspace> {
    return resolveWorkspace({ ...this.workspaceOptions(), unreadableConfigAsEmpty: true });
  }

  private workspaceOptions() {
    return {
      env: this.io.env,
      stateDir: this.globals.stateDir,
      agent: this.globals.agent,
      ...(this.globals.storeGeneration ? { storeGenerationChoice: this.globals.storeGeneration } : {}),
    };
  }

  async agentState(options: { waitForLock?: boolean } = {}): Promise<AgentState> {
    return loadAgentState(await this.workspace(), options);
  }

  /**
   * The agent's state for a command that writes, read before a secret is asked for. When nothing
   * tells which OpenClaw reads this home, a person at a terminal is asked (and the store is
   * opened again with the answer); a script gets the question as an error that names
   * --store-generation, from the write itself.
   */
  async stateForWrite(): Promise<AgentState> {
    const state = await this.agentState();
    if (state.generation.certain || state.workspace.storeGenerationChoice || !this.interactive) return state;
    const { hasOpenclaw } = await import('../services/openclaw/openclaw-cli.js');
    const openclawHere = hasOpenclaw(state.workspace);
    const choice = await promptChoice<StoreGenerationChoice>(
      `${state.generation.evidence}. Which OpenClaw will read these credentials?`,
      [
        {
          key: 's',
          label: `OpenClaw 2026.6.5 or later (SQLite store; OpenClaw must create it${openclawHere ? ' first' : ': no openclaw on PATH'})`,
          value: 'sqlite',
        },
        { key: 'j', label: 'OpenClaw 2026.6.1 or earlier (auth-profiles.json)', value: 'json' },
      ],
      this.io.stdin,
      this.io.stderr,
    );
    // Said now, not after every question of the wizard: only OpenClaw may create its database.
    if (choice === 'sqlite' && !openclawHere)
      throw new UsageError(
        'the SQLite store is created by OpenClaw itself and there is no openclaw on PATH: install OpenClaw (`npm install -g openclaw`) and run this again, or answer j for OpenClaw 2026.6.1 or earlier',
      );
    state.workspace.storeGenerationChoice = choice;
    return this.agentState();
  }

  get interactive(): boolean {
    return this.io.stdin.isTTY === true && this.io.stdout.isTTY === true;
  }

  /** A masked prompt in a terminal; otherwise everything on stdin. Never from argv. */
  async readSecret(question: string): Promise<string> {
    if (this.io.stdin.isTTY) return promptSecret(question, this.io.stdin, this.io.stderr);
    return readAllInput(this.io.stdin);
  }

  /** Lines on stderr, one per argument, guarded as writeLine's are (and on a terminal, broken at spaces). */
  note(...lines: string[]): void {
    writeWrapped(this.io.stderr, ...lines);
  }

  /** What an action (services/actions.ts) needs from the command line: the workspace, --no-reload. */
  async actionContext(state?: AgentState): Promise<ActionContext> {
    return {
      workspace: await this.workspace(),
      ...(state ? { store: state.store } : {}),
      reload: this.globals.reload !== false,
    };
  }

  /** What the running gateway made of a write, after the command's own lines (on stderr). */
  noteGateway(outcome: { gatewayNote?: GatewayNote }): void {
    const note = outcome.gatewayNote;
    if (note) this.note(note.warning ? this.paint.yellow(`warning: ${note.line}`) : this.paint.dim(note.line));
  }
}
