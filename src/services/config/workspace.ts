import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UnreadableStateError, UsageError } from '../errors.js';
import { normalizeAgentId } from './agent-ids.js';
import { emptyGatewayConfig, type GatewayConfig, readGatewayConfig } from './openclaw-json.js';
import {
  agentDirFromEnv,
  DAEMON_ENV_FILE,
  defaultAgentDirFor,
  expandUserPath,
  MAIN_AGENT_ID,
  type PathEnv,
  resolveConfigPath,
  resolveHomeDir,
  resolveStateDir,
} from './paths.js';

/** What a person said when nothing on disk tells which store to write (`--store-generation`, or the question). */
export type StoreGenerationChoice = 'json' | 'sqlite';

export interface WorkspaceOptions {
  env: PathEnv;
  stateDir?: string;
  agent?: string;
  storeGenerationChoice?: StoreGenerationChoice;
  /** doctor: an openclaw.json that does not parse is read as empty (`configUnreadable` says why), so the file checks still run. */
  unreadableConfigAsEmpty?: boolean;
}

/** Where one agent's credentials live and everything around them (README "Where it reads and writes"). */
export interface Workspace {
  env: PathEnv;
  home: string;
  stateDir: string;
  configPath: string;
  config: GatewayConfig;
  agentId: string;
  agentDir: string;
  /** How the agent was chosen: --agent, OPENCLAW_AGENT_DIR/PI_CODING_AGENT_DIR, or the config. */
  agentFrom: 'flag' | 'env' | 'config';
  isMain: boolean;
  mainAgentDir: string;
  daemonEnvPath: string;
  /**
   * Which OpenClaw to write for when nothing on disk or on PATH tells (`--store-generation`, or
   * the answer to authdeck's question); evidence always wins over it.
   */
  storeGenerationChoice?: StoreGenerationChoice;
  /** Why openclaw.json could not be read, where it was read as empty (unreadableConfigAsEmpty). */
  configUnreadable?: UnreadableStateError;
}

export async function resolveWorkspace(options: WorkspaceOptions): Promise<Workspace> {
  const { env } = options;
  const home = resolveHomeDir(env);
  const stateDir = resolveStateDir(env, options.stateDir);
  const configPath = resolveConfigPath(env, stateDir);
  let configUnreadable: UnreadableStateError | undefined;
  const config = await readGatewayConfig(configPath, { env, stateDir, home }).catch((error: unknown) => {
    if (!options.unreadableConfigAsEmpty || !(error instanceof UnreadableStateError)) throw error;
    configUnreadable = error;
    return emptyGatewayConfig(configPath);
  });
  const agentDirFor = (id: string) => configuredAgentDir(config, id, home) ?? defaultAgentDirFor(stateDir, id);
  const envAgentDir = agentDirFromEnv(env);
  const mainAgentDir = envAgentDir ?? agentDirFor(MAIN_AGENT_ID);
  const base = {
    env,
    home,
    stateDir,
    configPath,
    config,
    mainAgentDir,
    daemonEnvPath: join(stateDir, DAEMON_ENV_FILE),
    ...storeGenerationChoice(options.storeGenerationChoice, env.AUTHDECK_STORE_GENERATION),
    ...(configUnreadable ? { configUnreadable } : {}),
  };

  if (options.agent !== undefined) {
    const agentId = validateAgentId(options.agent, config, stateDir);
    const agentDir = agentDirFor(agentId);
    return {
      ...base,
      agentId,
      agentDir,
      agentFrom: 'flag',
      isMain: samePath(agentDir, mainAgentDir) || agentId === MAIN_AGENT_ID,
    };
  }
  if (envAgentDir) {
    return {
      ...base,
      agentId: agentIdForDir(config, stateDir, home, envAgentDir),
      agentDir: envAgentDir,
      agentFrom: 'env',
      isMain: true,
    };
  }
  const agentId = defaultAgentId(config);
  const agentDir = agentDirFor(agentId);
  return { ...base, agentId, agentDir, agentFrom: 'config', isMain: samePath(agentDir, mainAgentDir) };
}

/** openclaw.json read again (it changed under a screen, or a fix wrote it), its `${NAME}` from the same environment. */
export function rereadConfig(
  workspace: Pick<Workspace, 'configPath' | 'env' | 'stateDir' | 'home'>,
): Promise<GatewayConfig> {
  const { configPath, env, stateDir, home } = workspace;
  return readGatewayConfig(configPath, { env, stateDir, home });
}

/** Agents the user can switch to: the config's list, the agents dirs on disk, and main. */
export function listKnownAgentIds(config: GatewayConfig, stateDir: string): string[] {
  const ids = new Set<string>([MAIN_AGENT_ID, ...config.agents.map((agent) => agent.id)]);
  const agentsDir = join(stateDir, 'agents');
  try {
    for (const entry of readdirSync(agentsDir)) if (existsSync(join(agentsDir, entry, 'agent'))) ids.add(entry);
  } catch {
    // No agents dir yet.
  }
  return [...ids].sort((a, b) => (a === MAIN_AGENT_ID ? -1 : b === MAIN_AGENT_ID ? 1 : a.localeCompare(b)));
}

function validateAgentId(agent: string, config: GatewayConfig, stateDir: string): string {
  // As OpenClaw: `Coder` is the agent `coder` (agent-ids.ts); what leaves nothing is no id.
  const id = /[/\\]/.test(agent) || agent.trim() === '.' || agent.trim() === '..' ? undefined : normalizeAgentId(agent);
  if (id === undefined) throw new UsageError(`--agent: "${agent}" is not an agent id`);
  if (
    id === MAIN_AGENT_ID ||
    config.agents.some((entry) => entry.id === id) ||
    existsSync(defaultAgentDirFor(stateDir, id))
  ) {
    return id;
  }
  const known = listKnownAgentIds(config, stateDir).join(', ');
  throw new UsageError(
    `unknown agent "${id}": it is not in ${config.path} (agents.entries, or agents.list before OpenClaw 2026.9) and has no directory; known agents: ${known}`,
  );
}

function configuredAgentDir(config: GatewayConfig, id: string, home: string): string | undefined {
  const dir = config.agents.find((agent) => agent.id === id)?.agentDir;
  return dir ? expandUserPath(dir, home) : undefined;
}

function agentIdForDir(config: GatewayConfig, stateDir: string, home: string, dir: string): string {
  const configured = config.agents.find(
    (agent) => agent.agentDir && samePath(expandUserPath(agent.agentDir, home), dir),
  );
  if (configured) return configured.id;
  const match = /[/\\]agents[/\\]([^/\\]+)[/\\]agent[/\\]?$/.exec(resolve(dir));
  const id = match?.[1];
  return id && samePath(resolve(stateDir, 'agents', id, 'agent'), dir) ? id : MAIN_AGENT_ID;
}

function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}

/** --store-generation, else AUTHDECK_STORE_GENERATION (for scripts and services), else none. */
function storeGenerationChoice(
  flag: StoreGenerationChoice | undefined,
  fromEnv: string | undefined,
): { storeGenerationChoice?: StoreGenerationChoice } {
  const choice = flag ?? (fromEnv?.trim() || undefined);
  if (choice === undefined) return {};
  if (!(['json', 'sqlite'] as const).includes(choice as StoreGenerationChoice))
    throw new UsageError(`AUTHDECK_STORE_GENERATION="${choice}" is not json or sqlite`);
  return { storeGenerationChoice: choice as StoreGenerationChoice };
}

/**
 * The agent a command acts on when none is named, as OpenClaw 2026.9 picks the owner of model
 * and auth commands (resolveAmbientOwnerAgentId): `agents.defaults.systemAgent.agentId`; else,
 * unless `agents.ownership` is "explicit", the agent marked `default: true`; else the only agent.
 * Several agents and none chosen: OpenClaw 2026.9 asks for --agent, ≤ 2026.8 takes the first
 * listed — so does authdeck, and the header names it. No agents configured: main.
 */
export function defaultAgentId(config: GatewayConfig): string {
  const { agents } = config;
  if (config.systemAgentId) return config.systemAgentId;
  const marked = config.agentOwnershipExplicit ? undefined : agents.find((agent) => agent.default);
  return marked?.id ?? agents[0]?.id ?? MAIN_AGENT_ID;
}
