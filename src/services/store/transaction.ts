import { AuthdeckError } from '../errors.js';
import { asRecord, ownValue } from '../json-text.js';
import { type AuthStoreSnapshot, type JsonObject, locationPath, readOrder, type StateKey } from './documents.js';

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
