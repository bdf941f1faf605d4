import type { AgentState } from '../profiles/agent-state.js';
import type { ProviderSettings } from './model-types.js';
import type { OrderInputs } from './order.js';
import type { EffectiveSource } from './types.js';

/**
 * What the gateway uses for a provider, in the order it looks: a usable profile, an env key, the
 * config's `apiKey`, else (OpenClaw 2026.8+) no key for an endpoint on this machine or network.
 * For `status` (any model) and `explain` (one model).
 */
export function effectiveSourceOf(
  has: { profiles: boolean; env: boolean },
  settings: ProviderSettings | undefined,
  state: Pick<AgentState, 'store'>,
): EffectiveSource {
  if (has.profiles) return 'profiles';
  if (has.env) return 'env';
  if (settings?.hasApiKey) return 'config';
  return settings?.localKeyless && state.store.localEndpointsNeedNoKey ? 'local' : 'missing';
}

/** What the order of one provider depends on, for `status` (any model) or for one model (`explain`). */
export function orderInputs(
  state: AgentState,
  provider: string,
  profiles: OrderInputs['profiles'],
  nowMs: number,
  forModel?: string,
  /** The provider as the model names it, when an alias of `provider`. */
  asked?: string,
): OrderInputs {
  const { config } = state.workspace;
  const { agentOrder, baseOrder, configOrder } = explicitOrders(state, provider, asked);
  return {
    provider,
    profiles,
    ...(agentOrder ? { agentOrder } : {}),
    ...(baseOrder ? { baseOrder } : {}),
    baseSource: state.layers.base?.role === 'shared' ? 'shared' : 'main',
    ...(configOrder ? { configOrder } : {}),
    configProfiles: config.authProfiles,
    ...storeWide(state),
    nowMs,
    ...(forModel !== undefined ? { forModel } : {}),
    sharedEra: state.store.hasSharedStore,
    agentId: state.workspace.agentId,
  };
}

const storeWideOf = new WeakMap<AgentState, Pick<OrderInputs, 'usageStats' | 'ownIds'>>();

/**
 * What every provider's order reads from the whole store, gathered once per state read rather
 * than once per provider: with 5,000 profiles over 20 providers that was 100,000 set entries
 * on every re-read of the dashboard.
 */
function storeWide(state: AgentState): Pick<OrderInputs, 'usageStats' | 'ownIds'> {
  let found = storeWideOf.get(state);
  if (!found) {
    found = {
      usageStats: { ...state.base?.usageStats, ...state.own.usageStats },
      ownIds: new Set(Object.keys(state.own.profiles)),
    };
    storeWideOf.set(state, found);
  }
  return found;
}

/**
 * A provider's explicit orders (the agent's, the layer underneath's, the config's) as the gateway
 * finds them: under the credentials' provider, else under the provider as the model names it
 * (`x-ai`), keys compared lowercase (OpenClaw's resolveExplicitAuthOrderSelection). `order` and
 * the dashboard read them here too, so they edit the order status shows.
 */
export function explicitOrders(
  state: AgentState,
  provider: string,
  asked?: string,
): { agentOrder?: string[]; baseOrder?: string[]; configOrder?: string[] } {
  const keys = [provider, ...(asked && asked !== provider ? [asked] : [])];
  const orderOf = (orders: Readonly<Record<string, string[]>> | undefined) => findProviderValue(orders, keys);
  return {
    agentOrder: orderOf(state.own.order),
    baseOrder: orderOf(state.base?.order),
    configOrder: orderOf(state.workspace.config.authOrder),
  };
}

/** The first of `keys` the record holds, its keys read lowercase and trimmed. */
function findProviderValue<T>(record: Readonly<Record<string, T>> | undefined, keys: string[]): T | undefined {
  if (!record) return undefined;
  const entries = Object.entries(record);
  for (const wanted of keys) {
    const found = entries.find(([key]) => key.trim().toLowerCase() === wanted);
    if (found) return found[1];
  }
  return undefined;
}
