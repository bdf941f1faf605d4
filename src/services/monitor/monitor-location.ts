import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { resolveStateDir } from '../config/paths.js';
import type { CrontabReader, SystemctlRunner } from './monitor-system.js';
import { monitorUnitBase } from './monitor-units.js';

export interface MonitorPaths {
  /** $XDG_CONFIG_HOME/systemd/user or ~/.config/systemd/user */
  unitDir: string;
}

/** One agent's monitor, and how to reach systemd and cron (tests pass fakes). */
export interface MonitorTargetInput {
  stateDir: string;
  agentId: string;
  env: Record<string, string | undefined>;
  runSystemctl?: SystemctlRunner;
  readCrontab?: CrontabReader;
  paths?: MonitorPaths;
}

export function resolveMonitorPaths(env: Record<string, string | undefined>): MonitorPaths {
  const xdg = env.XDG_CONFIG_HOME?.trim();
  const configHome = xdg && isAbsolute(xdg) ? xdg : join(env.HOME?.trim() || homedir(), '.config');
  return { unitDir: join(configHome, 'systemd', 'user') };
}

export interface MonitorLocation {
  stateDir: string;
  agentId: string;
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
  /** The crontab line `monitor install` gave to add, where there is no systemd (`monitor status` shows it again). */
  cronPath: string;
  /** The ntfy URL when it holds a password or token (0600): the job's command line names this file instead. */
  ntfyPath: string;
  /** The notify command, any (0600), for the same reason: one may hold a credential with no shape to tell it by. */
  notifyPath: string;
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
    agentId: input.agentId,
    unitDir,
    serviceName: `${base}.service`,
    timerName: `${base}.timer`,
    servicePath: join(unitDir, `${base}.service`),
    timerPath: join(unitDir, `${base}.timer`),
    statusPath: join(stateDir, `${base}.last-run.json`),
    refusedPath: join(stateDir, `${base}.refused.json`),
    logPath: join(stateDir, `${base}.log`),
    cronPath: join(stateDir, `${base}.cron`),
    ntfyPath: join(stateDir, `${base}.ntfy`),
    notifyPath: join(stateDir, `${base}.notify`),
  };
}
