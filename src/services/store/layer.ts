import { AuthdeckError } from '../errors.js';
import type { LockOptions } from '../files/lock.js';
import type { AuthStoreSnapshot } from './documents.js';
import type { StoreEdit, StoreUpdate } from './transaction.js';

/**
 * How a layer relates to the agent: `local` is its own store (or its local overrides),
 * `shared` the store every agent reads (SQLite era 2026.8.1+), `inherited` the main agent's
 * store under a non-main agent (JSON era and 2026.6.5–2026.7).
 */
export type LayerRole = 'local' | 'shared' | 'inherited';

export interface LayerWriteOptions {
  lock?: LockOptions;
  now?: () => number;
  /** The caller already holds the layer's lock (it wrote the config meanwhile). */
  lockHeld?: boolean;
}

/**
 * One place OpenClaw keeps the two auth documents for an agent — JSON files, an agent database,
 * the shared state database — behind one small interface, as OpenClaw keeps its own backends.
 * Which class serves a layer is decided once, when the agent's store is opened; nothing else
 * needs to know.
 */
export interface StoreLayer {
  readonly role: LayerRole;
  /** The file that holds it, as messages and `status` name it. */
  readonly path: string;
  /** The database (or file) exists; a write to a missing database needs OpenClaw to create it. */
  readonly present: boolean;
  /** Why a write here is refused (a newer schema, a foreign owner), when it is. */
  readonly writeRefusal?: string;
  /** json, agent-db or state-db: only for `status --json`, which reports it. */
  readonly backend: 'json' | 'agent-db' | 'state-db';
  /** Every file it keeps (for permissions); files with a lock of the gateway's protocol are `lockedFiles`. */
  readonly files: readonly string[];
  readonly lockedFiles: readonly string[];
  read(): Promise<AuthStoreSnapshot>;
  /** Read-modify-write: under the file lock, or in one immediate transaction. */
  update<T>(edit: StoreEdit<T>, options?: LayerWriteOptions): Promise<StoreUpdate<T>>;
  /** Why a write would be refused before it starts (a missing database, a schema not to write). */
  writeProblem(): AuthdeckError | undefined;
  /**
   * Runs `work` holding the layer's file lock where it has one, so a save can write the config
   * meanwhile and a store that stays locked stops it before anything is written. (A SQLite
   * write lock is never held across the config write: the gateway would wait on it.)
   */
  withLock<T>(lock: LockOptions, work: (held: boolean) => Promise<T>): Promise<T>;
  /** Waits while a live writer holds it (readers that must not act on a store being changed). */
  waitUntilUnlocked(lock?: LockOptions): Promise<void>;
  /** The file an order or usage write lands in, given what was read. */
  stateFile(snapshot: AuthStoreSnapshot): string;
}

/**
 * The SQLite database a write should go to does not exist yet. authdeck never creates
 * OpenClaw's databases (a hand-made one breaks OpenClaw's migrations): OpenClaw must make it.
 */
export class StoreMissingError extends AuthdeckError {
  constructor(
    readonly layer: StoreLayer,
    /** How it is not there, when not "does not exist yet". */
    state = 'does not exist yet',
  ) {
    super(`${layer.path} ${state}, and only OpenClaw may create it`);
    this.name = 'StoreMissingError';
  }
}
