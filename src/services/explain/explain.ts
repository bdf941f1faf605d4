import { type AgentState, listAgentProfiles, listEnvCredentials } from '../profiles/agent-state.js';
import { maskSecret } from '../profiles/credentials.js';
import { resolveAuthProvider } from '../providers/catalog.js';
import { type PluginProblem, providerPluginProblem } from '../providers/plugin-state.js';
import { classifyProfileHealth, type HealthStatus } from '../status/health.js';
import { builtInDefaultModel } from '../status/model-usage.js';
import { type NotTried, resolveEffectiveOrder } from '../status/order.js';
import { effectiveSourceOf, orderInputs } from '../status/order-inputs.js';
import type { EffectiveSource } from '../status/types.js';
import { describeNotTried } from '../status/words.js';
import { collectWarnings, describeStore, startProblems, storeReport } from '../store/report.js';
import { type ChainModel, resolveModelChain } from './model-chain.js';
import { describeWaiting, type NotTriedCode, notTriedCode } from './words.js';

export const EXPLAIN_SCHEMA = 'authdeck.explain/1';

/** One of the provider's profiles, as the gateway treats it for one model now. */
export interface ExplainedProfile {
  id: string;
  type: string;
  status: HealthStatus;
  /** Its place in `order` (1-based), or null when the order leaves it out. */
  orderPosition: number | null;
  /** The gateway uses it now, in its place; when an earlier one fails it moves on to the next. */
  tried: boolean;
  /** The profile the gateway tries first for this model. */
  next: boolean;
  reason: NotTriedCode | null;
  /** Why it is not tried now, in words (null when it is). */
  notTried: string | null;
  usage: 'cooldown' | 'disabled' | null;
  /** When its cooldown or disabled window ends, for this model. */
  usageUntil: number | null;
  usageReason: string | null;
}

export interface ModelExplanation extends ChainModel {
  /** The provider whose credentials it uses: `provider` with OpenClaw's auth aliases followed. */
  authProvider: string;
  /** Served by a local CLI (`agents.defaults.cliBackends`): no credential needed. */
  cliBackend: boolean;
  /** What the gateway uses for this model now: its profiles, an env key, the config's key, or nothing. */
  effectiveSource: EffectiveSource;
  /** OpenClaw's order for this model, waiting ones last (`models status` shows it as the effective profiles). */
  order: string[];
  orderSource: 'agent' | 'main' | 'shared' | 'config' | 'auto';
  explicitOrder: string[] | null;
  /** The explicit order named no existing profile, so the gateway took all of them. */
  orderRepaired: boolean;
  next: string | null;
  profiles: ExplainedProfile[];
  /** The environment key the gateway falls back to after the profiles. */
  env: { variable: string; origin: 'process' | 'dotenv'; masked: string } | null;
  configKey: boolean;
  /** The config's `apiKey` is a marker for a server that takes no real key (`ollama-local`), or null. */
  configKeyMarker: string | null;
  plugin: PluginProblem | null;
  /** Why the gateway passes over this model now, or null when it tries it. */
  skipped: string | null;
  /** When a model skipped for cooldowns is tried again. */
  skippedUntil: number | null;
}

export interface ExplainReport {
  schema: typeof EXPLAIN_SCHEMA;
  generatedAt: string;
  agent: { id: string; isMain: boolean; from: 'flag' | 'env' | 'config' };
  configPath: string;
  store: string;
  /** The model named on the command line, or null for the agent's default and fallbacks. */
  requested: string | null;
  models: ModelExplanation[];
  /** Where a request goes now: the first model not skipped, and what it uses; null when nothing can serve it. */
  servedBy: { ref: string; source: EffectiveSource | 'cli'; profileId: string | null } | null;
  /** Why the gateway would not start on the config at all (then nothing is served), or null. */
  notStarting: string | null;
  warnings: string[];
}

/** `authdeck explain`: the agent's models in fallback order, and for each the credentials as the gateway treats them. */
export async function buildExplanation(
  state: AgentState,
  options: { nowMs: number; warnWithinMs: number; requested?: string },
): Promise<ExplainReport> {
  const { workspace } = state;
  const withProfiles = new Set(listAgentProfiles(state).map((row) => row.view.provider));
  const chain = resolveModelChain(
    workspace.config,
    workspace.agentId,
    options.requested,
    withProfiles,
    builtInDefaultModel(state.store.generation.openclawVersion),
  );
  const models: ModelExplanation[] = [];
  for (const entry of chain) models.push(await explainModel(state, entry, options));
  // A config OpenClaw refuses stops the gateway whatever the credentials.
  const notStarting = startProblems(state)[0] ?? null;
  const served = notStarting
    ? undefined
    : models.find((entry) => entry.skipped === null && (entry.cliBackend || entry.effectiveSource !== 'missing'));
  return {
    schema: EXPLAIN_SCHEMA,
    generatedAt: new Date(options.nowMs).toISOString(),
    agent: { id: workspace.agentId, isMain: workspace.isMain, from: workspace.agentFrom },
    configPath: workspace.configPath,
    store: describeStore(storeReport(state)),
    requested: options.requested ?? null,
    models,
    servedBy: served
      ? { ref: served.ref, source: served.cliBackend ? 'cli' : served.effectiveSource, profileId: served.next }
      : null,
    notStarting,
    warnings: collectWarnings(state),
  };
}

async function explainModel(
  state: AgentState,
  entry: ChainModel,
  options: { nowMs: number; warnWithinMs: number },
): Promise<ModelExplanation> {
  const { nowMs } = options;
  const { provider } = entry;
  // The credentials looked up are those of the provider the alias names (`x-ai/grok-4` → xai).
  const authProvider = resolveAuthProvider(provider);
  const rows = listAgentProfiles(state).filter((row) => row.view.provider === authProvider);
  const profiles = rows.map((row) => ({
    view: row.view,
    status: classifyProfileHealth(row.view, nowMs, options.warnWithinMs).status,
  }));
  const order = resolveEffectiveOrder(
    orderInputs(state, authProvider, profiles, nowMs, entry.model ?? undefined, provider),
  );
  const cliBackend = state.workspace.config.models.cliBackends.includes(provider);
  const plugin = cliBackend ? undefined : await providerPluginProblem(state, provider);
  const triedNow = order.ids.filter((id) => !order.waiting[id] && !order.unresolved[id]);
  // A ref that pins a profile (`…@anthropic:work`) has the gateway use that one, when it can.
  const first = entry.pinned && triedNow.includes(entry.pinned) ? entry.pinned : triedNow[0];
  const next = plugin ? null : (first ?? null);
  // Looked up once per profile: a store of tens of thousands stays linear, as `status` is.
  const positions = new Map(order.ids.map((id, index) => [id, index]));
  const triedIds = new Set(triedNow);
  const explained = profiles.map(({ view, status }): ExplainedProfile => {
    const position = positions.get(view.id) ?? -1;
    const waiting = order.waiting[view.id];
    const reason: NotTried | undefined = order.notTried[view.id] ?? order.unresolved[view.id];
    const tried = !plugin && triedIds.has(view.id);
    return {
      id: view.id,
      type: view.type,
      status,
      orderPosition: position < 0 ? null : position + 1,
      tried,
      next: view.id === next,
      reason: reason ? notTriedCode(reason) : waiting ? waiting.state : plugin && position >= 0 ? plugin.code : null,
      notTried: reason
        ? describeNotTried(reason)
        : waiting
          ? describeWaiting(waiting)
          : plugin && position >= 0
            ? plugin.summary
            : null,
      usage: waiting?.state ?? null,
      usageUntil: waiting?.until ?? null,
      usageReason: waiting?.reason ?? null,
    };
  });
  explained.sort((a, b) => (a.orderPosition ?? Infinity) - (b.orderPosition ?? Infinity) || a.id.localeCompare(b.id));
  const envCredential = listEnvCredentials(state, [authProvider]).find((cred) => cred.provider === authProvider);
  const { providers } = state.workspace.config.models;
  const configKey = Object.hasOwn(providers, provider) && providers[provider]?.hasApiKey === true;
  const effectiveSource: EffectiveSource = plugin
    ? 'missing'
    : effectiveSourceOf(
        { profiles: triedNow.length > 0, env: envCredential !== undefined },
        Object.hasOwn(providers, provider) ? providers[provider] : undefined,
        state,
      );
  // The gateway skips a model whose every ordered profile waits, key or no key (runWithModelFallback).
  const allWaiting = order.ids.length > 0 && order.ids.every((id) => order.waiting[id]);
  const soonest = allWaiting ? Math.min(...order.ids.map((id) => order.waiting[id]!.until)) : null;
  return {
    ...entry,
    authProvider,
    cliBackend,
    effectiveSource,
    order: order.ids,
    orderSource: order.source,
    explicitOrder: order.explicit ?? null,
    orderRepaired: order.repaired === true,
    next: cliBackend ? null : next,
    profiles: explained,
    env: envCredential
      ? { variable: envCredential.variable, origin: envCredential.origin, masked: maskSecret(envCredential.secret) }
      : null,
    configKey,
    configKeyMarker: (configKey && providers[provider]?.keyMarker) || null,
    plugin: plugin ?? null,
    skipped: cliBackend
      ? null
      : plugin
        ? `${plugin.runtime ? `the gateway cannot run ${provider} models` : `the gateway does not load ${provider}`}: ${plugin.problem}`
        : allWaiting
          ? 'every profile in its order is cooling down or disabled'
          : effectiveSource === 'missing'
            ? `no credential for ${authProvider} can be used`
            : null,
    skippedUntil: soonest,
  };
}
