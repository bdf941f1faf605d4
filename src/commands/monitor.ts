import { MONITOR_INSTALL_OPTIONS, MONITOR_RUN_OPTIONS } from './monitor-options.js';
import { command, group, OPTIONS } from './spec.js';

/** The monitor's code (systemd, cron, notifications) loads only when a monitor command runs. */
const load = () => import('./monitor-run.js');

export const monitorCommand = group({
  name: 'monitor',
  summary: 'expiry notifications from a systemd user timer (or cron)',
  subcommands: [
    command({
      name: 'install',
      description: 'run `status --check` on a schedule and notify when something expires or fails',
      examples: ['authdeck monitor install --every 1h --within 12h --ntfy https://ntfy.sh/my-topic'],
      options: MONITOR_INSTALL_OPTIONS,
      run: async (ctx, options) => (await load()).runInstall(ctx, options),
    }),
    command({
      name: 'status',
      description: 'whether the timer (or the crontab line) is installed and active, and its last run',
      options: { json: OPTIONS.json },
      run: async (ctx, { json }) => (await load()).runStatusOfMonitor(ctx, json),
    }),
    command({
      name: 'uninstall',
      description: 'stop the timer and remove what install made (a crontab line is yours to remove)',
      options: { json: OPTIONS.json },
      run: async (ctx, { json }) => (await load()).runUninstall(ctx, json),
    }),
    command({
      name: 'run',
      description:
        'what the timer runs: refresh the sign-ins due before the next run, one check, and a notification when it is not ok',
      // It refreshes sign-ins, so it writes the store (and takes --no-reload).
      writes: true,
      needsExistingState: true,
      options: MONITOR_RUN_OPTIONS,
      run: async (ctx, options) => (await load()).runScheduledCheck(ctx, options),
    }),
  ],
});
