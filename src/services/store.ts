import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { UnreadableStateError } from './errors.js';
import { pathExists, readTextIfExists } from './fs-read.js';
import { asRecord, formatJsonDocument, parseJsonDocument } from './json-text.js';
import { withFileLock, type LockOptions } from './lock.js';
import { AGENT_SQLITE_FILE, AUTH_PROFILES_FILE, AUTH_STATE_FILE } from './paths.js';

export type JsonObject = Record<string, unknown>;

export interface UsageStats {
  lastUsed?: number;
  cooldownUntil?: number;
  disabledUntil?: number;
  disabledReason?: string;
  errorCount?: number;
  lastFailureAt?: number;
}

export interface AuthStoreFiles {
  agentDir: string;
  profilesPath: string;
  statePath: string;
  sqlitePath: string;
}

/** The keys the split layout moves to `auth-state.json`; there they win over the profiles file. */
export const STATE_KEYS = ['order', 'lastGood', 'usageStats'] as const;
type StateKey = (typeof STATE_KEYS)[number];

export interface AuthStoreSnapshot {
  files: AuthStoreFiles;
  profilesExists: boolean;
  /** `auth-state.json` exists: the newer split layout. */
  split: boolean;
  /** OpenClaw 2026.6+ keeps auth in SQLite and no longer reads this store directly. */
  sqliteExists: boolean;
  /** The documents exactly as parsed; writes go back through these so unknown fields survive. */
  profilesDoc: JsonObject;
  stateDoc?: JsonObject;
  profiles: Record<string, JsonObject>;
  order: Record<string, string[]>;
  lastGood: Record<string, string>;
  usageStats: Record<string, UsageStats>;
}

export function authStoreFiles(agentDir: string): AuthStoreFiles {
  return {
    agentDir,
    profilesPath: join(agentDir, AUTH_PROFILES_FILE),
    statePath: join(agentDir, AUTH_STATE_FILE),
    sqlitePath: join(agentDir, AGENT_SQLITE_FILE),
  };
}

export async function readAuthStore(agentDir: string): Promise<AuthStoreSnapshot> {
  const files = authStoreFiles(agentDir);
  const [profilesText, stateText, sqliteExists] = await Promise.all([
    readTextIfExists(files.profilesPath),
    readTextIfExists(files.statePath),
    pathExists(files.sqlitePath),
  ]);
  const profilesDoc = profilesText === undefined ? { version: 1, profiles: {} } : await parseStoreDoc(files.profilesPath, profilesText);
  const stateDoc = stateText === undefined ? undefined : await parseStoreDoc(files.statePath, stateText);
  return buildSnapshot(files, profilesDoc, stateDoc, profilesText !== undefined, sqliteExists);
}

async function parseStoreDoc(path: string, text: string): Promise<JsonObject> {
  const doc = asRecord(await parseJsonDocument(text, path));
  if (!doc) throw new UnreadableStateError(`${path}: the top level is not a JSON object`, path);
  for (const key of ['profiles', ...STATE_KEYS]) {
    if (doc[key] !== undefined && !asRecord(doc[key])) {
      throw new UnreadableStateError(`${path}: "${key}" is not an object; fix the file by hand`, path);
    }
  }
  return doc;
}

function buildSnapshot(
  files: AuthStoreFiles,
  profilesDoc: JsonObject,
  stateDoc: JsonObject | undefined,
  profilesExists: boolean,
  sqliteExists: boolean,
): AuthStoreSnapshot {
  const pick = (key: StateKey): JsonObject => asRecord(stateDoc?.[key]) ?? asRecord(profilesDoc[key]) ?? {};
  const profiles: Record<string, JsonObject> = {};
  for (const [id, entry] of Object.entries(asRecord(profilesDoc.profiles) ?? {})) {
    const record = asRecord(entry);
    if (record) profiles[id] = record;
  }
  const order: Record<string, string[]> = {};
  for (const [provider, ids] of Object.entries(pick('order'))) {
    if (Array.isArray(ids)) order[provider] = ids.filter((id): id is string => typeof id === 'string');
  }
  const lastGood: Record<string, string> = {};
  for (const [provider, id] of Object.entries(pick('lastGood'))) if (typeof id === 'string') lastGood[provider] = id;
  const usageStats: Record<string, UsageStats> = {};
  for (const [id, stats] of Object.entries(pick('usageStats'))) {
    const record = asRecord(stats);
    if (record) usageStats[id] = readUsageStats(record);
  }
  return {
    files,
    profilesExists,
    split: stateDoc !== undefined,
    sqliteExists,
    profilesDoc,
    ...(stateDoc ? { stateDoc } : {}),
    profiles,
    order,
    lastGood,
    usageStats,
  };
}

function readUsageStats(record: JsonObject): UsageStats {
  const num = (key: string) => (typeof record[key] === 'number' && Number.isFinite(record[key]) ? (record[key] as number) : undefined);
  const stats: UsageStats = {};
  for (const key of ['lastUsed', 'cooldownUntil', 'disabledUntil', 'errorCount', 'lastFailureAt'] as const) {
    const value = num(key);
    if (value !== undefined) stats[key] = value;
  }
  if (typeof record.disabledReason === 'string') stats.disabledReason = record.disabledReason;
  return stats;
}

/**
 * Edits the raw documents of one agent's store. Order, lastGood and usageStats go to the state
 * file in the split layout; everything authdeck does not touch stays as it was.
 */
export class AuthStoreTransaction {
  constructor(private readonly snapshot: AuthStoreSnapshot) {}

  get current(): AuthStoreSnapshot {
    return this.snapshot;
  }

  getProfile(id: string): JsonObject | undefined {
    return asRecord(asRecord(this.snapshot.profilesDoc.profiles)?.[id]);
  }

  putProfile(id: string, entry: JsonObject): void {
    this.profilesSection()[id] = entry;
  }

  /** Removes the profile and every reference to it (order, lastGood, usageStats) in both files. */
  deleteProfile(id: string): boolean {
    const profiles = this.profilesSection();
    if (!(id in profiles)) return false;
    delete profiles[id];
    for (const doc of this.docs()) {
      const order = asRecord(doc.order);
      for (const [provider, ids] of Object.entries(order ?? {})) {
        if (!Array.isArray(ids) || !ids.includes(id)) continue;
        const rest = ids.filter((entry) => entry !== id);
        // An empty explicit order would block the provider for the gateway, so drop the key.
        if (rest.length === 0) delete order![provider];
        else order![provider] = rest;
      }
      const lastGood = asRecord(doc.lastGood);
      for (const [provider, value] of Object.entries(lastGood ?? {})) if (value === id) delete lastGood![provider];
      const usage = asRecord(doc.usageStats);
      if (usage && id in usage) delete usage[id];
    }
    return true;
  }

  /** Sets the agent's order override for a provider; `undefined` clears it. */
  setOrder(provider: string, ids: string[] | undefined): void {
    const order = this.stateSection('order');
    if (ids === undefined) delete order[provider];
    else order[provider] = [...ids];
  }

  /** Edits one profile's usage stats record in place (created when missing). */
  updateUsage(id: string, edit: (stats: JsonObject) => void): void {
    const existing = asRecord(this.snapshot.stateDoc?.usageStats) ?? asRecord(this.snapshot.profilesDoc.usageStats);
    if (!existing?.[id]) {
      // Nothing recorded yet: only create the section if the edit leaves something to record.
      const probe: JsonObject = {};
      edit(probe);
      if (Object.keys(probe).length === 0) return;
    }
    const usage = this.stateSection('usageStats');
    const stats = asRecord(usage[id]) ?? {};
    edit(stats);
    if (Object.keys(stats).length === 0) delete usage[id];
    else usage[id] = stats;
  }

  private profilesSection(): JsonObject {
    const doc = this.snapshot.profilesDoc;
    if (!asRecord(doc.profiles)) doc.profiles = {};
    if (doc.version === undefined) doc.version = 1;
    return doc.profiles as JsonObject;
  }

  private stateSection(key: StateKey): JsonObject {
    const { profilesDoc, stateDoc } = this.snapshot;
    const target = stateDoc ?? profilesDoc;
    if (!asRecord(target[key])) {
      // First write of this key to the state file: it would shadow the profiles file's copy
      // entirely, so start from that copy.
      const seed = stateDoc ? asRecord(profilesDoc[key]) : undefined;
      target[key] = seed ? structuredClone(seed) : {};
    }
    return target[key] as JsonObject;
  }

  private docs(): JsonObject[] {
    return this.snapshot.stateDoc ? [this.snapshot.profilesDoc, this.snapshot.stateDoc] : [this.snapshot.profilesDoc];
  }
}

export interface StoreUpdate<T> {
  result: T;
  changed: boolean;
  snapshot: AuthStoreSnapshot;
}

/**
 * Read-modify-write under the lock shared with the gateway: the store is re-read inside the
 * lock, so a write made by anyone since the caller last looked is kept.
 */
export async function updateAuthStore<T>(
  agentDir: string,
  edit: (tx: AuthStoreTransaction) => T | Promise<T>,
  lockOptions?: LockOptions,
): Promise<StoreUpdate<T>> {
  const files = authStoreFiles(agentDir);
  return withFileLock(
    files.profilesPath,
    async () => {
      const before = await readAuthStore(agentDir);
      const profilesBefore = formatJsonDocument(before.profilesDoc);
      const stateBefore = before.stateDoc ? formatJsonDocument(before.stateDoc) : undefined;
      const result = await edit(new AuthStoreTransaction(before));
      const profilesAfter = formatJsonDocument(before.profilesDoc);
      const stateAfter = before.stateDoc ? formatJsonDocument(before.stateDoc) : undefined;
      let changed = false;
      if (profilesAfter !== profilesBefore) {
        await writeFileAtomic(files.profilesPath, profilesAfter);
        changed = true;
      }
      if (stateAfter !== undefined && stateAfter !== stateBefore) {
        await writeFileAtomic(files.statePath, stateAfter);
        changed = true;
      }
      const snapshot = buildSnapshot(
        files,
        before.profilesDoc,
        before.stateDoc,
        before.profilesExists || changed,
        before.sqliteExists,
      );
      return { result, changed, snapshot };
    },
    lockOptions,
  );
}
