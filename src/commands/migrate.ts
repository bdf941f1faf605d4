import { migrateJsonFiles } from '../services/actions.js';
import { rewrittenNote } from '../services/config/config-changes.js';
import { describeExpiry } from '../services/durations.js';
import { AuthdeckError, CancelledError, UsageError } from '../services/errors.js';
import { withWorkspaceFlags } from '../services/invocation.js';
import type { MigrationEntry, MigrationPlan } from '../services/profiles/migrate.js';
import { countOf } from '../services/status/words.js';
import { upgradePending } from '../services/store/upgrade-pending.js';
import { shown } from '../services/terminal-text.js';
import type { CommandContext } from './context.js';
import { writeJson, writeWrapped } from './output.js';
import { promptConfirm } from './secret-input.js';
import { command, flag, OPTIONS } from './spec.js';

export interface MigrateOptions {
  apply?: boolean;
  preferJson?: boolean;
  yes?: boolean;
  json?: boolean;
}

const VERDICT_TEXT: Record<MigrationEntry['verdict'], string> = {
  new: 'not stored yet: doctor would import it',
  same: 'already stored, identical',
  'newer-in-json': 'NEWER in JSON: doctor keeps the older stored one and drops this',
  'older-in-json': 'older in JSON: doctor keeps the stored one',
  differs: 'differs from the stored one: doctor keeps the stored one',
  unsupported: 'not a credential OpenClaw stores: doctor drops it, and so does this',
};

/** Profile ids from the files, each shown safely (an id can hold escapes). */
/** Ids named in a line: a migration of thousands names the first ones (`--json` has them all). */
const NAMED_IN_A_LINE = 20;

function shownList(ids: readonly string[]): string {
  const named = ids.slice(0, NAMED_IN_A_LINE).map((id) => shown(id));
  const rest = ids.length - named.length;
  return rest > 0 ? `${named.join(', ')} and ${rest} more (\`--json\` lists them all)` : named.join(', ');
}

const NO_TARGET_YET =
  'the SQLite store does not exist yet, so nothing can conflict: run `openclaw doctor --fix`, which creates it and imports every profile';

function formatPlan(ctx: CommandContext, plan: MigrationPlan): void {
  const out = ctx.io.stdout;
  const { paint } = ctx;
  const sources = [plan.profilesFile, plan.stateFile].filter(Boolean).join(', ');
  writeWrapped(out, `${paint.bold('JSON store')} ${sources || 'none'}`);
  writeWrapped(
    out,
    `${paint.bold('SQLite store')} ${plan.target.path} (${plan.target.role}${plan.target.exists ? '' : `, ${paint.yellow('does not exist yet')}`})`,
  );
  for (const entry of plan.entries) {
    const expiry =
      entry.jsonExpiresAt !== null ? ` · JSON ${describeExpiry(entry.jsonExpiresAt, Date.now(), 'date')}` : '';
    const stored =
      entry.storedExpiresAt !== null ? ` · stored ${describeExpiry(entry.storedExpiresAt, Date.now(), 'date')}` : '';
    const color =
      entry.verdict === 'newer-in-json' ? paint.yellow : entry.verdict === 'same' ? paint.dim : (text: string) => text;
    writeWrapped(
      out,
      color(
        `  ${shown(entry.id).padEnd(28)} ${shown(entry.type).padEnd(7)} ${VERDICT_TEXT[entry.verdict]}${expiry}${stored}`,
      ),
    );
  }
  for (const file of plan.otherFiles) writeWrapped(out, paint.dim(`  ${file}: left to \`openclaw doctor --fix\``));
}

/** `authdeck migrate`: what `openclaw doctor --fix` would and would not import, and (--apply) doing it without losing renewals. */
export async function runMigrate(ctx: CommandContext, options: MigrateOptions): Promise<number> {
  const state = await ctx.agentState();
  // Loaded on use: the other commands (status --check in cron above all) never pay for it.
  const { planMigration } = await import('../services/profiles/migrate.js');
  const plan = await planMigration(state.store);
  const noJsonFiles = !plan.profilesFile && !plan.stateFile && plan.otherFiles.length === 0;
  // Nothing to migrate is an answer, not a failure, with or without --apply.
  if (!options.apply || plan.readsJsonFiles || noJsonFiles) {
    if (options.json) writeJson(ctx.io.stdout, { ok: true, applied: false, ...plan });
    else if (!state.generation.certain && noJsonFiles)
      writeWrapped(ctx.io.stdout, `Nothing to migrate: ${state.generation.evidence}.`);
    else if (plan.readsJsonFiles) {
      // A newer OpenClaw installed will not start here until its doctor moves the home to SQLite:
      // that is the step to take, and authdeck's migrate then finds what it left out.
      const pending = upgradePending(state.generation, state.workspace.env, { run: false });
      writeWrapped(
        ctx.io.stdout,
        pending
          ? `This agent uses the JSON store (OpenClaw ≤ 2026.6.1), but the openclaw on PATH is ${pending.installed}, which will not start on it until \`openclaw doctor --fix\` moves it to SQLite: run that first, then \`authdeck migrate\` shows anything the import left behind.`
          : 'This agent uses the JSON store (OpenClaw ≤ 2026.6.1): nothing to migrate.',
      );
    } else if (noJsonFiles) writeWrapped(ctx.io.stdout, 'No JSON auth files: nothing to migrate.');
    else if (!plan.target.exists) {
      formatPlan(ctx, plan);
      writeWrapped(ctx.io.stdout, NO_TARGET_YET);
    } else {
      formatPlan(ctx, plan);
      writeWrapped(
        ctx.io.stdout,
        ctx.paint.dim(
          // For the agent and state dir it looked at (`--agent coder`): the bare command migrates main.
          withWorkspaceFlags(
            'Run `authdeck migrate --apply` to write the new and newer profiles into SQLite and archive the JSON files (add --prefer-json to take every differing one from JSON).',
            state.workspace,
          ),
        ),
      );
    }
    return 0;
  }
  // Nothing to ask about: without the database there is nothing to write into (nor to conflict with).
  if (!plan.target.exists && !plan.readsJsonFiles && (plan.profilesFile || plan.stateFile)) {
    if (!options.json) formatPlan(ctx, plan);
    throw new AuthdeckError(`nothing changed: ${NO_TARGET_YET}`);
  }
  if (!options.yes) {
    if (!ctx.interactive)
      throw new UsageError('migrate --apply changes the store: pass --yes, or run it in a terminal to be asked');
    formatPlan(ctx, plan);
    if (!(await promptConfirm('Write these into SQLite and archive the JSON files?', ctx.io.stdin, ctx.io.stderr)))
      throw new CancelledError('nothing changed');
  }
  const { gateway, gatewayNote, ...result } = await migrateJsonFiles(await ctx.actionContext(state), {
    preferJson: options.preferJson === true,
  });
  if (options.json) {
    writeJson(ctx.io.stdout, { ok: true, applied: true, target: plan.target.path, ...result, gateway: gateway.status });
    return 0;
  }
  const { paint } = ctx;
  writeWrapped(
    ctx.io.stdout,
    `${paint.green('✔')} Wrote ${countOf(result.written.length, 'profile')} into ${plan.target.path}${result.written.length ? `: ${shownList(result.written)}` : ''}`,
  );
  if (result.joinedOrder.length)
    writeWrapped(
      ctx.io.stdout,
      `  added at the end of their provider's order, so that the gateway tries them: ${shownList(result.joinedOrder)}`,
    );
  if (result.kept.length) writeWrapped(ctx.io.stdout, `  kept the stored ${shownList(result.kept)}`);
  if (result.dropped.length)
    writeWrapped(
      ctx.io.stdout,
      `  not imported (not a credential OpenClaw stores; left in the archived file): ${shownList(result.dropped)}`,
    );
  for (const note of result.notes) ctx.note(`warning: ${note}`);
  for (const file of result.archived) writeWrapped(ctx.io.stdout, `  archived ${file.from} → ${file.to}`);
  const rewritten = rewrittenNote({
    path: state.workspace.configPath,
    ...(result.configBackupPath ? { backupPath: result.configBackupPath } : {}),
  });
  if (rewritten) writeWrapped(ctx.io.stdout, `  ${rewritten.slice(2)}`);
  ctx.noteGateway({ ...(gatewayNote ? { gatewayNote } : {}) });
  return 0;
}

export const migrateCommand = command({
  name: 'migrate',
  description:
    'SQLite-era agent with JSON auth files: what `openclaw doctor --fix` would import, and --apply to do it without losing renewed tokens',
  examples: ['authdeck migrate', 'authdeck migrate --apply --yes'],
  writes: true,
  needsExistingState: true,
  options: {
    apply: flag('apply', 'write the new and newer profiles into SQLite and archive the JSON files'),
    preferJson: flag('prefer-json', 'with --apply: also take every profile that differs from the stored one'),
    yes: OPTIONS.yes,
    json: OPTIONS.json,
  },
  run: (ctx, options) => runMigrate(ctx, options),
});
