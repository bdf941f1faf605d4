import { findClaudeBinary } from '../services/setup-token/find-claude.js';
import { UsageError } from '../services/errors.js';
import { resolveProfileId } from '../services/profile-actions.js';
import { readAuthStore } from '../services/store.js';
import type { CommandContext } from './context.js';

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
  if (options.provider !== undefined && options.provider.trim().toLowerCase() !== 'anthropic') {
    throw new UsageError('setup-token makes Anthropic tokens only (--provider anthropic); for other providers use `authdeck paste-token` or `authdeck add-key`');
  }
  if (!ctx.interactive) {
    throw new UsageError(
      'setup-token needs a terminal: `claude setup-token` runs in one and asks for a code from your browser. Without a terminal, make the token elsewhere and pipe it to `authdeck paste-token --provider anthropic`',
    );
  }
  const profileId = options.profileId !== undefined ? resolveProfileId('anthropic', options.profileId) : undefined;
  const claudeBin = findClaudeBinary(ctx.io.env.PATH, options.claudeBin);
  // An unknown agent or an unparsable store stops here, before claude makes a token.
  await readAuthStore((await ctx.workspace()).agentDir);
  const { launchTui } = await import('../tui.js');
  return launchTui(ctx, { name: 'setup-token', claudeBin, ...(profileId ? { profileId } : {}), ...(options.yes ? { yes: true } : {}) });
}
