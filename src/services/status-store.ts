import type { AgentState } from './agent-state.js';
import { countOf } from './status-words.js';
import { locationPath } from './store/documents.js';
import type { StoreEra } from './store/generation.js';
import type { LayerRole } from './store/layers.js';

/** Which generation of OpenClaw's store is in force, where its parts are, and why authdeck thinks so. */
export interface StoreReport {
  storeGeneration: StoreEra;
  layout: 'state-db' | 'legacy-main' | null;
  openclawVersion: string | null;
  evidence: string;
  layers: Array<{
    role: LayerRole;
    path: string;
    backend: 'json' | 'agent-db' | 'state-db';
    exists: boolean;
    writable: boolean;
    note: string | null;
  }>;
  databases: Array<{
    kind: 'state' | 'agent';
    path: string;
    schemaVersion: number;
    appVersion: string | null;
    writable: boolean;
  }>;
  legacyFiles: Array<{ path: string; profileCount: number | null }>;
}

export function ownStatePath(state: AgentState): string | null {
  const { location } = state.own;
  if (location.backend === 'json') return state.own.split ? location.statePath : null;
  return location.dbPath;
}

export function storeReport(state: AgentState): StoreReport {
  const { generation, layers } = state;
  const layerEntries = [layers.own, layers.base].filter((layer) => layer !== undefined);
  const dbs = [generation.stateDb, generation.agentDb, generation.mainAgentDb].filter((db) => db !== undefined);
  return {
    storeGeneration: generation.era,
    layout: generation.layout ?? null,
    openclawVersion: generation.openclawVersion ?? null,
    evidence: generation.evidence,
    layers: layerEntries.map((layer) => ({
      role: layer.role,
      path: locationPath(layer.location),
      backend: layer.location.backend,
      exists: layer.present,
      writable: layer.present && !layer.writeRefusal,
      note: layer.writeRefusal ?? (layer.present ? null : 'does not exist yet: OpenClaw creates it on its first write'),
    })),
    databases: dbs.map((db) => ({
      kind: db.kind,
      path: db.path,
      schemaVersion: db.userVersion,
      appVersion: db.meta?.appVersion ?? null,
      writable: !db.writeRefusal,
    })),
    legacyFiles: state.legacyFiles.map((file) => ({ path: file.path, profileCount: file.profileCount ?? null })),
  };
}

export function collectWarnings(state: AgentState): string[] {
  const warnings: string[] = [];
  for (const layer of [state.layers.own, state.layers.base]) {
    if (layer?.writeRefusal) warnings.push(`read-only: ${layer.writeRefusal}`);
  }
  if (state.leftoverTempFiles.length > 0) {
    warnings.push(
      `${state.leftoverTempFiles.length} temp file(s) left by an interrupted write hold a copy of the credentials: ${state.leftoverTempFiles.join(', ')}; the next write removes them (or delete them now)`,
    );
  }
  if (state.legacyFiles.length > 0) {
    const files = state.legacyFiles
      .map(
        (file) => `${file.path}${file.profileCount !== undefined ? ` (${countOf(file.profileCount, 'profile')})` : ''}`,
      )
      .join(', ');
    warnings.push(
      `OpenClaw ${state.generation.openclawVersion ?? '2026.6.5+'} keeps auth in SQLite and does not read ${files}${state.generation.era === 'shared-sqlite' ? '; while such a file exists beside an empty store the gateway refuses to start' : ''}: run \`authdeck migrate\` to see what \`openclaw doctor --fix\` would import`,
    );
  }
  return warnings;
}
