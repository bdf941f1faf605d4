import { setOrder } from '../services/actions.js';
import { parseDuration } from '../services/durations.js';
import { UsageError } from '../services/errors.js';
import { readPreferences } from '../services/prefs.js';
import { type AgentState, listAgentProfiles } from '../services/profiles/agent-state.js';
import { resolveOrderIds } from '../services/profiles/order-edit.js';
import { resolveAuthProvider } from '../services/providers/catalog.js';
import { reportPluginProblems } from '../services/providers/plugin-state.js';
import { explicitOrders } from '../services/status/order-inputs.js';
import { buildStatusReport } from '../services/status/report.js';
import { markUnserved, unservedBy, unservedLine } from '../services/status/unserved.js';
import { waitingWords } from '../services/status/words.js';
import { forTerminal, shown } from '../services/terminal-text.js';
import type { CommandContext } from './context.js';
import { writeJson, writeWrapped } from './output.js';
import { knownProvider, providersHere, renamedProvider } from './provider-arg.js';
import { command, group, OPTIONS, provider, required } from './spec.js';

interface OrderOptions {
  provider: string;
  json: boolean;
}

/** `order get`: the override (if any) and the order the gateway will actually use. */
export async function runOrderGet(ctx: CommandContext, options: OrderOptions): Promise<number> {
  const state = await ctx.agentState();
  const provider = orderProvider(state, options.provider);
  const nowMs = ctx.io.now();
  const built = buildStatusReport(state, {
    nowMs,
    warnWithinMs: parseDuration(readPreferences(ctx.io.env).warnWithin),
    provider,
  });
  // A provider whose plugin keeps the gateway from it has none next, as status says.
  const why = unservedBy(await reportPluginProblems(state, built));
  const report = markUnserved(built, why);
  const unserved = Object.hasOwn(why, provider) ? why[provider] : undefined;
  const summary = report.providers.find((entry) => entry.provider === provider);
  const override = explicitOrders(state, provider).agentOrder ?? null;
  const effective = summary?.order ?? [];
  if (options.json) {
    writeJson(ctx.io.stdout, {
      agent: state.workspace.agentId,
      provider,
      override,
      source: summary?.orderSource ?? 'auto',
      effective,
      next: summary?.next ?? null,
    });
    return 0;
  }
  const { paint } = ctx;
  const shownReport = forTerminal(report);
  const sourceText: Record<string, string> = {
    agent: `override for agent ${state.workspace.agentId}`,
    main: 'inherited from the main agent',
    shared: 'from the shared store',
    config: `auth.order in ${state.workspace.configPath}`,
    auto: 'automatic: oauth, then token, then API key, least recently used first',
  };
  writeWrapped(ctx.io.stdout, `${paint.bold(provider)} order (${sourceText[summary?.orderSource ?? 'auto']})`);
  if (override) writeWrapped(ctx.io.stdout, paint.dim(`  override: ${override.map((id) => shown(id)).join(', ')}`));
  const rows = new Map(report.profiles.map((profile) => [profile.id, profile]));
  for (const [index, id] of effective.entries()) {
    const waiting = waitingWords(rows.get(id), nowMs);
    const mark = id === summary?.next ? paint.green('  ← next') : waiting ? paint.yellow(`  (${waiting})`) : '';
    writeWrapped(ctx.io.stdout, `  ${index + 1}. ${shown(id)}${mark}`);
  }
  const left = shownReport.profiles.filter((profile) => profile.orderPosition === null);
  for (const profile of left)
    writeWrapped(ctx.io.stdout, paint.dim(`  –  ${profile.id} (${profile.status}; not tried)`));
  if (effective.length === 0) writeWrapped(ctx.io.stdout, paint.yellow('  no usable profile'));
  else if (unserved) writeWrapped(ctx.io.stdout, paint.yellow(`  ${shown(unservedLine(unserved))}`));
  else if (!summary?.next)
    writeWrapped(
      ctx.io.stdout,
      paint.yellow('  every one is cooling down or disabled: the gateway tries none until one is back'),
    );
  return 0;
}

/** `order set`: the agent's override, written where the gateway reads it. */
export async function runOrderSet(ctx: CommandContext, ids: string[], options: OrderOptions): Promise<number> {
  if (ids.length === 0)
    throw new UsageError('order set needs at least one profile id (use `order clear` to remove the override)');
  const state = await ctx.agentState();
  const provider = orderProvider(state, options.provider);
  const fullIds = resolveOrderIds(state, provider, ids);
  const known = new Set(
    listAgentProfiles(state)
      .filter((row) => row.view.provider === provider)
      .map((row) => row.view.id),
  );
  const result = await setOrder(await ctx.actionContext(state), provider, fullIds);
  const left = [...known].filter((id) => !fullIds.includes(id));
  if (options.json) {
    writeJson(ctx.io.stdout, {
      ok: true,
      provider,
      override: fullIds,
      path: result.path,
      layer: result.layer,
      notListed: left,
      gateway: result.gateway.status,
    });
    return 0;
  }
  writeWrapped(
    ctx.io.stdout,
    `${ctx.paint.green('✔')} ${provider} order for agent ${shown(state.workspace.agentId)}: ${fullIds.map((id) => shown(id)).join(', ')} (in ${shown(result.path)})`,
  );
  if (left.length > 0)
    // Ids from the store, which other programs write: shown safely (a tab or an escape in one).
    ctx.note(
      `note: not listed, so the gateway will not use them for ${provider}: ${left.map((id) => shown(id)).join(', ')}`,
    );
  ctx.noteGateway(result);
  return 0;
}

export async function runOrderClear(ctx: CommandContext, options: OrderOptions): Promise<number> {
  const state = await ctx.agentState();
  const { workspace } = state;
  const provider = orderProvider(state, options.provider);
  const result = await setOrder(await ctx.actionContext(state), provider, undefined);
  if (options.json) {
    writeJson(ctx.io.stdout, {
      ok: true,
      provider,
      cleared: result.changed,
      path: result.path,
      layer: result.layer,
      gateway: result.gateway.status,
    });
    return 0;
  }
  writeWrapped(
    ctx.io.stdout,
    result.changed
      ? `${ctx.paint.green('✔')} Cleared the ${provider} order override in ${result.path}`
      : `No ${provider} order override for agent ${workspace.agentId}`,
  );
  ctx.noteGateway(result);
  return 0;
}

/**
 * `--provider`: one this agent has profiles or an order for, or one OpenClaw knows; a typo is
 * refused with what it is near instead of reading (or clearing) an order nobody has. Either way
 * the provider whose credentials they are, as status groups them (`x-ai`, `claude-cli` and
 * `Anthropic` name xai's and anthropic's), which is where OpenClaw 2026.9 keeps the order.
 */
function orderProvider(state: AgentState, typed: string): string {
  const renamed = renamedProvider(typed, state.store);
  if (renamed) return renamed;
  const orders = [state.own.order, state.base?.order ?? {}, state.workspace.config.authOrder].flatMap(Object.keys);
  const here = [...providersHere(state), ...orders].map(resolveAuthProvider);
  const id = resolveAuthProvider(typed);
  if (here.includes(id)) return id;
  return resolveAuthProvider(knownProvider(id, { custom: false, known: here, flag: '--provider' }));
}

const ORDER_OPTIONS = { provider: required(provider()), json: OPTIONS.json };

export const orderCommand = group({
  name: 'order',
  description: "get, set or clear the agent's profile order for a provider",
  subcommands: [
    command({
      name: 'get',
      description: 'show the order the gateway uses, and the override if there is one',
      examples: ['authdeck order get --provider anthropic'],
      options: ORDER_OPTIONS,
      run: (ctx, options) => runOrderGet(ctx, options),
    }),
    command({
      name: 'set',
      description: "set the agent's override: the profiles to try, first one first",
      examples: ['authdeck order set --provider anthropic work default   # anthropic:work first'],
      writes: true,
      options: ORDER_OPTIONS,
      args: [{ name: 'ids', required: true, variadic: true, values: 'profiles' }],
      run: (ctx, options, ids) => runOrderSet(ctx, ids, options),
    }),
    command({
      name: 'clear',
      description: "remove the agent's override",
      writes: true,
      options: ORDER_OPTIONS,
      run: (ctx, options) => runOrderClear(ctx, options),
    }),
  ],
});
