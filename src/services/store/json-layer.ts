import { join } from 'node:path';
import { AUTH_PROFILES_FILE, AUTH_STATE_FILE } from '../config/paths.js';
import { UnreadableStateError } from '../errors.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { readTextIfExists } from '../files/fs-read.js';
import { type LockOptions, waitUntilUnlocked, withFileLock } from '../files/lock.js';
import { formatJsonDocument, parseJsonDocument, parseJsonForRewrite } from '../json-text.js';
import {
  type AuthStoreSnapshot,
  buildSnapshot,
  checkStoreDoc,
  emptyProfilesDoc,
  type JsonObject,
  newerDocVersion,
  type StoreLocation,
} from './documents.js';
import type { LayerRole, LayerWriteOptions, StoreLayer } from './layer.js';
import { AuthStoreTransaction, type StoreEdit, type StoreUpdate } from './transaction.js';

export type { AuthStoreSnapshot, JsonObject, UsageStats } from './documents.js';
export { STATE_KEYS } from './documents.js';
export type { StoreUpdate } from './transaction.js';
export { AuthStoreTransaction } from './transaction.js';

/** The JSON era's files (OpenClaw ≤ 2026.6.1): auth-profiles.json, and auth-state.json when split. */
export type JsonStoreLocation = Extract<StoreLocation, { backend: 'json' }>;

export function jsonStoreLocation(agentDir: string): JsonStoreLocation {
  return {
    backend: 'json',
    agentDir,
    profilesPath: join(agentDir, AUTH_PROFILES_FILE),
    statePath: join(agentDir, AUTH_STATE_FILE),
  };
}

/** Reads the JSON files; `forRewrite` keeps every number exactly, for a write that follows. */
export async function readAuthStore(
  agentDir: string,
  options: { forRewrite?: boolean } = {},
): Promise<AuthStoreSnapshot> {
  const location = jsonStoreLocation(agentDir);
  const [profilesText, stateText] = await Promise.all([
    readTextIfExists(location.profilesPath),
    readTextIfExists(location.statePath),
  ]);
  const parse = (path: string, text: string) => parseStoreFile(path, text, options.forRewrite === true);
  const profilesDoc =
    profilesText === undefined ? emptyProfilesDoc() : await parse(location.profilesPath, profilesText);
  const stateDoc = stateText === undefined ? undefined : await parse(location.statePath, stateText);
  return buildSnapshot(location, profilesDoc, stateDoc, profilesText !== undefined);
}

async function parseStoreFile(path: string, text: string, forRewrite: boolean): Promise<JsonObject> {
  const doc = await parseJsonDocument(text, path);
  return checkStoreDoc(forRewrite ? parseJsonForRewrite(text, path) : doc, path, path);
}

/**
 * Read-modify-write under the lock shared with the gateway: the store is re-read inside the
 * lock, so a write made by anyone since the caller last looked is kept.
 */
export async function updateAuthStore<T>(
  agentDir: string,
  edit: StoreEdit<T>,
  lockOptions?: LockOptions,
  lockHeld = false,
): Promise<StoreUpdate<T>> {
  const location = jsonStoreLocation(agentDir);
  const locked = lockHeld ? <R>(_path: string, work: () => Promise<R>) => work() : withFileLock;
  return locked(
    location.profilesPath,
    async () => {
      const before = await readAuthStore(agentDir, { forRewrite: true });
      for (const [doc, path] of [
        [before.profilesDoc, location.profilesPath],
        [before.stateDoc, location.statePath],
      ] as const) {
        const newer = doc && newerDocVersion(doc, path);
        if (newer) throw new UnreadableStateError(newer, path);
      }
      const profilesBefore = formatJsonDocument(before.profilesDoc, location.profilesPath);
      const stateBefore = before.stateDoc ? formatJsonDocument(before.stateDoc, location.statePath) : undefined;
      const result = edit(new AuthStoreTransaction(before));
      const profilesAfter = formatJsonDocument(before.profilesDoc, location.profilesPath);
      const stateAfter = before.stateDoc ? formatJsonDocument(before.stateDoc, location.statePath) : undefined;
      let changed = false;
      // The state file first: an entry moved there from the credentials file (stateSection) is
      // then in both for a moment if the process dies between the two writes, never in neither.
      if (stateAfter !== undefined && stateAfter !== stateBefore) {
        await writeFileAtomic(location.statePath, stateAfter);
        changed = true;
      }
      if (profilesAfter !== profilesBefore) {
        await writeFileAtomic(location.profilesPath, profilesAfter);
        changed = true;
      }
      const snapshot = buildSnapshot(location, before.profilesDoc, before.stateDoc, before.exists || changed);
      return { result, changed, snapshot };
    },
    lockOptions,
  );
}

/** The JSON era's files as one layer: always there (an absent file reads as empty), locked by file. */
export class JsonLayer implements StoreLayer {
  readonly backend = 'json';
  readonly present = true;
  readonly path: string;
  readonly files: readonly string[];
  readonly lockedFiles: readonly string[];
  private readonly location: JsonStoreLocation;

  constructor(
    readonly role: LayerRole,
    readonly agentDir: string,
  ) {
    this.location = jsonStoreLocation(agentDir);
    this.path = this.location.profilesPath;
    this.files = [this.location.profilesPath, this.location.statePath];
    this.lockedFiles = this.files;
  }

  read(): Promise<AuthStoreSnapshot> {
    return readAuthStore(this.agentDir);
  }

  update<T>(edit: StoreEdit<T>, options: LayerWriteOptions = {}): Promise<StoreUpdate<T>> {
    return updateAuthStore(this.agentDir, edit, options.lock, options.lockHeld === true);
  }

  writeProblem(): undefined {
    return undefined;
  }

  withLock<T>(lock: LockOptions, work: (held: boolean) => Promise<T>): Promise<T> {
    return withFileLock(this.location.profilesPath, () => work(true), lock);
  }

  waitUntilUnlocked(lock?: LockOptions): Promise<void> {
    return waitUntilUnlocked(this.location.profilesPath, lock);
  }

  stateFile(snapshot: AuthStoreSnapshot): string {
    return snapshot.split ? this.location.statePath : this.location.profilesPath;
  }
}
