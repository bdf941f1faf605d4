import { realpathSync } from 'node:fs';
import { tellGateway } from '../services/actions.js';
import { parseDuration } from '../services/durations.js';
import { UsageError } from '../services/errors.js';
import { monitorCheck } from '../services/monitor/monitor-check.js';
import { installMonitor, MIN_EVERY_MS, type MonitorInstallResult } from '../services/monitor/monitor-install.js';
import { monitorLocation } from '../services/monitor/monitor-location.js';
import { describeRun, monitorRunExitCode, runMonitor } from '../services/monitor/monitor-notify.js';
import { type MonitorStatus, monitorStatus, uninstallMonitor } from '../services/monitor/monitor-state.js';
import { parseNotifyTarget, parseRunTarget, scrubSecrets } from '../services/monitor/monitor-target.js';
import type { CommandContext } from './context.js';
import type { MONITOR_INSTALL_OPTIONS, MONITOR_RUN_OPTIONS } from './monitor-options.js';
import { writeJson, writeLine } from './output.js';
import type { OptionValues } from './spec.js';

type CronInstall = Extract<MonitorInstallResult, { mode: 'cron' }>;

/** The command a scheduled job runs: this Node and this authdeck, by absolute path. */
function authdeckCommand(): string[] {
  const script = process.argv[1];
  if (!script) throw new UsageError('cannot tell where authdeck is installed (no script path)');
  return [process.execPath, realpathSync(script)];
}

async function target(ctx: CommandContext) {
  const workspace = await ctx.workspace();
  return { stateDir: workspace.stateDir, agentId: workspace.agentId, env: ctx.io.env };
}

export async function runInstall(
  ctx: CommandContext,
  options: OptionValues<typeof MONITOR_INSTALL_OPTIONS>,
): Promise<number> {
  const everyMs = options.every ?? parseDuration('30m');
  if (everyMs < MIN_EVERY_MS) throw new UsageError('--every must be at least 5m');
  const withinMs = options.within ?? parseDuration('2h');
  const notify = parseNotifyTarget({ notify: options.notify, ntfy: options.ntfy });
  if (notify && options.noNotify) throw new UsageError('--no-notify contradicts --notify/--ntfy; pass one');
  const result = await installMonitor({
    ...(await target(ctx)),
    authdeckCommand: authdeckCommand(),
    everyMs,
    withinMs,
    ...(notify ? { notify } : {}),
    ...(options.noNotify ? { dropKeptTarget: true } : {}),
  });
  if (options.json) {
    writeJson(ctx.io.stdout, { ok: true, ...result });
    return 0;
  }
  const out = ctx.io.stdout;
  if (result.mode === 'systemd') {
    writeLine(
      out,
      `${ctx.paint.green('✔')} ${result.enabled ? 'Installed and started' : 'Installed'} ${result.timerName}`,
    );
    writeLine(out, `  ${result.servicePath}`, `  ${result.timerPath}`);
  } else {
    writeLine(out, cronInstallHeading(result));
    writeLine(out, `  ${result.crontabLine}`);
    writeLine(out, ctx.paint.dim(`  (its output goes to ${result.logPath})`));
  }
  if (result.note) ctx.note(ctx.paint.yellow(`note: ${result.note}`));
  return 0;
}

/** authdeck never edits a crontab: what to do with the line it gives, from what `crontab -l` holds. */
function cronInstallHeading(result: CronInstall): string {
  if (result.entries.includes(result.crontabLine))
    return 'No systemd user manager here; your crontab has this line already:';
  if (result.entries.length > 0)
    return 'No systemd user manager here; your crontab runs another line for this monitor: replace it (`crontab -e`) with this one:';
  if (result.crontab) return 'No systemd user manager here: add this line to your crontab with `crontab -e`:';
  return 'No systemd user manager and no crontab here: add this line by hand:';
}

export async function runStatusOfMonitor(ctx: CommandContext, json: boolean): Promise<number> {
  const status = await monitorStatus(await target(ctx));
  if (json) {
    writeJson(ctx.io.stdout, status);
    return 0;
  }
  const out = ctx.io.stdout;
  const units = status.serviceInstalled && status.timerInstalled;
  if (units || status.systemd)
    writeLine(
      out,
      units ? `${status.timerName}: installed (${status.timerPath})` : `${status.timerName}: not installed`,
    );
  else writeLine(out, 'systemd: no user manager here');
  if (status.systemd)
    writeLine(out, `  active: ${status.active ?? 'unknown'} · enabled: ${status.enabled ?? 'unknown'}`);
  const { cron } = status;
  if (!status.systemd || cron.line !== undefined || cron.entries.length > 0) writeLine(out, ...cronStatusLines(status));
  writeLine(out, `  last run: ${status.lastRun ? describeRun(status.lastRun) : 'never recorded'}`);
  for (const note of status.lastRun?.notes ?? []) writeLine(out, `    ${note}`);
  for (const other of status.otherTimers) writeLine(out, ctx.paint.dim(`  also installed: ${other}`));
  return 0;
}

/** The monitor as cron runs it: the user's crontab line, or the line install gave and where it goes. */
function cronStatusLines({ cron }: MonitorStatus): string[] {
  if (cron.entries.length > 0) return ['cron: installed in your crontab', ...cron.entries.map((entry) => `  ${entry}`)];
  if (cron.line !== undefined && cron.uninstalled)
    return [
      'cron: uninstalled; if you added this line by hand, it runs the monitor until you remove it:',
      `  ${cron.line}`,
    ];
  if (cron.line !== undefined)
    return [
      cron.crontab
        ? 'cron: not in your crontab yet; add this line with `crontab -e`:'
        : 'cron: no crontab here: add this line by hand:',
      `  ${cron.line}`,
    ];
  return [
    cron.crontab
      ? 'cron: not installed (no line in your crontab runs it; `authdeck monitor install` gives the line)'
      : 'cron: not installed (no crontab here; `authdeck monitor install` gives the line to add by hand)',
  ];
}

export async function runUninstall(ctx: CommandContext, json: boolean): Promise<number> {
  const result = await uninstallMonitor(await target(ctx));
  if (json) {
    writeJson(ctx.io.stdout, { ok: true, ...result });
    return 0;
  }
  if (!result.installed) {
    writeLine(ctx.io.stdout, `Nothing installed (${result.note}), so nothing was removed.`);
    return 0;
  }
  for (const path of result.removed) writeLine(ctx.io.stdout, `${ctx.paint.green('✔')} removed ${path}`);
  if (result.note) ctx.note(result.note);
  for (const entry of result.cronEntries) ctx.note(`  ${entry}`);
  return 0;
}

/** What the timer runs: the keep-alive and `status --check`, then a notification when something needs a person. */
export async function runScheduledCheck(
  ctx: CommandContext,
  options: OptionValues<typeof MONITOR_RUN_OPTIONS>,
): Promise<number> {
  const everyMs = options.every ?? parseDuration('30m');
  if (everyMs <= 0) throw new UsageError('--every: give an interval longer than 0');
  const withinMs = options.within ?? parseDuration('2h');
  const notify = parseRunTarget({
    notify: options.notify,
    ntfy: options.ntfy,
    ntfyFile: options.ntfyFile,
    notifyFile: options.notifyFile,
  });
  const where = monitorLocation(await target(ctx));
  const record = await runMonitor({
    check: () =>
      monitorCheck({
        loadState: () => ctx.agentState({ waitForLock: true }),
        env: ctx.io.env,
        everyMs,
        withinMs,
        refusedPath: where.refusedPath,
        now: ctx.io.now,
        onRefreshed: async (state) =>
          ctx.noteGateway(await tellGateway(await ctx.actionContext(state), state.store, true)),
      }),
    target: notify,
    statusPath: where.statusPath,
    deps: { redact: scrubSecrets },
  });
  for (const note of record.notes ?? []) writeLine(ctx.io.stdout, note);
  writeLine(ctx.io.stdout, describeRun(record));
  // Not sent anywhere: the reasons are said here, not only kept in the run's record.
  if (!record.notified) for (const reason of record.reasons) writeLine(ctx.io.stdout, `  ${reason}`);
  return monitorRunExitCode(record);
}
