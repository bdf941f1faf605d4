import { AuthdeckError } from '../services/errors.js';
import { listAgentProfiles, resolveProfileName } from '../services/profiles/agent-state.js';
import { describeRef } from '../services/profiles/credential-view.js';
import { maskSecret } from '../services/profiles/credentials.js';
import { shown } from '../services/terminal-text.js';
import type { CommandContext } from './context.js';
import { writeLine } from './output.js';
import { command, flag } from './spec.js';

/**
 * The one command that prints a whole secret (README "Commands"), and only into a pipe or with --reveal,
 * so that it does not end up in a terminal's scrollback by accident.
 */
export async function runToken(ctx: CommandContext, name: string, options: { reveal?: boolean }): Promise<number> {
  const state = await ctx.agentState();
  const profileId = resolveProfileName(state, name);
  const row = listAgentProfiles(state).find((entry) => entry.view.id === profileId);
  if (!row) throw new AuthdeckError(`no profile ${profileId} for agent ${state.workspace.agentId}`);
  const { view } = row;
  if (view.secret === undefined) {
    // An env ref authdeck reads as the gateway does (environment, then its .env): unset here.
    if (view.secretRef?.source === 'env')
      throw new AuthdeckError(
        `${profileId} points at ${describeRef(view.secretRef)}, and ${view.secretRef.id} is not set (environment or the gateway's .env)`,
      );
    if (view.secretRef)
      throw new AuthdeckError(`${profileId} points at ${describeRef(view.secretRef)}, which authdeck does not resolve`);
    throw new AuthdeckError(`${profileId} holds no secret`);
  }
  if (ctx.io.stdout.isTTY && !options.reveal) {
    writeLine(ctx.io.stdout, maskSecret(view.secret));
    ctx.note('stdout is a terminal, so the secret is masked; pipe it somewhere or pass --reveal to print it');
    return 0;
  }
  const safe = shown(view.secret);
  if (ctx.io.stdout.isTTY && safe !== view.secret) {
    // A secret from the store that holds escapes would drive the terminal: shown as text, whole.
    writeLine(ctx.io.stdout, safe);
    ctx.note('the secret holds control characters, shown escaped here; pipe it somewhere to get it byte for byte');
    return 0;
  }
  ctx.io.stdout.write(`${view.secret}\n`);
  return 0;
}

export const tokenCommand = command({
  name: 'token',
  description: "print a profile's whole secret (masked on a terminal unless --reveal)",
  examples: ['export ANTHROPIC_API_KEY=$(authdeck token anthropic:default)'],
  options: { reveal: flag('reveal', 'print it even when stdout is a terminal') },
  args: [{ name: 'id', required: true, values: 'profiles' }],
  // The parser has checked there is exactly one.
  run: (ctx, options, ids) => runToken(ctx, ids.join(' '), options),
});
