import type { Workspace } from '../config/workspace.js';
import { UsageError } from '../errors.js';
import { findInstalledOpenclaw } from '../openclaw/installed-openclaw.js';
import type { AuthStoreSnapshot } from './documents.js';
import { agentDbPath, detectStoreGeneration, type StoreGeneration, stateDbPath } from './generation.js';
import { JsonLayer } from './json-layer.js';
import type { StoreLayer } from './layer.js';
import { type AgentLayers, planAgentLayers } from './layers.js';
import { oauthRefreshLockPath } from './refresh-lock-path.js';

export type { StoreGeneration } from './generation.js';
/** An agent's JSON auth files as they are, wherever the store is now (leftovers to migrate, say). */
export { readAuthStore as readJsonFiles } from './json-layer.js';
export type { LayerRole, LayerWriteOptions, StoreLayer } from './layer.js';
export { StoreMissingError } from './layer.js';
export type { AgentLayers } from './layers.js';

/**
 * Nothing tells which OpenClaw reads this home, so authdeck does not guess: a JSON store written
 * into a home that OpenClaw 2026.6.5+ will own makes it refuse to start until it is migrated.
 */
export class StoreGenerationUnknownError extends UsageError {
  constructor(readonly evidence: string) {
    super(
      `${evidence}, so authdeck cannot tell which store the gateway will read: OpenClaw 2026.6.5 and later keep credentials in SQLite (only OpenClaw can create that store), 2026.6.1 and earlier in auth-profiles.json. Install OpenClaw first, or say which with --store-generation sqlite|json`,
    );
    this.name = 'StoreGenerationUnknownError';
  }
}

/** Provider ids OpenClaw renamed, and the generation from which the new name holds. */
const PROVIDER_RENAMES: ReadonlyArray<{ before: string; after: string }> = [
  // OpenClaw 2026.7 stores ChatGPT sign-ins under `openai` (2026.5: `openai-codex`).
  { before: 'openai-codex', after: 'openai' },
];

/**
 * One agent's credential store, its generation decided once: the layers (own first, then the
 * layer it sees underneath), and what depends on the generation, said as facts the rest of
 * authdeck needs — never as the generation itself, which only `services/store/` looks at.
 */
export class AgentStore {
  readonly layers: AgentLayers;

  constructor(
    readonly workspace: Workspace,
    /** What was found on disk and why; for showing, not for deciding. */
    readonly generation: StoreGeneration,
  ) {
    this.layers = planAgentLayers(workspace, generation);
  }

  /** The gateway keeps auth in memory and does not watch the store: after a write it must be told. */
  get gatewayCachesAuth(): boolean {
    return this.generation.id !== 'json';
  }

  /** OpenClaw reads JSON auth files here (else they are leftovers it ignores, or refuses to start beside). */
  get readsJsonFiles(): boolean {
    return this.generation.id === 'json';
  }

  /** Providers load only through their plugins (2026.8+: the generation of OpenClaw's provider catalog). */
  get pluginsServeProviders(): boolean {
    return this.generation.id === 'shared-sqlite';
  }

  /** A keyless endpoint on this machine or network counts as usable (2026.9's hasSyntheticLocalProviderAuthConfig). */
  get localEndpointsNeedNoKey(): boolean {
    return this.generation.id === 'shared-sqlite';
  }

  /**
   * A provider in use whose every ordered profile is cooling down or disabled counts as missing:
   * 2026.9's `models status --check` exits 1 for it (2026.5.20's exits 0), key or no key.
   */
  get allWaitingIsMissing(): boolean {
    return this.generation.id === 'shared-sqlite';
  }

  /** Every agent reads one shared store, and an agent's own layer holds local overrides (2026.8+). */
  get hasSharedStore(): boolean {
    return this.generation.id === 'shared-sqlite';
  }

  /**
   * A save now would first have OpenClaw create the database (authdeck never creates one), which
   * takes seconds, a minute offline: screens say so while they wait.
   */
  get saveRunsOpenclaw(): boolean {
    const layer = this.hasSharedStore && this.layers.base ? this.layers.base : this.layers.own;
    return this.generation.id !== 'json' && !layer.present;
  }

  /** An order written now would first have OpenClaw create the agent's own database. */
  get orderWriteRunsOpenclaw(): boolean {
    return this.generation.id !== 'json' && !this.layers.own.present;
  }

  /** How this store's OpenClaw spells a provider id it renamed (openai-codex before 2026.7, openai after). */
  providerId(provider: string): string {
    for (const { before, after } of PROVIDER_RENAMES) {
      if (provider !== before && provider !== after) continue;
      return this.generation.id === 'json' ? before : after;
    }
    return provider;
  }

  /** The lock OpenClaw's gateway takes before it refreshes this profile (its name changed in 2026.7). */
  refreshLockPath(provider: string, profileId: string): string {
    return oauthRefreshLockPath(this.workspace.stateDir, this.generation.id, provider, profileId);
  }

  /** Stops a write when nothing tells which store the gateway reads (the question is asked before). */
  requireKnownGeneration(): void {
    if (!this.generation.certain) throw new StoreGenerationUnknownError(this.generation.evidence);
  }

  /** Reads the agent's layers, each once. */
  async read(): Promise<{ own: AuthStoreSnapshot; base?: AuthStoreSnapshot }> {
    const [own, base] = await Promise.all([this.layers.own.read(), this.layers.base?.read()]);
    return { own, ...(base ? { base } : {}) };
  }

  /**
   * Where `openclaw doctor --fix` imports this agent's JSON files (2026.9.6, tried): the main
   * agent's into the shared store, any other agent's into its own database — never into the
   * shared one, where every agent would see them.
   */
  get migrationLayer(): StoreLayer {
    const { own, base } = this.layers;
    return this.hasSharedStore && base && this.workspace.isMain ? base : own;
  }

  /**
   * Where a credential lands, as OpenClaw would put it: the agent's own store (JSON era,
   * 2026.6.5–2026.7), else the shared store — unless the agent overrides that profile id
   * locally, in which case the local copy is the one in force and is the one replaced.
   */
  async credentialLayer(profileId: string, own?: AuthStoreSnapshot): Promise<StoreLayer> {
    const { layers } = this;
    if (!this.hasSharedStore || !layers.base) return layers.own;
    if (layers.own.present && (own ?? (await layers.own.read())).profiles[profileId]) return layers.own;
    return layers.base;
  }
}

/**
 * Every file an agent's credentials can be in, whichever generation is in force (or comes in
 * force while a screen is open): the JSON files, the databases and their write-ahead logs (a
 * commit lands in the -wal file first; a checkpoint changes the database file).
 */
export function storeFilesOf(workspace: Workspace): string[] {
  const dirs = workspace.isMain ? [workspace.agentDir] : [workspace.agentDir, workspace.mainAgentDir];
  const withWal = (db: string) => [db, `${db}-wal`];
  return [
    ...dirs.flatMap((dir) => [...new JsonLayer('local', dir).files, ...withWal(agentDbPath(dir))]),
    ...withWal(stateDbPath(workspace.stateDir)),
  ];
}

/** The agent's store as it is on disk now: its generation is detected here, once per action. */
export async function openAgentStore(
  workspace: Workspace,
  /** Only what is on disk decides (shell completion: no `openclaw --version` on every Tab). */
  options: { filesOnly?: boolean } = {},
): Promise<AgentStore> {
  detections++;
  const generation = await detectStoreGeneration(
    workspace,
    options.filesOnly ? {} : { installed: () => findInstalledOpenclaw(workspace.env) },
  );
  return new AgentStore(workspace, generation);
}

/** The store for a write: its generation must be known (evidence, the flag, or the answer to the question). */
export async function openAgentStoreForWrite(workspace: Workspace): Promise<AgentStore> {
  const store = await openAgentStore(workspace);
  store.requireKnownGeneration();
  return store;
}

let detections = 0;

/** How many times a store was opened (its generation detected) in this process: tests hold it to one per action. */
export function storeOpenCount(): number {
  return detections;
}
