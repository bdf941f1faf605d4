import { loadAgentState, type AgentState } from '../services/agent-state.js';
import { UsageError } from '../services/errors.js';
import { isValidProviderId, normalizeProviderId } from '../services/providers.js';
import { resolveWorkspace, type Workspace } from '../services/workspace.js';
import { colorEnabled, createPainter, type CommandIO, type Painter } from './output.js';
import { promptSecret, readAllInput } from './secret-input.js';

export interface GlobalOptions {
  stateDir?: string;
  agent?: string;
  color?: boolean;
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
    this.workspacePromise ??= resolveWorkspace({ env: this.io.env, stateDir: this.globals.stateDir, agent: this.globals.agent });
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

  note(text: string): void {
    this.io.stderr.write(`${text}\n`);
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
