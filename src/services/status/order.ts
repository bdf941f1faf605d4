import { describeRef, type ProfileView } from '../profiles/credential-view.js';
import type { CredentialProblem } from '../profiles/eligibility.js';
import { resolveAuthProvider } from '../providers/catalog.js';
import type { UsageStats } from '../store/documents.js';
import { classifyUsage, type UsageState } from './cooldown.js';
import type { HealthStatus } from './health.js';

export type OrderSource = 'agent' | 'main' | 'shared' | 'config' | 'auto';

export interface OrderInputs {
  /** The provider whose credentials are used (aliases followed: `xai` for a model `x-ai/…`). */
  provider: string;
  /** Every profile the agent sees for this provider (its own first, then the layer underneath). */
  profiles: ReadonlyArray<{ view: ProfileView; status: HealthStatus }>;
  agentOrder?: string[];
  /** The order of the layer underneath: the main agent's (inherited) or the shared store's. */
  baseOrder?: string[];
  baseSource?: 'main' | 'shared';
  configOrder?: string[];
  /** `auth.profiles` of openclaw.json, every provider's: an entry may name another provider. */
  configProfiles: Readonly<Record<string, { provider: string; mode: string }>>;
  usageStats: Readonly<Record<string, UsageStats>>;
  nowMs: number;
  /** The model a request is for: a cooldown about another model does not hold it back. */
  forModel?: string;
  /**
   * OpenClaw 2026.8+ (the shared store): the agent's own profiles join the shared order ahead of
   * it, a stored order that names no existing profile falls back to all of them, and expired
   * sign-ins go after the others of their type.
   */
  sharedEra?: boolean;
  /** The ids of the agent's own layer, for the shared-era rule above. */
  ownIds?: ReadonlySet<string>;
  /** The agent asked about, for the commands the reasons give (`--agent`). */
  agentId?: string;
}

/** Why the gateway does not try one of a provider's profiles. */
export type NotTried =
  | { why: 'unusable'; status: HealthStatus }
  | { why: 'not-in-order'; source: OrderSource }
  | { why: 'not-in-config' }
  | { why: 'mode-mismatch'; mode: string; type: string }
  | { why: 'provider-mismatch'; provider: string }
  | { why: 'unresolved-ref'; ref: string }
  | { why: 'inactive-setup'; profileId: string; agentId?: string }
  | { why: 'rejected'; problem: Exclude<CredentialProblem, 'unresolved-oauth-ref' | 'inactive-setup'> };

export interface EffectiveOrder {
  /** The gateway's order, as OpenClaw resolves it; those still cooling down or disabled are last. */
  ids: string[];
  source: OrderSource;
  /** The explicit list behind `ids` when there is one, as written (may name missing ids). */
  explicit?: string[];
  /** The explicit list named no profile that exists, so the gateway took all of them instead. */
  repaired?: true;
  /** Each of the provider's profiles that is not in `ids`, and why. */
  notTried: Record<string, NotTried>;
  /**
   * Profiles in `ids` whose secret is an env ref that does not resolve here: the gateway keeps
   * them in the order and skips them when it cannot read the secret.
   */
  unresolved: Record<string, NotTried & { why: 'unresolved-ref' }>;
  /** Profiles in `ids` that wait for a cooldown or disabled window (for `forModel`) to end. */
  waiting: Record<string, UsageState>;
}

const TYPE_RANK = new Map<string, number>([
  ['oauth', 0],
  ['token', 1],
  ['api_key', 2],
]);

/**
 * The order the gateway tries a provider's profiles in, following OpenClaw 2026.9's
 * resolveAuthProfileOrder: an explicit order (the agent's own, else the main agent's or the
 * shared store's, else `auth.order` in the config) as written; otherwise the config's
 * `auth.profiles` of the provider, or all its profiles, oauth then token then API key, least
 * recently used first. Profiles the gateway cannot use drop out (resolveAuthProfileEligibility);
 * those cooling down or disabled go last, soonest back first.
 */
export function resolveEffectiveOrder(inputs: OrderInputs): EffectiveOrder {
  const { nowMs } = inputs;
  const byId = new Map(inputs.profiles.map((entry) => [entry.view.id, entry]));
  const storeIds = inputs.profiles.map((entry) => entry.view.id);
  const [explicit, source, fromStore] = pickExplicit(inputs, storeIds);
  const configIds = Object.entries(inputs.configProfiles)
    .filter(([, entry]) => resolveAuthProvider(entry.provider) === inputs.provider)
    .map(([id]) => id);
  let base = explicit ?? (configIds.length > 0 ? configIds : storeIds);
  const ineligible = (id: string) => whyIneligible(id, byId.get(id), inputs);
  let candidates = unique(base.filter((id) => ineligible(id) === undefined));
  // The gateway repairs a list that names only profiles that do not exist: it uses the store's.
  let repaired = false;
  const repairs = inputs.sharedEra ? fromStore || configIds.length > 0 : configIds.length > 0;
  if (candidates.length === 0 && base.length > 0 && repairs && base.every((id) => !byId.has(id))) {
    base = storeIds;
    candidates = storeIds.filter((id) => ineligible(id) === undefined);
    repaired = true;
  }
  const waiting: Record<string, UsageState> = Object.create(null);
  for (const id of candidates) {
    const usage = classifyUsage(statsOf(inputs, id), nowMs, { provider: inputs.provider, forModel: inputs.forModel });
    if (usage) waiting[id] = usage;
  }
  const available = candidates.filter((id) => !waiting[id]);
  if (!explicit || (repaired && inputs.sharedEra)) available.sort(byModeThenLastUsed(inputs, byId));
  const later = candidates.filter((id) => waiting[id]).sort((a, b) => waiting[a]!.until - waiting[b]!.until);
  const ids = [...available, ...later];

  const tried = new Set(ids);
  const listed = new Set(base);
  const notTried: Record<string, NotTried> = Object.create(null);
  for (const { view } of inputs.profiles) {
    if (tried.has(view.id)) continue;
    // An inactive replacement is never tried, listed or not: that is the reason worth saying.
    if (!listed.has(view.id) && view.problem !== 'inactive-setup')
      notTried[view.id] = explicit ? { why: 'not-in-order', source } : { why: 'not-in-config' };
    else notTried[view.id] = ineligible(view.id) ?? { why: 'unusable', status: byId.get(view.id)!.status };
  }
  const unresolved: EffectiveOrder['unresolved'] = Object.create(null);
  for (const id of ids) {
    const ref = byId.get(id)?.view;
    if (ref && ref.secret === undefined && ref.secretRef?.source === 'env')
      unresolved[id] = { why: 'unresolved-ref', ref: describeRef(ref.secretRef) };
  }
  return {
    ids,
    source,
    ...(explicit ? { explicit } : {}),
    ...(repaired ? { repaired: true as const } : {}),
    notTried,
    unresolved,
    waiting,
  };
}

/**
 * Why the gateway will not use a listed profile (OpenClaw's resolveAuthProfileEligibility and
 * evaluateStoredCredentialEligibility), or undefined when it will.
 */
function whyIneligible(
  id: string,
  entry: { view: ProfileView; status: HealthStatus } | undefined,
  inputs: OrderInputs,
): NotTried | undefined {
  if (!entry) return { why: 'unusable', status: 'missing' };
  const { view, status } = entry;
  // Judged first, as OpenClaw's resolveAuthProfileEligibility does: the config's say comes after.
  if (view.problem === 'inactive-setup')
    return { why: 'inactive-setup', profileId: id, ...(inputs.agentId ? { agentId: inputs.agentId } : {}) };
  const configured = Object.hasOwn(inputs.configProfiles, id) ? inputs.configProfiles[id] : undefined;
  if (configured) {
    if (resolveAuthProvider(configured.provider) !== inputs.provider)
      return { why: 'provider-mismatch', provider: configured.provider };
    // OpenClaw takes a token where the config says oauth (a setup-token is an Anthropic sign-in).
    if (configured.mode && configured.mode !== view.type && !(configured.mode === 'oauth' && view.type === 'token'))
      return { why: 'mode-mismatch', mode: configured.mode, type: view.type };
  }
  if (!view.known) return { why: 'unusable', status };
  if (view.problem === 'unresolved-oauth-ref') return { why: 'unresolved-ref', ref: view.oauthRef ?? 'oauthRef' };
  if (view.problem) return { why: 'rejected', problem: view.problem };
  // A ref counts as a secret here: whether it resolves is the gateway's business at request time.
  const hasSecret = view.secret !== undefined || view.secretRef !== undefined;
  if (view.type === 'oauth') return hasSecret || view.hasRefresh ? undefined : { why: 'unusable', status: 'missing' };
  if (!hasSecret) return { why: 'unusable', status: 'missing' };
  if (view.type === 'token' && view.expiresAt !== undefined && view.expiresAt <= inputs.nowMs)
    return { why: 'unusable', status: 'expired' };
  return undefined;
}

function byModeThenLastUsed(inputs: OrderInputs, byId: Map<string, { view: ProfileView }>) {
  const rank = (id: string) => TYPE_RANK.get(byId.get(id)!.view.type) ?? 3;
  // 2026.9: an OAuth sign-in whose access token has run out goes after the live ones (it must refresh first).
  const stale = (id: string) => {
    const { view } = byId.get(id)!;
    return inputs.sharedEra && view.type === 'oauth' && view.expiresAt !== undefined && view.expiresAt <= inputs.nowMs
      ? 1
      : 0;
  };
  const lastUsed = (id: string) => statsOf(inputs, id)?.lastUsed ?? 0;
  return (a: string, b: string) => rank(a) - rank(b) || stale(a) - stale(b) || lastUsed(a) - lastUsed(b);
}

/**
 * The explicit order in force, where it came from, and whether a store holds it. In the shared
 * era a store order the agent does not override gets the agent's own profiles of the provider
 * ahead of it (OpenClaw's mergeProfileOrderWithOverridePrecedence).
 */
function pickExplicit(inputs: OrderInputs, storeIds: string[]): [string[] | undefined, OrderSource, boolean] {
  if (inputs.agentOrder) return [inputs.agentOrder, 'agent', true];
  if (inputs.baseOrder) {
    const own = inputs.sharedEra ? storeIds.filter((id) => inputs.ownIds?.has(id)) : [];
    return [unique([...own, ...inputs.baseOrder]), inputs.baseSource ?? 'main', true];
  }
  if (inputs.configOrder) return [inputs.configOrder, 'config', false];
  return [undefined, 'auto', false];
}

/** Ids come from files: `constructor` or `__proto__` must not find what every object has. */
function statsOf(inputs: OrderInputs, id: string): UsageStats | undefined {
  return Object.hasOwn(inputs.usageStats, id) ? inputs.usageStats[id] : undefined;
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
