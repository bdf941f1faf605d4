import { refreshSignIn } from '../services/actions.js';
import { describeExpiry } from '../services/durations.js';
import { resolveProfileName } from '../services/profiles/agent-state.js';
import type { CommandContext } from './context.js';
import { writeJson, writeLine } from './output.js';
import { command, flag, OPTIONS } from './spec.js';

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

export const refreshCommand = command({
  name: 'refresh',
  description: "renew an OAuth sign-in's access token now (under the gateway's refresh lock)",
  examples: ['authdeck refresh openai:me@example.com'],
  writes: true,
  options: { force: flag('force', 'even when the access token is still good'), json: OPTIONS.json },
  args: [{ name: 'id', required: true, values: 'profiles' }],
  run: (ctx, options, ids) => runRefresh(ctx, ids.join(' '), options),
});
