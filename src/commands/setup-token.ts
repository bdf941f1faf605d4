import { UsageError } from '../services/errors.js';
import { resolveProfileId } from '../services/profile-actions.js';
import { normalizeProviderId } from '../services/providers.js';
import { findClaudeBinary } from '../services/setup-token/find-claude.js';
import type { CommandContext } from './context.js';
import { openScreen, requireTerminal } from './interactive.js';
import { flagValue, stringValue, type CommandSpec } from './spec.js';

export interface SetupTokenOptions {
  provider?: string;
  profileId?: string;
  claudeBin?: string;
  yes?: boolean;
}

/**
 * `authdeck setup-token`: checks what can be checked without a screen (terminal, provider,
 * claude, the store), then opens the setup-token screen.
 */
export async function runSetupToken(ctx: CommandContext, options: SetupTokenOptions): Promise<number> {
  if (options.provider !== undefined && normalizeProviderId(options.provider) !== 'anthropic') {
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
    { checkStore: true },
  );
}

export const setupTokenCommand: CommandSpec = {
  name: 'setup-token',
  description: 'run `claude setup-token` here and save the token it prints as a profile (TUI)',
  options: [
    { name: 'provider', value: 'id', description: 'only anthropic' },
    { name: 'profile-id', value: 'id', description: 'profile id or name (default anthropic:default; asks when taken)' },
    { name: 'claude-bin', value: 'path', description: 'the claude program (default: claude on PATH)' },
    { name: 'yes', short: 'y', description: 'replace the profile if it exists, without asking' },
  ],
  run: (ctx, { values }) =>
    runSetupToken(ctx, {
      provider: stringValue(values, 'provider'),
      profileId: stringValue(values, 'profile-id'),
      claudeBin: stringValue(values, 'claude-bin'),
      yes: flagValue(values, 'yes'),
    }),
};
