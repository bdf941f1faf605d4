import { removeCredential } from '../services/actions.js';
import { CancelledError, UsageError } from '../services/errors.js';
import { envStillHoldsNote, envVariablesHolding, resolveProfileName } from '../services/profiles/agent-state.js';
import { removedMentionsLine } from '../services/profiles/config-references.js';
import { removalLayer } from '../services/profiles/profile-actions.js';
import { flagWord, shellWord } from '../services/shell-word.js';
import { removalWarning } from '../services/status/removal-warning.js';
import { buildStatusReport } from '../services/status/report.js';
import { shown } from '../services/terminal-text.js';
import type { CommandContext } from './context.js';
import { writeJson, writeWrapped } from './output.js';
import { promptConfirm } from './secret-input.js';
import { command, OPTIONS } from './spec.js';

export async function runRemove(
  ctx: CommandContext,
  name: string,
  options: { yes?: boolean; json?: boolean },
): Promise<number> {
  const state = await ctx.agentState();
  const profileId = resolveProfileName(state, name);
  const layer = removalLayer(state, profileId);
  const scope = layer.role === 'shared' ? ' (the shared store: every agent loses it)' : '';
  if (!options.yes) {
    if (!ctx.interactive)
      throw new UsageError(`not removing ${profileId} without confirmation: no terminal to ask in; pass --yes`);
    const report = buildStatusReport(state, { nowMs: ctx.io.now(), warnWithinMs: 0 });
    const breaks = removalWarning(state, report, profileId);
    if (breaks) ctx.note(ctx.paint.red(`! ${breaks}`));
    const confirmed = await promptConfirm(
      `Remove ${shown(profileId)} from ${layer.path}${scope}? It cannot be undone.`,
      ctx.io.stdin,
      ctx.io.stderr,
    );
    if (!confirmed) throw new CancelledError(`kept ${profileId}`);
  }
  // The same key in the daemon .env keeps the provider working for the gateway: say so.
  const envStillHolds = envVariablesHolding(state, profileId);
  const removed = await removeCredential(await ctx.actionContext(state), profileId);
  if (options.json) {
    writeJson(ctx.io.stdout, {
      ok: true,
      removed: removed.profileId,
      type: removed.type,
      storePath: removed.storePath,
      layer: removed.layer,
      stillIn: removed.stillIn ?? null,
      config: removed.config,
      envStillHolds,
      gateway: removed.gateway.status,
    });
  } else {
    // Broken at spaces and after a path's slashes on a terminal, never inside a name.
    writeWrapped(
      ctx.io.stdout,
      `${ctx.paint.green('✔')} Removed ${removed.profileId} (${removed.type}) from ${removed.storePath}${removed.layer === 'shared' ? ' (shared store)' : ''}`,
    );
    const { config } = removed;
    if (config.status === 'removed') writeWrapped(ctx.io.stdout, removedMentionsLine(config));
    else if (config.status === 'kept')
      ctx.note(
        `note: kept ${config.places.join(', ')} in ${config.path}: agent ${config.heldBy.join(', agent ')} still has ${removed.profileId}`,
      );
    else if (config.status === 'failed')
      ctx.note(`note: ${config.path} still names ${removed.profileId}: ${config.reason}`);
    const below = removed.stillIn;
    const order = below?.orderWithout;
    if (below)
      ctx.note(
        `note: ${removed.profileId} also exists in the ${below.layer} store (${below.path})${
          order
            ? `, but this agent's order (${order.ids.join(', ')}) does not name it, so it is not tried; \`authdeck order set --agent ${shellWord(state.workspace.agentId)} ${flagWord('--provider', order.provider)} ${[...order.ids, removed.profileId].map(shellWord).join(' ')}\` puts it back`
            : '; that one applies now'
        }`,
      );
    for (const name of envStillHolds) ctx.note(`note: ${envStillHoldsNote(state, name)}`);
    ctx.noteGateway(removed);
  }
  return 0;
}

export const removeCommand = command({
  name: 'remove',
  description: 'remove a profile (asks first in a terminal)',
  examples: ['authdeck remove anthropic:work', 'authdeck remove work --yes --json'],
  writes: true,
  needsExistingState: true,
  options: { yes: OPTIONS.yes, json: OPTIONS.json },
  args: [
    {
      name: 'id',
      required: true,
      values: 'profiles',
      whenMissing: '`authdeck logout` picks one from a list (in a terminal)',
    },
  ],
  // The parser has checked there is exactly one.
  run: (ctx, options, ids) => runRemove(ctx, ids.join(' '), options),
});
