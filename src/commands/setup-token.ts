import { UsageError } from '../services/errors.js';
import { resolveProfileId } from '../services/profiles/profile-actions.js';
import { findClaudeBinary } from '../services/setup-token/find-claude.js';
import type { CommandContext } from './context.js';
import { openScreen, requireTerminal } from './interactive.js';
import { command, flag, type OptionValues, provider, text } from './spec.js';

const SETUP_TOKEN_OPTIONS = {
  provider: provider('only anthropic'),
  profileId: text('profile-id', 'id', 'profile id or name (default anthropic:default; asks when taken)', 'profiles'),
  claudeBin: text('claude-bin', 'path', 'the claude program (default: claude on PATH)', 'files'),
  yes: flag('yes', 'replace the profile if it exists, without asking', 'y'),
};

export type SetupTokenOptions = OptionValues<typeof SETUP_TOKEN_OPTIONS>;

/**
 * `authdeck setup-token`: checks what can be checked without a screen (terminal, provider,
 * claude, the store), then opens the setup-token screen.
 */
export async function runSetupToken(ctx: CommandContext, options: SetupTokenOptions): Promise<number> {
  if (options.provider !== undefined && options.provider !== 'anthropic') {
    throw new UsageError(
      'setup-token makes Anthropic tokens only (--provider anthropic); for other providers use `authdeck paste-token` or `authdeck add-key`',
    );
  }
  requireTerminal(
    ctx,
    'setup-token',
    'a token made elsewhere (`claude setup-token` runs in a terminal and asks for a code from your browser), piped to `authdeck paste-token --provider anthropic`',
  );
  const profileId = options.profileId !== undefined ? resolveProfileId('anthropic', options.profileId) : undefined;
  const claudeBin = findClaudeBinary(ctx.io.env.PATH, options.claudeBin);
  // checkStore: an unparsable store stops here, before claude makes a token.
  return openScreen(
    ctx,
    { name: 'setup-token', claudeBin, ...(profileId ? { profileId } : {}), ...(options.yes ? { yes: true } : {}) },
    { checkStore: true, provider: 'anthropic' },
  );
}

export const setupTokenCommand = command({
  name: 'setup-token',
  description: 'run `claude setup-token` here and save the token it prints as a profile (TUI)',
  examples: ['authdeck setup-token', 'authdeck setup-token --profile-id work'],
  writes: true,
  options: SETUP_TOKEN_OPTIONS,
  run: (ctx, options) => runSetupToken(ctx, options),
});
