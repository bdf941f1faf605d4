// biome-ignore-all lint/suspicious/noTemplateCurlyInString: openclaw.json spells ${NAME} in plain strings
import { existsSync, linkSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeJsonFile } from '../helpers/temp-state.js';

// What the gateway refuses to read, authdeck does not read either: a `.env` over OpenClaw's
// 1 MiB, an `$include` it refuses, a gateway.env it does not load, an empty --state-dir.

const cli = (home: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}) =>
  runCommand(['--no-reload', ...args], { home, ...options });

const envVariables = async (home: string, env: Record<string, string> = {}) =>
  (JSON.parse((await cli(home, ['status', '--json'], { env })).stdout).env as { variable: string }[]).map(
    (entry) => entry.variable,
  );

describe('a .env larger than 1 MiB', () => {
  it('is skipped whole, as OpenClaw skips it: its key is not shown as in use; doctor and env list say why', async () => {
    const { home, stateDir } = makeTempHome();
    const path = join(stateDir, '.env');
    writeFileSync(path, `GROQ_API_KEY=${fakeSecrets.groqKey()}\n`, { mode: 0o600 });
    expect(await envVariables(home)).toContain('GROQ_API_KEY');
    writeFileSync(path, `GROQ_API_KEY=${fakeSecrets.groqKey()}\nCERT=${'v'.repeat(1024 * 1024)}\n`, { mode: 0o600 });
    expect(await envVariables(home)).not.toContain('GROQ_API_KEY');
    const doctor = await cli(home, ['doctor', '--json']);
    expect(JSON.parse(doctor.stdout).findings).toContainEqual(
      expect.objectContaining({ code: 'env-file-too-large', subject: path }),
    );
    expect((await cli(home, ['env', 'list'])).stdout).toContain('OpenClaw skips the whole file');
  });

  it('is measured in bytes on disk: bytes that are not UTF-8 do not make a small file large', async () => {
    const { home, stateDir } = makeTempHome();
    const path = join(stateDir, '.env');
    // 400,000 Latin-1 bytes: 1.2 MB once each is decoded to U+FFFD, 0.4 MB on disk.
    writeFileSync(
      path,
      Buffer.concat([Buffer.from(`GROQ_API_KEY=${fakeSecrets.groqKey()}\n# `), Buffer.alloc(400_000, 0xe9)]),
      { mode: 0o600 },
    );
    expect(await envVariables(home)).toContain('GROQ_API_KEY');
    expect((await cli(home, ['env', 'list'])).stdout).not.toContain('skips the whole file');
  });

  it('past the 32 MB authdeck reads at most: skipped as OpenClaw skips it, not a command stopped', async () => {
    const { home, stateDir } = makeTempHome();
    writeFileSync(join(stateDir, '.env'), Buffer.alloc(40 * 1024 * 1024, 0x61), { mode: 0o600 });
    const status = await cli(home, ['status']);
    expect(status.code).toBe(0);
    expect(status.stderr).not.toContain('32 MB');
  });

  it('env set leaves a .env that is not UTF-8 as it is: its other lines are not rewritten with U+FFFD', async () => {
    const { home, stateDir } = makeTempHome();
    const path = join(stateDir, '.env');
    const before = Buffer.concat([Buffer.from('PASSWORD=p'), Buffer.from([0xe4]), Buffer.from('ss\n')]);
    writeFileSync(path, before, { mode: 0o600 });
    const set = await cli(home, ['env', 'set', 'GROQ_API_KEY'], { input: fakeSecrets.groqKey() });
    expect(set.code).not.toBe(0);
    expect(set.stderr).toContain('is not UTF-8 text');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('env set refuses the value that would push it past 1 MiB, and writes nothing', async () => {
    const { home, stateDir } = makeTempHome();
    const path = join(stateDir, '.env');
    const big = 'v'.repeat(600_000);
    expect((await cli(home, ['env', 'set', 'CERT_A'], { input: big })).code).toBe(0);
    const before = readFileSync(path, 'utf8');
    const second = await cli(home, ['env', 'set', 'CERT_B'], { input: big });
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain('larger than 1 MiB');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });
});

describe('an $include OpenClaw refuses', () => {
  function homeIncluding(target: (stateDir: string, home: string) => string) {
    const temp = makeTempHome();
    const file = target(temp.stateDir, temp.home);
    writeJsonFile(temp.configPath, { auth: { $include: file } });
    return { ...temp, file };
  }
  const auth = { profiles: { 'anthropic:default': { provider: 'anthropic', mode: 'api_key' } } };

  it('outside the config directory: not read, said as the gateway would fail, never written through', async () => {
    const { home, file } = homeIncluding((_, home) => {
      const outside = join(home, 'outside-auth.json');
      writeJsonFile(outside, auth);
      return outside;
    });
    const before = readFileSync(file, 'utf8');
    const status = await cli(home, ['status']);
    expect(status.code).toBe(3);
    expect(status.stderr).toContain('outside the config directory');
    const save = await cli(home, ['add-key', '--provider', 'anthropic', '--profile-id', 'p9'], {
      input: fakeSecrets.anthropicApiKey(),
    });
    expect(save.code).toBe(3);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('larger than 2 MiB, or with a second hard link: refused the same way', async () => {
    const large = homeIncluding((stateDir) => {
      const path = join(stateDir, 'models.json');
      writeFileSync(path, JSON.stringify({ ...auth, note: 'x'.repeat(3 * 1024 * 1024) }));
      return path;
    });
    const tooLarge = await cli(large.home, ['status']);
    expect(tooLarge.code).toBe(3);
    expect(tooLarge.stderr).toContain('larger than 2 MiB');

    const linked = homeIncluding((stateDir) => {
      const path = join(stateDir, 'auth.json');
      writeJsonFile(path, auth);
      linkSync(path, join(stateDir, 'auth-copy.json'));
      return path;
    });
    expect(statSync(linked.file).nlink).toBe(2);
    const hardLinked = await cli(linked.home, ['status']);
    expect(hardLinked.code).toBe(3);
    expect(hardLinked.stderr).toContain('another hard link');
  });

  it('under a directory OPENCLAW_INCLUDE_ROOTS names: read, as OpenClaw reads it', async () => {
    const { home } = homeIncluding((_, home) => {
      mkdirSync(join(home, 'shared'));
      writeJsonFile(join(home, 'shared', 'auth.json'), auth);
      return join(home, 'shared', 'auth.json');
    });
    expect((await cli(home, ['status'])).code).toBe(3);
    const before = process.env.OPENCLAW_INCLUDE_ROOTS;
    process.env.OPENCLAW_INCLUDE_ROOTS = `/nonexistent:${join(home, 'shared')}`;
    try {
      expect((await cli(home, ['status'])).code).toBe(0);
    } finally {
      if (before === undefined) delete process.env.OPENCLAW_INCLUDE_ROOTS;
      else process.env.OPENCLAW_INCLUDE_ROOTS = before;
    }
  });

  it('a file of the directory whose name starts with two dots (`..auth.json`) is inside it', async () => {
    const { home } = homeIncluding((stateDir) => {
      writeJsonFile(join(stateDir, '..auth.json'), auth);
      return '..auth.json';
    });
    expect((await cli(home, ['status'])).code).toBe(0);
  });

  it('inside the config directory (relative, in a sub-folder): read as before', async () => {
    const { home } = homeIncluding((stateDir) => {
      mkdirSync(join(stateDir, 'parts'));
      writeJsonFile(join(stateDir, 'parts', 'auth.json'), auth);
      return './parts/auth.json';
    });
    expect((await cli(home, ['status'])).code).toBe(0);
  });
});

describe('~/.config/openclaw/gateway.env', () => {
  it('is read for the default state dir and not for one OPENCLAW_STATE_DIR names elsewhere, as OpenClaw reads it', async () => {
    const { home, stateDir } = makeTempHome();
    mkdirSync(join(home, '.config', 'openclaw'), { recursive: true });
    writeFileSync(join(home, '.config', 'openclaw', 'gateway.env'), 'DEFAULT_MODEL=groq/llama-3.3-70b-versatile\n');
    const elsewhere = join(home, 'st');
    for (const dir of [stateDir, elsewhere])
      writeJsonFile(join(dir, 'openclaw.json'), { agents: { defaults: { model: { primary: '${DEFAULT_MODEL}' } } } });
    const defaultModel = async (env: Record<string, string> = {}) =>
      (await cli(home, ['explain', '--json'], { env })).stdout.includes('"ref": "groq/llama-3.3-70b-versatile"');
    expect(await defaultModel()).toBe(true);
    expect(await defaultModel({ OPENCLAW_STATE_DIR: elsewhere })).toBe(false);
    // Named, but the default one: still read.
    expect(await defaultModel({ OPENCLAW_STATE_DIR: stateDir })).toBe(true);
  });
});

describe('an empty --state-dir', () => {
  it('is refused (exit 64), not taken as the default home', async () => {
    const { home, mainAgentDir } = makeTempHome();
    for (const dir of ['', ' ']) {
      const run = await cli(home, ['add-key', '--provider', 'anthropic', '--state-dir', dir], {
        input: fakeSecrets.anthropicApiKey(),
      });
      expect(run.code).toBe(64);
      expect(run.stderr).toContain('--state-dir: no directory given (the value is empty)');
    }
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(false);
  });
});
