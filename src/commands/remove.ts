import { AuthdeckError, CancelledError, UsageError } from '../services/errors.js';
import { layerHolding } from '../services/agent-state.js';
import { removeProfile } from '../services/profile-actions.js';
import { locationPath } from '../services/store-docs.js';
import type { CommandContext } from './context.js';
import { writeJson, writeLine } from './output.js';
import { promptConfirm } from './secret-input.js';

export async function runRemove(
  ctx: CommandContext,
  profileId: string,
  options: { yes?: boolean; json?: boolean },
): Promise<number> {
  const state = await ctx.agentState();
  const holder = layerHolding(state, profileId);
  if (holder === 'base' && state.layers.base?.role === 'inherited') {
    throw new AuthdeckError(
      `${profileId} is inherited from the main agent; remove it there with \`authdeck remove ${profileId} --agent main\``,
    );
  }
  if (!holder)
    throw new AuthdeckError(
      `no profile ${profileId} for agent ${state.workspace.agentId} in ${locationPath(state.own.location)}`,
    );
  const where = holder === 'own' ? state.own : state.base!;
  const scope = state.layers[holder]?.role === 'shared' ? ' (the shared store: every agent loses it)' : '';
  if (!options.yes) {
    if (!ctx.interactive)
      throw new UsageError(`not removing ${profileId} without confirmation: no terminal to ask in; pass --yes`);
    const confirmed = await promptConfirm(
      `Remove ${profileId} from ${locationPath(where.location)}${scope}?`,
      ctx.io.stdin,
      ctx.io.stderr,
    );
    if (!confirmed) throw new CancelledError(`kept ${profileId}`);
  }
  const removed = await removeProfile(await ctx.workspace(), profileId);
  const gateway = await ctx.reloadGateway(state.generation.era);
  if (options.json) {
    writeJson(ctx.io.stdout, {
      ok: true,
      removed: removed.profileId,
      type: removed.type,
      storePath: removed.storePath,
      layer: removed.layer,
      stillIn: removed.stillIn ?? null,
      gateway: gateway.status,
    });
  } else {
    writeLine(
      ctx.io.stdout,
      `${ctx.paint.green('✔')} Removed ${removed.profileId} (${removed.type}) from ${removed.storePath}${removed.layer === 'shared' ? ' (shared store)' : ''}`,
    );
    if (removed.stillIn)
      ctx.note(
        `note: ${removed.profileId} also exists in the ${removed.stillIn.layer} store (${removed.stillIn.path}); that one applies now`,
      );
  }
  return 0;
}
