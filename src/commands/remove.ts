import { AuthdeckError, CancelledError, UsageError } from '../services/errors.js';
import { removeProfile } from '../services/profile-actions.js';
import type { CommandContext } from './context.js';
import { writeJson, writeLine } from './output.js';
import { promptConfirm } from './secret-input.js';

export async function runRemove(ctx: CommandContext, profileId: string, options: { yes?: boolean; json?: boolean }): Promise<number> {
  const state = await ctx.agentState();
  const own = state.own.profiles[profileId];
  if (!own) {
    if (state.main?.profiles[profileId]) {
      throw new AuthdeckError(`${profileId} is inherited from the main agent; remove it there with \`authdeck remove ${profileId} --agent main\``);
    }
    throw new AuthdeckError(`no profile ${profileId} in ${state.own.files.profilesPath}`);
  }
  if (!options.yes) {
    if (!ctx.interactive) throw new UsageError(`not removing ${profileId} without confirmation: no terminal to ask in; pass --yes`);
    const confirmed = await promptConfirm(`Remove ${profileId} from ${state.own.files.profilesPath}?`, ctx.io.stdin, ctx.io.stderr);
    if (!confirmed) throw new CancelledError(`kept ${profileId}`);
  }
  const removed = await removeProfile(await ctx.workspace(), profileId);
  if (options.json) writeJson(ctx.io.stdout, { ok: true, removed: removed.profileId, type: removed.type, storePath: removed.storePath });
  else writeLine(ctx.io.stdout, `${ctx.paint.green('✔')} Removed ${removed.profileId} (${removed.type}) from ${removed.storePath}`);
  return 0;
}
