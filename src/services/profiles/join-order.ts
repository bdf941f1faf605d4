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
  const { own, base } = store.layers;
  if (target !== own && own.present && !own.writeRefusal) {
    const update = await own.update((tx) => tx.appendToOrder(provider, profileId));
    if (update.result) appendedTo.push(own.path);
    if (update.result || (await own.read()).order[provider]) return undefined;
  }
  if (base?.role !== 'inherited' || (await own.read()).order[provider]) return undefined;
  const inherited = base.present ? (await base.read()).order[provider] : undefined;
  if (!inherited || inherited.includes(profileId)) return undefined;
  return `the main agent's ${provider} order (${inherited.join(', ')}) decides for this agent and leaves ${profileId} out: \`authdeck order set --provider ${[provider, ...inherited, profileId, ...workspaceFlags(workspace)].map(shellWord).join(' ')}\` gives this agent its own order with it`;
}
