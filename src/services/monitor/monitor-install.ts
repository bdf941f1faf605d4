import { existsSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { formatWindow } from '../durations.js';
import { fsFailure, UsageError } from '../errors.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { readTextIfExists } from '../files/fs-read.js';
import { type MonitorCron, monitorCron, writeCronRecord } from './monitor-cron.js';
import { MAX_KEPT_BYTES, readKeptTarget, removeKeptTarget, writeKeptTarget } from './monitor-kept-target.js';
import { type MonitorLocation, type MonitorTargetInput, monitorLocation } from './monitor-location.js';
import { crontabReader, firstLine, lingering, systemctlRunner, systemdUsable } from './monitor-system.js';
import { maskUrl, type NotifyTarget, parseNotifyTarget, type RunTarget, scrubSecrets } from './monitor-target.js';
import {
  cronEveryMs,
  monitorEnvironment,
  monitorRunArgs,
  renderCrontabLine,
  renderServiceUnit,
  renderTimerUnit,
} from './monitor-units.js';

export interface MonitorInstallInput extends MonitorTargetInput {
  /** e.g. [process.execPath, '/path/to/authdeck.js'] */
  authdeckCommand: string[];
  everyMs: number;
  withinMs: number;
  notify?: NotifyTarget;
  /** With no target given: notify no one, even where an earlier install kept one. */
  dropKeptTarget?: boolean;
}

export type MonitorInstallResult =
  | { mode: 'systemd'; servicePath: string; timerPath: string; timerName: string; enabled: boolean; note?: string }
  | {
      mode: 'cron';
      crontabLine: string;
      logPath: string;
      /** Whether there is a `crontab` program to add the line with (else it is added by hand). */
      crontab: boolean;
      /** Lines of the user's crontab that already run this monitor (the new line among them, or older ones). */
      entries: string[];
      note?: string;
    };

export const MIN_EVERY_MS = 5 * 60_000;

function validate(input: MonitorInstallInput): NotifyTarget | undefined {
  if (!Number.isFinite(input.everyMs) || input.everyMs < MIN_EVERY_MS) {
    throw new UsageError(`--every: at least 5m between checks (got ${formatWindow(Math.max(0, input.everyMs || 0))})`);
  }
  if (!Number.isFinite(input.withinMs) || input.withinMs <= 0)
    throw new UsageError('--within: give a window longer than 0');
  if (input.agentId.trim() === '') throw new UsageError('--agent: the agent id is empty');
  const target =
    input.notify === undefined
      ? undefined
      : parseNotifyTarget(
          'command' in input.notify ? { notify: input.notify.command } : { ntfy: input.notify.ntfyUrl },
        );
  const spelled = target === undefined ? '' : 'command' in target ? target.command : target.ntfyUrl;
  // Kept in a file a run reads back (keepTarget): one too long for it would never notify.
  if (Buffer.byteLength(`${spelled}\n`) > MAX_KEPT_BYTES)
    throw new UsageError('--notify/--ntfy: longer than 64 KB; put the command in a script and point --notify at that');
  if (scrubSecrets(spelled) !== spelled) {
    throw new UsageError(
      '--notify/--ntfy: holds what looks like an API key; put it in a script and point --notify at that',
    );
  }
  return target;
}

/**
 * The target goes to its own 0600 file, which the job is told to read: a unit's or crontab
 * line's command line is readable by every local user (`ps`) on every run. An ntfy URL too,
 * password and token or not: an ntfy topic is read and written by whoever knows its name, and
 * a webhook URL given as one (Slack's) carries its secret in the path; a notify command has no
 * shape to tell a webhook, a bot token or a header in it by.
 */
function keptTarget(where: MonitorLocation, target: NotifyTarget | undefined) {
  if (target === undefined) return undefined;
  if ('ntfyUrl' in target)
    return { path: where.ntfyPath, text: target.ntfyUrl, named: `the ntfy URL (${maskUrl(target.ntfyUrl)})` };
  return { path: where.notifyPath, text: target.command, named: 'the notify command' };
}

function runTarget(where: MonitorLocation, target: NotifyTarget | undefined): RunTarget | undefined {
  const kept = keptTarget(where, target);
  if (!kept) return target;
  return kept.path === where.ntfyPath ? { ntfyFile: kept.path } : { notifyFile: kept.path };
}

/**
 * Writes the file `runTarget` pointed the job at, once the job itself could be made. The files
 * an earlier install kept and this one does not use go — with units, which this install
 * replaces; a crontab line authdeck never edits may still read them, so there they stay
 * (uninstall removes them once no line runs the monitor).
 */
async function keepTarget(
  where: MonitorLocation,
  target: NotifyTarget | undefined,
  notes: string[],
  replacesEarlierJob: boolean,
): Promise<void> {
  const kept = keptTarget(where, target);
  if (kept) {
    await writeKeptTarget(kept.path, kept.text);
    notes.push(`${kept.named} is kept in ${kept.path}, which only you can read, not on the job's command line`);
  }
  if (replacesEarlierJob)
    for (const path of [where.ntfyPath, where.notifyPath]) if (path !== kept?.path) await removeKeptTarget(path);
}

/**
 * The target the job installed last reads (its unit, else the crontab line install gave), if
 * the file it reads still holds one; a file a `--no-notify` install left behind is not read.
 */
async function earlierTarget(where: MonitorLocation): Promise<{ target: NotifyTarget; named: string } | undefined> {
  const job =
    (await readTextIfExists(where.servicePath).catch(() => undefined)) ??
    (await readTextIfExists(where.cronPath).catch(() => undefined)) ??
    '';
  // Read as a run reads it (readKeptTarget), and named as this install names what it keeps.
  const kept: Array<[string, RunTarget]> = [
    [where.notifyPath, { notifyFile: where.notifyPath }],
    [where.ntfyPath, { ntfyFile: where.ntfyPath }],
  ];
  for (const [path, runs] of kept) {
    if (!job.includes(path)) continue;
    const read = await readKeptTarget(runs);
    const named = 'target' in read ? keptTarget(where, read.target)?.named : undefined;
    if ('target' in read && named) return { target: read.target, named };
  }
  return undefined;
}

export async function installMonitor(input: MonitorInstallInput): Promise<MonitorInstallResult> {
  const where = monitorLocation(input);
  const notes: string[] = [];
  // Installed again to change the interval (as the README says to): the target an earlier
  // install kept stays, said so; it was dropped unsaid, and the job then notified no one.
  const earlier = input.notify || input.dropKeptTarget ? undefined : await earlierTarget(where);
  if (earlier) notes.push(`${earlier.named} an earlier install kept is used again; --no-notify drops it`);
  const target = validate(earlier ? { ...input, notify: earlier.target } : input);
  if (target === undefined)
    notes.push('no --notify or --ntfy: each run records its result (`authdeck monitor status`) and notifies no one');
  const notify = runTarget(where, target);
  const runArgs = { withinMs: input.withinMs, notify, stateDir: where.stateDir, agentId: input.agentId };
  const command = (everyMs: number) => [...input.authdeckCommand, ...monitorRunArgs({ ...runArgs, everyMs })];
  const environment = monitorEnvironment(input.env, where.stateDir);
  const run = input.runSystemctl ?? systemctlRunner(input.env);
  if (!(await systemdUsable(run))) {
    // The run is told the interval cron will really keep, so that its keep-alive window matches it.
    const cron = renderCrontabLine({
      everyMs: input.everyMs,
      command: command(cronEveryMs(input.everyMs)),
      environment,
      logPath: where.logPath,
    });
    await keepTarget(where, target, notes, false);
    // Kept so that `monitor status` can show the line again and `monitor uninstall` knows of it.
    await writeCronRecord(where, cron.line);
    const found: MonitorCron = await monitorCron(where, input.readCrontab ?? crontabReader(input.env));
    const note = [cron.note, ...notes].filter(Boolean).join('; ');
    const result = {
      mode: 'cron' as const,
      crontabLine: cron.line,
      logPath: where.logPath,
      crontab: found.crontab,
      entries: found.entries,
    };
    return note ? { ...result, note } : result;
  }

  const description = `authdeck: check OpenClaw credential expiry (agent ${input.agentId})`;
  const service = renderServiceUnit({ execStart: command(input.everyMs), environment, description });
  const timer = renderTimerUnit({ everyMs: input.everyMs });
  await keepTarget(where, target, notes, true);
  if (existsSync(where.servicePath) || existsSync(where.timerPath)) notes.push('replaced the monitor installed before');
  // The units hold no credential: a target with one is in its own file (keepTarget).
  await writeUnit(where.servicePath, service, 0o644);
  await writeUnit(where.timerPath, timer, 0o644);

  const reload = await run(['daemon-reload']);
  const enable = reload.code === 0 ? await run(['enable', '--now', where.timerName]) : reload;
  const enabled = enable.code === 0;
  if (!enabled) {
    const step = reload.code === 0 ? `enable --now ${where.timerName}` : 'daemon-reload';
    notes.push(`systemctl --user ${step} failed: ${firstLine(enable) || `exit ${enable.code}`}`);
  }
  if (!lingering()) notes.push('the timer runs only while you are logged in unless you run `loginctl enable-linger`');
  const { servicePath, timerPath, timerName } = where;
  const result = { mode: 'systemd' as const, servicePath, timerPath, timerName, enabled };
  return notes.length > 0 ? { ...result, note: notes.join('; ') } : result;
}

async function writeUnit(path: string, text: string, mode: number): Promise<void> {
  await writeFileAtomic(path, text);
  try {
    await chmod(path, mode);
  } catch (error) {
    throw fsFailure(error, path, 'write');
  }
}
