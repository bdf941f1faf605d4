import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { fileMode, makeTempHome, writeJsonFile } from '../helpers/temp-state.js';

function setup(expiresInMs: number) {
  const temp = makeTempHome();
  writeJsonFile(join(temp.mainAgentDir, 'auth-profiles.json'), {
    version: 1,
    profiles: {
      'anthropic:work': {
        type: 'token',
        provider: 'anthropic',
        token: fakeSecrets.setupToken(),
        expires: Date.now() + expiresInMs,
      },
    },
  });
  writeJsonFile(temp.configPath, { agents: { defaults: { model: 'anthropic/claude-opus-4-6' } } });
  return temp;
}

describe('authdeck monitor', () => {
  it('without systemd prints the crontab line that runs the check', async () => {
    const { home, stateDir } = setup(30 * 86_400_000);
    const result = await runCommand(['monitor', 'install', '--every', '15m', '--within', '3h', '--notify', 'true'], {
      home,
      env: { XDG_RUNTIME_DIR: '' },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /\*\/15 \* \* \* \* .*monitor run --every 15m --within 3h --notify-file \S+authdeck-monitor\.notify --state-dir /,
    );
    expect(result.stdout).toContain(`--state-dir ${stateDir}`);
    expect(result.stdout).not.toContain(fakeSecrets.setupToken());
  });

  it('monitor run notifies with the reasons when something expires soon, records the run, and status shows it', async () => {
    const { home } = setup(3_600_000);
    const out = join(home, 'notified.txt');
    const run = await runCommand(['monitor', 'run', '--within', '2h', '--notify', `cat > ${out}`], { home });
    expect(run.code).toBe(0);
    const message = readFileSync(out, 'utf8');
    expect(message).toContain('anthropic:work');
    expect(message).toMatch(/expires in (59m|1h)/);
    // Read away from a terminal, it says where the fix is (it listed the reasons alone).
    expect(message.trimEnd().split('\n').at(-1)).toBe('what to do: `authdeck doctor` names the fix for each');
    expect(message).not.toContain(fakeSecrets.setupToken());
    const status = await runCommand(['monitor', 'status'], { home });
    expect(status.stdout).toMatch(/last run: .*exit 2/);
  });

  it('monitor run sends an id with a bidi mark or an escape as visible text', async () => {
    const { home, mainAgentDir } = setup(3_600_000);
    const file = join(mainAgentDir, 'auth-profiles.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.profiles = { 'anthropic:\u202etxt.exe\u001b]0;x\u0007': doc.profiles['anthropic:work'] };
    writeJsonFile(file, doc);
    const out = join(home, 'notified.txt');
    await runCommand(['monitor', 'run', '--within', '2h', '--notify', `cat > ${out}`], { home });
    const message = readFileSync(out, 'utf8');
    expect(message).toContain('anthropic:\\u202etxt.exe\\x1b]0;x\\x07');
    expect(message).not.toMatch(/[\u202e\u001b\u0007]/);
  });

  it('monitor run with nowhere to send says its reasons itself', async () => {
    const { home } = setup(3_600_000);
    const run = await runCommand(['monitor', 'run', '--within', '2h'], { home });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'not notified: this run was given no --notify or --ntfy (an installed monitor passes its own)',
    );
    expect(run.stdout).toMatch(/^ {2}.*anthropic:work.*expires in (59m|1h)/m);
  });

  it('monitor run stays quiet when all is well', async () => {
    const { home } = setup(30 * 86_400_000);
    const out = join(home, 'notified.txt');
    expect((await runCommand(['monitor', 'run', '--within', '2h', '--notify', `cat > ${out}`], { home })).code).toBe(0);
    expect(existsSync(out)).toBe(false);
  });

  it('without systemd or crontab: the line to add by hand, the missing notify target said once', async () => {
    const { home } = setup(30 * 86_400_000);
    // No systemctl and no crontab on this PATH.
    const env = { XDG_RUNTIME_DIR: '', PATH: emptyDir(home) };
    const result = await runCommand(['monitor', 'install', '--every', '30m'], { home, env });
    expect(result.code).toBe(0);
    const both = `${result.stdout}${result.stderr}`;
    expect(both.match(/no --notify or --ntfy/g)).toHaveLength(1);
    expect(both.match(/add this line/g)).toHaveLength(1);
    expect(result.stdout).toContain('no crontab here: add this line by hand');
    const line = result.stdout.split('\n')[1]!.trim();
    expect(line).toMatch(/^\*\/30 \* \* \* \* .* monitor run --every 30m /);
  });

  it('status reports the cron line: to add by hand, or found in the crontab; and the last run', async () => {
    const { home } = setup(30 * 86_400_000);
    const bin = emptyDir(home);
    const env = { XDG_RUNTIME_DIR: '', PATH: bin };
    const install = await runCommand(['monitor', 'install', '--every', '30m', '--notify', 'true'], { home, env });
    const line = install.stdout.split('\n')[1]!.trim();
    const before = await runCommand(['monitor', 'status'], { home, env });
    expect(before.stdout).not.toContain('timer: not installed');
    expect(before.stdout).toContain(`cron: no crontab here: add this line by hand:\n  ${line}\n`);
    expect(before.stdout).toContain('last run: never recorded');

    // A crontab program that lists a crontab holding the line (and another job).
    const table = join(home, 'crontab.txt');
    writeFileSync(table, `MAILTO=""\n0 3 * * * /usr/bin/backup\n${line}\n`);
    writeFileSync(join(bin, 'crontab'), `#!/bin/sh\nwhile IFS= read -r l; do printf '%s\\n' "$l"; done < '${table}'\n`);
    chmodSync(join(bin, 'crontab'), 0o755);
    await runCommand(['monitor', 'run', '--notify', 'true'], { home, env });
    const after = await runCommand(['monitor', 'status'], { home, env });
    expect(after.stdout).toContain(`cron: installed in your crontab\n  ${line}\n`);
    expect(after.stdout).toMatch(/last run: .*credentials fine \(exit 0\)/);
    const again = await runCommand(['monitor', 'install', '--every', '30m', '--notify', 'true'], { home, env });
    expect(again.stdout).toContain('your crontab has this line already:');
  });

  it('keeps an ntfy URL with a password or token off the crontab line and out of what it prints', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      req.on('end', () => res.end('{}'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { home, stateDir } = setup(3_600_000);
      const env = { XDG_RUNTIME_DIR: '', PATH: emptyDir(home) };
      const url = `http://alice:s3cret@127.0.0.1:${port}/topic?auth=tk_abc`;
      const stored = join(stateDir, 'authdeck-monitor.ntfy');
      for (const json of [[], ['--json']]) {
        const install = await runCommand(['monitor', 'install', '--ntfy', url, ...json], { home, env });
        expect(install.code).toBe(0);
        expect(`${install.stdout}${install.stderr}`).not.toMatch(/s3cret|tk_abc/);
        expect(`${install.stdout}${install.stderr}`).toContain(
          `the ntfy URL (http://***@127.0.0.1:${port}/…) is kept in`,
        );
        expect(install.stdout).toContain(`--ntfy-file ${stored} `);
      }
      expect(readFileSync(stored, 'utf8')).toBe(`${url}\n`);
      expect(fileMode(stored)).toBe(0o600);
      for (const json of [[], ['--json']]) {
        const status = await runCommand(['monitor', 'status', ...json], { home, env });
        expect(status.stdout).toContain(`--ntfy-file ${stored} `);
        expect(status.stdout).not.toMatch(/s3cret|tk_abc/);
      }

      // What the crontab line runs: the stored URL, with its credentials, gets the reasons.
      const run = await runCommand(['monitor', 'run', '--within', '2h', '--ntfy-file', stored], { home, env });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`notified: http://***@127.0.0.1:${port}/… answered HTTP 200`);
      expect(run.stdout).not.toMatch(/s3cret|tk_abc/);
      expect(seen[0]?.authorization).toBe(`Basic ${Buffer.from('alice:s3cret').toString('base64')}`);

      // A crontab that no longer runs it: everything install made goes.
      writeFileSync(join(env.PATH, 'crontab'), '#!/bin/sh\nexit 0\n');
      chmodSync(join(env.PATH, 'crontab'), 0o755);
      const uninstall = await runCommand(['monitor', 'uninstall'], { home, env });
      expect(uninstall.stdout).toContain(`removed ${stored}\n`);
      expect(existsSync(stored)).toBe(false);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('keeps a notify command with a credential off the crontab line, and the job runs it from its file', async () => {
    const { home, stateDir } = setup(3_600_000);
    const env = { XDG_RUNTIME_DIR: '', PATH: emptyDir(home) };
    const out = join(home, 'told.txt');
    const command = `cat > '${out}' # password=hunter2`;
    const stored = join(stateDir, 'authdeck-monitor.notify');
    const install = await runCommand(['monitor', 'install', '--notify', command], { home, env });
    expect(install.code).toBe(0);
    expect(`${install.stdout}${install.stderr}`).not.toContain('hunter2');
    expect(install.stdout).toContain(`--notify-file ${stored} `);
    expect(readFileSync(stored, 'utf8')).toBe(`${command}\n`);
    expect(fileMode(stored)).toBe(0o600);
    const run = await runCommand(['monitor', 'run', '--within', '2h', '--notify-file', stored], { home, env });
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('expir');
    const both = await runCommand(['monitor', 'run', '--notify', 'true', '--notify-file', stored], { home, env });
    expect(both.code).toBe(64);
  });

  it('a kept notify command that cannot run is named by its file, never by what it holds', async () => {
    const { home, stateDir } = setup(3_600_000);
    const env = { XDG_RUNTIME_DIR: '', PATH: emptyDir(home) };
    const stored = join(stateDir, 'authdeck-monitor.notify');
    for (const text of [
      'curl -u alice:hunter2SECRET https://x.example/\0\n',
      'curl -u alice:hunter2SECRET https://x.example/ # hunter2SECRET; exit 3\n',
      // The shell's own complaint quotes a piece of the command.
      'false || nosuch-https://hooks.example/services/hunter2SECRET\n',
    ]) {
      writeFileSync(stored, text, { mode: 0o600 });
      const run = await runCommand(['monitor', 'run', '--within', '2h', '--notify-file', stored], { home, env });
      const status = await runCommand(['monitor', 'status', '--json'], { home, env });
      expect(`${run.stdout}${run.stderr}${status.stdout}`).not.toContain('hunter2SECRET');
      expect(run.stdout).toContain('not notified');
    }
  });

  it('uninstall with nothing installed says so and keeps the record of a run started by hand', async () => {
    const { home, stateDir } = setup(30 * 86_400_000);
    const env = { XDG_RUNTIME_DIR: '', PATH: emptyDir(home) };
    expect((await runCommand(['monitor', 'run'], { home, env })).code).toBe(0);
    const record = join(stateDir, 'authdeck-monitor.last-run.json');
    expect(existsSync(record)).toBe(true);
    const result = await runCommand(['monitor', 'uninstall'], { home, env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Nothing installed \(no monitor units in .*, no crontab here\), so nothing was removed\.\n$/,
    );
    expect(existsSync(record)).toBe(true);
  });

  it('`authdeck --help` lists the monitor commands `monitor --help` lists', async () => {
    const { home } = setup(30 * 86_400_000);
    const root = (await runCommand(['--help'], { home })).stdout;
    const own = (await runCommand(['monitor', '--help'], { home })).stdout;
    const listed = own
      .slice(own.indexOf('Commands:'), own.indexOf('Options:'))
      .split('\n')
      .slice(1)
      .map((row) => row.trim().split(/\s+/)[0])
      .filter(Boolean);
    expect(listed).toEqual(['install', 'status', 'uninstall', 'run']);
    expect(root).toMatch(new RegExp(`\\n  monitor +.*: ${listed.join(', ')}\\n`));
  });
});

/** A directory for PATH with nothing in it (no systemctl, no crontab) until a test puts something there. */
function emptyDir(home: string): string {
  const dir = join(home, 'bin');
  mkdirSync(dir, { recursive: true });
  return dir;
}
