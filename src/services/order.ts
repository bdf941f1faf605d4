import type { ProfileView } from './credential-view.js';
import { classifyUsage, isUsableStatus, type HealthStatus } from './health.js';
import type { UsageStats } from './store.js';

export type OrderSource = 'agent' | 'main' | 'shared' | 'config' | 'auto';

export interface OrderInputs {
  provider: string;
  /** Every profile the agent sees for this provider (its own and inherited). */
  profiles: ReadonlyArray<{ view: ProfileView; status: HealthStatus }>;
  agentOrder?: string[];
  /** The order of the layer underneath: the main agent's (inherited) or the shared store's. */
  baseOrder?: string[];
  baseSource?: 'main' | 'shared';
  configOrder?: string[];
  /** Ids `openclaw.json` lists under `auth.profiles` for this provider. */
  configProfileIds: string[];
  usageStats: Readonly<Record<string, UsageStats>>;
  nowMs: number;
}

export interface EffectiveOrder {
  /** Profiles in the order the gateway would try them; the first is "next". */
  ids: string[];
  source: OrderSource;
  /** The explicit list behind `ids` when there is one, as written (may name missing ids). */
  explicit?: string[];
}

const TYPE_RANK = new Map<string, number>([
  ['oauth', 0],
  ['token', 1],
  ['api_key', 2],
]);

/**
 * The order the gateway tries a provider's profiles in: an explicit order (the agent's own
 * override, else the main agent's, else the config's) as written; otherwise oauth, then token,
 * then API key, least recently used first. Unusable profiles drop out; those in cooldown or
 * disabled go last, soonest available first.
 */
export function resolveEffectiveOrder(inputs: OrderInputs): EffectiveOrder {
  const byId = new Map(inputs.profiles.map((entry) => [entry.view.id, entry]));
  const [explicit, source] = pickExplicit(inputs);
  const storeIds = inputs.profiles.map((entry) => entry.view.id);
  let base = explicit ?? (inputs.configProfileIds.length > 0 ? inputs.configProfileIds : storeIds);
  // The gateway repairs config drift: when none of the configured ids exist, it uses the store.
  if (!explicit && base !== storeIds && base.every((id) => !byId.has(id))) base = storeIds;
  const usable = [...new Set(base)].filter((id) => {
    const entry = byId.get(id);
    return entry !== undefined && isUsableStatus(entry.status);
  });
  const unusableUntil = (id: string) => classifyUsage(inputs.usageStats[id], inputs.nowMs)?.until;
  const available = usable.filter((id) => unusableUntil(id) === undefined);
  const waiting = usable
    .filter((id) => unusableUntil(id) !== undefined)
    .sort((a, b) => unusableUntil(a)! - unusableUntil(b)!);
  if (!explicit) {
    const rank = (id: string) => TYPE_RANK.get(byId.get(id)!.view.type) ?? 3;
    const lastUsed = (id: string) => inputs.usageStats[id]?.lastUsed ?? 0;
    available.sort((a, b) => rank(a) - rank(b) || lastUsed(a) - lastUsed(b));
  }
  return { ids: [...available, ...waiting], source, ...(explicit ? { explicit } : {}) };
}

function pickExplicit(inputs: OrderInputs): [string[] | undefined, OrderSource] {
  if (inputs.agentOrder) return [inputs.agentOrder, 'agent'];
  if (inputs.baseOrder) return [inputs.baseOrder, inputs.baseSource ?? 'main'];
  if (inputs.configOrder) return [inputs.configOrder, 'config'];
  return [undefined, 'auto'];
}
