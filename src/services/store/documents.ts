import { UnreadableStateError } from '../errors.js';
import { asRecord, idMap } from '../json-text.js';
import { readUsageStats, type UsageStats } from './usage-stats.js';

export type JsonObject = Record<string, unknown>;

export type { UsageStats };

/**
 * Where one layer of credentials lives. Every generation of OpenClaw keeps the same two JSON
 * documents — the credentials `{version, profiles}` and the state `{version, order, lastGood,
 * usageStats}` — only in different places: files (JSON era), a per-agent SQLite database
 * (2026.6.5+), or the shared state database (2026.8.1+).
 */
export type StoreLocation =
  | { backend: 'json'; agentDir: string; profilesPath: string; statePath: string }
  | { backend: 'agent-db'; dbPath: string; agentId: string }
  | { backend: 'state-db'; dbPath: string };

/** The file that holds a layer, for messages. */
export function locationPath(location: StoreLocation): string {
  return location.backend === 'json' ? location.profilesPath : location.dbPath;
}

/** The file a state key was read from, for messages: auth-state.json where the JSON era keeps it apart. */
export function fileHolding(snapshot: AuthStoreSnapshot, key: StateKey): string {
  const { location, stateDoc } = snapshot;
  return location.backend === 'json' && stateDoc && Object.hasOwn(stateDoc, key) ? location.statePath : snapshot.path;
}

/** The keys the state document holds; there they win over a copy in the credentials document. */
export const STATE_KEYS = ['order', 'lastGood', 'usageStats'] as const;
export type StateKey = (typeof STATE_KEYS)[number];

export interface AuthStoreSnapshot {
  location: StoreLocation;
  /** The file that holds it, as messages name it. */
  path: string;
  /** The credentials document exists (the file, or the database cell). */
  exists: boolean;
  /** The state is kept apart from the credentials (auth-state.json, or any SQLite store). */
  split: boolean;
  /** The documents exactly as parsed; writes go back through these so unknown fields survive. */
  profilesDoc: JsonObject;
  stateDoc?: JsonObject;
  profiles: Record<string, JsonObject>;
  order: Record<string, string[]>;
  lastGood: Record<string, string>;
  usageStats: Record<string, UsageStats>;
  /** Why authdeck will not write here (a newer schema, say); reading still works. */
  readOnlyReason?: string;
  /**
   * Orders in a database's state row that OpenClaw does not read, as no store row stands beside
   * it (earlier authdeck builds wrote orders so): not in `order`, and said by doctor.
   */
  unreadOrder?: Record<string, string[]>;
}

/** Checks a parsed credentials or state document; `where` names it in the error. */
export function checkStoreDoc(doc: unknown, where: string, path: string): JsonObject {
  const record = asRecord(doc);
  if (!record) throw new UnreadableStateError(`${where}: the top level is not a JSON object`, path);
  for (const key of ['profiles', ...STATE_KEYS]) {
    if (record[key] !== undefined && !asRecord(record[key])) {
      throw new UnreadableStateError(`${where}: "${key}" is not an object; fix it by hand`, path);
    }
  }
  return record;
}

/** The newest document version authdeck knows (OpenClaw writes 1 in every generation so far). */
export const KNOWN_DOC_VERSION = 1;

/**
 * Why a document must not be written: a `version` newer than authdeck knows means a newer
 * OpenClaw changed its shape, and writing it back as authdeck understands it could lose that.
 */
export function newerDocVersion(doc: JsonObject, where: string): string | undefined {
  const version = Number(typeof doc.version === 'object' && doc.version !== null ? String(doc.version) : doc.version);
  if (!Number.isFinite(version) || version <= KNOWN_DOC_VERSION) return undefined;
  return `${where} is a version ${version} document; authdeck knows version ${KNOWN_DOC_VERSION} and will not write it — update authdeck`;
}

export function emptyProfilesDoc(): JsonObject {
  return { version: 1, profiles: {} };
}

function stateSides(
  profilesDoc: JsonObject,
  stateDoc: JsonObject | undefined,
  key: StateKey,
): Array<[string, unknown]> {
  return [...Object.entries(asRecord(profilesDoc[key]) ?? {}), ...Object.entries(asRecord(stateDoc?.[key]) ?? {})];
}

/** The orders as OpenClaw loads them from the two documents (the state document's entry wins). */
export function readOrder(profilesDoc: JsonObject, stateDoc: JsonObject | undefined): Record<string, string[]> {
  const order = idMap<string[]>();
  for (const [provider, ids] of stateSides(profilesDoc, stateDoc, 'order')) {
    // As OpenClaw loads it: blank ids dropped, and an empty list is no order at all (nor does
    // it hide the other file's list).
    if (!Array.isArray(ids)) continue;
    const list = ids.filter((id): id is string => typeof id === 'string' && id.trim() !== '').map((id) => id.trim());
    if (list.length > 0) order[provider.trim().toLowerCase()] = list;
  }
  return order;
}

export function buildSnapshot(
  location: StoreLocation,
  profilesDoc: JsonObject,
  stateDoc: JsonObject | undefined,
  exists: boolean,
  readOnlyReason?: string,
): AuthStoreSnapshot {
  // Split (auth-state.json beside auth-profiles.json), OpenClaw merges the two key by key
  // (mergeAuthProfileState): the state file's entry wins, the credentials file's others stay.
  const sides = (key: StateKey) => stateSides(profilesDoc, stateDoc, key);
  const profiles = idMap<JsonObject>();
  for (const [id, entry] of Object.entries(asRecord(profilesDoc.profiles) ?? {})) {
    const record = asRecord(entry);
    if (record) profiles[id] = record;
  }
  const order = readOrder(profilesDoc, stateDoc);
  // An entry OpenClaw's normalising drops (a blank id, stats with nothing it reads) is no entry,
  // and hides nothing of the other file's.
  const lastGood = idMap<string>();
  for (const [provider, id] of sides('lastGood'))
    if (typeof id === 'string' && id.trim() !== '' && provider.trim() !== '')
      lastGood[provider.trim().toLowerCase()] = id.trim();
  const usageStats = idMap<UsageStats>();
  for (const [id, stats] of sides('usageStats')) {
    const record = asRecord(stats);
    if (!record) continue;
    const read = readUsageStats(record);
    if (Object.keys(read).length > 0 || Object.keys(asRecord(record.failureCounts) ?? {}).length > 0)
      usageStats[id] = read;
  }
  return {
    location,
    path: locationPath(location),
    exists,
    split: stateDoc !== undefined,
    profilesDoc,
    ...(stateDoc ? { stateDoc } : {}),
    profiles,
    order,
    lastGood,
    usageStats,
    ...(readOnlyReason ? { readOnlyReason } : {}),
  };
}
