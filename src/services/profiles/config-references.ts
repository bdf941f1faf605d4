import { type ConfigChange, changeConfig, rewrittenNote } from '../config/config-changes.js';
import { listKnownAgentIds, resolveWorkspace, type Workspace } from '../config/workspace.js';
import { asRecord } from '../json-text.js';
import { openAgentStore } from '../store/agent-store.js';

/** What a remove did to openclaw.json's mentions of the profile. */
export type ConfigReferences =
  | { status: 'none' }
  | { status: 'removed'; path: string; places: string[]; backupPath?: string }
  /** Another agent's store still holds the id, and the config's mentions speak for it too. */
  | { status: 'kept'; path: string; places: string[]; heldBy: string[] }
  /** The profile is gone from the store; the config could not be read or written. */
  | { status: 'failed'; path: string; reason: string };

/** The line a remove says under its own for the config's mentions it took out (`remove`, logout). */
export function removedMentionsLine(config: Extract<ConfigReferences, { status: 'removed' }>): string {
  return `  and its mentions in ${config.path}: ${config.places.join(', ')}${rewrittenNote(config)}`;
}

/**
 * The config's mentions of one profile id, as OpenClaw's `models auth logout` clears them:
 * its `auth.profiles` entry, its place in every `auth.order` list (a list left empty goes), and a
 * `models.providers.*.apiKey` that names it.
 */
export function referenceChanges(doc: Record<string, unknown>, profileId: string): ConfigChange[] {
  const changes: ConfigChange[] = [];
  const auth = asRecord(doc.auth);
  const profiles = asRecord(auth?.profiles);
  if (profiles && Object.hasOwn(profiles, profileId))
    changes.push({ path: ['auth', 'profiles', profileId], value: undefined });
  for (const [provider, list] of Object.entries(asRecord(auth?.order) ?? {})) {
    if (!Array.isArray(list) || !list.includes(profileId)) continue;
    const rest = list.filter((id) => id !== profileId);
    changes.push({ path: ['auth', 'order', provider], value: rest.length > 0 ? rest : undefined });
  }
  for (const [provider, entry] of Object.entries(asRecord(asRecord(doc.models)?.providers) ?? {})) {
    if (asRecord(entry)?.apiKey === profileId)
      changes.push({ path: ['models', 'providers', provider, 'apiKey'], value: undefined });
  }
  return changes;
}

/** Where a change lands, for a person: `auth.profiles["anthropic:work"]`, `auth.order.anthropic`. */
function placeOf(change: ConfigChange): string {
  const [head, ...rest] = change.path;
  return `${head}${rest.map((key) => (typeof key === 'string' && /^[A-Za-z_][\w-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`)).join('')}`;
}

/**
 * After a profile left the store: clears the config's mentions of it, unless an agent still
 * holds the same id (the config is shared by every agent, and its entry speaks for theirs too).
 * `heldHere`: the id is still in a layer this agent sees (the store underneath the one it left).
 */
export async function forgetInConfig(
  workspace: Workspace,
  profileId: string,
  heldHere: boolean,
): Promise<ConfigReferences> {
  const heldBy = heldHere ? [workspace.agentId] : await agentsHolding(workspace, profileId);
  let planned: ConfigChange[] = [];
  const result = await changeConfig(workspace.configPath, (doc) => {
    planned = referenceChanges(doc, profileId);
    return heldBy.length > 0 ? [] : planned;
  });
  const places = planned.map(placeOf);
  if (places.length === 0) return { status: 'none' };
  if (heldBy.length > 0) return { status: 'kept', path: workspace.configPath, places, heldBy };
  return {
    status: 'removed',
    path: result.files.join(', ') || workspace.configPath,
    places,
    ...(result.backupPath ? { backupPath: result.backupPath } : {}),
  };
}

/** Other agents whose store (their own, or the one they inherit) still holds the id. */
async function agentsHolding(workspace: Workspace, profileId: string): Promise<string[]> {
  const holders: string[] = [];
  for (const agentId of listKnownAgentIds(workspace.config, workspace.stateDir)) {
    if (agentId === workspace.agentId) continue;
    try {
      const other = await resolveWorkspace({ env: workspace.env, stateDir: workspace.stateDir, agent: agentId });
      const { own, base } = await (await openAgentStore(other)).read();
      if (Object.hasOwn(own.profiles, profileId) || (base && Object.hasOwn(base.profiles, profileId)))
        holders.push(agentId);
    } catch {
      // An agent whose store cannot be read is not counted as holding it.
    }
  }
  return holders;
}
