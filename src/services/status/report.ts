import { providerUses } from '../config/openclaw-json.js';
import { awaitingImport } from '../doctor/awaiting-import.js';
import { type AgentProfile, type AgentState, listAgentProfiles, listEnvCredentials } from '../profiles/agent-state.js';
import { describeRef } from '../profiles/credential-view.js';
import { maskSecret } from '../profiles/credentials.js';
import { resolveAuthProvider } from '../providers/catalog.js';
import { providerLabel } from '../providers.js';
import { collectWarnings, ownStatePath, storeReport } from '../store/report.js';
import { type CheckMode, evaluateCheck, type WaitingProvider } from './check.js';
import { classifyProfileHealth, classifyUsage, HEALTH_STATUSES, type HealthStatus } from './health.js';
import { withoutPinnedProfile } from './model-refs.js';
import type { ProviderUse } from './model-types.js';
import { builtInDefaultModel, namedBuiltIn, providersInUseFrom } from './model-usage.js';
import { type EffectiveOrder, type OrderInputs, resolveEffectiveOrder } from './order.js';
import { effectiveSourceOf, orderInputs } from './order-inputs.js';
import { type ProfileReport, type ProviderReport, STATUS_SCHEMA, type StatusReport } from './types.js';
import { describeNotTried } from './words.js';

export type { EffectiveSource, EnvReport, ProfileReport, ProviderReport, StatusReport, StoreReport } from './types.js';
export { STATUS_SCHEMA };

export interface ReportOptions {
  nowMs: number;
  warnWithinMs: number;
  /** Only this provider's profiles and summary (and the check judges it even when not in use). */
  provider?: string;
  checkMode?: CheckMode;
  /** Sign-ins whose refresh token the provider refused (a `monitor run` found it): none renews itself. */
  refused?: ReadonlySet<string>;
}

/** The whole `status` answer as data: the human view, `--json` and `--check` all come from it. */
export function buildStatusReport(state: AgentState, options: ReportOptions): StatusReport {
  const { nowMs, warnWithinMs } = options;
  const { workspace } = state;
  // `--provider x-ai` asks about xai's credentials, as a model `x-ai/…` uses them.
  const only = options.provider === undefined ? undefined : resolveAuthProvider(options.provider);
  const rows = listAgentProfiles(state).filter((row) => !only || row.view.provider === only);
  // A model `x-ai/grok-4` puts xai in use: its credentials are xai's (a CLI backend needs none).
  const { cliBackends } = workspace.config.models;
  // The built-in default named as the OpenClaw seen names it (openai/gpt-6-astra), as explain names it.
  const builtIn = builtInDefaultModel(state.store.generation.openclawVersion);
  const uses = providerUses(workspace.config, workspace.agentId)
    .map((use) => ({ ...use, ref: namedBuiltIn(use, builtIn) }))
    .map((use) => (cliBackends.includes(use.provider) ? use : { ...use, provider: resolveAuthProvider(use.provider) }));
  const inUse = new Set(providersInUseFrom(uses, workspace.config.models));
  // `--provider P` judges P even when no model uses it (README "Exit codes"), without calling it in use.
  const judged = only ? new Set([...inUse, only]) : inUse;
  const configKeys = workspace.config.models.providers;
  const envCredentials = listEnvCredentials(state, judged).filter((cred) => !only || cred.provider === only);
  const healthById = new Map(
    rows.map(({ view }) => [view.id, classifyProfileHealth(view, nowMs, warnWithinMs, options.refused?.has(view.id))]),
  );

  const providerIds = new Set<string>([
    ...rows.map((row) => row.view.provider),
    ...envCredentials.map((cred) => cred.provider),
  ]);
  for (const provider of judged) if (!only || provider === only) providerIds.add(provider);
  // A provider the config serves alone (its key in models.providers, or a local server that needs
  // none) is listed in use or not: an Ollama just set up beside another default was nowhere.
  for (const [provider, settings] of Object.entries(configKeys)) {
    const served = effectiveSourceOf({ profiles: false, env: false }, settings, state);
    if ((served === 'config' || served === 'local') && (!only || resolveAuthProvider(provider) === only))
      providerIds.add(resolveAuthProvider(provider));
  }

  const byProvider = new Map<string, Array<{ view: AgentProfile['view']; status: HealthStatus }>>();
  for (const row of rows) {
    const list = byProvider.get(row.view.provider) ?? [];
    list.push({ view: row.view, status: healthById.get(row.view.id)!.status });
    byProvider.set(row.view.provider, list);
  }
  const positions = new Map<string, number>();
  const nextIds = new Set<string>();
  const notTried = new Map<string, string>();
  const waiting = awaitingImport(state);
  // Providers whose every ordered profile waits, and when the first is back (README "What status --check judges").
  const allWaiting = new Map<string, WaitingProvider>();
  const providers: ProviderReport[] = [...providerIds].sort().map((provider) => {
    const profiles = byProvider.get(provider) ?? [];
    const order = resolveEffectiveOrder(orderInputs(state, provider, profiles, nowMs));
    // A profile whose env ref is unset here is left out: the gateway skips it too when it cannot read it.
    const ids = order.ids.filter((id) => !order.unresolved[id]);
    for (const [index, id] of ids.entries()) positions.set(id, index + 1);
    // Next is the first the gateway tries now: one cooling down or disabled waits, and with all
    // of them waiting none is next (explain says the model is skipped).
    const next = ids.find((id) => !order.waiting[id]) ?? null;
    if (next) nextIds.add(next);
    // Judged only where the gateway skips such a provider (2026.8+): no second order resolved elsewhere.
    const waits =
      state.store.allWaitingIsMissing && judged.has(provider)
        ? allWaitingFor(state, provider, profiles, nowMs, uses, order)
        : undefined;
    if (waits) allWaiting.set(provider, waits);
    for (const [id, reason] of Object.entries({ ...order.notTried, ...order.unresolved }))
      notTried.set(id, describeNotTried(reason));
    // A type authdeck does not know may still work for the gateway: never call that missing.
    const opaque = profiles.some((entry) => entry.status === 'unknown');
    const effectiveSource = effectiveSourceOf(
      { profiles: ids.length > 0 || opaque, env: envCredentials.some((cred) => cred.provider === provider) },
      configKeys[provider],
      state,
    );
    return {
      provider,
      label: providerLabel(provider),
      inUse: inUse.has(provider),
      usedBy: uses.filter((use) => use.provider === provider).map(({ ref, role }) => ({ ref, role })),
      effectiveSource,
      order: ids,
      orderSource: order.source,
      explicitOrder: order.explicit ?? null,
      next,
      configKeyUnset: configKeys[provider]?.keyUnset ?? null,
      configKeyMarker: configKeys[provider]?.keyMarker ?? null,
      awaitingImport: waiting.filter((entry) => entry.provider === provider).map((entry) => entry.id),
    };
  });

  const profiles = rows.map((row) =>
    profileReport(row, healthById.get(row.view.id)!, {
      position: positions.get(row.view.id),
      next: nextIds.has(row.view.id),
      notTried: notTried.get(row.view.id),
      nowMs,
    }),
  );
  const missingProviders = providers
    .filter((entry) => judged.has(entry.provider) && entry.effectiveSource === 'missing')
    .map((entry) => entry.provider);
  return {
    schema: STATUS_SCHEMA,
    generatedAt: new Date(nowMs).toISOString(),
    agent: { id: workspace.agentId, dir: workspace.agentDir, isMain: workspace.isMain, from: workspace.agentFrom },
    stateDir: workspace.stateDir,
    configPath: workspace.configPath,
    store: storeReport(state),
    storePath: state.own.path,
    statePath: ownStatePath(state),
    mainStorePath: state.base ? state.base.path : null,
    warnWithinMs,
    profiles,
    env: envCredentials.map(({ secret, ...rest }) => ({ ...rest, masked: maskSecret(secret) })),
    providers,
    missingProviders,
    summary: summarize(profiles),
    check: evaluateCheck({
      mode: options.checkMode ?? 'gateway',
      judged,
      profiles,
      providers,
      uses,
      nowMs,
      warnWithinMs,
      allWaiting,
      renewable: new Set(
        rows
          // One whose refresh token the provider refused renews nothing (monitor found it).
          .filter(
            (row) =>
              row.view.type === 'oauth' &&
              row.view.hasRefresh &&
              !row.view.problem &&
              !options.refused?.has(row.view.id),
          )
          .map((row) => row.view.id),
      ),
    }),
    probes: null,
    warnings: collectWarnings(state),
  };
}

function profileReport(
  row: AgentProfile,
  health: ReturnType<typeof classifyProfileHealth>,
  where: { position: number | undefined; next: boolean; notTried: string | undefined; nowMs: number },
): ProfileReport {
  const { view } = row;
  const { position, next, notTried, nowMs } = where;
  const usage = classifyUsage(row.usage, nowMs, { provider: view.provider });
  return {
    id: view.id,
    provider: view.provider,
    type: view.type,
    status: health.status,
    expiresAt: view.expiresAt ?? null,
    remainingMs: view.expiresAt !== undefined ? view.expiresAt - nowMs : null,
    masked: view.secret !== undefined ? maskSecret(view.secret) : null,
    secretRef: view.secretRef ? describeRef(view.secretRef) : null,
    source: row.source,
    layer: row.layer,
    orderPosition: position ?? null,
    next,
    notTried: position === undefined ? (notTried ?? null) : null,
    usage: usage?.state ?? null,
    cooldownUntil:
      row.usage?.cooldownUntil !== undefined && row.usage.cooldownUntil > nowMs ? row.usage.cooldownUntil : null,
    disabledUntil:
      row.usage?.disabledUntil !== undefined && row.usage.disabledUntil > nowMs ? row.usage.disabledUntil : null,
    disabledReason: usage?.state === 'disabled' ? (usage.reason ?? null) : null,
    email: view.email ?? null,
    displayName: view.displayName ?? null,
  };
}

function summarize(profiles: ProfileReport[]): StatusReport['summary'] {
  const summary = Object.fromEntries(
    [...HEALTH_STATUSES, 'cooldown', 'disabled'].map((key) => [key, 0]),
  ) as StatusReport['summary'];
  for (const profile of profiles) {
    summary[profile.status]++;
    if (profile.usage) summary[profile.usage]++;
  }
  return summary;
}

/**
 * When the report next goes stale: the first moment a profile crosses into its warn window,
 * expires, or leaves a cooldown or disabled window. A live view rebuilds it then, instead of
 * every second (countdowns are drawn from `expiresAt` at render time).
 */
/** A provider's profiles as shown everywhere: by position in the order ("next" first), unused ones last by id. */
export function compareByOrderPosition(
  a: Pick<ProfileReport, 'orderPosition' | 'id'>,
  b: Pick<ProfileReport, 'orderPosition' | 'id'>,
): number {
  return (a.orderPosition ?? Infinity) - (b.orderPosition ?? Infinity) || a.id.localeCompare(b.id);
}

export function nextStatusChangeAt(report: StatusReport, nowMs: number): number {
  let next = Infinity;
  const consider = (at: number | null) => {
    if (at !== null && at > nowMs && at < next) next = at;
  };
  for (const profile of report.profiles) {
    if (profile.expiresAt !== null) {
      consider(profile.expiresAt - report.warnWithinMs);
      consider(profile.expiresAt);
    }
    consider(profile.cooldownUntil);
    consider(profile.disabledUntil);
  }
  return next;
}

/**
 * Every profile of the provider's order waits, for a model that uses it (a cooldown for one
 * model — a rate limit, a timeout — holds back that model only, as the gateway reads it), or
 * in the provider's own order (`anyModel`, already resolved) when no model uses it (`--provider
 * P`): when the first is back, and those ids.
 */
function allWaitingFor(
  state: AgentState,
  provider: string,
  profiles: OrderInputs['profiles'],
  nowMs: number,
  uses: readonly ProviderUse[],
  anyModel: EffectiveOrder,
): WaitingProvider | undefined {
  const waitsIn = (order: EffectiveOrder): WaitingProvider | undefined => {
    const ids = order.ids.filter((id) => !order.unresolved[id]);
    if (ids.length === 0 || !ids.every((id) => order.waiting[id])) return undefined;
    return { until: Math.min(...ids.map((id) => order.waiting[id]!.until)), ids };
  };
  const models = uses.filter((use) => use.provider === provider && use.ref.includes('/'));
  if (models.length === 0) return waitsIn(anyModel);
  for (const use of models) {
    // A pinned profile (`…@anthropic:work`) is not part of the model's id; a date (`@20250514`) is.
    const ref = withoutPinnedProfile(use.ref);
    const slash = ref.indexOf('/');
    const order = orderInputs(state, provider, profiles, nowMs, ref.slice(slash + 1), ref.slice(0, slash));
    const waits = waitsIn(resolveEffectiveOrder(order));
    if (waits) return waits;
  }
  return undefined;
}
