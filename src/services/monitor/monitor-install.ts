import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, readdir, rm } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { resolveStateDir } from '../config/paths.js';
import { formatWindow } from '../durations.js';
import { fsFailure, UsageError } from '../errors.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { findOnPath } from '../find-program.js';
import { type MonitorRunRecord, readMonitorRunRecord } from './monitor-notify.js';
import {
  cronEveryMs,
  MONITOR_UNIT_PREFIX,
  monitorEnvironment,
  monitorRunArgs,
  monitorUnitBase,
  type NotifyTarget,
  parseNotifyTarget,
  renderCrontabLine,
  renderServiceUnit,
  renderTimerUnit,
  scrubSecrets,
  targetHasCredential,
} from './monitor-units.js';

export interface MonitorPaths {
  /** $XDG_CONFIG_HOME/systemd/user or ~/.config/systemd/user */
  unitDir: string;
}

export interface SystemctlResult {
  code: number;
  stdout: string;
  stderr: string;
}
/** Runs `systemctl --user <args>`; the default answers 127 without spawning where there is no user manager. */
export type SystemctlRunner = (args: string[]) => Promise<SystemctlResult>;

export interface MonitorTargetInput {
  stateDir: string;
  agentId: string;
  env: Record<string, string | undefined>;
  runSystemctl?: SystemctlRunner;
  paths?: MonitorPaths;
}

export interface MonitorInstallInput extends MonitorTargetInput {
  /** e.g. [process.execPath, '/path/to/authdeck.js'] */
  authdeckCommand: string[];
  everyMs: number;
  withinMs: number;
  notify?: NotifyTarget;
}

export type MonitorInstallResult =
  | { mode: 'systemd'; servicePath: string; timerPath: string; timerName: string; enabled: boolean; note?: string }
  | { mode: 'cron'; crontabLine: string; logPath: string; note: string };

export const MIN_EVERY_MS = 5 * 60_000;

export function resolveMonitorPaths(env: Record<string, string | undefined>): MonitorPaths {
  const xdg = env.XDG_CONFIG_HOME?.trim();
  const configHome = xdg && isAbsolute(xdg) ? xdg : join(env.HOME?.trim() || homedir(), '.config');
  return { unitDir: join(configHome, 'systemd', 'user') };
}

export interface MonitorLocation {
  stateDir: string;
  unitDir: string;
  serviceName: string;
  timerName: string;
  servicePath: string;
  timerPath: string;
  /** The last run, written by `monitor run`. */
  statusPath: string;
  /** Sign-ins whose refresh token the provider refused, already alerted on (`monitor run`). */
  refusedPath: string;
  /** Where the crontab line appends its output. */
  logPath: string;
}

/** Where one agent's monitor lives; `monitor run` uses it too, to find its status file. */
export function monitorLocation(
  input: Pick<MonitorTargetInput, 'stateDir' | 'agentId' | 'env' | 'paths'>,
): MonitorLocation {
  const stateDir = resolve(input.stateDir);
  const defaultDir = resolve(resolveStateDir({ HOME: input.env.HOME, OPENCLAW_HOME: input.env.OPENCLAW_HOME }));
  const base = monitorUnitBase(input.agentId, defaultDir === stateDir ? undefined : stateDir);
  const { unitDir } = input.paths ?? resolveMonitorPaths(input.env);
  return {
    stateDir,
    unitDir,
    serviceName: `${base}.service`,
    timerName: `${base}.timer`,
    servicePath: join(unitDir, `${base}.service`),
    timerPath: join(unitDir, `${base}.timer`),
    statusPath: join(stateDir, `${base}.last-run.json`),
    refusedPath: join(stateDir, `${base}.refused.json`),
    logPath: join(stateDir, `${base}.log`),
  };
}

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
  if (scrubSecrets(spelled) !== spelled) {
    throw new UsageError(
      '--notify/--ntfy: holds what looks like an API key; put it in a script and point --notify at that',
    );
  }
  return target;
}

export async function installMonitor(input: MonitorInstallInput): Promise<MonitorInstallResult> {
  const target = validate(input);
  const where = monitorLocation(input);
  const runArgs = { withinMs: input.withinMs, notify: target, stateDir: where.stateDir, agentId: input.agentId };
  const command = (everyMs: number) => [...input.authdeckCommand, ...monitorRunArgs({ ...runArgs, everyMs })];
  const environment = monitorEnvironment(input.env, where.stateDir);
  const notes =
    target === undefined ? ['no --notify or --ntfy: each run is only recorded (authdeck monitor status)'] : [];
  const run = input.runSystemctl ?? systemctlRunner(input.env);
  if (!(await systemdUsable(run))) {
    // The run is told the interval cron will really keep, so that its keep-alive window matches it.
    const cronCommand = command(cronEveryMs(input.everyMs));
    const cron = renderCrontabLine({
      everyMs: input.everyMs,
      command: cronCommand,
      environment,
      logPath: where.logPath,
    });
    const note = ['no systemd user manager here: add this line with `crontab -e`', cron.note, ...notes];
    return { mode: 'cron', crontabLine: cron.line, logPath: where.logPath, note: note.filter(Boolean).join('; ') };
  }

  const description = `authdeck: check OpenClaw credential expiry (agent ${input.agentId})`;
  const service = renderServiceUnit({ execStart: command(input.everyMs), environment, description });
  const timer = renderTimerUnit({ everyMs: input.everyMs });
  if (existsSync(where.servicePath) || existsSync(where.timerPath)) notes.push('replaced the monitor installed before');
  // Units hold no secret and are 0644 like any unit; a credential inside the notify target makes its unit private.
  const privateService = targetHasCredential(target);
  await writeUnit(where.servicePath, service, privateService ? 0o600 : 0o644);
  await writeUnit(where.timerPath, timer, 0o644);
  if (privateService) notes.push(`${where.serviceName} holds the notify target's credentials, so only you can read it`);

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

export interface MonitorStatus extends MonitorLocation {
  serviceInstalled: boolean;
  timerInstalled: boolean;
  systemd: boolean;
  /** `systemctl --user is-active` / `is-enabled` of the timer, when systemd is there. */
  active?: string;
  enabled?: string;
  /** Monitors of other agents or state dirs in the same unit dir. */
  otherTimers: string[];
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
  removed: string[];
  disabled: boolean;
  note?: string;
}

export async function uninstallMonitor(input: MonitorTargetInput): Promise<MonitorUninstallResult> {
  const where = monitorLocation(input);
  const run = input.runSystemctl ?? systemctlRunner(input.env);
  const systemd = await systemdUsable(run);
  const installed = existsSync(where.servicePath) || existsSync(where.timerPath);
  const notes: string[] = [];
  let disabled = false;
  if (systemd && installed) {
    const disable = await run(['disable', '--now', where.timerName]);
    disabled = disable.code === 0;
    if (!disabled) notes.push(`systemctl --user disable --now ${where.timerName} failed: ${firstLine(disable)}`);
  }
  const removed: string[] = [];
  for (const path of [where.timerPath, where.servicePath, where.statusPath, where.refusedPath]) {
    if (!existsSync(path)) continue;
    try {
      await rm(path, { force: true });
    } catch (error) {
      throw fsFailure(error, path, 'write');
    }
    removed.push(path);
  }
  if (systemd && installed) await run(['daemon-reload']);
  if (!installed)
    notes.push(
      `no monitor units in ${where.unitDir}; a crontab line you added stays until you remove it with \`crontab -e\``,
    );
  else if (!systemd) notes.push('systemctl --user is not available, so a running timer was not stopped');
  return notes.length > 0 ? { removed, disabled, note: notes.join('; ') } : { removed, disabled };
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

function firstLine(result: SystemctlResult): string {
  const lines = `${result.stderr}\n${result.stdout}`.split('\n').map((line) => line.trim());
  return lines.find((line) => line !== '') ?? '';
}

async function systemdUsable(run: SystemctlRunner): Promise<boolean> {
  return (await run(['show-environment'])).code === 0;
}

/** Without lingering, systemd stops a user's timers at logout. */
function lingering(): boolean {
  try {
    return existsSync(join('/var/lib/systemd/linger', userInfo().username));
  } catch {
    return false;
  }
}

export function systemctlRunner(env: Record<string, string | undefined>): SystemctlRunner {
  return (args) =>
    new Promise((resolvePromise) => {
      const bin = findOnPath('systemctl', env.PATH ?? process.env.PATH);
      if (!bin || !env.XDG_RUNTIME_DIR?.trim() || !existsSync('/run/systemd/system')) {
        resolvePromise({ code: 127, stdout: '', stderr: 'no systemd user manager' });
        return;
      }
      const child = spawn(bin, ['--user', ...args], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.on('error', (error) => {
        clearTimeout(timer);
        resolvePromise({ code: 127, stdout, stderr: error.message });
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolvePromise({ code: code ?? 1, stdout, stderr });
      });
    });
}
