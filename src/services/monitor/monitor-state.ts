import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { fsFailure } from '../errors.js';
import { type MonitorCron, markCronRecordUninstalled, monitorCron } from './monitor-cron.js';
import { type MonitorLocation, type MonitorTargetInput, monitorLocation } from './monitor-location.js';
import { type MonitorRunRecord, readMonitorRunRecord } from './monitor-notify.js';
import { crontabReader, firstLine, systemctlRunner, systemdUsable } from './monitor-system.js';
import { MONITOR_UNIT_PREFIX } from './monitor-units.js';

export interface MonitorStatus extends MonitorLocation {
  serviceInstalled: boolean;
  timerInstalled: boolean;
  systemd: boolean;
  /** `systemctl --user is-active` / `is-enabled` of the timer, when systemd is there. */
  active?: string;
  enabled?: string;
  /** Monitors of other agents or state dirs in the same unit dir. */
  otherTimers: string[];
  cron: MonitorCron;
  lastRun?: MonitorRunRecord;
}

export async function monitorStatus(input: MonitorTargetInput): Promise<MonitorStatus> {
  const where = monitorLocation(input);
  const run = input.runSystemctl ?? systemctlRunner(input.env);
  const systemd = await systemdUsable(run);
  const status: MonitorStatus = {
    ...where,
    serviceInstalled: existsSync(where.servicePath),
    timerInstalled: existsSync(where.timerPath),
    systemd,
    otherTimers: (await listDir(where.unitDir)).filter(
      (name) => name.startsWith(MONITOR_UNIT_PREFIX) && name.endsWith('.timer') && name !== where.timerName,
    ),
    cron: await monitorCron(where, input.readCrontab ?? crontabReader(input.env)),
  };
  if (systemd) {
    status.active = (await run(['is-active', where.timerName])).stdout.trim() || 'unknown';
    status.enabled = (await run(['is-enabled', where.timerName])).stdout.trim() || 'unknown';
  }
  const lastRun = await readMonitorRunRecord(where.statusPath);
  if (lastRun) status.lastRun = lastRun;
  return status;
}

export interface MonitorUninstallResult {
  /** Whether there was a monitor: its units, the crontab line install gave, or a crontab line that runs it. */
  installed: boolean;
  removed: string[];
  disabled: boolean;
  /** Crontab lines that still run it: authdeck never edits a crontab, so they are for the user to remove. */
  cronEntries: string[];
  note?: string;
}

/**
 * Removes what `monitor install` made (units, the crontab line it gave) and, once nothing runs the
 * monitor any more, the records of its runs. With no monitor installed it removes nothing: the
 * record of a `monitor run` started by hand is not the monitor's to delete.
 */
export async function uninstallMonitor(input: MonitorTargetInput): Promise<MonitorUninstallResult> {
  const where = monitorLocation(input);
  const cron = await monitorCron(where, input.readCrontab ?? crontabReader(input.env));
  const units = existsSync(where.servicePath) || existsSync(where.timerPath);
  const cronEntries = cron.entries;
  if (!units && (cron.line === undefined || cron.uninstalled) && cronEntries.length === 0) {
    const crontab = cron.crontab ? 'no line in your crontab runs it' : 'no crontab here';
    // Said as `monitor status` says it: an uninstall before kept its record, marked so.
    const before = cron.uninstalled ? `already uninstalled (${where.cronPath} keeps its line, marked so); ` : '';
    return {
      installed: false,
      removed: [],
      disabled: false,
      cronEntries,
      note: `${before}no monitor units in ${where.unitDir}, ${crontab}`,
    };
  }
  const notes: string[] = [];
  let disabled = false;
  const run = input.runSystemctl ?? systemctlRunner(input.env);
  const systemd = units && (await systemdUsable(run));
  if (systemd) {
    const disable = await run(['disable', '--now', where.timerName]);
    disabled = disable.code === 0;
    if (!disabled) notes.push(`systemctl --user disable --now ${where.timerName} failed: ${firstLine(disable)}`);
  }
  const paths = [where.timerPath, where.servicePath];
  // While a crontab line still runs it (or may: no crontab to look in, and a line was given), the
  // line it came from, the ntfy URL or command it reads and the records of its runs stay; the refusals keep a
  // refused token unsent.
  const mayStillRun = cronEntries.length > 0 || (cron.line !== undefined && !cron.crontab);
  const readsAndRecords = [where.ntfyPath, where.notifyPath, where.cronPath, where.statusPath, where.refusedPath];
  if (!mayStillRun) paths.push(...readsAndRecords);
  const removed: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) continue;
    try {
      await rm(path, { force: true });
    } catch (error) {
      throw fsFailure(error, path, 'write');
    }
    removed.push(path);
  }
  if (systemd) await run(['daemon-reload']);
  if (units && !systemd) notes.push('systemctl --user is not available, so a running timer was not stopped');
  const kept = mayStillRun ? readsAndRecords.filter((path) => existsSync(path)) : [];
  if (cron.line !== undefined && !cron.crontab) await markCronRecordUninstalled(where);
  if (cron.line !== undefined && !cron.crontab)
    notes.push(
      `there is no crontab here to look in: a line you may have added by hand stays until you remove it, so what it reads and records is kept (${kept.join(', ')}); delete ${kept.length === 1 ? 'that file' : 'those files'} once no line runs it`,
    );
  if (cronEntries.length > 0)
    notes.push(
      `your crontab still runs it: remove ${cronEntries.length === 1 ? 'its line' : 'its lines'} with \`crontab -e\` (authdeck does not edit a crontab)`,
    );
  const result = { installed: true, removed, disabled, cronEntries };
  return notes.length > 0 ? { ...result, note: notes.join('; ') } : result;
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}
