import { OPTIONS, flagValue, type CommandSpec } from './spec.js';

const NOTIFY_OPTIONS = [
  { name: 'notify', value: 'command', description: 'run this shell command with the reasons on stdin' },
  { name: 'ntfy', value: 'url', description: 'POST the reasons to this ntfy-style topic URL' },
];

/** The monitor's code (systemd, cron, notifications) loads only when a monitor command runs. */
const load = () => import('./monitor-run.js');

export const monitorCommand: CommandSpec = {
  name: 'monitor',
  description: 'expiry notifications from a systemd user timer (or cron): install, status, uninstall',
  subcommands: [
    {
      name: 'install',
      description: 'run `status --check` on a schedule and notify when something expires or fails',
      options: [
        { name: 'every', value: 'duration', description: 'how often (default 30m, at least 5m)' },
        { name: 'within', value: 'duration', description: 'warn window (default 2h)' },
        ...NOTIFY_OPTIONS,
        OPTIONS.json,
      ],
      run: async (ctx, { values }) => (await load()).runInstall(ctx, values),
    },
    {
      name: 'status',
      description: 'whether the timer is installed and active, and its last run',
      options: [OPTIONS.json],
      run: async (ctx, { values }) => (await load()).runStatusOfMonitor(ctx, flagValue(values, 'json')),
    },
    {
      name: 'uninstall',
      description: 'stop the timer and remove its units',
      options: [OPTIONS.json],
      run: async (ctx, { values }) => (await load()).runUninstall(ctx, flagValue(values, 'json')),
    },
    {
      name: 'run',
      description: 'what the timer runs: one check, and a notification when it is not ok',
      options: [{ name: 'within', value: 'duration', description: 'warn window' }, ...NOTIFY_OPTIONS],
      run: async (ctx, { values }) => (await load()).runScheduledCheck(ctx, values),
    },
  ],
};
