import { existsSync } from 'node:fs';
import { AuthdeckError, UnreadableStateError, UsageError } from '../errors.js';
import { withFileLock, type LockOptions } from '../lock.js';
import { locationPath, type StoreEdit, type StoreUpdate } from './documents.js';
import { updateAuthStore } from './json-layer.js';
import { updateDbLayer } from './sqlite/db-layer.js';
import { planAgentLayers, readLayer, type AgentLayers, type StoreLayer } from './layers.js';
import { findInstalledOpenclaw } from '../openclaw/installed-openclaw.js';
import { detectStoreGeneration, type StoreGeneration } from './generation.js';
import type { Workspace } from '../workspace.js';

/**
 * The SQLite database a write should go to does not exist yet. authdeck never creates
 * OpenClaw's databases (a hand-made one breaks OpenClaw's migrations): OpenClaw must make it.
 */
export class StoreMissingError extends AuthdeckError {
  constructor(readonly layer: StoreLayer) {
    super(`${locationPath(layer.location)} does not exist yet, and only OpenClaw may create it`);
    this.name = 'StoreMissingError';
  }
}

export interface LayerWriteOptions {
  lock?: LockOptions;
  now?: () => number;
  /** The caller already holds the JSON store's lock (it wrote the config meanwhile). */
  lockHeld?: boolean;
}

/**
 * Why a write to this layer would be refused before it starts (a missing OpenClaw database, a
 * schema authdeck may not write), or undefined: for flows that must not begin in vain.
 */
export function layerWriteProblem(layer: StoreLayer): AuthdeckError | undefined {
  const { location } = layer;
  if (location.backend === 'json') return undefined;
  if (!existsSync(location.dbPath)) return new StoreMissingError(layer);
  if (layer.writeRefusal) return new UnreadableStateError(layer.writeRefusal, location.dbPath);
  return undefined;
}

/** Read-modify-write of one layer: under the file lock (JSON era) or in one immediate transaction (SQLite). */
export async function updateStoreLayer<T>(
  layer: StoreLayer,
  edit: StoreEdit<T>,
  options: LayerWriteOptions = {},
): Promise<StoreUpdate<T>> {
  const { location } = layer;
  if (location.backend === 'json')
    return updateAuthStore(location.agentDir, edit, options.lock, options.lockHeld === true);
  const problem = layerWriteProblem(layer);
  if (problem) throw problem;
  return updateDbLayer(location, edit, {
    ...(location.backend === 'agent-db' ? { agentId: location.agentId } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}

/**
 * Runs `work` holding the layer's lock when it has a file lock (the JSON era): a save takes the
 * store's lock before it writes the config, so a store that stays locked stops the save before
 * anything is written. (A SQLite write lock is never held across the config write: the gateway
 * would wait on it.)
 */
export async function withLayerLock<T>(
  layer: StoreLayer,
  lock: LockOptions,
  work: (held: boolean) => Promise<T>,
): Promise<T> {
  if (layer.location.backend !== 'json') return work(false);
  return withFileLock(layer.location.profilesPath, () => work(true), lock);
}

export interface WritePlan {
  generation: StoreGeneration;
  layers: AgentLayers;
}

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

/** The agent's generation and layers as they are right now, for a write. */
export async function planWrite(workspace: Workspace): Promise<WritePlan> {
  const generation = await detectStoreGeneration(workspace, {
    installed: () => findInstalledOpenclaw(workspace.env),
  });
  if (!generation.certain) throw new StoreGenerationUnknownError(generation.evidence);
  return { generation, layers: planAgentLayers(workspace, generation) };
}

/**
 * Where a credential lands, as OpenClaw would put it: the agent's own store (JSON era,
 * 2026.6.5–2026.7), else the shared store — unless the agent overrides that profile id
 * locally, in which case the local copy is the one in force and is the one replaced.
 */
export async function credentialLayer(plan: WritePlan, profileId: string): Promise<StoreLayer> {
  const { layers, generation } = plan;
  if (generation.era !== 'shared-sqlite' || !layers.base) return layers.own;
  if (layers.own.present && (await readLayer(layers.own)).profiles[profileId]) return layers.own;
  return layers.base;
}
