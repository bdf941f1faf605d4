import { duration, flag, OPTIONS, text } from './spec.js';

/** The monitor's options, apart from its commands: the command file and its lazily loaded run both use them. */
const NOTIFY_OPTIONS = {
  notify: text('notify', 'command', 'run this shell command with the reasons on stdin'),
  ntfy: text('ntfy', 'url', 'POST the reasons to this ntfy-style topic URL'),
};

export const MONITOR_INSTALL_OPTIONS = {
  every: duration('every', 'how often (default 30m, at least 5m)'),
  within: duration('within', 'warn window (default 2h)'),
  ...NOTIFY_OPTIONS,
  noNotify: flag('no-notify', 'notify no one: drop the target an earlier install kept (without it, that one stays)'),
  json: OPTIONS.json,
};

export const MONITOR_RUN_OPTIONS = {
  every: duration(
    'every',
    'how often the job runs: sign-ins that would lapse before the next run are refreshed (default 30m)',
  ),
  within: duration('within', 'warn window (default 2h)'),
  ...NOTIFY_OPTIONS,
  ntfyFile: text(
    'ntfy-file',
    'path',
    'read the ntfy URL from this file (where install keeps one with a password or token)',
  ),
  notifyFile: text('notify-file', 'path', 'read the notify command from this file (where install keeps it)'),
};
