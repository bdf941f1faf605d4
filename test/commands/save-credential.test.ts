import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { fileMode, makeTempHome, readJson, writeJsonFile, writeText } from '../helpers/temp-state.js';

const DAY = 86_400_000;
const CONFIG_WITH_COMMENTS = `{
  // my gateway
  "gateway": { "port": 18789 }, /* inline */
  "auth": {
    "order": { "anthropic": ["anthropic:default"] }
  }
}
`;

function existingStore() {
  return {
    version: 1,
    profiles: {
      'anthropic:default': {
        type: 'api_key',
        provider: 'anthropic',
        key: fakeSecrets.anthropicApiKey(),
        teamNote: 'kept',
      },
      'custom:thing': { type: 'future-type', provider: 'custom', blob: { a: 1 } },
    },
    usageStats: { 'anthropic:default': { lastUsed: 123 } },
    somethingNew: [1, 2, 3],
  };
}

function setup() {
  const temp = makeTempHome();
  const storePath = join(temp.mainAgentDir, 'auth-profiles.json');
  writeJsonFile(storePath, existingStore());
  writeText(temp.configPath, CONFIG_WITH_COMMENTS);
  return { ...temp, storePath };
}

describe('paste-token', () => {
  it('adds a token profile one year out, keeps everything else, records it in the config with its comments, all 0600', async () => {
    const { home, storePath, configPath } = setup();
    const token = fakeSecrets.setupToken('paste');
    const before = Date.now();
    const result = await runCommand(['paste-token', '--provider', 'anthropic', '--profile-id', 'anthropic:work'], {
      home,
      input: token,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Saved anthropic:work \(token sk-ant-o…\w{4}\)/);
    expect(result.stdout).toContain('assumed: setup-tokens last one year');
    expect(result.stdout + result.stderr).not.toContain(token);

    const store = readJson(storePath);
    expect(store.profiles['anthropic:work']).toEqual({
      type: 'token',
      provider: 'anthropic',
      token,
      expires: expect.any(Number),
    });
    expect(store.profiles['anthropic:work'].expires).toBeGreaterThanOrEqual(before + 365 * DAY);
    expect(store.profiles['anthropic:work'].expires).toBeLessThanOrEqual(Date.now() + 365 * DAY);
    const old = existingStore();
    expect(store.profiles['anthropic:default']).toEqual(old.profiles['anthropic:default']);
    expect(store.profiles['custom:thing']).toEqual(old.profiles['custom:thing']);
    expect(store.somethingNew).toEqual(old.somethingNew);
    expect(store.usageStats).toEqual(old.usageStats);

    const config = readFileSync(configPath, 'utf8');
    expect(config).toContain('// my gateway');
    expect(config).toContain('/* inline */');
    expect(config).toMatch(/"anthropic:work": \{\s*"provider": "anthropic",\s*"mode": "token"\s*\}/);
    expect(config).toMatch(/"order": \{\s*"anthropic": \[\s*"anthropic:default",\s*"anthropic:work"\s*\]\s*\}/);
    expect(fileMode(storePath)).toBe(0o600);
    expect(fileMode(configPath)).toBe(0o600);
  });

  it('takes --expires-in and a pasted token full of line breaks and paste markers', async () => {
    const { home, storePath } = setup();
    const token = fakeSecrets.setupToken('wrapped');
    const pasted = `\x1b[200~${token.slice(0, 79)}\r\n${token.slice(79)}\n\x1b[201~\n`;
    const result = await runCommand(
      ['models', 'auth', 'paste-token', '--provider', 'anthropic', '--profile-id', 'wrapped', '--expires-in', '12h'],
      { home, input: pasted },
    );
    expect(result.code).toBe(0);
    const saved = readJson(storePath).profiles['anthropic:wrapped'];
    expect(saved.token).toBe(token);
    expect(saved.expires - Date.now()).toBeGreaterThan(11.9 * 3_600_000);
    expect(saved.expires - Date.now()).toBeLessThanOrEqual(12 * 3_600_000);
  });

  it.each([
    ['a refresh token', () => fakeSecrets.refreshToken(), /refresh token/, 1],
    ['an API key in the token flow', () => fakeSecrets.anthropicApiKey(), /authdeck add-key --provider anthropic/, 1],
    [
      'an empty stdin',
      () => '',
      /^authdeck: no token on stdin; pipe it in, e\.g\. `printf %s "\$KEY" \| authdeck paste-token --provider anthropic`$/m,
      64,
    ],
    ['a whitespace-only stdin', () => ' \n\t \r\n', /no token on stdin/, 64],
  ])('refuses %s with one line and changes no file', async (_name, secret, message, code) => {
    const { home, storePath, configPath } = setup();
    const storeBefore = readFileSync(storePath, 'utf8');
    const result = await runCommand(['paste-token', '--provider', 'anthropic', '--profile-id', 'new'], {
      home,
      input: secret(),
    });
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(storePath, 'utf8')).toBe(storeBefore);
    expect(readFileSync(configPath, 'utf8')).toBe(CONFIG_WITH_COMMENTS);
  });

  it('refuses an unknown agent, a bad duration and a missing --provider as usage errors (64)', async () => {
    const { home } = setup();
    const token = fakeSecrets.setupToken();
    const agent = await runCommand(['--agent', 'ghost', 'paste-token', '--provider', 'anthropic'], {
      home,
      input: token,
    });
    expect(agent.code).toBe(64);
    expect(agent.stderr).toMatch(/unknown agent "ghost"/);
    const duration = await runCommand(['paste-token', '--provider', 'anthropic', '--expires-in', 'soon'], {
      home,
      input: token,
    });
    expect(duration.code).toBe(64);
    expect(duration.stderr).toMatch(/--expires-in: "soon" is not a duration/);
    const noProvider = await runCommand(['paste-token'], { home, input: token });
    expect(noProvider.code).toBe(64);
    expect(noProvider.stderr).toMatch(/--provider <id> is required/);
  });

  it('refuses an unparsable store or config (3) and a locked store (3), changing nothing', async () => {
    const token = fakeSecrets.setupToken();
    const broken = setup();
    writeText(broken.storePath, '{"profiles": ');
    const store = await runCommand(['paste-token', '--provider', 'anthropic', '--profile-id', 'x'], {
      home: broken.home,
      input: token,
    });
    expect(store.code).toBe(3);
    expect(store.stderr).toMatch(/auth-profiles\.json: not valid JSON at line 1/);
    expect(readFileSync(broken.storePath, 'utf8')).toBe('{"profiles": ');

    const badConfig = setup();
    writeText(badConfig.configPath, '{ auth: ');
    const config = await runCommand(['paste-token', '--provider', 'anthropic', '--profile-id', 'x'], {
      home: badConfig.home,
      input: token,
    });
    expect(config.code).toBe(3);
    expect(config.stderr).toMatch(/openclaw\.json: not valid JSON5 at line 1/);

    const locked = setup();
    const storeBefore = readFileSync(locked.storePath, 'utf8');
    writeJsonFile(`${locked.storePath}.lock`, { pid: process.pid, createdAt: new Date().toISOString() });
    const result = await runCommand(['paste-token', '--provider', 'anthropic', '--profile-id', 'x'], {
      home: locked.home,
      input: token,
      env: { AUTHDECK_LOCK_TIMEOUT_MS: '300' },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/auth-profiles\.json\.lock is held by process \d+/);
    expect(readFileSync(locked.storePath, 'utf8')).toBe(storeBefore);
    expect(readFileSync(locked.configPath, 'utf8')).toBe(CONFIG_WITH_COMMENTS);
  });

  it('replaces a token of the same profile (renewal) but not a profile of another type', async () => {
    const { home, storePath } = setup();
    await runCommand(['paste-token', '--provider', 'anthropic', '--profile-id', 'work'], {
      home,
      input: fakeSecrets.setupToken('one'),
    });
    const again = await runCommand(['paste-token', '--provider', 'anthropic', '--profile-id', 'work'], {
      home,
      input: fakeSecrets.setupToken('two'),
    });
    expect(again.stdout).toMatch(/Replaced anthropic:work/);
    expect(readJson(storePath).profiles['anthropic:work'].token).toBe(fakeSecrets.setupToken('two'));
    const clash = await runCommand(['paste-token', '--provider', 'anthropic'], {
      home,
      input: fakeSecrets.setupToken(),
    });
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/anthropic:default already exists \(api_key\)/);
    // A secret of the wrong kind piped in is the mistake named, not the id it would clash with
    // (it said "already exists", and only a new id then showed "an API key, not a token").
    const wrongKind = await runCommand(['paste-token', '--provider', 'anthropic'], {
      home,
      input: fakeSecrets.anthropicApiKey('x'),
    });
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.stderr).toContain('this is an Anthropic API key, not a token');
    expect(wrongKind.stderr).not.toContain('already exists');
  });
});

describe('add-key', () => {
  it('adds an API key and, with --env, sets the daemon .env too', async () => {
    const { home, storePath, stateDir } = setup();
    const key = fakeSecrets.openaiKey();
    const result = await runCommand(['add-key', '--provider', 'openai', '--env', '--json'], {
      home,
      input: `${key}\n`,
    });
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out).toMatchObject({
      ok: true,
      profileId: 'openai:default',
      type: 'api_key',
      envFile: { variable: 'OPENAI_API_KEY', changed: true },
    });
    expect(result.stdout).not.toContain(key);
    expect(readJson(storePath).profiles['openai:default']).toEqual({ type: 'api_key', provider: 'openai', key });
    expect(readFileSync(join(stateDir, '.env'), 'utf8')).toBe(`OPENAI_API_KEY=${key}\n`);
    expect(statSync(join(stateDir, '.env')).mode & 0o777).toBe(0o600);
  });

  it('refuses a key of another provider and names the right one', async () => {
    const { home } = setup();
    const result = await runCommand(['add-key', '--provider', 'openai'], { home, input: fakeSecrets.openrouterKey() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/OpenRouter key, but the provider is openai; use --provider openrouter/);
  });
});
