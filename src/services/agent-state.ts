import { describeProfile, type ProfileView } from './credential-view.js';
import { readDaemonEnv } from './env-file.js';
import { waitUntilUnlocked, type LockOptions } from './lock.js';
import { providerInfo, PROVIDERS } from './providers.js';
import { authStoreFiles, readAuthStore, type AuthStoreSnapshot, type UsageStats } from './store.js';
import type { Workspace } from './workspace.js';

/** Everything on disk that decides what an agent's credentials are, read once. */
export interface AgentState {
  workspace: Workspace;
  own: AuthStoreSnapshot;
  /** The main agent's store, which a non-main agent sees underneath its own. */
  main?: AuthStoreSnapshot;
  daemonEnv: Record<string, string>;
}

export interface LoadOptions {
  /** Wait for a live writer to finish before reading (fails with LockBusyError after the wait). */
  waitForLock?: boolean;
  lock?: LockOptions;
}

export async function loadAgentState(workspace: Workspace, options: LoadOptions = {}): Promise<AgentState> {
  const dirs = workspace.isMain ? [workspace.agentDir] : [workspace.agentDir, workspace.mainAgentDir];
  if (options.waitForLock) {
    for (const dir of dirs) await waitUntilUnlocked(authStoreFiles(dir).profilesPath, options.lock);
  }
  const [own, main, daemonEnv] = await Promise.all([
    readAuthStore(workspace.agentDir),
    workspace.isMain ? undefined : readAuthStore(workspace.mainAgentDir),
    readDaemonEnv(workspace.daemonEnvPath),
  ]);
  return { workspace, own, ...(main ? { main } : {}), daemonEnv };
}

export type ProfileSource = 'store' | 'inherited';

export interface AgentProfile {
  view: ProfileView;
  source: ProfileSource;
  usage?: UsageStats;
}

/** Variables the gateway reads env-sourced secrets from: the process first, then the daemon .env. */
export function effectiveEnv(state: AgentState): Record<string, string | undefined> {
  return { ...state.daemonEnv, ...state.workspace.env };
}

/** The agent's own profiles, then the main agent's it does not override (SPEC §2). */
export function listAgentProfiles(state: AgentState): AgentProfile[] {
  const env = effectiveEnv(state);
  const rows: AgentProfile[] = [];
  const add = (snapshot: AuthStoreSnapshot, source: ProfileSource, skip?: AuthStoreSnapshot) => {
    for (const [id, raw] of Object.entries(snapshot.profiles)) {
      if (skip && id in skip.profiles) continue;
      const usage = state.own.usageStats[id] ?? state.main?.usageStats[id];
      rows.push({ view: describeProfile(id, raw, env), source, ...(usage ? { usage } : {}) });
    }
  };
  add(state.own, 'store');
  if (state.main) add(state.main, 'inherited', state.own);
  return rows;
}

export interface EnvCredential {
  provider: string;
  variable: string;
  type: 'api_key' | 'token';
  secret: string;
  origin: 'process' | 'dotenv';
}

/** Provider secrets found in the environment, in the gateway's precedence per provider. */
export function listEnvCredentials(state: AgentState, extraProviders: Iterable<string> = []): EnvCredential[] {
  const providers = new Map(PROVIDERS.map((info) => [info.id, info]));
  for (const id of extraProviders) if (!providers.has(id)) providers.set(id, providerInfo(id));
  const found: EnvCredential[] = [];
  for (const info of providers.values()) {
    for (const variable of info.envVars) {
      const fromProcess = state.workspace.env[variable.name];
      const fromFile = state.daemonEnv[variable.name];
      const secret = fromProcess?.trim() ? fromProcess : fromFile?.trim() ? fromFile : undefined;
      if (secret === undefined) continue;
      found.push({ provider: info.id, variable: variable.name, type: variable.type, secret, origin: fromProcess?.trim() ? 'process' : 'dotenv' });
    }
  }
  return found;
}
