import type { Workspace } from '../config/workspace.js';
import { agentDbPath, type GenerationId, type StoreGeneration, stateDbPath } from './generation.js';
import { JsonLayer } from './json-layer.js';
import type { LayerRole, StoreLayer } from './layer.js';
import { DbLayer, type DbLocation } from './sqlite/db-layer.js';
import type { DbInspection } from './sqlite/inspect.js';

/** The agent's layers, highest precedence first: what is in the first wins per profile id and provider order. */
export interface AgentLayers {
  own: StoreLayer;
  base?: StoreLayer;
}

/** OpenClaw 2026.8+ writes an agent database only once doctor has brought it to schema 17 or later. */
export const FIRST_SHARED_STORE_AGENT_SCHEMA = 17;

function dbLayer(
  role: LayerRole,
  location: DbLocation,
  inspection: DbInspection | undefined,
  generationId?: GenerationId,
): StoreLayer {
  let writeRefusal = inspection?.writeRefusal;
  if (
    !writeRefusal &&
    generationId === 'shared-sqlite' &&
    inspection?.kind === 'agent' &&
    inspection.userVersion < FIRST_SHARED_STORE_AGENT_SCHEMA
  ) {
    writeRefusal = `${inspection.path} is at agent schema ${inspection.userVersion}, from OpenClaw before 2026.8; the installed OpenClaw upgrades it with \`openclaw doctor --fix\` — run that first`;
  }
  return new DbLayer(role, location, inspection, writeRefusal);
}

/** The agent's layers for the generation in force: the one place that picks a backend. */
export function planAgentLayers(workspace: Workspace, generation: StoreGeneration): AgentLayers {
  const agentDb = (dir: string, agentId: string): DbLocation => ({
    backend: 'agent-db',
    dbPath: agentDbPath(dir),
    agentId,
  });
  switch (generation.id) {
    case 'json': {
      const own = new JsonLayer('local', workspace.agentDir);
      return workspace.isMain ? { own } : { own, base: new JsonLayer('inherited', workspace.mainAgentDir) };
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
