import { loadAgentState, type AgentState } from '../services/agent-state.js';
import type { GatewayReload } from '../services/gateway/reload-auth.js';
import type { StoreEra, StoreGenerationChoice } from '../services/store/generation.js';
import { resolveWorkspace, type Workspace } from '../services/workspace.js';
import { colorEnabled, createPainter, writeLine, type CommandIO, type Painter } from './output.js';
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
    this.workspacePromise ??= resolveWorkspace({
      env: this.io.env,
      stateDir: this.globals.stateDir,
      agent: this.globals.agent,
      ...(this.globals.storeGeneration ? { storeGenerationChoice: this.globals.storeGeneration } : {}),
    });
    return this.workspacePromise;
  }

  async agentState(options: { waitForLock?: boolean } = {}): Promise<AgentState> {
    return loadAgentState(await this.workspace(), options);
  }

  /**
   * Before a command that writes reads a secret: when nothing tells which OpenClaw reads this
   * home, a person at a terminal is asked (a script gets the question as an error that names
   * --store-generation, from the write itself).
   */
  async settleStoreGeneration(): Promise<void> {
    const workspace = await this.workspace();
    if (workspace.storeGenerationChoice || !this.interactive) return;
    const { detectStoreGeneration } = await import('../services/store/generation.js');
    const { findInstalledOpenclaw } = await import('../services/openclaw/installed-openclaw.js');
    const generation = await detectStoreGeneration(workspace, {
      installed: () => findInstalledOpenclaw(workspace.env),
    });
    if (generation.certain) return;
    workspace.storeGenerationChoice = await promptChoice<StoreGenerationChoice>(
      `${generation.evidence}. Which OpenClaw will read these credentials?`,
      [
        {
          key: 's',
          label: 'OpenClaw 2026.6.5 or later (SQLite store; OpenClaw must create it first)',
          value: 'sqlite',
        },
        { key: 'j', label: 'OpenClaw 2026.6.1 or earlier (auth-profiles.json)', value: 'json' },
      ],
      this.io.stdin,
      this.io.stderr,
    );
  }

  get interactive(): boolean {
    return this.io.stdin.isTTY === true && this.io.stdout.isTTY === true;
  }

  /** A masked prompt in a terminal; otherwise everything on stdin. Never from argv. */
  async readSecret(question: string): Promise<string> {
    if (this.io.stdin.isTTY) return promptSecret(question, this.io.stdin, this.io.stderr);
    return readAllInput(this.io.stdin);
  }

  /** Lines on stderr, one per argument, guarded as writeLine's are. */
  note(...lines: string[]): void {
    writeLine(this.io.stderr, ...lines);
  }

  /**
   * After a write to a SQLite-era store: ask the running gateway to reload its auth, and say
   * what came of it (on stderr, so stdout stays the command's answer).
   */
  async reloadGateway(era: StoreEra): Promise<GatewayReload> {
    if (this.globals.reload === false) return { status: 'skipped', reason: '--no-reload' };
    const { reloadGatewayAuth, describeReload } = await import('../services/gateway/reload-auth.js');
    const reload = await reloadGatewayAuth(await this.workspace(), { era });
    const note = describeReload(reload);
    if (note) this.note(note.warning ? this.paint.yellow(`warning: ${note.line}`) : this.paint.dim(note.line));
    return reload;
  }
}
