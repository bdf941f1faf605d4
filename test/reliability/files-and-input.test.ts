import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCli } from '../helpers/run-cli.js';
import { fileMode, makeTempHome, readJson, writeJsonFile, writeText } from '../helpers/temp-state.js';

const cli = (home: string, args: string[], input?: string, env: Record<string, string> = {}) =>
  runCli(['--no-reload', ...args], { home, env, ...(input !== undefined ? { input } : {}) });

describe('secrets on the command line', () => {
  it('are never echoed: a usage error masks them and says where a secret goes', async () => {
    const { home } = makeTempHome();
    const token = fakeSecrets.setupToken('argv');
    for (const args of [
      ['paste-token', '--provider', 'anthropic', token],
      [token],
      ['add-key', '--provider', 'openai', `--profile-id=${fakeSecrets.openaiKey('flag')}`],
    ]) {
      const result = await cli(home, args);
      expect(result.code).toBe(64);
      expect(result.stderr).toMatch(
        /a secret was passed on the command line \(sk-.{5}….{4}\); pass it on stdin or at the prompt/,
      );
      expect(result.stderr + result.stdout).not.toContain(token.slice(12, 40));
    }
    // A notify command runs from cron, with neither stdin nor a prompt: where its secret goes instead.
    const notify = await cli(home, ['monitor', 'install', '--notify', `curl -H 'Authorization: Bearer ${token}' x`]);
    expect(notify.code).toBe(64);
    expect(notify.stderr).toContain('put the command in a script that reads its secret itself, and pass the script');
    expect(notify.stderr).not.toContain('at the prompt');
  });
});

describe('half-done saves', () => {
  it('a held config lock stops the save before anything is written (exit 3)', async () => {
    const { home, mainAgentDir, stateDir } = makeTempHome();
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(
      join(stateDir, 'openclaw.json.lock'),
      JSON.stringify({ pid: process.pid, createdAt: new Date().toISOString() }),
    );
    const result = await cli(home, ['add-key', '--provider', 'groq'], fakeSecrets.groqKey(), {
      AUTHDECK_LOCK_TIMEOUT_MS: '300',
    });
    expect(result.code).toBe(3);
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(false);
  });

  it('a store that cannot be written leaves no config entry behind, and says so', async () => {
    const { home, mainAgentDir, configPath } = makeTempHome();
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), { version: 1, profiles: {} });
    chmodSync(join(mainAgentDir, 'auth-profiles.json'), 0o400);
    const result = await cli(home, ['add-key', '--provider', 'groq'], fakeSecrets.groqKey());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /auth-profiles\.json is read-only \(mode 400\).*Nothing was saved \(.*openclaw\.json, made for it, was removed again\)/,
    );
    expect(readJson(join(mainAgentDir, 'auth-profiles.json')).profiles).toEqual({});
    expect(fileMode(join(mainAgentDir, 'auth-profiles.json'))).toBe(0o400);
    // The config file this save made for that entry alone went with it.
    expect(existsSync(configPath)).toBe(false);
  });

  it('add-key --env on a CRLF .env replaces the variable in place, once', async () => {
    const { home, stateDir } = makeTempHome();
    const envPath = join(stateDir, '.env');
    writeText(envPath, `# daemon\r\nOPENAI_API_KEY=${fakeSecrets.openaiKey('old')}\r\nOTHER=1\r\n`);
    const key = fakeSecrets.openaiKey('new');
    expect((await cli(home, ['add-key', '--provider', 'openai', '--env'], key)).code).toBe(0);
    expect(readFileSync(envPath, 'utf8')).toBe(`# daemon\r\nOPENAI_API_KEY=${key}\r\nOTHER=1\r\n`);
  });
});

describe('ids that are names of every JavaScript object', () => {
  it('are refused as providers, and a store that holds them reads and writes safely', async () => {
    const { home, mainAgentDir } = makeTempHome();
    for (const provider of ['constructor', '__proto__', 'prototype']) {
      const result = await cli(home, ['add-key', '--provider', provider], fakeSecrets.groqKey());
      expect(result.code).toBe(64);
      // Said as what it is: its letters are all allowed ones.
      expect(result.stderr).toBe(
        `authdeck: --provider: "${provider}" is a name every JavaScript object has, so it cannot be a provider id\n`,
      );
    }
    writeText(
      join(mainAgentDir, 'auth-profiles.json'),
      `{"version":1,"profiles":{"__proto__":{"type":"api_key","provider":"x","key":"k"},"groq:a":{"type":"api_key","provider":"groq","key":"${fakeSecrets.groqKey()}"}},"order":{"constructor":["groq:a"]}}`,
    );
    // Not a provider: one line and 64 (no prototype lookup mistakes it for one).
    const status = await cli(home, ['status', '--json', '--provider', 'toString']);
    expect(status.code).toBe(64);
    expect(JSON.parse(status.stdout).error.message).toContain('"tostring" is not a provider OpenClaw knows');
    expect((await cli(home, ['status', '--json'])).code).toBe(0);
    expect((await cli(home, ['order', 'get', '--provider', 'groq'])).code).toBe(0);
    expect((await cli(home, ['status'])).code).toBe(0);
    expect(
      (await cli(home, ['add-key', '--provider', 'groq', '--profile-id', 'b'], fakeSecrets.groqKey('b'))).code,
    ).toBe(0);
    const text = readFileSync(join(mainAgentDir, 'auth-profiles.json'), 'utf8');
    expect(JSON.parse(text).order).toEqual({ constructor: ['groq:a'] });
    expect(Object.keys(JSON.parse(text).profiles)).toEqual(['__proto__', 'groq:a', 'groq:b']);
  });
});

describe('what stdin and pastes can hold', () => {
  it('two secrets on two lines are refused, a secret wrapped over two lines is joined', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const [a, b] = [fakeSecrets.openaiKey('one'), fakeSecrets.openaiKey('two')];
    const two = await cli(home, ['add-key', '--provider', 'openai'], `${a}\n${b}\n`);
    expect(two.code).toBe(1);
    expect(two.stderr).toContain('this paste holds 2 secrets on separate lines; paste one at a time');
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(false);
    const wrapped = await cli(home, ['add-key', '--provider', 'openai'], `${a.slice(0, 20)}\n${a.slice(20)}\n`);
    expect(wrapped.code).toBe(0);
    expect(readJson(join(mainAgentDir, 'auth-profiles.json')).profiles['openai:default'].key).toBe(a);
  });

  it('for a provider with no known shape, two lines are refused rather than stored as one secret', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const two = await cli(
      home,
      ['add-key', '--provider', 'my-proxy', '--custom'],
      `sk-${'a'.repeat(32)}\nsk-${'b'.repeat(32)}\n`,
    );
    expect(two.code).toBe(1);
    expect(two.stderr).toContain('this paste holds 2 lines and a secret is one');
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(false);
  });

  it('10 MB on stdin is refused with a reason, not a stack overflow', async () => {
    const { home } = makeTempHome();
    const result = await cli(home, ['add-key', '--provider', 'openai'], 'x'.repeat(10 * 1024 * 1024));
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^authdeck: stdin holds more than 1024 KiB/);
    expect(result.stderr).not.toMatch(/stack|RangeError/);
  });
});

describe('files as they are found', () => {
  it('keeps numbers exactly: big integers, exponents and trailing zeros survive a write', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const store = join(mainAgentDir, 'auth-profiles.json');
    writeText(
      store,
      `{\n  "version": 1,\n  "profiles": {\n    "x:a": { "type": "api_key", "provider": "x", "key": "k1", "seq": 12345678901234567890, "big": 1e400, "ratio": 1.50 }\n  }\n}\n`,
    );
    expect((await cli(home, ['add-key', '--provider', 'x', '--profile-id', 'b'], 'k2')).code).toBe(0);
    const text = readFileSync(store, 'utf8');
    expect(text).toContain('"seq": 12345678901234567890');
    expect(text).toContain('"big": 1e400');
    expect(text).toContain('"ratio": 1.50');
  });

  it('writes through a symlinked store and config to their targets, leaving the links', async () => {
    const { home, mainAgentDir, stateDir, configPath } = makeTempHome();
    const dotfiles = join(home, 'dotfiles');
    mkdirSync(dotfiles, { recursive: true });
    mkdirSync(mainAgentDir, { recursive: true });
    writeJsonFile(join(dotfiles, 'auth-profiles.json'), { version: 1, profiles: {} });
    writeJsonFile(join(dotfiles, 'openclaw.json'), { gateway: { mode: 'local' } });
    symlinkSync(join(dotfiles, 'auth-profiles.json'), join(mainAgentDir, 'auth-profiles.json'));
    symlinkSync(join(dotfiles, 'openclaw.json'), configPath);
    expect((await cli(home, ['add-key', '--provider', 'groq'], fakeSecrets.groqKey())).code).toBe(0);
    expect(lstatSync(join(mainAgentDir, 'auth-profiles.json')).isSymbolicLink()).toBe(true);
    expect(lstatSync(configPath).isSymbolicLink()).toBe(true);
    expect(readJson(join(dotfiles, 'auth-profiles.json')).profiles['groq:default']).toBeDefined();
    expect(readJson(join(dotfiles, 'openclaw.json')).auth.profiles['groq:default']).toBeDefined();
    expect(readdirSync(stateDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('maps a permission problem to one line with the path', async () => {
    const { home, stateDir } = makeTempHome();
    mkdirSync(join(stateDir, 'agents'), { recursive: true });
    writeText(join(stateDir, 'agents', 'main'), 'not a directory');
    const result = await cli(home, ['add-key', '--provider', 'groq'], fakeSecrets.groqKey());
    expect([1, 3]).toContain(result.code);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/agents\/main.*not a directory/);
    expect(result.stderr).not.toContain('unexpected error');
  });

  it('reads agents and auth through $include, and records a new profile in the included file', async () => {
    const { home, stateDir, configPath } = makeTempHome();
    writeText(
      configPath,
      `{\n  // split config\n  "agents": { "$include": "./agents.json5" },\n  "auth": { "$include": "./auth.json" }\n}\n`,
    );
    writeText(join(stateDir, 'agents.json5'), `{ list: [{ id: 'ops', default: true }] }`);
    writeText(join(stateDir, 'auth.json'), `{\n  "profiles": {}\n}\n`);
    const added = await cli(home, ['add-key', '--provider', 'groq'], fakeSecrets.groqKey());
    expect(added.code).toBe(0);
    // The default agent comes from the included file.
    expect(existsSync(join(stateDir, 'agents', 'ops', 'agent', 'auth-profiles.json'))).toBe(true);
    expect(readJson(join(stateDir, 'auth.json')).profiles['groq:default']).toEqual({
      provider: 'groq',
      mode: 'api_key',
    });
    expect(readFileSync(configPath, 'utf8')).toContain('// split config');
  });

  it('refuses to edit a config that has "auth" twice, and saves nothing', async () => {
    const { home, configPath, mainAgentDir } = makeTempHome();
    writeText(configPath, `{\n  "auth": { "profiles": {} },\n  "gateway": {},\n  "auth": { "profiles": {} }\n}\n`);
    const result = await cli(home, ['add-key', '--provider', 'groq'], fakeSecrets.groqKey());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /openclaw\.json has "auth" twice \(lines 2 and 4\); OpenClaw reads only the last one/,
    );
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(false);
  });

  it.each([
    ['plugins', ['add-key', '--provider', 'groq']],
    ['agents', ['add-key', '--provider', 'anthropic', '--set-default-model']],
  ])('a config with "%s" twice (where the setup writes) is refused before the secret is stored', async (key, args) => {
    const { home, configPath, mainAgentDir } = makeTempHome();
    writeText(configPath, `{\n  "${key}": {},\n  "${key}": {}\n}\n`);
    const provider = args[2] as 'groq' | 'anthropic';
    const secret = provider === 'groq' ? fakeSecrets.groqKey() : fakeSecrets.anthropicApiKey();
    const result = await cli(home, args, secret);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`openclaw.json has "${key}" twice (lines 2 and 3)`);
    expect(result.stdout).not.toContain('Saved');
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(false);
    expect(readFileSync(configPath, 'utf8')).toBe(`{\n  "${key}": {},\n  "${key}": {}\n}\n`);
  });

  it('the same deeper down, where the setup writes a plugin entry', async () => {
    const { home, configPath, mainAgentDir } = makeTempHome();
    const text = `{\n  "plugins": { "entries": {\n    "groq": { "enabled": false },\n    "groq": { "enabled": false }\n  } }\n}\n`;
    writeText(configPath, text);
    const result = await cli(home, ['add-key', '--provider', 'groq'], fakeSecrets.groqKey());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('openclaw.json has "groq" twice (lines 3 and 4)');
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(false);
    expect(readFileSync(configPath, 'utf8')).toBe(text);
  });

  it('the same in a JSON5-only config', async () => {
    const { home, configPath, mainAgentDir } = makeTempHome();
    const text = `{\n  plugins: {},\n  plugins: {},\n}\n`;
    writeText(configPath, text);
    const result = await cli(home, ['add-key', '--provider', 'groq'], fakeSecrets.groqKey());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('openclaw.json has "plugins" twice (lines 2 and 3)');
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(false);
    expect(readFileSync(configPath, 'utf8')).toBe(text);
  });

  it('refuses to rewrite a store with a profile written twice, rather than drop one of them', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const storePath = join(mainAgentDir, 'auth-profiles.json');
    const one = JSON.stringify({ type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey('one') });
    const two = JSON.stringify({ type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey('two') });
    const text = `{\n  "version": 1,\n  "profiles": {\n    "openai:a": ${one},\n    "openai:a": ${two}\n  }\n}\n`;
    writeText(storePath, text);
    const result = await cli(home, ['add-key', '--provider', 'groq'], fakeSecrets.groqKey());
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('has "openai:a" twice with different values (the second at line 5)');
    expect(result.stderr).not.toContain(fakeSecrets.openaiKey('one'));
    expect(readFileSync(storePath, 'utf8')).toBe(text);
    // Reading it is not refused: status shows what the gateway reads.
    expect((await cli(home, ['status'], '')).code).not.toBe(3);
  });

  it('puts a JSON5 config spelled as JSON on the way back as it was when the save then fails', async () => {
    const { home, mainAgentDir, configPath } = makeTempHome();
    const one = JSON.stringify({ type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey('one') });
    const two = JSON.stringify({ type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey('two') });
    writeText(
      join(mainAgentDir, 'auth-profiles.json'),
      `{"version":1,"profiles":{"openai:a":${one},"openai:a":${two}}}`,
    );
    writeText(configPath, `{ gateway: { mode: 'local' } }\n`);
    chmodSync(configPath, 0o640);
    const result = await cli(home, ['add-key', '--provider', 'groq'], fakeSecrets.groqKey());
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/Nothing was saved \(.*openclaw\.json was put back as it was\)/);
    expect(readFileSync(configPath, 'utf8')).toBe(`{ gateway: { mode: 'local' } }\n`);
    // Its mode too (the write had made it 0600).
    expect(statSync(configPath).mode & 0o777).toBe(0o640);
    // The backup of what is there again goes too.
    expect(existsSync(`${configPath}.bak`)).toBe(false);
  });

  it('refuses to rewrite a store nested too deeply, with one line', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    writeText(join(mainAgentDir, 'auth-profiles.json'), `{"version":1,"profiles":{},"extra":${deep}}`);
    const result = await cli(home, ['add-key', '--provider', 'groq'], fakeSecrets.groqKey());
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/nested too deeply for authdeck to rewrite safely/);
    expect(result.stderr).not.toMatch(/Maximum call stack/);
  });
});
