import { listKnownAgentIds, resolveWorkspace, type Workspace } from '../config/workspace.js';
import { asRecord } from '../json-text.js';
import type { AgentStore } from '../store/agent-store.js';
import { openAgentStore } from '../store/agent-store.js';
import type { AuthStoreTransaction } from '../store/transaction.js';

/** One place a copy can be (typed through the store: nothing here knows its backend). */
type StoreLayer = AgentStore['layers']['own'];

/**
 * The other copies of one sign-in: the same profile id holding the same refresh token in
 * another layer (an agent's own copy of a shared sign-in, the layer underneath, another agent's
 * copy). A provider takes a refresh token once, so refreshing one copy spends every other; they
 * get the new tokens with it (OpenClaw fences them in its own refresh, oauth-refresh-peers.ts).
 */
export async function findRefreshPeers(
  workspace: Workspace,
  store: AgentStore,
  refreshed: StoreLayer,
  profileId: string,
  refreshToken: string,
): Promise<StoreLayer[]> {
  const layers = new Map<string, StoreLayer>();
  const add = (layer: StoreLayer | undefined) => {
    if (layer?.present && layer.path !== refreshed.path && !layers.has(layer.path)) layers.set(layer.path, layer);
  };
  add(store.layers.own);
  add(store.layers.base);
  for (const agentId of listKnownAgentIds(workspace.config, workspace.stateDir)) {
    if (agentId === workspace.agentId) continue;
    try {
      const other = await resolveWorkspace({ env: workspace.env, stateDir: workspace.stateDir, agent: agentId });
      add((await openAgentStore(other, { filesOnly: true })).layers.own);
    } catch {
      // An agent whose store cannot be opened holds no copy this refresh could spend.
    }
  }
  const peers: StoreLayer[] = [];
  for (const layer of layers.values()) {
    try {
      const stored = asRecord((await layer.read()).profiles[profileId]);
      if (stored && (stored.type ?? stored.mode) === 'oauth' && stored.refresh === refreshToken) peers.push(layer);
    } catch {
      // Unreadable: not written either.
    }
  }
  return peers;
}

/**
 * Writes the refreshed tokens over one copy, only if it still holds the refresh token that was
 * spent (someone else may have refreshed it meanwhile: the lock guards gateways, not hand edits).
 * What the new tokens lack (an undefined account id) is kept from the copy.
 */
export function putRefreshedTokens(
  tx: AuthStoreTransaction,
  profileId: string,
  spentRefresh: string,
  tokens: Record<string, unknown>,
): boolean {
  const stored = asRecord(tx.getProfile(profileId));
  if (!stored || stored.refresh !== spentRefresh) return false;
  const next: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(tokens)) if (value !== undefined) next[key] = value;
  tx.putProfile(profileId, next);
  return true;
}

/** Gives each peer the refreshed tokens, where it still holds the spent refresh token. */
export async function updateRefreshPeers(
  peers: readonly StoreLayer[],
  profileId: string,
  spentRefresh: string,
  tokens: Record<string, unknown>,
): Promise<void> {
  for (const layer of peers) {
    try {
      await layer.update((tx) => putRefreshedTokens(tx, profileId, spentRefresh, tokens));
    } catch {
      // A peer that cannot be written keeps its spent token; the refreshed copy is saved.
    }
  }
}
