import { existsSync } from 'node:fs';
import { buildSnapshot, emptyProfilesDoc, type AuthStoreSnapshot, type StoreLocation } from './documents.js';
import { readAuthStore, jsonStoreLocation } from './json-layer.js';
import { readDbLayer } from './sqlite/db-layer.js';
import type { DbInspection } from './sqlite/inspect.js';
import { agentDbPath, stateDbPath, type StoreGeneration } from './generation.js';
import type { Workspace } from '../workspace.js';

/**
 * How a layer relates to the agent: `local` is its own store (or its local overrides),
 * `shared` the store every agent reads (SQLite era 2026.8.1+), `inherited` the main agent's
 * store under a non-main agent (JSON era and 2026.6.5–2026.7).
 */
export type LayerRole = 'local' | 'shared' | 'inherited';

export interface StoreLayer {
  role: LayerRole;
  location: StoreLocation;
  /** The database (or file) exists; a write to a missing one needs OpenClaw to create it. */
  present: boolean;
  /** Why a write here is refused (a newer schema, a foreign owner), when it is. */
  writeRefusal?: string;
}

/** The agent's layers, highest precedence first: what is in the first wins per profile id and provider order. */
export interface AgentLayers {
  own: StoreLayer;
  base?: StoreLayer;
}

/** OpenClaw 2026.8+ writes an agent database only once doctor has brought it to schema 17 or later. */
export const FIRST_SHARED_ERA_AGENT_SCHEMA = 17;

function dbLayer(
  role: LayerRole,
  location: StoreLocation,
  inspection: DbInspection | undefined,
  era?: StoreGeneration['era'],
): StoreLayer {
  let writeRefusal = inspection?.writeRefusal;
  if (
    !writeRefusal &&
    era === 'shared-sqlite' &&
    inspection?.kind === 'agent' &&
    inspection.userVersion < FIRST_SHARED_ERA_AGENT_SCHEMA
  ) {
    writeRefusal = `${inspection.path} is at agent schema ${inspection.userVersion}, from OpenClaw before 2026.8; the installed OpenClaw upgrades it with \`openclaw doctor --fix\` — run that first`;
  }
  return { role, location, present: inspection !== undefined, ...(writeRefusal ? { writeRefusal } : {}) };
}

export function planAgentLayers(workspace: Workspace, generation: StoreGeneration): AgentLayers {
  const agentDb = (dir: string, agentId: string): StoreLocation => ({
    backend: 'agent-db',
    dbPath: agentDbPath(dir),
    agentId,
  });
  switch (generation.era) {
    case 'json': {
      const own: StoreLayer = { role: 'local', location: jsonStoreLocation(workspace.agentDir), present: true };
      return workspace.isMain
        ? { own }
        : { own, base: { role: 'inherited', location: jsonStoreLocation(workspace.mainAgentDir), present: true } };
    }
    case 'agent-sqlite': {
      const own = dbLayer('local', agentDb(workspace.agentDir, workspace.agentId), generation.agentDb);
      return workspace.isMain
        ? { own }
        : { own, base: dbLayer('inherited', agentDb(workspace.mainAgentDir, 'main'), generation.mainAgentDb) };
    }
    case 'shared-sqlite': {
      const shared =
        generation.layout === 'state-db'
          ? dbLayer('shared', { backend: 'state-db', dbPath: stateDbPath(workspace.stateDir) }, generation.stateDb)
          : dbLayer(
              'shared',
              agentDb(workspace.mainAgentDir, 'main'),
              workspace.isMain ? generation.agentDb : generation.mainAgentDb,
              'shared-sqlite',
            );
      // In the legacy-main layout the main agent's own database is the shared store itself.
      if (generation.layout !== 'state-db' && workspace.isMain) return { own: shared };
      return {
        own: dbLayer('local', agentDb(workspace.agentDir, workspace.agentId), generation.agentDb, 'shared-sqlite'),
        base: shared,
      };
    }
  }
}

/** Reads one layer; a database that does not exist yet reads as empty. */
export async function readLayer(layer: StoreLayer): Promise<AuthStoreSnapshot> {
  const { location } = layer;
  if (location.backend === 'json') return readAuthStore(location.agentDir);
  if (!layer.present || !existsSync(location.dbPath))
    return buildSnapshot(location, emptyProfilesDoc(), { version: 1 }, false, layer.writeRefusal);
  return readDbLayer(location, layer.writeRefusal);
}
