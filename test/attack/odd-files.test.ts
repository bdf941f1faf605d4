import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { CLI_PATH, type CliResult } from '../helpers/run-cli.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome } from '../helpers/temp-state.js';

/** The built CLI with a deadline: a hang is a failure of its own, not a stuck suite. */
function runWithin(args: string[], home: string, input = '', ms = 10_000): Promise<CliResult & { hung: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_PATH, '--no-reload', ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        NO_COLOR: '1',
        AUTHDECK_STORE_GENERATION: 'json',
        XDG_CONFIG_HOME: join(home, '.config'),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let hung = false;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdin.on('error', () => {});
    child.stdin.end(input);
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, ms);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, hung });
    });
  });
}

function fifo(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  execFileSync('mkfifo', [path]);
}

function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path);
}

describe('odd files where authdeck reads: a named reason, never a hang or a runaway read', () => {
  const cases: Array<[string, (home: ReturnType<typeof makeTempHome>) => void, string[]]> = [
    ['a FIFO as openclaw.json', (h) => fifo(h.configPath), ['status']],
    ['a FIFO as .env', (h) => fifo(join(h.stateDir, '.env')), ['status']],
    ['a FIFO as auth-profiles.json', (h) => fifo(join(h.mainAgentDir, 'auth-profiles.json')), ['status']],
    ["a FIFO as authdeck's preferences", (h) => fifo(join(h.home, '.config', 'authdeck', 'config.json')), ['status']],
    [
      "a FIFO as OpenClaw's database",
      (h) => {
        installOpenclawFixture('a-v9-shared-fresh', h.stateDir);
        execFileSync('rm', [join(h.stateDir, 'state', 'openclaw.sqlite')]);
        fifo(join(h.stateDir, 'state', 'openclaw.sqlite'));
      },
      ['status'],
    ],
    ['/dev/zero as openclaw.json', (h) => link('/dev/zero', h.configPath), ['status']],
    ['/dev/zero as .env', (h) => link('/dev/zero', join(h.stateDir, '.env')), ['status']],
    [
      "/dev/zero as authdeck's preferences",
      (h) => link('/dev/zero', join(h.home, '.config', 'authdeck', 'config.json')),
      ['status'],
    ],
  ];
  for (const [name, make, args] of cases) {
    it(name, async () => {
      const home = makeTempHome();
      make(home);
      const run = await runWithin(args, home.home);
      expect(run.hung, 'hung').toBe(false);
      expect(run.code).toBe(3);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/not a regular file|FIFO|a device/);
      expect(run.stderr).not.toContain('unexpected error');
    });
  }

  it('a wide $include tree (each of ten files names the next four times) is read in moments, not 4^10 times', async () => {
    const home = makeTempHome();
    const names = (i: number) => JSON.stringify(Array.from({ length: 4 }, () => `./i${i}.json`));
    writeFileSync(home.configPath, `{"models":{"$include":${names(1)}}}`);
    for (let i = 1; i <= 9; i++) writeFileSync(join(home.stateDir, `i${i}.json`), `{"$include":${names(i + 1)}}`);
    // The deepest file describes a provider: read in, the gateway knows it and status does not warn.
    writeFileSync(
      join(home.stateDir, 'i10.json'),
      '{"providers":{"deep-end":{"baseUrl":"http://127.0.0.1:9/v1","api":"openai-completions","models":[]}}}',
    );
    mkdirSync(home.mainAgentDir, { recursive: true });
    writeFileSync(
      join(home.mainAgentDir, 'auth-profiles.json'),
      JSON.stringify({
        version: 1,
        profiles: { 'deep-end:a': { type: 'api_key', provider: 'deep-end', key: 'k-123' } },
      }),
    );
    const run = await runWithin(['status', '--json'], home.home);
    expect(run.hung, 'hung').toBe(false);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).warnings.join('\n')).not.toContain('deep-end');
  });

  it('a config with an $include 3,000 objects deep is one line and exit 3, not a stack overflow', async () => {
    const home = makeTempHome();
    const deep = `${'{"b":'.repeat(3000)}{"$include":"x.json"}${'}'.repeat(3000)}`;
    writeFileSync(home.configPath, `{"models":{"x":${deep}}}`);
    writeFileSync(join(home.stateDir, 'x.json'), '{}');
    const run = await runWithin(['status'], home.home);
    expect(run.hung, 'hung').toBe(false);
    expect(run.code).toBe(3);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining('nest more than 256 levels deep')]);
  });

  it('a FIFO as gateway.env or the monitor record does not hang a save or monitor status', async () => {
    const home = makeTempHome();
    fifo(join(home.home, '.config', 'openclaw', 'gateway.env'));
    const saved = await runWithin(['add-key', '--provider', 'openai'], home.home, fakeSecrets.openaiKey());
    expect(saved.hung, 'hung').toBe(false);
    expect(saved.code).toBe(0);
    fifo(join(home.stateDir, 'authdeck-monitor.last-run.json'));
    const monitor = await runWithin(['monitor', 'status'], home.home);
    expect(monitor.hung, 'hung').toBe(false);
  });

  it('a 0-byte database and a dangling link to one are findings, not an empty store', async () => {
    for (const make of [
      (h: ReturnType<typeof makeTempHome>) => {
        installOpenclawFixture('a-v9-shared-fresh', h.stateDir);
        writeFileSync(join(h.stateDir, 'state', 'openclaw.sqlite'), '');
      },
      (h: ReturnType<typeof makeTempHome>) => {
        installOpenclawFixture('a-v9-shared-fresh', h.stateDir);
        execFileSync('rm', [join(h.stateDir, 'state', 'openclaw.sqlite')]);
        link(join(h.home, 'gone.sqlite'), join(h.stateDir, 'state', 'openclaw.sqlite'));
      },
    ]) {
      const home = makeTempHome();
      make(home);
      const run = await runWithin(['status'], home.home);
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/is empty \(0 bytes\)|symbolic link to a file that does not exist/);
    }
  });
});

describe('a state dir where mkdir answers ENOENT with the parent there (/proc)', () => {
  it('fails in one line at once, not a loop at full CPU', async () => {
    const { home } = makeTempHome();
    const run = await runCommand(['--state-dir', '/proc', 'add-key', '--provider', 'openai'], {
      home,
      input: fakeSecrets.openaiKey(),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^authdeck: writing \/proc\/agents failed: ENOENT/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('a file that is not UTF-8 where authdeck writes', () => {
  it('is left byte for byte, with one line saying why, not rewritten with U+FFFD in it', async () => {
    const { home, configPath, mainAgentDir } = makeTempHome();
    const latin1 = Buffer.from('{\n  // caf\xe9 \xff\n  "ui": { "name": "r\xe9my" }\n}\n', 'latin1');
    writeFileSync(configPath, latin1);
    const run = await runCommand(['add-key', '--provider', 'openai'], { home, input: fakeSecrets.openaiKey() });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`${configPath} is not UTF-8 text`);
    expect(readFileSync(configPath).equals(latin1)).toBe(true);
    // The store beside it, the same.
    const store = join(mainAgentDir, 'auth-profiles.json');
    const storeBytes = Buffer.from('{"version":1,"profiles":{},"note":"caf\xe9"}', 'latin1');
    writeFileSync(store, storeBytes);
    writeFileSync(configPath, '{}\n');
    const again = await runCommand(['add-key', '--provider', 'openai'], { home, input: fakeSecrets.openaiKey() });
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain(`${store} is not UTF-8 text`);
    expect(readFileSync(store).equals(storeBytes)).toBe(true);
  });
});
