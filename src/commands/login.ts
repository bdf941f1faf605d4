import { UsageError } from '../services/errors.js';
import type { CommandContext } from './context.js';
import { ONBOARD_OPTIONS, onboardInput, openScreen, requireTerminal, runOnboard } from './interactive.js';
import { runRemove } from './remove.js';
import { OPTIONS, flagValue, type CommandSpec } from './spec.js';

/**
 * `authdeck login`: what people type first. Without a method it is the wizard; with one, the
 * wizard goes straight to it (or, --non-interactive, reads the secret from stdin).
 */
export const loginCommand: CommandSpec = {
  name: 'login',
  description: 'sign in to a provider: the onboarding wizard (same options as onboard)',
  options: ONBOARD_OPTIONS,
  run: (ctx, { values }) => {
    const input = onboardInput(values);
    if (input.method === 'browser' || input.method === 'device')
      throw new UsageError(
        `--method ${input.method}: OAuth sign-in is not built into authdeck yet; sign in with \`openclaw models auth login --provider P\` (authdeck then shows and orders that profile), or use api-key, setup-token or paste-token`,
      );
    return runOnboard(ctx, input);
  },
};

/** `authdeck logout [ID]`: remove a profile; without an id, choose it in a list. */
export async function runLogout(ctx: CommandContext, id: string | undefined, options: { yes: boolean; json: boolean }) {
  if (id !== undefined) return runRemove(ctx, id, options);
  requireTerminal(ctx, 'logout without an id', '`authdeck logout ID --yes` (see `authdeck status` for the ids)');
  return openScreen(ctx, { name: 'logout' }, { checkStore: true });
}

export const logoutCommand: CommandSpec = {
  name: 'logout',
  description: 'remove a profile: the one named, or one chosen in a list (TUI)',
  options: [OPTIONS.yes, OPTIONS.json],
  args: [{ name: 'id' }],
  run: (ctx, { values, positionals }) =>
    runLogout(ctx, positionals[0], { yes: flagValue(values, 'yes'), json: flagValue(values, 'json') }),
};
