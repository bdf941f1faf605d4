import { AuthdeckError, UnreadableStateError } from '../errors.js';
import { asRecord, idMap, ownValue } from '../json-text.js';
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
function readOrder(profilesDoc: JsonObject, stateDoc: JsonObject | undefined): Record<string, string[]> {
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

/** OpenClaw marks an OAuth profile whose refresh is in flight with inert fence values. */
export const OAUTH_REFRESH_FENCE_PREFIX = 'openclaw-oauth-refresh-fence:';

export function isFencedProfile(entry: JsonObject | undefined): boolean {
  if (!entry) return false;
  return [entry.access, entry.refresh].some(
    (value) => typeof value === 'string' && value.startsWith(OAUTH_REFRESH_FENCE_PREFIX),
  );
}

/** Assigns an own property even for the key "__proto__" (a plain assignment would set the prototype). */
function setOwn(record: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}

export class FencedProfileError extends AuthdeckError {
  constructor(
    readonly profileId: string,
    readonly path: string,
  ) {
    super(
      `${profileId} is being refreshed by the gateway right now (its OAuth tokens in ${path} are fenced); not changing it — try again in a moment`,
    );
    this.name = 'FencedProfileError';
  }
}

/**
 * Edits the raw documents of one layer. Order, lastGood and usageStats go to the state
 * document when there is one; everything authdeck does not touch stays as it was. A profile
 * the gateway is refreshing (fenced) is never changed.
 */
export class AuthStoreTransaction {
  constructor(private readonly snapshot: AuthStoreSnapshot) {}

  get current(): AuthStoreSnapshot {
    return this.snapshot;
  }

  getProfile(id: string): JsonObject | undefined {
    return asRecord(ownValue(asRecord(this.snapshot.profilesDoc.profiles), id));
  }

  putProfile(id: string, entry: JsonObject): void {
    this.refuseFenced(id);
    setOwn(this.profilesSection(), id, entry);
  }

  /** Removes the profile and every reference to it (order, lastGood, usageStats) in both documents. */
  deleteProfile(id: string): boolean {
    const profiles = this.profilesSection();
    if (!Object.hasOwn(profiles, id)) return false;
    this.refuseFenced(id);
    delete profiles[id];
    this.forgetReferences(id);
    return true;
  }

  /** Drops every mention of a profile (order, lastGood, usageStats): it is gone from a layer below. */
  forgetReferences(id: string): void {
    for (const doc of this.docs()) {
      // Split, an entry of the state file hides the credentials file's: one changed here must
      // not uncover the hidden copy (an order nobody saw in force), so stateSection drops it.
      const inState = doc === this.snapshot.stateDoc;
      const order = asRecord(doc.order);
      for (const [provider, ids] of Object.entries(order ?? {})) {
        if (!Array.isArray(ids) || !ids.includes(id)) continue;
        if (inState) this.stateSection('order', provider);
        const rest = ids.filter((entry) => entry !== id);
        // OpenClaw ignores an empty list; drop the key so the file says what the gateway does.
        if (rest.length === 0) delete order![provider];
        else order![provider] = rest;
      }
      const lastGood = asRecord(doc.lastGood);
      for (const [provider, value] of Object.entries(lastGood ?? {})) {
        if (value !== id) continue;
        if (inState) this.stateSection('lastGood', provider);
        delete lastGood![provider];
      }
      const usage = asRecord(doc.usageStats);
      if (usage && Object.hasOwn(usage, id)) delete usage[id];
    }
  }

  /** Sets the layer's order for a provider; `undefined` clears it. */
  setOrder(provider: string, ids: string[] | undefined): void {
    const order = this.stateSection('order', provider);
    if (ids === undefined) delete order[provider];
    else setOwn(order, provider, [...ids]);
  }

  /**
   * Sets (or with `undefined` clears) a provider's order under `provider`, and drops the other
   * keys `sameProvider` says name it too (`Anthropic` for `anthropic`): one list per provider.
   */
  replaceOrder(provider: string, ids: string[] | undefined, sameProvider: (key: string) => boolean): void {
    for (const doc of this.docs()) {
      const order = asRecord(doc.order);
      for (const key of Object.keys(order ?? {})) if (key !== provider && sameProvider(key)) delete order![key];
    }
    this.setOrder(provider, ids);
  }

  /**
   * A new profile joins the end of this layer's explicit order for its provider, if there is
   * one (OpenClaw's own login does the same to `auth.order`): otherwise it would never be tried.
   */
  appendToOrder(provider: string, id: string): boolean {
    // The documents as this update has left them, not as they were read: several profiles
    // joining one order in one update (migrate) each join the list the one before left.
    const ids = ownValue(readOrder(this.snapshot.profilesDoc, this.snapshot.stateDoc), provider);
    if (!Array.isArray(ids) || ids.length === 0 || ids.includes(id)) return false;
    this.setOrder(provider, [...ids, id]);
    return true;
  }

  /** Edits one profile's usage stats record in place (created when missing). */
  updateUsage(id: string, edit: (stats: JsonObject) => void): void {
    const recorded = this.docs().some((doc) => ownValue(asRecord(doc.usageStats), id) !== undefined);
    if (!recorded) {
      // Nothing recorded yet: only create the section if the edit leaves something to record.
      const probe: JsonObject = {};
      edit(probe);
      if (Object.keys(probe).length === 0) return;
    }
    const usage = this.stateSection('usageStats', id);
    const stats = asRecord(ownValue(usage, id)) ?? {};
    edit(stats);
    if (Object.keys(stats).length === 0) delete usage[id];
    else setOwn(usage, id, stats);
  }

  /** Sets one entry of a state section (order, lastGood, usageStats) to a value kept as it was. */
  setStateEntry(key: StateKey, entry: string, value: unknown): void {
    setOwn(this.stateSection(key, entry), entry, value);
  }

  private refuseFenced(id: string): void {
    if (isFencedProfile(this.getProfile(id))) throw new FencedProfileError(id, locationPath(this.snapshot.location));
  }

  private profilesSection(): JsonObject {
    const doc = this.snapshot.profilesDoc;
    if (!asRecord(doc.profiles)) doc.profiles = {};
    if (doc.version === undefined) doc.version = 1;
    return doc.profiles as JsonObject;
  }

  /**
   * The section where `entry` of a state key is written: the state document's when the layer is
   * split. Its copy in the credentials document goes there too, as OpenClaw's own save moves it:
   * the two are merged entry by entry on reading, so a copy left behind would still count.
   */
  private stateSection(key: StateKey, entry: string): JsonObject {
    const { profilesDoc, stateDoc } = this.snapshot;
    const target = stateDoc ?? profilesDoc;
    if (!asRecord(target[key])) target[key] = {};
    const section = target[key] as JsonObject;
    const left = stateDoc ? asRecord(profilesDoc[key]) : undefined;
    if (left && Object.hasOwn(left, entry)) {
      if (!Object.hasOwn(section, entry)) setOwn(section, entry, left[entry]);
      delete left[entry];
    }
    return section;
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

/** An edit of one layer; synchronous, because a SQLite write transaction must not wait. */
export type StoreEdit<T> = (tx: AuthStoreTransaction) => T;
