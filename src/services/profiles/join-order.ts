import type { Workspace } from '../config/workspace.js';
import { workspaceFlags } from '../invocation.js';
import { shellWord } from '../shell-word.js';
import type { AgentStore, StoreLayer } from '../store/agent-store.js';

/**
 * The order that decides for this agent may live in another layer than the new profile (the
 * agent's own database in the shared era, the main agent's store): join the agent's own; for
 * an inherited one, say what keeps the profile from being tried and how to fix it.
 */
export async function joinOtherOrders(
  workspace: Workspace,
  store: AgentStore,
  target: StoreLayer,
  provider: string,
  profileId: string,
  replaced: boolean,
  appendedTo: string[],
): Promise<string | undefined> {
  if (replaced) return undefined;
  const joined = await joinOtherOrdersAll(workspace, store, target, [{ provider, profileId }]);
  if (joined.appendedTo) appendedTo.push(joined.appendedTo);
  return joined.notes[0];
}

/**
 * The same for many new profiles at once (a migration): one write of the agent's own layer for
 * them all. Says which joined the agent's own order, and what keeps the others from being tried.
 */
export async function joinOtherOrdersAll(
  workspace: Workspace,
  store: AgentStore,
  target: StoreLayer,
  profiles: ReadonlyArray<{ provider: string; profileId: string }>,
): Promise<{ joined: string[]; appendedTo?: string; notes: string[] }> {
  const { own, base } = store.layers;
  const joined: string[] = [];
  let ownOrder: Record<string, string[]> = {};
  if (target !== own && own.present && !own.writeRefusal) {
    const update = await own.update((tx) => {
      for (const { provider, profileId } of profiles) if (tx.appendToOrder(provider, profileId)) joined.push(profileId);
      return joined.length > 0;
    });
    ownOrder = (await own.read()).order;
    if (update.result && joined.length === profiles.length) return { joined, appendedTo: own.path, notes: [] };
  } else if (own.present) ownOrder = (await own.read()).order;
  const notes: string[] = [];
  const inheritedOrders = base?.role === 'inherited' && base.present ? (await base.read()).order : {};
  const inOwnOrder = new Set(joined);
  for (const { provider, profileId } of profiles) {
    if (inOwnOrder.has(profileId) || ownOrder[provider] || base?.role !== 'inherited') continue;
    const inherited = inheritedOrders[provider];
    if (!inherited || inherited.includes(profileId)) continue;
    notes.push(
      `the main agent's ${provider} order (${inherited.join(', ')}) decides for this agent and leaves ${profileId} out: \`authdeck order set --provider ${[provider, ...inherited, profileId, ...workspaceFlags(workspace)].map(shellWord).join(' ')}\` gives this agent its own order with it`,
    );
  }
  return { joined, ...(joined.length > 0 ? { appendedTo: own.path } : {}), notes };
}
