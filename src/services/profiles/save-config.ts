import { chmod, rm } from 'node:fs/promises';
import type { ConfigProfileEntry, ConfigRecordResult, KeepTried } from '../config/config-edit.js';
import { listKnownAgentIds, resolveWorkspace } from '../config/workspace.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { readTextIfExists } from '../files/fs-read.js';
import { type LockOptions, withFileLock } from '../files/lock.js';
import { resolveAuthProvider } from '../providers/catalog.js';
import { type AgentStore, openAgentStore } from '../store/agent-store.js';
import type { AuthStoreSnapshot } from '../store/documents.js';
import { referenceChanges } from './config-references.js';
import { describeProfile, isKnownCredentialType, storedProfileType } from './credential-view.js';

/**
 * The provider's stored profiles, as config entries (KeepTried): this agent's, and — the config
 * being one for every agent — the other agents' too when the config lists none of them yet.
 */
export async function otherProfilesOf(store: AgentStore, provider: string, profileId: string): Promise<KeepTried> {
  const isProvider = (other: string) => resolveAuthProvider(other) === resolveAuthProvider(provider);
  const stored = new Map<string, ConfigProfileEntry>();
  const gather = (snapshot: AuthStoreSnapshot | undefined) => {
    for (const [id, entry] of Object.entries(snapshot?.profiles ?? {})) {
      const mode = storedProfileType(entry);
      const served = describeProfile(id, entry, {}).provider;
      // Spelled as stored, as OpenClaw's own entries are.
      const spelled = typeof entry.provider === 'string' ? entry.provider : served;
      if (!stored.has(id) && isKnownCredentialType(mode) && isProvider(served))
        stored.set(id, { id, provider: spelled, mode });
    }
  };
  const { own, base } = await store.read();
  gather(own);
  gather(base);
  const { workspace } = store;
  const listed = Object.entries(workspace.config.authProfiles).filter(([, entry]) => isProvider(entry.provider));
  if (!listed.some(([id]) => stored.has(id)))
    for (const agentId of listKnownAgentIds(workspace.config, workspace.stateDir)) {
      if (agentId === workspace.agentId) continue;
      try {
        const other = await resolveWorkspace({ env: workspace.env, stateDir: workspace.stateDir, agent: agentId });
        const read = await (await openAgentStore(other)).read();
        gather(read.own);
        gather(read.base);
      } catch {
        // An agent whose store cannot be read adds nothing.
      }
    }
  return {
    profiles: [...stored.values()].filter((entry) => entry.id !== profileId),
    isProvider,
    storedIds: new Set(stored.keys()),
  };
}

/**
 * Takes back what a failed save wrote to the config: the file as it was, byte for byte, when
 * nothing else changed it meanwhile (else the entries it added: the profile's and those listed
 * with it); false when that could not be done.
 */
export async function forgetAddedEntry(
  configPath: string,
  profileId: string,
  config: ConfigRecordResult,
  lock: LockOptions,
): Promise<'restored' | 'removed' | false> {
  try {
    const { undo } = config;
    if (undo) {
      const restored = await withFileLock(
        configPath,
        async () => {
          if ((await readTextIfExists(configPath)) !== undo.after) return false;
          if (undo.before === undefined) await rm(configPath);
          else {
            await writeFileAtomic(configPath, undo.before);
            if (undo.mode !== undefined) await chmod(configPath, undo.mode & 0o7777);
          }
          // The backup of the file as it is again says nothing more.
          if (config.backupPath) await rm(config.backupPath, { force: true });
          return true;
        },
        lock,
      );
      if (restored) return 'restored';
    }
    const { changeConfig } = await import('../config/config-changes.js');
    const ids = [...(config.addedEntry ? [profileId] : []), ...(config.alsoListed ?? [])];
    if (ids.length === 0) return false;
    const result = await changeConfig(
      configPath,
      (doc) => ids.flatMap((id) => referenceChanges(doc, id).filter((change) => change.path[1] === 'profiles')),
      lock,
    );
    return result.changed ? 'removed' : false;
  } catch {
    return false;
  }
}
