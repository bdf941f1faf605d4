import { hasSecretSource, type ProfileView } from '../profiles/credential-view.js';
import type { UsageStats } from '../store/documents.js';
import { classifyUsage, type HealthStatus, isUsableStatus } from './health.js';

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

/** Why the gateway would not try one of a provider's profiles. */
export type NotTried =
  | { why: 'unusable'; status: HealthStatus }
  | { why: 'not-in-order'; source: OrderSource }
  | { why: 'not-in-config' };

export interface EffectiveOrder {
  /** Profiles in the order the gateway would try them; the first is "next". */
  ids: string[];
  source: OrderSource;
  /** The explicit list behind `ids` when there is one, as written (may name missing ids). */
  explicit?: string[];
  /** Each of the provider's profiles that is not in `ids`, and why. */
  notTried: Record<string, NotTried>;
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
    return entry !== undefined && gatewayWouldTry(entry);
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
  const ids = [...available, ...waiting];
  const tried = new Set(ids);
  const listed = new Set(base);
  const notTried: Record<string, NotTried> = Object.create(null);
  for (const { view, status } of inputs.profiles) {
    if (tried.has(view.id)) continue;
    if (!listed.has(view.id)) notTried[view.id] = explicit ? { why: 'not-in-order', source } : { why: 'not-in-config' };
    else notTried[view.id] = { why: 'unusable', status };
  }
  return { ids, source, ...(explicit ? { explicit } : {}), notTried };
}

/**
 * OpenClaw tries an OAuth profile that has an access or a refresh token even when it has
 * expired (it refreshes first); other types only while usable.
 */
function gatewayWouldTry(entry: { view: ProfileView; status: HealthStatus }): boolean {
  return isUsableStatus(entry.status) || (entry.view.type === 'oauth' && hasSecretSource(entry.view));
}

function pickExplicit(inputs: OrderInputs): [string[] | undefined, OrderSource] {
  if (inputs.agentOrder) return [inputs.agentOrder, 'agent'];
  if (inputs.baseOrder) return [inputs.baseOrder, inputs.baseSource ?? 'main'];
  if (inputs.configOrder) return [inputs.configOrder, 'config'];
  return [undefined, 'auto'];
}
