import { isAbsolute, resolve } from 'node:path';
import { expandUserPath, MAIN_AGENT_ID, resolveHomeDir } from '../config/paths.js';
import { formatWindow, parseDuration } from '../durations.js';
import { AuthdeckError } from '../errors.js';
import type { RunTarget } from './monitor-target.js';

export const MONITOR_UNIT_PREFIX = 'authdeck-monitor';

/**
 * `authdeck-monitor` for the main agent of the default state dir; other agents and state dirs
 * get their own units (`authdeck-monitor-work`, `authdeck-monitor-work-1a2b3c4d`) so that one
 * install never replaces another. A hash is added whenever the readable part could collide.
 */
export function monitorUnitBase(agentId: string, customStateDir?: string): string {
  const parts = [MONITOR_UNIT_PREFIX];
  if (agentId !== MAIN_AGENT_ID) {
    const slug = agentId
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32);
    parts.push(slug === agentId ? slug : `${slug || 'agent'}-${shortHash(agentId)}`);
  }
  if (customStateDir !== undefined) parts.push(shortHash(customStateDir));
  return parts.join('-');
}

/** FNV-1a: stable across runs and machines, and no node:crypto load for eight hex digits. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

const SYSTEMD_BARE = /^[A-Za-z0-9_@+=:,./-]+$/;

/**
 * One ExecStart word. systemd resolves `%` specifiers in the whole line and `$VAR` in the
 * arguments, but never `$` in the executable path (checked with systemd-analyze verify), so
 * doubling it there would name a file that does not exist.
 */
function systemdWord(text: string, expandsVariables: boolean): string {
  const quoted = SYSTEMD_BARE.test(text) ? text : `"${cEscape(text)}"`;
  const specifiersDone = quoted.replace(/%/g, '%%');
  return expandsVariables ? specifiersDone.replace(/\$/g, () => '$$') : specifiersDone;
}

function cEscape(text: string): string {
  return text.replace(/[\\"\x00-\x1f\x7f]/g, (char) => {
    const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r' };
    return named[char] ?? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

function unitLine(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]+/g, ' ').replace(/%/g, '%%');
}

function checkEnvironment(environment: Record<string, string>): [string, string][] {
  const entries = Object.entries(environment);
  for (const [name] of entries) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new AuthdeckError(`"${name}" is not an environment variable name`);
  }
  return entries;
}

export interface ServiceUnitOptions {
  execStart: string[];
  environment: Record<string, string>;
  description?: string;
}

export function renderServiceUnit(o: ServiceUnitOptions): string {
  const [executable, ...args] = o.execStart;
  if (executable === undefined || !isAbsolute(executable)) {
    throw new AuthdeckError(`the monitor's command must start with an absolute path, not "${executable ?? ''}"`);
  }
  // Environment= takes no $ expansion, only specifiers, so its values are quoted without doubling $.
  const environment = checkEnvironment(o.environment).map(
    ([name, value]) => `Environment="${cEscape(`${name}=${value}`).replace(/%/g, '%%')}"`,
  );
  const execStart = [systemdWord(executable, false), ...args.map((arg) => systemdWord(arg, true))].join(' ');
  return [
    '[Unit]',
    `Description=${unitLine(o.description ?? 'authdeck: check OpenClaw credential expiry')}`,
    '',
    '[Service]',
    'Type=oneshot',
    ...environment,
    `ExecStart=${execStart}`,
    // A oneshot has no start timeout by default; a stuck run would block every later one.
    'TimeoutStartSec=5min',
    '',
  ].join('\n');
}

export function renderTimerUnit(o: { everyMs: number; description?: string }): string {
  const seconds = Math.max(1, Math.round(o.everyMs / 1000));
  return [
    '[Unit]',
    `Description=${unitLine(o.description ?? `authdeck: check OpenClaw credential expiry every ${formatWindow(o.everyMs)}`)}`,
    '',
    '[Timer]',
    // Already past at enable time after a long uptime, so the first check runs at once.
    'OnBootSec=2min',
    `OnUnitActiveSec=${seconds}s`,
    'Persistent=true',
    '',
    '[Install]',
    'WantedBy=timers.target',
    '',
  ].join('\n');
}

const MINUTE_MS = 60_000;
/** What a plain five-field schedule can repeat evenly: divisors of an hour, then of a day. */
const CRON_MINUTES = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440];

function cronSchedule(minutes: number): string {
  if (minutes === 1) return '* * * * *';
  if (minutes < 60) return `*/${minutes} * * * *`;
  if (minutes === 60) return '0 * * * *';
  if (minutes === 1440) return '0 0 * * *';
  return `0 */${minutes / 60} * * *`;
}

/** One word for /bin/sh, quoted only when it needs to be. */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

export interface CrontabOptions {
  everyMs: number;
  command: string[];
  environment?: Record<string, string>;
  /** Output is appended here (cron would otherwise mail it, or drop it where no mailer is set up). */
  logPath?: string;
}

/**
 * A line for `crontab -e`. The interval is rounded to the nearest one cron can repeat evenly
 * (the shorter on a tie: a check too often costs nothing, one too late misses an expiry).
 */
export function renderCrontabLine(o: CrontabOptions): { line: string; everyMs: number; note?: string } {
  const minutes = cronEveryMs(o.everyMs) / MINUTE_MS;
  const words = [
    ...checkEnvironment(o.environment ?? {}).map(([name, value]) => `${name}=${shellWord(value)}`),
    ...o.command.map(shellWord),
  ];
  const redirect = o.logPath === undefined ? '>/dev/null 2>&1' : `>>${shellWord(o.logPath)} 2>&1`;
  const command = `${words.join(' ')} ${redirect}`;
  if (/[\x00-\x1f\x7f]/.test(command))
    throw new AuthdeckError(
      `the monitor command has a control character (${/[\n\r]/.test(command) ? 'a line break' : 'an escape or other invisible character'}, in a path or value it runs with); cron cannot run it`,
    );
  // cron turns an unescaped % into a line break, even inside the shell's quotes.
  const line = `${cronSchedule(minutes)} ${command.replace(/%/g, '\\%')}`;
  const everyMs = minutes * MINUTE_MS;
  if (everyMs === o.everyMs) return { line, everyMs };
  return {
    line,
    everyMs,
    note: `cron cannot repeat every ${formatWindow(o.everyMs)}; the line runs every ${formatWindow(everyMs)}`,
  };
}

/** The interval cron can repeat that is nearest to `everyMs`. */
export function cronEveryMs(everyMs: number): number {
  const wanted = everyMs / MINUTE_MS;
  return CRON_MINUTES.reduce((best, m) => (Math.abs(m - wanted) < Math.abs(best - wanted) ? m : best)) * MINUTE_MS;
}

/** `5m`, `2h`, `1d12h`: read back exactly by parseDuration, else plain milliseconds. */
function durationArg(ms: number): string {
  const text = formatWindow(ms);
  return parseDuration(text) === ms ? text : `${ms}ms`;
}

/** parseArgs takes a value that starts with `-` only as `--name=value`. */
export function optionArgs(name: string, value: string): string[] {
  return value.startsWith('-') ? [`--${name}=${value}`] : [`--${name}`, value];
}

/** The arguments after the authdeck command: what `monitor run` must accept. */
export function monitorRunArgs(o: {
  /** How often the job runs: the keep-alive renews what would lapse before the next run. */
  everyMs: number;
  withinMs: number;
  notify?: RunTarget | undefined;
  stateDir: string;
  agentId: string;
}): string[] {
  const notify =
    o.notify === undefined
      ? []
      : 'command' in o.notify
        ? optionArgs('notify', o.notify.command)
        : 'ntfyFile' in o.notify
          ? optionArgs('ntfy-file', o.notify.ntfyFile)
          : 'notifyFile' in o.notify
            ? optionArgs('notify-file', o.notify.notifyFile)
            : optionArgs('ntfy', o.notify.ntfyUrl);
  return [
    'monitor',
    'run',
    ...optionArgs('every', durationArg(o.everyMs)),
    ...optionArgs('within', durationArg(o.withinMs)),
    ...notify,
    ...optionArgs('state-dir', o.stateDir),
    ...optionArgs('agent', o.agentId),
  ];
}

/**
 * Paths only: a systemd or cron job does not see the shell's exports, and a key exported there
 * must never be copied into a unit file. OpenClaw reads `~` in its own paths as its home; the
 * rest are made absolute, since the job does not start in the directory the user was in.
 */
const OPENCLAW_PATH_VARIABLES = ['OPENCLAW_CONFIG_PATH', 'OPENCLAW_AGENT_DIR', 'PI_CODING_AGENT_DIR'];
const OTHER_PATH_VARIABLES = ['OPENCLAW_HOME', 'AUTHDECK_CONFIG_DIR', 'XDG_CONFIG_HOME'];

export function monitorEnvironment(env: Record<string, string | undefined>, stateDir: string): Record<string, string> {
  const home = resolveHomeDir(env);
  const out: Record<string, string> = {};
  for (const name of [...OTHER_PATH_VARIABLES, ...OPENCLAW_PATH_VARIABLES]) {
    const value = env[name]?.trim();
    if (value) out[name] = OPENCLAW_PATH_VARIABLES.includes(name) ? expandUserPath(value, home) : resolve(value);
  }
  return { ...out, OPENCLAW_STATE_DIR: stateDir, NO_COLOR: '1' };
}
