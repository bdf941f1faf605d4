import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/services/errors.js';
import { findOnPath } from '../../src/services/find-program.js';
import { installMonitor } from '../../src/services/monitor/monitor-install.js';
import { monitorLocation } from '../../src/services/monitor/monitor-location.js';
import {
  type CheckOutcome,
  describeRun,
  monitorRunExitCode,
  notifyIfNeeded,
  readMonitorRunRecord,
  runMonitor,
} from '../../src/services/monitor/monitor-notify.js';
import { monitorStatus, uninstallMonitor } from '../../src/services/monitor/monitor-state.js';
import { crontabReader, type SystemctlRunner } from '../../src/services/monitor/monitor-system.js';
import { maskUrl, parseNotifyTarget, parseRunTarget } from '../../src/services/monitor/monitor-target.js';
import {
  monitorUnitBase,
  renderCrontabLine,
  renderServiceUnit,
  renderTimerUnit,
} from '../../src/services/monitor/monitor-units.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { fileMode, makeTempHome } from '../helpers/temp-state.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const REASON = 'anthropic (default model anthropic/x): anthropic:work (tried #1) expires in 5h';
const SECRET_SHAPED = /sk-[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{20,}/;
const SECRET_NTFY = 'https://alice:s3cret@ntfy.example.com/topic?auth=tk_abc';

/**
 * The ExecStart words as systemd reads them: `%%` (specifiers) on the raw line, then quotes and
 * C escapes, then `$$` in the arguments only (never in the executable path).
 */
function parseExecStart(unit: string): string[] {
  const line = unit
    .split('\n')
    .find((l) => l.startsWith('ExecStart='))!
    .slice('ExecStart='.length);
  expect(line.replace(/%%/g, '')).not.toContain('%');
  const text = line.replace(/%%/g, '%');
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ') {
      i++;
      continue;
    }
    let word = '';
    if (text[i] === '"') {
      for (i++; text[i] !== '"'; i++) {
        if (text[i] !== '\\') word += text[i];
        else {
          const next = text[++i]!;
          word += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        }
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ' ') word += text[i++];
    }
    words.push(word);
  }
  return words.map((word, index) => (index === 0 ? word : word.replace(/\$\$/g, '$')));
}

function fakeSystemctl(available = true) {
  const calls: string[][] = [];
  const run: SystemctlRunner = async (args) => {
    calls.push(args);
    if (!available) return { code: 1, stdout: '', stderr: 'Failed to connect to bus: No medium found' };
    const stdout = args[0] === 'is-active' ? 'active\n' : args[0] === 'is-enabled' ? 'enabled\n' : '';
    return { code: 0, stdout, stderr: '' };
  };
  return { run, calls };
}

/** A user's crontab as `crontab -l` gives it; null: there is no `crontab` program. */
function fakeCrontab(text: string | null) {
  const crontab = { text };
  return { crontab, read: async () => crontab.text ?? undefined };
}

function setup(available = true, crontabText: string | null = '') {
  const { home, stateDir } = makeTempHome();
  const env = {
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    OPENCLAW_CONFIG_PATH: '~/oc.json',
    ANTHROPIC_API_KEY: fakeSecrets.anthropicApiKey(),
  };
  const systemctl = fakeSystemctl(available);
  const { crontab, read } = fakeCrontab(crontabText);
  const unitDir = join(home, 'config', 'systemd', 'user');
  return {
    home,
    stateDir,
    env,
    systemctl,
    crontab,
    unitDir,
    target: { stateDir, agentId: 'main', env, runSystemctl: systemctl.run, readCrontab: read },
  };
}

const AUTHDECK = [process.execPath, '/opt/auth deck/bin/authdeck.js'];

describe('monitor units', () => {
  it('quotes ExecStart words with spaces, %, $, quotes and backslashes as systemd reads them', () => {
    const args = [
      '/opt/my app/authdeck 100%.js',
      'monitor',
      '--notify',
      'echo "$HOME" 100% \\ done',
      ';',
      '',
      "it's",
      'a\nb',
    ];
    const unit = renderServiceUnit({ execStart: ['/usr/bin/no%de $x', ...args], environment: {} });
    expect(parseExecStart(unit)).toEqual(['/usr/bin/no%de $x', ...args]);
    expect(unit).toContain('ExecStart="/usr/bin/no%%de $x" "/opt/my app/authdeck 100%%.js" monitor --notify');
    expect(unit).toContain('"echo \\"$$HOME\\" 100%% \\\\ done" ";" ""');
    expect(unit).toMatch(/^Type=oneshot$/m);
  });

  it('writes Environment= values quoted, % doubled and $ left alone', () => {
    const unit = renderServiceUnit({
      execStart: ['/usr/bin/node'],
      environment: { OPENCLAW_STATE_DIR: '/tmp/state dir/100%', X: 'a"b$c' },
    });
    expect(unit).toContain('Environment="OPENCLAW_STATE_DIR=/tmp/state dir/100%%"');
    expect(unit).toContain('Environment="X=a\\"b$c"');
    expect(() => renderServiceUnit({ execStart: ['node'], environment: {} })).toThrow(/absolute path/);
    expect(() => renderServiceUnit({ execStart: ['/bin/x'], environment: { 'A B': '1' } })).toThrow(/variable name/);
  });

  it('repeats the timer every N seconds, from boot, persistently', () => {
    const timer = renderTimerUnit({ everyMs: 30 * MINUTE });
    for (const line of ['OnBootSec=2min', 'OnUnitActiveSec=1800s', 'Persistent=true', 'WantedBy=timers.target']) {
      expect(timer).toMatch(new RegExp(`^${line}$`, 'm'));
    }
    expect(timer).toMatch(/^Description=.*every 30m$/m);
    expect(renderTimerUnit({ everyMs: 2 * HOUR })).toContain('OnUnitActiveSec=7200s');
  });

  it('schedules cron every 30m and 2h, and rounds 45m to 30m with a note', () => {
    const command = ['/usr/bin/node', 'x.js'];
    expect(renderCrontabLine({ everyMs: 30 * MINUTE, command })).toEqual({
      line: '*/30 * * * * /usr/bin/node x.js >/dev/null 2>&1',
      everyMs: 30 * MINUTE,
    });
    expect(renderCrontabLine({ everyMs: 2 * HOUR, command }).line).toMatch(/^0 \*\/2 \* \* \* /);
    expect(renderCrontabLine({ everyMs: HOUR, command }).line).toMatch(/^0 \* \* \* \* /);
    const rounded = renderCrontabLine({ everyMs: 45 * MINUTE, command });
    expect(rounded.line).toMatch(/^\*\/30 \* \* \* \* /);
    expect(rounded.note).toBe('cron cannot repeat every 45m; the line runs every 30m');
  });

  it('refuses a command with a control character, saying which kind', () => {
    const render = (arg: string) => () => renderCrontabLine({ everyMs: HOUR, command: ['/usr/bin/node', arg] });
    expect(render('/state\ndir')).toThrow(/control character \(a line break, in a path/);
    expect(render('/state\x1b]0;x\x07dir')).toThrow(/control character \(an escape or other invisible character/);
  });

  it('gives a crontab command that the shell runs with the exact arguments, % escaped for cron', () => {
    const { home } = makeTempHome();
    const log = join(home, 'monitor log.txt');
    const args = ['a b', "it's", '100%', '$HOME', 'say "hi"', '\\'];
    const script = 'process.stdout.write(JSON.stringify([process.env.FOO, ...process.argv.slice(1)]))';
    const { line } = renderCrontabLine({
      everyMs: 5 * MINUTE,
      command: [process.execPath, '-e', script, ...args],
      environment: { FOO: 'x y%' },
      logPath: log,
    });
    const command = line.split(' ').slice(5).join(' ');
    expect(command.replace(/\\%/g, '')).not.toContain('%');
    // What cron does before handing the command to sh: `\%` becomes `%`.
    spawnSync('/bin/sh', ['-c', command.replace(/\\%/g, '%')], { timeout: 10_000 });
    expect(JSON.parse(readFileSync(log, 'utf8'))).toEqual(['x y%', ...args]);
    expect(() => renderCrontabLine({ everyMs: HOUR, command: ['/bin/x', 'a\nb'] })).toThrow(/line break/);
  });

  it('names units per agent and per non-default state dir', () => {
    expect(monitorUnitBase('main')).toBe('authdeck-monitor');
    expect(monitorUnitBase('work')).toBe('authdeck-monitor-work');
    expect(monitorUnitBase('Work Bot')).toMatch(/^authdeck-monitor-work-bot-[0-9a-f]{8}$/);
    expect(monitorUnitBase('main', '/srv/oc')).toMatch(/^authdeck-monitor-[0-9a-f]{8}$/);
    expect(monitorUnitBase('main', '/srv/oc')).not.toBe(monitorUnitBase('main', '/srv/oc2'));
    const { home } = makeTempHome();
    const env = { HOME: home };
    expect(monitorLocation({ stateDir: join(home, '.openclaw'), agentId: 'main', env }).timerName).toBe(
      'authdeck-monitor.timer',
    );
    expect(monitorLocation({ stateDir: join(home, 'other'), agentId: 'work', env }).timerName).toMatch(
      /^authdeck-monitor-work-[0-9a-f]{8}\.timer$/,
    );
  });
});

describe('notify targets', () => {
  it('takes https anywhere and http only for loopback, never printing the query or userinfo', () => {
    expect(parseNotifyTarget({ ntfy: 'https://ntfy.sh/alerts' })).toEqual({ ntfyUrl: 'https://ntfy.sh/alerts' });
    expect(parseNotifyTarget({ ntfy: 'http://127.0.0.1:8080/t' })).toEqual({ ntfyUrl: 'http://127.0.0.1:8080/t' });
    expect(parseNotifyTarget({ ntfy: 'http://localhost/t' })).toBeDefined();
    const error = (() => {
      try {
        parseNotifyTarget({ ntfy: 'http://me:hunter2@ntfy.example/t?auth=abc123' });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect(error?.message).toContain('http://***@ntfy.example/…');
    expect(error?.message).not.toMatch(/hunter2|abc123/);
    expect(() => parseNotifyTarget({ ntfy: 'https://ntfy.sh/' })).toThrow(/no topic/);
    expect(() => parseNotifyTarget({ ntfy: 'ftp://x/t' })).toThrow(UsageError);
    expect(() => parseNotifyTarget({ notify: '  ' })).toThrow(/empty/);
    expect(() => parseNotifyTarget({ notify: 'x', ntfy: 'https://ntfy.sh/a' })).toThrow(/not both/);
    expect(parseNotifyTarget({})).toBeUndefined();
    expect(maskUrl('https://ntfy.sh/t?auth=x')).toBe('https://ntfy.sh/…');
  });
});

describe('monitor install, status, uninstall (systemd)', () => {
  it('writes both units 0644, reloads and enables the timer, with no secret in them', async () => {
    const { stateDir, home, env, systemctl, unitDir, target } = setup();
    const result = await installMonitor({
      ...target,
      authdeckCommand: AUTHDECK,
      everyMs: 30 * MINUTE,
      withinMs: 2 * HOUR,
      notify: { command: 'notify-send "authdeck" -' },
    });
    const servicePath = join(unitDir, 'authdeck-monitor.service');
    const timerPath = join(unitDir, 'authdeck-monitor.timer');
    expect(result).toMatchObject({ mode: 'systemd', servicePath, timerPath, enabled: true });
    expect(systemctl.calls).toEqual([
      ['show-environment'],
      ['daemon-reload'],
      ['enable', '--now', 'authdeck-monitor.timer'],
    ]);
    expect(fileMode(servicePath)).toBe(0o644);
    expect(fileMode(timerPath)).toBe(0o644);
    const service = readFileSync(servicePath, 'utf8');
    expect(parseExecStart(service)).toEqual([
      ...AUTHDECK,
      ...[
        'monitor',
        'run',
        '--every',
        '30m',
        '--within',
        '2h',
        '--notify-file',
        join(stateDir, 'authdeck-monitor.notify'),
      ],
      ...['--state-dir', stateDir, '--agent', 'main'],
    ]);
    expect(service).toContain(`Environment="OPENCLAW_STATE_DIR=${stateDir}"`);
    expect(service).toContain(`Environment="OPENCLAW_CONFIG_PATH=${join(home, 'oc.json')}"`);
    for (const text of [service, readFileSync(timerPath, 'utf8')]) {
      expect(text).not.toMatch(SECRET_SHAPED);
      expect(text).not.toContain(env.ANTHROPIC_API_KEY);
    }
    expect(readFileSync(timerPath, 'utf8')).toContain('OnUnitActiveSec=1800s');

    await runMonitor({
      check: async () => ({ exitCode: 0, reasons: [] }),
      target: undefined,
      statusPath: monitorLocation(target).statusPath,
    });
    const status = await monitorStatus(target);
    expect(status).toMatchObject({ serviceInstalled: true, timerInstalled: true, systemd: true });
    expect(status).toMatchObject({ active: 'active', enabled: 'enabled', otherTimers: [] });
    expect(status.lastRun?.exitCode).toBe(0);

    systemctl.calls.length = 0;
    const removed = await uninstallMonitor(target);
    const { notifyPath, statusPath } = monitorLocation(target);
    expect(removed.removed).toEqual([timerPath, servicePath, notifyPath, statusPath]);
    expect(removed.disabled).toBe(true);
    expect(systemctl.calls).toEqual([
      ['show-environment'],
      ['disable', '--now', 'authdeck-monitor.timer'],
      ['daemon-reload'],
    ]);
    expect(existsSync(servicePath) || existsSync(timerPath)).toBe(false);
    expect(await monitorStatus(target)).toMatchObject({ serviceInstalled: false, timerInstalled: false });
    expect((await uninstallMonitor(target)).note).toMatch(/no monitor units/);
  });

  it('keeps an ntfy URL with a password or token in a 0600 file, off the command line, and never prints it', async () => {
    const { target, unitDir } = setup();
    const where = monitorLocation(target);
    const install = { ...target, authdeckCommand: AUTHDECK, everyMs: HOUR, withinMs: 24 * HOUR };
    const result = await installMonitor({ ...install, notify: { ntfyUrl: SECRET_NTFY } });
    const servicePath = join(unitDir, 'authdeck-monitor.service');
    const service = readFileSync(servicePath, 'utf8');
    expect(service).not.toMatch(/s3cret|tk_abc/);
    expect(parseExecStart(service)).toContain('--ntfy-file');
    expect(parseExecStart(service)).toContain(where.ntfyPath);
    expect(readFileSync(where.ntfyPath, 'utf8')).toBe(`${SECRET_NTFY}\n`);
    expect(fileMode(where.ntfyPath)).toBe(0o600);
    // The unit holds no credential any more: 0644 like any unit.
    expect(fileMode(servicePath)).toBe(0o644);
    expect(result.note).toContain(`the ntfy URL (https://***@ntfy.example.com/…) is kept in ${where.ntfyPath}`);
    expect(JSON.stringify(result)).not.toMatch(/s3cret|tk_abc/);
    expect(JSON.stringify(await monitorStatus(target))).not.toMatch(/s3cret|tk_abc/);

    // A URL with no password or token is kept the same way (its topic is what lets one read it).
    await installMonitor({ ...install, notify: { ntfyUrl: 'https://ntfy.sh/alerts' } });
    expect(parseExecStart(readFileSync(servicePath, 'utf8'))).not.toContain('https://ntfy.sh/alerts');
    expect(readFileSync(where.ntfyPath, 'utf8')).toBe('https://ntfy.sh/alerts\n');

    await installMonitor({ ...install, notify: { ntfyUrl: SECRET_NTFY } });
    expect((await uninstallMonitor(target)).removed).toContain(where.ntfyPath);
    expect(existsSync(where.ntfyPath)).toBe(false);
  });

  it('keeps the notify command in a 0600 file, off the command line, whatever it holds', async () => {
    const { target, unitDir } = setup();
    const where = monitorLocation(target);
    const install = { ...target, authdeckCommand: AUTHDECK, everyMs: HOUR, withinMs: HOUR };
    const servicePath = join(unitDir, 'authdeck-monitor.service');
    for (const command of [
      'curl -H "Authorization: Bearer hunter2" https://example.com',
      'curl -s -u admin:Tr0ub4dor3xyz https://hooks.example/x',
      'curl -s https://admin:Tr0ub4dor3xyz@hooks.example/x',
      // No shape tells these: a Telegram bot token in the path, a Slack webhook.
      'curl -s https://api.telegram.org/bot123456:AAHTr0ub4dor3xyz/sendMessage -d chat_id=1',
      'curl -s -X POST https://hooks.slack.com/services/T000/B000/Tr0ub4dor3xyz',
      'notify-send authdeck',
    ]) {
      const result = await installMonitor({ ...install, notify: { command } });
      const service = readFileSync(servicePath, 'utf8');
      expect(service).not.toMatch(/hunter2|Tr0ub4dor3xyz|notify-send/);
      expect(parseExecStart(service)).toEqual(expect.arrayContaining(['--notify-file', where.notifyPath]));
      expect(readFileSync(where.notifyPath, 'utf8')).toBe(`${command}\n`);
      expect(fileMode(where.notifyPath)).toBe(0o600);
      expect(fileMode(servicePath)).toBe(0o644);
      expect(result.note).toContain(`the notify command is kept in ${where.notifyPath}`);
      expect(JSON.stringify(result)).not.toMatch(/hunter2|Tr0ub4dor3xyz/);
    }
    // An ntfy URL with no password or token is kept too (its topic, or a webhook's path, is the
    // secret); the kept command goes.
    for (const url of ['https://ntfy.sh/alerts', 'https://hooks.slack.com/services/T0/B0/Xy7secretPath']) {
      const result = await installMonitor({ ...install, notify: { ntfyUrl: url } });
      const service = readFileSync(servicePath, 'utf8');
      expect(service).not.toContain(url);
      expect(parseExecStart(service)).toEqual(expect.arrayContaining(['--ntfy-file', where.ntfyPath]));
      expect(readFileSync(where.ntfyPath, 'utf8')).toBe(`${url}\n`);
      expect(result.note).not.toMatch(/alerts|Xy7secretPath/);
      expect(existsSync(where.notifyPath)).toBe(false);
    }
    await installMonitor({ ...install, notify: { command: 'true' } });
    expect((await uninstallMonitor(target)).removed).toContain(where.notifyPath);
    expect(existsSync(where.notifyPath)).toBe(false);
  });

  it('reports a failed enable instead of claiming success', async () => {
    const { target } = setup();
    const run: SystemctlRunner = async (args) =>
      args[0] === 'enable'
        ? { code: 1, stdout: '', stderr: 'Failed to enable unit: boom\n' }
        : { code: 0, stdout: '', stderr: '' };
    const result = await installMonitor({
      ...target,
      runSystemctl: run,
      authdeckCommand: AUTHDECK,
      everyMs: HOUR,
      withinMs: HOUR,
    });
    expect(result).toMatchObject({ mode: 'systemd', enabled: false });
    expect(result.note).toContain('enable --now authdeck-monitor.timer failed: Failed to enable unit: boom');
  });

  it('refuses bad input before writing anything', async () => {
    const { target, unitDir } = setup();
    const base = { ...target, authdeckCommand: AUTHDECK, everyMs: HOUR, withinMs: HOUR };
    await expect(installMonitor({ ...base, everyMs: 2 * MINUTE })).rejects.toThrow(/at least 5m/);
    await expect(installMonitor({ ...base, withinMs: 0 })).rejects.toThrow(UsageError);
    await expect(installMonitor({ ...base, notify: { command: ' ' } })).rejects.toThrow(/empty/);
    await expect(installMonitor({ ...base, notify: { ntfyUrl: 'http://ntfy.example/t' } })).rejects.toThrow(/https/);
    // Longer than the kept file a run reads back: it would never notify.
    await expect(installMonitor({ ...base, notify: { command: `echo ${'x'.repeat(70_000)}` } })).rejects.toThrow(
      /longer than 64 KB/,
    );
    const key = fakeSecrets.openaiKey();
    const leak = await installMonitor({ ...base, notify: { command: `curl -H "x: ${key}" x` } }).catch((e: Error) => e);
    expect(leak).toBeInstanceOf(UsageError);
    expect((leak as Error).message).not.toContain(key);
    expect(existsSync(unitDir)).toBe(false);
  });
});

describe('monitor install again, to change the interval', () => {
  it.each([true, false])(
    'keeps the target an earlier install kept and says so; --no-notify drops it (systemd: %s)',
    async (systemd) => {
      // Installed again with only --every (as the README says to change it), the job was
      // written with no target and notified no one, the kept file left unused.
      const { target, unitDir } = setup(systemd);
      const where = monitorLocation(target);
      const install = { ...target, authdeckCommand: AUTHDECK, withinMs: 2 * HOUR };
      await installMonitor({ ...install, everyMs: 30 * MINUTE, notify: { command: 'notify-send authdeck' } });
      const again = await installMonitor({ ...install, everyMs: HOUR });
      const job = () =>
        systemd
          ? readFileSync(join(unitDir, 'authdeck-monitor.service'), 'utf8')
          : again.mode === 'cron'
            ? again.crontabLine
            : '';
      expect(job()).toContain('--notify-file');
      expect(job()).toContain(where.notifyPath);
      expect(readFileSync(where.notifyPath, 'utf8')).toBe('notify-send authdeck\n');
      expect(again.note).toContain('the notify command an earlier install kept is used again; --no-notify drops it');
      expect(again.note).not.toContain('notifies no one');
      const dropped = await installMonitor({ ...install, everyMs: HOUR, dropKeptTarget: true });
      expect(dropped.note).toContain('notifies no one');
      const line = systemd
        ? readFileSync(join(unitDir, 'authdeck-monitor.service'), 'utf8')
        : dropped.mode === 'cron'
          ? dropped.crontabLine
          : '';
      expect(line).not.toContain('--notify-file');
      // Not brought back by the next install either.
      expect((await installMonitor({ ...install, everyMs: HOUR })).note).toContain('notifies no one');
    },
  );
});

describe('monitor install without systemd', () => {
  it('returns the crontab line and writes no unit', async () => {
    const { target, systemctl, unitDir, stateDir } = setup(false);
    const result = await installMonitor({
      ...target,
      authdeckCommand: AUTHDECK,
      everyMs: 45 * MINUTE,
      withinMs: 2 * HOUR,
      notify: { ntfyUrl: 'https://ntfy.sh/alerts' },
    });
    if (result.mode !== 'cron') throw new Error('expected cron mode');
    expect(result.crontabLine).toMatch(/^\*\/30 \* \* \* \* /);
    expect(result.crontabLine).toContain(
      // The run is told the interval cron keeps (45m rounded to 30m): its keep-alive window follows it.
      `'/opt/auth deck/bin/authdeck.js' monitor run --every 30m --within 2h --ntfy-file ${join(stateDir, 'authdeck-monitor.ntfy')} --state-dir ${stateDir} --agent main`,
    );
    expect(result.crontabLine).not.toContain('ntfy.sh');
    expect(result.crontabLine).toContain(`OPENCLAW_STATE_DIR=${stateDir} `);
    expect(result.crontabLine.endsWith(`>>${join(stateDir, 'authdeck-monitor.log')} 2>&1`)).toBe(true);
    expect(result.crontabLine).not.toMatch(SECRET_SHAPED);
    expect(result).toMatchObject({ crontab: true, entries: [] });
    expect(result.note).toContain('cron cannot repeat every 45m; the line runs every 30m');
    expect(systemctl.calls).toEqual([['show-environment']]);
    expect(existsSync(unitDir)).toBe(false);
    expect(await monitorStatus(target)).toMatchObject({
      systemd: false,
      serviceInstalled: false,
      cron: { crontab: true, entries: [], line: result.crontabLine },
    });
  });

  it('finds the line in the crontab once added; uninstall leaves what still runs and says so', async () => {
    const { target, stateDir, crontab } = setup(false);
    const install = { ...target, authdeckCommand: AUTHDECK, everyMs: HOUR, withinMs: HOUR };
    const result = await installMonitor(install);
    if (result.mode !== 'cron') throw new Error('expected cron mode');
    const where = monitorLocation(target);
    expect(readFileSync(where.cronPath, 'utf8')).toBe(`${result.crontabLine}\n`);
    const edited = result.crontabLine.replace(/^0 \* /, '15 * ');
    const otherAgent = result.crontabLine.replace(/--agent main /, '--agent main2 ');
    crontab.text = `# backups\n0 3 * * * /usr/bin/backup\n${otherAgent}\n  ${edited}\n#${result.crontabLine}\n`;
    expect((await monitorStatus(target)).cron).toEqual({ crontab: true, entries: [edited], line: result.crontabLine });
    expect(await installMonitor(install)).toMatchObject({ entries: [edited] });

    await runMonitor({
      check: async () => ({ exitCode: 0, reasons: [] }),
      target: undefined,
      statusPath: where.statusPath,
    });
    const kept = await uninstallMonitor(target);
    expect(kept).toMatchObject({ installed: true, removed: [], cronEntries: [edited] });
    expect(kept.note).toContain('your crontab still runs it: remove its line with `crontab -e`');
    expect(existsSync(where.cronPath) && existsSync(where.statusPath)).toBe(true);

    crontab.text = '0 3 * * * /usr/bin/backup\n';
    expect(await uninstallMonitor(target)).toEqual({
      installed: true,
      removed: [where.cronPath, where.statusPath],
      disabled: false,
      cronEntries: [],
    });
    expect(existsSync(join(stateDir, 'authdeck-monitor.log'))).toBe(false);
  });

  it('names the file that holds an ntfy URL with a secret, and masks the URL in lines an older install gave', async () => {
    const { target, crontab } = setup(false);
    const where = monitorLocation(target);
    const install = { ...target, authdeckCommand: AUTHDECK, everyMs: HOUR, withinMs: HOUR };
    const result = await installMonitor({ ...install, notify: { ntfyUrl: SECRET_NTFY } });
    if (result.mode !== 'cron') throw new Error('expected cron mode');
    expect(result.crontabLine).toContain(
      ` monitor run --every 1h --within 1h --ntfy-file ${where.ntfyPath} --state-dir `,
    );
    expect(JSON.stringify(result)).not.toMatch(/s3cret|tk_abc/);
    expect(readFileSync(where.ntfyPath, 'utf8')).toBe(`${SECRET_NTFY}\n`);
    expect(fileMode(where.ntfyPath)).toBe(0o600);

    const older = result.crontabLine.replace(`--ntfy-file ${where.ntfyPath}`, `--ntfy '${SECRET_NTFY}'`);
    crontab.text = `${older}\n`;
    writeFileSync(where.cronPath, `${older}\n`);
    const masked = result.crontabLine.replace(
      `--ntfy-file ${where.ntfyPath}`,
      "--ntfy 'https://***@ntfy.example.com/…'",
    );
    expect((await monitorStatus(target)).cron).toEqual({ crontab: true, entries: [masked], line: masked });
    const kept = await uninstallMonitor(target);
    expect(kept.cronEntries).toEqual([masked]);
    // A line in the crontab still runs it: the URL it may read stays with the rest.
    expect(existsSync(where.ntfyPath)).toBe(true);
  });

  it('a cron reinstall with a notify command leaves the ntfy file a crontab line may still read', async () => {
    const { target } = setup(false);
    const where = monitorLocation(target);
    const install = { ...target, authdeckCommand: AUTHDECK, everyMs: HOUR, withinMs: HOUR };
    await installMonitor({ ...install, notify: { ntfyUrl: SECRET_NTFY } });
    await installMonitor({ ...install, notify: { command: 'notify-send authdeck' } });
    expect(readFileSync(where.ntfyPath, 'utf8')).toBe(`${SECRET_NTFY}\n`);
  });

  it('where there is no crontab program, status still shows the line to add by hand', async () => {
    const { target } = setup(false, null);
    const result = await installMonitor({
      ...target,
      authdeckCommand: AUTHDECK,
      everyMs: HOUR,
      withinMs: HOUR,
      notify: { command: 'curl -u a:b https://x.example' },
    });
    expect(result).toMatchObject({ mode: 'cron', crontab: false, entries: [] });
    if (result.mode !== 'cron') throw new Error('expected cron mode');
    expect((await monitorStatus(target)).cron).toEqual({ crontab: false, entries: [], line: result.crontabLine });
    // A line added by hand may still run it: its records (the refusals above all) stay.
    const where = monitorLocation(target);
    writeFileSync(where.refusedPath, '{}\n');
    const removed = await uninstallMonitor(target);
    // …and so does the command it runs, named with the rest so that nothing stays unsaid.
    expect(removed.note).toContain('so what it reads and records is kept');
    for (const path of [where.notifyPath, where.cronPath, where.refusedPath]) {
      expect(removed.note).toContain(path);
      expect(existsSync(path)).toBe(true);
    }
    // Status no longer gives it as a line to add: uninstalled, kept for a line added by hand.
    expect((await monitorStatus(target)).cron).toEqual({
      crontab: false,
      entries: [],
      line: result.crontabLine,
      uninstalled: true,
    });
    // A second uninstall finds nothing installed, and says it was uninstalled before (as status
    // says "uninstalled"); an install afterwards gives the line again.
    const again = await uninstallMonitor(target);
    expect(again.installed).toBe(false);
    expect(again.note).toContain(`already uninstalled (${where.cronPath} keeps its line, marked so)`);
    await installMonitor({ ...target, authdeckCommand: AUTHDECK, everyMs: HOUR, withinMs: HOUR });
    expect((await monitorStatus(target)).cron.uninstalled).toBeUndefined();
  });
});

describe('monitor uninstall with nothing installed', () => {
  it('removes nothing, not even the record of a run started by hand, and says so', async () => {
    for (const [systemd, crontab] of [
      [true, ''],
      [false, null],
    ] as const) {
      const { target, systemctl } = setup(systemd, crontab);
      const where = monitorLocation(target);
      await runMonitor({
        check: async () => ({ exitCode: 0, reasons: [] }),
        target: undefined,
        statusPath: where.statusPath,
      });
      writeFileSync(where.refusedPath, '{}');
      const result = await uninstallMonitor(target);
      expect(result).toMatchObject({ installed: false, removed: [], disabled: false });
      expect(result.note).toBe(
        `no monitor units in ${where.unitDir}, ${crontab === null ? 'no crontab here' : 'no line in your crontab runs it'}`,
      );
      expect(existsSync(where.statusPath) && existsSync(where.refusedPath)).toBe(true);
      expect(systemctl.calls).toEqual([]);
    }
  });
});

const SYSTEMD_ANALYZE = findOnPath('systemd-analyze', process.env.PATH);

describe('systemd-analyze', () => {
  it.skipIf(SYSTEMD_ANALYZE === undefined)(
    'verify --user accepts the rendered units (skipped where systemd-analyze is not installed)',
    () => {
      const { home } = makeTempHome();
      const runtime = join(home, 'runtime');
      mkdirSync(runtime, { mode: 0o700 });
      // A % or $ left unescaped in the executable path would make systemd look for another file.
      const exe = join(home, 'bin dir', 'authdeck 100%u $x');
      mkdirSync(join(home, 'bin dir'));
      writeFileSync(exe, '#!/bin/sh\n');
      chmodSync(exe, 0o755);
      const service = join(home, 'authdeck-monitor.service');
      const timer = join(home, 'authdeck-monitor.timer');
      writeFileSync(
        service,
        renderServiceUnit({
          execStart: [exe, 'monitor', 'run', '--notify', 'echo "$HOME" 100% \\ ;', ';', '--state-dir', '/tmp/a b'],
          environment: { OPENCLAW_STATE_DIR: '/tmp/a b/100%', NO_COLOR: '1' },
          description: 'authdeck: check 100% of it',
        }),
      );
      writeFileSync(timer, renderTimerUnit({ everyMs: 30 * MINUTE }));
      const run = spawnSync(SYSTEMD_ANALYZE!, ['verify', '--user', service, timer], {
        env: { ...process.env, XDG_RUNTIME_DIR: runtime, SYSTEMD_PAGER: '', NO_COLOR: '1' },
        encoding: 'utf8',
        timeout: 15_000,
      });
      expect(run.stderr.split('\n').filter((line) => line.includes('authdeck'))).toEqual([]);
      expect(run.status).toBe(0);
    },
  );
});

function tempFiles() {
  const { home } = makeTempHome();
  return { dir: home, file: (name: string) => join(home, name) };
}

describe('notify', () => {
  const expiring: CheckOutcome = { exitCode: 2, reasons: [REASON] };

  it('does nothing for exit 0', async () => {
    const never = () => {
      throw new Error('must not be called');
    };
    const result = await notifyIfNeeded(
      { exitCode: 0, reasons: [] },
      { command: 'exit 1' },
      {
        spawn: never as never,
        fetch: never as never,
      },
    );
    expect(result).toEqual({ notified: false, detail: 'nothing to report' });
  });

  it('pipes the title and reasons to the command, with AUTHDECK_CHECK_EXIT, redacted', async () => {
    const { file } = tempFiles();
    const key = fakeSecrets.anthropicApiKey();
    const command = `cat > '${file('message')}'; printf %s "$AUTHDECK_CHECK_EXIT" > '${file('exit')}'`;
    const result = await notifyIfNeeded(
      { exitCode: 2, reasons: [REASON, `stray ${key}`] },
      { command },
      {
        redact: (text) => text.replace('anthropic:work', 'anthropic:w…'),
      },
    );
    expect(result).toEqual({ notified: true, detail: 'the notify command exited 0' });
    const message = readFileSync(file('message'), 'utf8');
    expect(message).toBe(
      'authdeck: credentials expiring\nanthropic (default model anthropic/x): anthropic:w… (tried #1) expires in 5h\nstray [redacted]\n',
    );
    expect(readFileSync(file('exit'), 'utf8')).toBe('2');
  });

  it('reports a failing command with its last stderr line', async () => {
    const result = await notifyIfNeeded(expiring, { command: 'cat >/dev/null; echo oops >&2; exit 3' });
    expect(result).toEqual({ notified: false, detail: 'the notify command exited 3: oops' });
  });

  it('kills a command that hangs, with what it started', async () => {
    const { file } = tempFiles();
    const started = Date.now();
    const result = await notifyIfNeeded(
      expiring,
      { command: `sleep 30 & echo $! > '${file('pid')}'; wait` },
      { timeoutMs: 300 },
    );
    expect(result).toEqual({ notified: false, detail: 'the notify command timed out after 300ms and was killed' });
    expect(Date.now() - started).toBeLessThan(3000);
    const pid = Number(readFileSync(file('pid'), 'utf8'));
    const gone = () => {
      try {
        process.kill(pid, 0);
      } catch {
        return true;
      }
      // An orphan nobody has reaped yet is dead too.
      return /\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    };
    for (let i = 0; i < 40 && !gone(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(gone()).toBe(true);
  });

  it('POSTs to an ntfy URL with Title, Priority and Tags, turning userinfo into Basic auth', async () => {
    const seen: { method?: string; url?: string; headers?: IncomingHttpHeaders; body?: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        res.statusCode = seen.length === 1 ? 200 : 500;
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const outcome: CheckOutcome = { exitCode: 1, reasons: [REASON, 'openai: openai:default expired 2h ago'] };
      const url = `http://me:hunter2@127.0.0.1:${port}/alerts?auth=abc123`;
      const sent = await notifyIfNeeded(outcome, { ntfyUrl: url });
      expect(sent).toEqual({ notified: true, detail: `http://***@127.0.0.1:${port}/… answered HTTP 200` });
      expect(seen[0]).toMatchObject({
        method: 'POST',
        url: '/alerts?auth=abc123',
        body: `${outcome.reasons.join('\n')}`,
      });
      expect(seen[0]?.headers).toMatchObject({
        title: 'authdeck: credentials expired, missing or refused',
        priority: 'high',
        tags: 'warning',
        authorization: `Basic ${Buffer.from('me:hunter2').toString('base64')}`,
      });

      const failed = await notifyIfNeeded(expiring, { ntfyUrl: `http://127.0.0.1:${port}/alerts` });
      expect(failed).toEqual({ notified: false, detail: `http://127.0.0.1:${port}/… answered HTTP 500` });
      expect(seen[1]?.headers?.priority).toBe('default');
      expect(seen[1]?.headers?.title).toBe('authdeck: credentials expiring');

      // A `%` that starts no escape in the password is sent as typed, not a crash ("URI malformed").
      await notifyIfNeeded(outcome, { ntfyUrl: `http://u:50%off@127.0.0.1:${port}/alerts` });
      expect(seen[2]?.headers?.authorization).toBe(`Basic ${Buffer.from('u:50%off').toString('base64')}`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('monitor run', () => {
  it('turns a check that throws into exit 3, notifies, and records the run', async () => {
    const { file } = tempFiles();
    const record = await runMonitor({
      check: async () => {
        throw new Error('auth-profiles.json: unexpected token');
      },
      target: { command: `cat > '${file('message')}'` },
      statusPath: file('last-run.json'),
      nowMs: Date.UTC(2026, 4, 1, 12, 0),
    });
    expect(record).toEqual({
      at: '2026-05-01T12:00:00.000Z',
      exitCode: 3,
      reasons: ['auth-profiles.json: unexpected token'],
      notified: true,
      detail: 'the notify command exited 0',
    });
    expect(readFileSync(file('message'), 'utf8')).toMatch(/^authdeck: cannot read the auth store\n/);
    expect(await readMonitorRunRecord(file('last-run.json'))).toEqual(record);
    expect(fileMode(file('last-run.json'))).toBe(0o600);
    expect(describeRun(record)).toBe(
      '2026-05-01 12:00 UTC: cannot read the auth store (exit 3); notified: the notify command exited 0',
    );
    expect(monitorRunExitCode(record)).toBe(0);
  });

  it('posts to the URL kept in --ntfy-file with its credentials, and records a file it cannot read', async () => {
    const seen: { url?: string; headers?: IncomingHttpHeaders }[] = [];
    const server = createServer((req, res) => {
      seen.push({ url: req.url!, headers: req.headers });
      req.resume();
      req.on('end', () => res.end('{}'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { file } = tempFiles();
      const url = `http://alice:s3cret@127.0.0.1:${port}/topic?auth=tk_abc`;
      writeFileSync(file('ntfy'), `${url}\n`, { mode: 0o600 });
      const check = async (): Promise<CheckOutcome> => ({ exitCode: 2, reasons: [REASON] });
      const target = parseRunTarget({ ntfyFile: file('ntfy') });
      const record = await runMonitor({ check, target, statusPath: file('last-run.json') });
      expect(record).toMatchObject({
        notified: true,
        detail: `http://***@127.0.0.1:${port}/… answered HTTP 200`,
      });
      expect(seen[0]?.url).toBe('/topic?auth=tk_abc');
      expect(seen[0]?.headers?.authorization).toBe(`Basic ${Buffer.from('alice:s3cret').toString('base64')}`);
      expect(readFileSync(file('last-run.json'), 'utf8')).not.toMatch(/s3cret|tk_abc/);

      const gone = await runMonitor({ check, target: { ntfyFile: file('nope') }, statusPath: file('last-run.json') });
      expect(gone).toMatchObject({
        notified: false,
        detail: `could not read the ntfy URL: ${file('nope')} is gone; run \`authdeck monitor install\` again`,
      });
      expect(monitorRunExitCode(gone)).toBe(1);
      expect(seen).toHaveLength(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(() => parseRunTarget({ ntfy: 'https://ntfy.sh/a', ntfyFile: '/x' })).toThrow(/one of/);
  });

  it('fails when there is something to say and nowhere to say it', async () => {
    const { file } = tempFiles();
    const record = await runMonitor({
      check: async () => ({ exitCode: 2, reasons: [REASON] }),
      target: undefined,
      statusPath: file('last-run.json'),
    });
    expect(record).toMatchObject({
      notified: false,
      detail: 'this run was given no --notify or --ntfy (an installed monitor passes its own)',
      reasons: [REASON],
    });
    expect(monitorRunExitCode(record)).toBe(1);
  });
});

describe('crontab -l that fails', () => {
  it('"no crontab for" is an empty crontab; any other failure is one that cannot be read', async () => {
    const dir = makeTempHome().home;
    const reader = (script: string) => {
      writeFileSync(join(dir, 'crontab'), `#!/bin/sh\n${script}\n`);
      chmodSync(join(dir, 'crontab'), 0o755);
      return crontabReader({ PATH: `${dir}:/usr/bin:/bin` })();
    };
    expect(await reader('echo "no crontab for me" >&2; exit 1')).toBe('');
    // Not allowed to use cron: nothing can be said of its lines, so uninstall keeps what they read.
    expect(await reader('echo "crontab: Permission denied" >&2; exit 1')).toBeUndefined();
    expect(await reader('echo "*/30 * * * * x"')).toBe('*/30 * * * * x\n');
  });
});
