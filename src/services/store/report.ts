import { rootKeyProblems } from '../config/root-keys.js';
import { danglingLinkTarget } from '../files/fs-read.js';
import type { AgentState } from '../profiles/agent-state.js';
import { countOf } from '../status/count.js';
import type { LayerRole } from './agent-store.js';
import type { GenerationId } from './generation.js';
import { upgradePending } from './upgrade-pending.js';

/** Which generation of OpenClaw's store is in force, where its parts are, and why authdeck thinks so. */
export interface StoreReport {
  storeGeneration: GenerationId;
  /** Something on disk or on PATH says which: false, `storeGeneration` is only a default, and a write asks first. */
  certain: boolean;
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

/** Where the agent's order and usage live, when apart from its credentials (auth-state.json, a database). */
export function ownStatePath(state: AgentState): string | null {
  const path = state.layers.own.stateFile(state.own);
  return path === state.own.path && state.layers.own.backend === 'json' ? null : path;
}

export function storeReport(state: AgentState): StoreReport {
  const { generation, layers } = state;
  const layerEntries = [layers.own, layers.base].filter((layer) => layer !== undefined);
  const dbs = [generation.stateDb, generation.agentDb, generation.mainAgentDb].filter((db) => db !== undefined);
  return {
    storeGeneration: generation.id,
    certain: generation.certain,
    layout: generation.layout ?? null,
    openclawVersion: generation.openclawVersion ?? null,
    evidence: generation.evidence,
    layers: layerEntries.map((layer) => {
      // A JSON layer is always writable (a write creates the file), but that is not the file existing.
      const snapshot = layer === layers.own ? state.own : state.base;
      const exists = layer.backend === 'json' ? snapshot?.exists === true : layer.present;
      const missing =
        layer.backend === 'json'
          ? 'does not exist yet: the first write creates it'
          : 'does not exist yet: OpenClaw creates it on its first write';
      return {
        role: layer.role,
        path: layer.path,
        backend: layer.backend,
        exists,
        writable: layer.present && !layer.writeRefusal,
        note: layer.writeRefusal ?? (exists ? null : missing),
      };
    }),
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

/** A problem that keeps OpenClaw (2026.9, or any: `since` null) from starting on the config, in a line. */
export function willNotStartOn(configPath: string, problem: string, since: string | null = '2026.9'): string {
  return `OpenClaw${since ? ` ${since}` : ''} will not start on ${configPath}: ${problem}`;
}

/**
 * What keeps OpenClaw from starting on the config (an agent roster or a root key 2026.9 refuses,
 * a setting of a type its schema rejects), each as a line: a warning, a failing `status --check`,
 * explain's "nothing can serve a request".
 */
export function startProblems(state: Pick<AgentState, 'workspace' | 'generation'>): string[] {
  const { config, configPath } = state.workspace;
  return [
    ...[...config.agentProblems, ...rootKeyProblems(config, state.generation.openclawVersion)].map((problem) =>
      willNotStartOn(configPath, problem),
    ),
    ...[...config.shapeProblems, ...config.plugins.invalid].map((problem) => willNotStartOn(configPath, problem, null)),
  ];
}

export function collectWarnings(state: AgentState): string[] {
  const warnings: string[] = startProblems(state);
  // Read through a link whose file is gone, the config is none at all: said first, the cause of the rest.
  const configLink = danglingLinkTarget(state.workspace.configPath);
  if (configLink !== undefined)
    warnings.unshift(
      `${state.workspace.configPath} is a link to ${configLink}, which does not exist: the gateway reads no config (no models, plugins or settings of yours); put the file back or remove the link`,
    );
  // The installed OpenClaw will not start on the home until it upgrades it (doctor says why).
  const pending = upgradePending(state.generation, state.workspace.env, { run: false });
  if (pending)
    warnings.push(
      `the openclaw on PATH is ${pending.installed}, and this home was last written by OpenClaw ${pending.home} (JSON files): ${pending.installed} will not start on it until \`openclaw doctor --fix\` upgrades it; authdeck writes for ${pending.home} until then`,
    );
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
      `OpenClaw ${state.generation.openclawVersion ?? '2026.6.5+'} keeps auth in SQLite and does not read ${files}${state.generation.id === 'shared-sqlite' && state.legacyFiles.some((file) => file.credentials) ? '; while such a file exists beside an empty store the gateway refuses to start' : ''}: run \`authdeck migrate\` to see what \`openclaw doctor --fix\` would import`,
    );
  }
  return warnings;
}

/** The generation as a person would name it: "shared SQLite (OpenClaw 2026.8.1+), seen 2026.9.6". */
export function describeStore(store: StoreReport): string {
  // Nothing tells (a fresh home, no openclaw installed): not a generation to state as a fact.
  if (!store.certain) return 'not known yet: a first save asks which OpenClaw reads it (or takes --store-generation)';
  const named = {
    json: 'JSON files (OpenClaw ≤ 2026.6.1)',
    'agent-sqlite': 'per-agent SQLite (OpenClaw 2026.6.5–2026.7)',
    'shared-sqlite': 'shared SQLite (OpenClaw 2026.8.1+)',
  }[store.storeGeneration];
  const layout =
    store.layout === 'legacy-main' ? ', in the main agent database until `openclaw doctor --fix` moves it' : '';
  return `${named}${layout}${store.openclawVersion ? `, seen ${store.openclawVersion}` : ''}`;
}

/**
 * Where the agent's credentials are, as one path to show: the shared store when there is one
 * (the agent's own database then holds only its local overrides, and often does not exist yet).
 */
export function credentialsPath(store: StoreReport, ownPath: string): string {
  return store.layers.find((layer) => layer.role === 'shared')?.path ?? ownPath;
}

/** A profile's layer in one word, for tables: store, shared, local (override) or main (inherited). */
export function layerLabel(profile: { layer: LayerRole }, store: StoreReport): string {
  if (profile.layer === 'inherited') return 'main';
  if (profile.layer === 'shared') return 'shared';
  return store.storeGeneration === 'shared-sqlite' ? 'local' : 'store';
}
