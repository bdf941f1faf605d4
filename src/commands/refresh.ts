import { refreshSignIn, tellGateway } from '../services/actions.js';
import { describeExpiry, formatWindow, parseDuration } from '../services/durations.js';
import { UsageError } from '../services/errors.js';
import { resolveProfileName } from '../services/profiles/agent-state.js';
import type { CommandContext } from './context.js';
import { writeJson, writeLine } from './output.js';
import { command, duration, flag, OPTIONS } from './spec.js';

/** `authdeck refresh ID`: renew an OAuth sign-in's access token, under the gateway's refresh lock. */
async function runRefresh(ctx: CommandContext, name: string, options: { force: boolean; json: boolean }) {
  const state = await ctx.agentState();
  const profileId = resolveProfileName(state, name);
  const { gateway, gatewayNote, ...outcome } = await refreshSignIn(await ctx.actionContext(state), profileId, {
    env: ctx.io.env,
    force: options.force,
  });
  if (options.json) {
    writeJson(ctx.io.stdout, { ok: true, profileId, ...outcome, gateway: gateway.status });
    return 0;
  }
  const when = describeExpiry(outcome.expiresAt, ctx.io.now());
  const words = {
    refreshed: `${ctx.paint.green('✔')} Refreshed ${profileId}: access ${when}`,
    'still-valid': `${profileId} is good for a while (access ${when}); --force refreshes anyway`,
    'refreshed-meanwhile': `${profileId} was refreshed by someone else meanwhile (access ${when}); nothing to do`,
  } as const;
  writeLine(ctx.io.stdout, words[outcome.status]);
  ctx.noteGateway({ ...(gatewayNote ? { gatewayNote } : {}) });
  return 0;
}

/** `authdeck refresh --due`: every sign-in whose access token expires within the window, as `monitor run` does. */
async function runRefreshDue(ctx: CommandContext, within: number | undefined, json: boolean) {
  const state = await ctx.agentState({ waitForLock: true });
  const { keepSignInsAlive, describeKeepAlive, keepAliveWindow } = await import('../services/oauth/keep-alive.js');
  // By default the window of a monitor run every 30 minutes.
  const withinMs = within ?? keepAliveWindow(parseDuration('30m'));
  const { results, next } = await keepSignInsAlive(state, { env: ctx.io.env, withinMs, now: ctx.io.now });
  const refreshed = results.some((result) => result.status === 'refreshed');
  const { gateway, gatewayNote } = await tellGateway(await ctx.actionContext(state), state.store, refreshed);
  // A refused refresh token or a failed refresh needs a person; a profile the gateway holds does not.
  const ok = !results.some((result) => result.status === 'refused' || result.status === 'failed');
  if (json) {
    const due = results.map(({ fingerprint: _, ...result }) => result);
    writeJson(ctx.io.stdout, { ok, withinMs, due, gateway: gateway.status });
    return ok ? 0 : 1;
  }
  const now = ctx.io.now();
  for (const result of results) {
    const line = describeKeepAlive(result, now);
    writeLine(ctx.io.stdout, result.status === 'refreshed' ? `${ctx.paint.green('✔')} ${line}` : line);
  }
  if (results.length === 0)
    writeLine(
      ctx.io.stdout,
      `No sign-in is due: none expires within ${formatWindow(withinMs)}${next ? ` (the next, ${next.profileId}, ${describeExpiry(next.expiresAt, now)})` : ''}`,
    );
  ctx.noteGateway({ ...(gatewayNote ? { gatewayNote } : {}) });
  return ok ? 0 : 1;
}

export const refreshCommand = command({
  name: 'refresh',
  description: "renew an OAuth sign-in's access token now (under the gateway's refresh lock); --due: every one due",
  examples: ['authdeck refresh openai:me@example.com', 'authdeck refresh --due --within 1h   # from your own cron'],
  writes: true,
  needsExistingState: true,
  options: {
    force: flag('force', 'even when the access token is still good'),
    due: flag('due', 'every OAuth sign-in whose access token expires within --within (or has expired)'),
    within: duration('within', 'with --due: the window (default 35m, for a run every 30 minutes)'),
    json: OPTIONS.json,
  },
  args: [{ name: 'id', values: 'profiles' }],
  run: (ctx, { due, within, force, json }, ids) => {
    if (due) {
      if (ids.length > 0) throw new UsageError('--due refreshes every sign-in due: give no profile id with it');
      if (force) throw new UsageError('--due refreshes what is due; --force is for one profile');
      if (within !== undefined && within <= 0) throw new UsageError('--within: give a window longer than 0');
      return runRefreshDue(ctx, within, json);
    }
    if (within !== undefined) throw new UsageError('--within goes with --due');
    if (ids.length === 0) throw new UsageError('give the profile to refresh, or --due for every one due');
    return runRefresh(ctx, ids.join(' '), { force, json });
  },
});
