import { basename, join } from 'node:path';
import { AUTH_PROFILES_FILE, AUTH_STATE_FILE, LEGACY_AUTH_FILE } from '../config/paths.js';
import type { Workspace } from '../config/workspace.js';
import { nearest } from '../edit-distance.js';
import { readDaemonEnv } from '../env-file.js';
import { UsageError } from '../errors.js';
import { findLeftoverTempFiles } from '../files/atomic-write.js';
import { readTextIfExists } from '../files/fs-read.js';
import type { LockOptions } from '../files/lock.js';
import { asRecord } from '../json-text.js';
import { PROVIDERS, providerInfo } from '../providers.js';
import type { AgentLayers, StoreGeneration } from '../store/agent-store.js';
import { type AgentStore, type LayerRole, openAgentStore } from '../store/agent-store.js';
import type { AuthStoreSnapshot, UsageStats } from '../store/documents.js';
import { shown, shownTyped } from '../terminal-text.js';
import { describeProfile, type ProfileView } from './credential-view.js';

/** A JSON auth file that a SQLite-era gateway no longer reads (it wants `openclaw doctor --fix`). */
export interface LegacyAuthFile {
  path: string;
  /** Profiles in it, when it parses. */
  profileCount?: number;
  /** Those profiles' ids and providers (a profile not in the store yet waits for its import). */
  profiles?: Array<{ id: string; provider: string | undefined }>;
  /** It holds credentials (`auth-state.json` holds only orders and usage: OpenClaw warns of it, never refuses over it). */
  credentials: boolean;
}

/** Everything on disk that decides what an agent's credentials are, read once. */
export interface AgentState {
  workspace: Workspace;
  /** The agent's store, its generation decided once; writes that follow this read reuse it. */
  store: AgentStore;
  generation: StoreGeneration;
  layers: AgentLayers;
  /** The agent's own layer: its store, or its local overrides in the shared era. */
  own: AuthStoreSnapshot;
  /** The layer underneath: the main agent's store (inherited) or the shared store. */
  base?: AuthStoreSnapshot;
  daemonEnv: Record<string, string>;
  legacyFiles: LegacyAuthFile[];
  /** Temp files a killed writer left; they hold a copy of the file (secrets). The next write removes them. */
  leftoverTempFiles: string[];
}

export interface LoadOptions {
  /** Wait for a live writer to finish before reading (fails with LockBusyError after the wait). */
  waitForLock?: boolean;
  lock?: LockOptions;
}

export async function loadAgentState(workspace: Workspace, options: LoadOptions = {}): Promise<AgentState> {
  const store = await openAgentStore(workspace);
  const { generation, layers } = store;
  if (options.waitForLock) for (const layer of [layers.own, layers.base]) await layer?.waitUntilUnlocked(options.lock);
  const [{ own, base }, daemonEnv, legacyFiles, leftoverTempFiles] = await Promise.all([
    store.read(),
    readDaemonEnv(workspace.daemonEnvPath),
    store.readsJsonFiles ? [] : findLegacyAuthFiles(workspace),
    findAgentTempFiles(workspace, layers),
  ]);
  return {
    workspace,
    store,
    generation,
    layers,
    own,
    ...(base ? { base } : {}),
    daemonEnv,
    legacyFiles,
    leftoverTempFiles,
  };
}

async function findAgentTempFiles(workspace: Workspace, layers: AgentLayers): Promise<string[]> {
  const files = [workspace.configPath, workspace.daemonEnvPath];
  for (const layer of [layers.own, layers.base]) if (layer) files.push(...layer.lockedFiles);
  return (await Promise.all(files.map(findLeftoverTempFiles))).flat();
}

/** Where OpenClaw 2026.8+ looks for JSON credentials it refuses to use until they are migrated. */
export function legacyAuthFileCandidates(workspace: Workspace): string[] {
  const dirs = [...new Set([workspace.agentDir, workspace.mainAgentDir])];
  return [
    ...dirs.flatMap((dir) => [join(dir, AUTH_PROFILES_FILE), join(dir, AUTH_STATE_FILE), join(dir, LEGACY_AUTH_FILE)]),
    join(workspace.stateDir, 'credentials', 'oauth.json'),
  ];
}

async function findLegacyAuthFiles(workspace: Workspace): Promise<LegacyAuthFile[]> {
  const found: LegacyAuthFile[] = [];
  for (const path of legacyAuthFileCandidates(workspace)) {
    const text = await readTextIfExists(path).catch(() => undefined);
    if (text === undefined) continue;
    let listed: LegacyAuthFile['profiles'];
    try {
      const profiles = asRecord(asRecord(JSON.parse(text))?.profiles);
      if (profiles)
        listed = Object.entries(profiles).map(([id, entry]) => {
          const provider = asRecord(entry)?.provider;
          return { id, provider: typeof provider === 'string' ? provider : undefined };
        });
    } catch {
      // Unparsable: still a file the gateway trips over.
    }
    found.push({
      path,
      credentials: basename(path) !== AUTH_STATE_FILE,
      ...(listed ? { profileCount: listed.length, profiles: listed } : {}),
    });
  }
  return found;
}

export type ProfileSource = 'store' | 'inherited';

export interface AgentProfile {
  view: ProfileView;
  /** `inherited` when it comes from the main agent's store (and cannot be changed from here). */
  source: ProfileSource;
  layer: LayerRole;
  usage?: UsageStats;
}

/** Variables the gateway reads env-sourced secrets from: the process first, then the daemon .env. */
export function effectiveEnv(state: AgentState): Record<string, string | undefined> {
  return { ...state.daemonEnv, ...state.workspace.env };
}

/** The agent's own profiles, then those of the layer underneath it does not override (README "Where it reads and writes"). */
export function listAgentProfiles(state: AgentState): AgentProfile[] {
  const env = effectiveEnv(state);
  const rows: AgentProfile[] = [];
  const add = (snapshot: AuthStoreSnapshot, layer: LayerRole, skip?: AuthStoreSnapshot) => {
    for (const [id, raw] of Object.entries(snapshot.profiles)) {
      if (skip && Object.hasOwn(skip.profiles, id)) continue;
      const usage = state.own.usageStats[id] ?? state.base?.usageStats[id];
      const view = describeProfile(id, raw, env);
      // An onboarding's inactive replacement is a 2026.8+ notion: an older gateway judges the
      // profile as any other (its own problems, if any, still count).
      if (view.problem === 'inactive-setup' && !state.store.hasSharedStore) {
        const { setup: _setup, ...rest } = raw;
        const other = describeProfile(id, rest, env);
        if (other.problem) view.problem = other.problem;
        else delete view.problem;
        if (other.oauthRef !== undefined) view.oauthRef = other.oauthRef;
      }
      rows.push({
        view,
        source: layer === 'inherited' ? 'inherited' : 'store',
        layer,
        ...(usage ? { usage } : {}),
      });
    }
  };
  add(state.own, state.layers.own.role);
  if (state.base && state.layers.base) add(state.base, state.layers.base.role, state.own);
  return rows;
}

/**
 * The id a person means: a full id as written, else a short name (`work`) when exactly one
 * provider has a profile of that name — the same short names `order set` takes.
 */
export function resolveProfileName(state: AgentState, name: string): string {
  const wanted = name.trim();
  if (wanted === '') throw new UsageError('the profile id is empty; see `authdeck status` for the ids');
  const ids = listAgentProfiles(state).map((row) => row.view.id);
  if (ids.includes(wanted)) return wanted;
  const where = `agent ${state.workspace.agentId}`;
  const typed = shownTyped(wanted);
  // A profile that does not exist is a mistake in the command line (64), as in `order set`.
  const instead = (): string => {
    const guess = profileGuess(ids, wanted);
    if (guess) return `; did you mean ${shown(guess)}?`;
    // A local server or endpoint set up in the config alone has no profile to remove or show.
    const provider = wanted.split(':')[0]?.toLowerCase() ?? '';
    if (
      Object.hasOwn(state.workspace.config.models.providers, provider) &&
      !ids.some((id) => id.startsWith(`${provider}:`))
    ) {
      const named = shownTyped(provider);
      return `: ${named} has no profile, it is set up in ${state.workspace.configPath} (models.providers.${named}; \`openclaw config unset models.providers.${named}\` takes it out)`;
    }
    return '; see `authdeck status`';
  };
  if (wanted.includes(':')) throw new UsageError(`no profile ${typed} for ${where}${instead()}`);
  const matches = ids.filter((id) => id.slice(id.indexOf(':') + 1) === wanted);
  if (matches.length === 1) return matches[0] as string;
  if (matches.length > 1) throw new UsageError(`"${typed}" names ${matches.join(' and ')}; give the full id`);
  throw new UsageError(`no profile named ${typed} for ${where}${instead()}`);
}

/** The profile a mistyped id or short name (`anthropic:wrok`, `wrok`) most likely meant. */
export function profileGuess(ids: readonly string[], word: string): string | undefined {
  if (word.includes(':')) return nearest(word, [...ids]);
  const short = (id: string) => id.slice(id.indexOf(':') + 1);
  const guess = nearest(word, ids.map(short));
  const meant = ids.filter((id) => short(id) === guess);
  return meant.length === 1 ? meant[0] : undefined;
}

/**
 * The stored profile a new credential with this id would replace: the agent's own, or in the
 * shared era the shared store's (a credential for a non-main agent never replaces the main
 * agent's inherited one: it overrides it).
 */
export function profileAWriteWouldReplace(state: AgentState, profileId: string) {
  return (
    state.own.profiles[profileId] ??
    (state.layers.base?.role === 'shared' ? state.base?.profiles[profileId] : undefined)
  );
}

/** The file or database that holds a profile as the agent sees it. */
export function profileStorePath(state: AgentState, profileId: string): string {
  return (layerHolding(state, profileId) === 'base' ? state.base : state.own)!.path;
}

/** Which snapshot holds a profile as the agent sees it: its own layer first. */
export function layerHolding(state: AgentState, profileId: string): 'own' | 'base' | undefined {
  if (state.own.profiles[profileId]) return 'own';
  if (state.base?.profiles[profileId]) return 'base';
  return undefined;
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
      found.push({
        provider: info.id,
        variable: variable.name,
        type: variable.type,
        secret,
        origin: fromProcess?.trim() ? 'process' : 'dotenv',
      });
    }
  }
  return found;
}

/**
 * The daemon `.env` variables that hold this profile's very secret: removed from the store, the
 * gateway keeps using it through them (`remove` and the dashboard's `d` say so).
 */
export function envVariablesHolding(state: AgentState, profileId: string): string[] {
  const secret = listAgentProfiles(state).find((row) => row.view.id === profileId)?.view.secret;
  if (!secret) return [];
  return Object.entries(state.daemonEnv)
    .filter(([, value]) => value.trim() === secret)
    .map(([name]) => name);
}

/** What `remove` and the dashboard say of each such variable. */
export function envStillHoldsNote(state: AgentState, name: string): string {
  return `${state.workspace.daemonEnvPath} still holds this key as ${name}, so the gateway keeps using it; \`authdeck env unset ${name}\` removes it`;
}
