import { randomUUID } from 'node:crypto';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { recordProfilesInConfig } from '../config/config-edit.js';
import { refuseDuplicatesOnSetupPaths } from '../config/duplicate-keys.js';
import { AUTH_PROFILES_FILE, AUTH_STATE_FILE } from '../config/paths.js';
import { AuthdeckError } from '../errors.js';
import { refuseReadOnly } from '../files/atomic-write.js';
import { pathExists, readTextIfExists } from '../files/fs-read.js';
import { withFileLock } from '../files/lock.js';
import { asRecord } from '../json-text.js';
import { isReservedId } from '../providers.js';
import type { AgentStore, StoreLayer } from '../store/agent-store.js';
import { readJsonFiles } from '../store/agent-store.js';
import { type AuthStoreSnapshot, type JsonObject, STATE_KEYS, type StateKey } from '../store/documents.js';
import type { AuthStoreTransaction } from '../store/transaction.js';
import { legacyAuthFileCandidates } from './agent-state.js';
import { describeProfile, isKnownCredentialType, storedProfileType } from './credential-view.js';
import { maskSecret } from './credentials.js';
import { joinOtherOrdersAll } from './join-order.js';

/**
 * What `openclaw doctor --fix` would do with one JSON profile: import it (`new`), nothing
 * (`same`), or keep the stored one and drop the JSON one (`differs`) — it never overwrites a
 * stored credential, so a token renewed in the JSON file is silently lost. `unsupported`: a type
 * OpenClaw does not store, or an id no object can hold, which its doctor drops: written, it would
 * make openclaw.json invalid (its auth.profiles mode) and OpenClaw would refuse to start.
 */
export type MigrationVerdict = 'new' | 'same' | 'newer-in-json' | 'older-in-json' | 'differs' | 'unsupported';

export interface MigrationEntry {
  id: string;
  provider: string;
  type: string;
  verdict: MigrationVerdict;
  jsonMasked: string | null;
  storedMasked: string | null;
  jsonExpiresAt: number | null;
  storedExpiresAt: number | null;
}

export interface MigrationPlan {
  /** OpenClaw here still reads the JSON files: there is nothing to migrate. */
  readsJsonFiles: boolean;
  /** The generation as detected, for `--json`. */
  storeGeneration: string;
  /** The JSON files of this agent that OpenClaw no longer reads. */
  profilesFile?: string;
  stateFile?: string;
  /** Legacy files authdeck leaves to `openclaw doctor --fix` (auth.json, credentials/oauth.json, other agents'). */
  otherFiles: string[];
  target: { path: string; role: StoreLayer['role']; exists: boolean };
  entries: MigrationEntry[];
}

function secretOf(entry: JsonObject): string | undefined {
  const view = describeProfile('x:x', entry, {});
  return view.secret;
}

function expiresOf(entry: JsonObject): number | null {
  return typeof entry.expires === 'number' ? entry.expires : null;
}

function verdictFor(id: string, json: JsonObject, stored: JsonObject | undefined): MigrationVerdict {
  if (!isKnownCredentialType(storedProfileType(json)) || isReservedId(id)) return 'unsupported';
  if (!stored) return 'new';
  if (
    storedProfileType(json) === storedProfileType(stored) &&
    secretOf(json) === secretOf(stored) &&
    expiresOf(json) === expiresOf(stored)
  )
    return 'same';
  const [jsonExpires, storedExpires] = [expiresOf(json), expiresOf(stored)];
  if (jsonExpires !== null && storedExpires !== null && jsonExpires !== storedExpires)
    return jsonExpires > storedExpires ? 'newer-in-json' : 'older-in-json';
  return 'differs';
}

/** Compares the agent's JSON store with the SQLite store OpenClaw now reads. Changes nothing. */
export async function planMigration(store: AgentStore): Promise<MigrationPlan> {
  const { workspace } = store;
  const profilesFile = join(workspace.agentDir, AUTH_PROFILES_FILE);
  const stateFile = join(workspace.agentDir, AUTH_STATE_FILE);
  const [hasProfiles, hasState] = await Promise.all([pathExists(profilesFile), pathExists(stateFile)]);
  const otherFiles: string[] = [];
  for (const path of legacyAuthFileCandidates(workspace))
    if (path !== profilesFile && path !== stateFile && (await pathExists(path))) otherFiles.push(path);
  const storeGeneration = store.generation.id;
  if (store.readsJsonFiles) {
    return {
      readsJsonFiles: true,
      storeGeneration,
      otherFiles,
      target: { path: profilesFile, role: 'local', exists: hasProfiles },
      entries: [],
    };
  }
  const json = hasProfiles || hasState ? await readJsonFiles(workspace.agentDir) : undefined;
  const target = store.migrationLayer;
  const stored = target.present ? await target.read() : undefined;
  const entries: MigrationEntry[] = Object.entries(json?.profiles ?? {}).map(([id, entry]) => {
    const existing = stored?.profiles[id];
    const view = describeProfile(id, entry, {});
    const storedSecret = existing ? secretOf(existing) : undefined;
    return {
      id,
      provider: view.provider,
      type: view.type,
      verdict: verdictFor(id, entry, existing),
      jsonMasked: view.secret ? maskSecret(view.secret) : null,
      storedMasked: storedSecret ? maskSecret(storedSecret) : null,
      jsonExpiresAt: expiresOf(entry),
      storedExpiresAt: existing ? expiresOf(existing) : null,
    };
  });
  return {
    readsJsonFiles: false,
    storeGeneration,
    ...(hasProfiles ? { profilesFile } : {}),
    ...(hasState ? { stateFile } : {}),
    otherFiles,
    target: { path: target.path, role: target.role, exists: target.present },
    entries,
  };
}

export interface MigrationResult {
  written: string[];
  /** New profiles added at the end of their provider's explicit order (else the gateway never tries them). */
  joinedOrder: string[];
  kept: string[];
  /** Not credentials OpenClaw stores (`unsupported`): left in the archived JSON file, as doctor leaves them. */
  dropped: string[];
  archived: Array<{ from: string; to: string }>;
  /** openclaw.json used JSON5-only syntax: recording the profiles spelled it as JSON; the original. */
  configBackupPath?: string;
  /** What still keeps a new profile from being tried (an order this agent inherits), with the fix. */
  notes: string[];
}

/** The name OpenClaw's doctor gives a JSON file it has imported. */
export function migratedName(path: string, date = new Date()): string {
  return `${path}.migrated-${date.toISOString().replaceAll(':', '-')}-${randomUUID()}`;
}

/**
 * Writes into SQLite what doctor would import and, unlike doctor, the JSON profiles that are
 * newer than the stored ones (or all differing ones with `preferJson`), then archives the JSON
 * files the way doctor does (renamed, never deleted). The store must exist: authdeck creates
 * none of OpenClaw's databases.
 */
export async function applyMigration(
  store: AgentStore,
  options: { preferJson?: boolean } = {},
): Promise<MigrationResult> {
  const { workspace } = store;
  const before = await planMigration(store);
  if (before.readsJsonFiles) throw new AuthdeckError('this agent uses the JSON store: there is nothing to migrate');
  if (!before.profilesFile && !before.stateFile)
    throw new AuthdeckError(
      `no ${AUTH_PROFILES_FILE} or ${AUTH_STATE_FILE} in ${workspace.agentDir}: nothing to migrate`,
    );
  if (!before.target.exists) {
    throw new AuthdeckError(
      `${before.target.path} does not exist yet; run \`openclaw doctor --fix\`, which creates it and imports every profile (nothing is stored there to conflict)`,
    );
  }
  // Each profile written is then recorded in openclaw.json: one the person protected stops the
  // migration here, before anything is written or archived (as a save refuses it first).
  await refuseReadOnly(workspace.configPath);
  // A key written twice under `auth` would stop that after the store is written and the JSON
  // archived: it stops the migration here instead.
  const configText = await readTextIfExists(workspace.configPath);
  if (configText !== undefined) await refuseDuplicatesOnSetupPaths(configText, workspace.configPath, [['auth']]);
  const target = store.migrationLayer;
  const take = (verdict: MigrationVerdict) =>
    verdict === 'new' ||
    verdict === 'newer-in-json' ||
    (options.preferJson === true && (verdict === 'differs' || verdict === 'older-in-json'));
  const result: MigrationResult = { written: [], joinedOrder: [], kept: [], dropped: [], archived: [], notes: [] };
  const toRecord: Array<{ id: string; provider: string; mode: string; fresh: boolean }> = [];
  // The JSON files stay locked until they are archived: nothing writes them meanwhile.
  await withFileLock(join(workspace.agentDir, AUTH_PROFILES_FILE), async () => {
    // Read twice: as values (to compare) and as written (every number exactly as it is).
    const json = await readJsonFiles(workspace.agentDir);
    const exact = await readJsonFiles(workspace.agentDir, { forRewrite: true });
    await target.update((tx) => {
      for (const [id, entry] of Object.entries(json.profiles)) {
        const existing = tx.getProfile(id);
        const verdict = verdictFor(id, entry, existing);
        if (verdict === 'unsupported') result.dropped.push(id);
        else if (take(verdict)) {
          tx.putProfile(id, exact.profiles[id] ?? entry);
          result.written.push(id);
          const { provider } = describeProfile(id, entry, {});
          // As a save does: an explicit order that leaves a new profile out means it is never tried.
          if (existing === undefined && tx.appendToOrder(provider, id)) result.joinedOrder.push(id);
          toRecord.push({ id, provider, mode: storedProfileType(entry), fresh: existing === undefined });
        } else result.kept.push(id);
      }
      importState(tx, exact);
    });
    for (const path of [before.profilesFile, before.stateFile]) {
      if (!path) continue;
      const to = migratedName(path);
      await rename(path, to);
      result.archived.push({ from: path, to });
    }
  });
  // One write for them all: a write each made thousands of profiles take minutes.
  const recorded = await recordProfilesInConfig(
    workspace.configPath,
    toRecord.map(({ fresh: _, ...profile }) => profile),
  );
  if (recorded.backupPath) result.configBackupPath = recorded.backupPath;
  // The order that decides may be the agent's own, in another database than the profiles.
  const fresh = toRecord.filter((profile) => profile.fresh).map(({ provider, id }) => ({ provider, profileId: id }));
  const joined = await joinOtherOrdersAll(workspace, store, target, fresh);
  const inOrder = new Set(result.joinedOrder);
  for (const id of joined.joined) if (!inOrder.has(id)) result.joinedOrder.push(id);
  result.notes.push(...joined.notes);
  return result;
}

/**
 * The JSON state OpenClaw's doctor imports too: each order, lastGood and usageStats entry the
 * SQLite state has none for (an entry already there wins), kept exactly as it was.
 */
function importState(tx: AuthStoreTransaction, json: AuthStoreSnapshot): void {
  const existing = tx.current.stateDoc ?? tx.current.profilesDoc;
  for (const key of STATE_KEYS) {
    const present = asRecord(existing[key]) ?? {};
    for (const [entry, value] of jsonStateEntries(json, key))
      if (!Object.hasOwn(present, entry)) tx.setStateEntry(key, entry, value);
  }
}

/**
 * A state key's entries as OpenClaw reads the JSON files (mergeAuthProfileState): those of
 * auth-profiles.json, each replaced by auth-state.json's where it has one (an empty order list
 * is no list, and replaces nothing).
 */
function jsonStateEntries(json: AuthStoreSnapshot, key: StateKey): Map<string, unknown> {
  const merged = new Map(Object.entries(asRecord(json.profilesDoc[key]) ?? {}));
  for (const [entry, value] of Object.entries(asRecord(json.stateDoc?.[key]) ?? {}))
    if (!(key === 'order' && Array.isArray(value) && value.length === 0)) merged.set(entry, value);
  return merged;
}
