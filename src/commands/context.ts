import { loadAgentState, type AgentState } from '../services/agent-state.js';
import type { GatewayReload } from '../services/gateway/reload-auth.js';
import type { StoreEra } from '../services/store-generation.js';
import { UsageError } from '../services/errors.js';
import { isValidProviderId, normalizeProviderId } from '../services/providers.js';
import { resolveWorkspace, type Workspace } from '../services/workspace.js';
import { colorEnabled, createPainter, writeLine, type CommandIO, type Painter } from './output.js';
import { promptSecret, readAllInput } from './secret-input.js';

export interface GlobalOptions {
  stateDir?: string;
  agent?: string;
  color?: boolean;
  /** --no-reload: do not ask the running gateway to reload auth after a write. */
  reload?: boolean;
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
    });
    return this.workspacePromise;
  }

  async agentState(options: { waitForLock?: boolean } = {}): Promise<AgentState> {
    return loadAgentState(await this.workspace(), options);
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

export function requireProvider(value: string | undefined, flag = '--provider'): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${flag} is required`);
  const provider = normalizeProviderId(value);
  if (!isValidProviderId(provider)) {
    throw new UsageError(`${flag}: "${value}" is not a provider id (letters, digits, ".", "_" and "-")`);
  }
  return provider;
}
