import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, readJson, writeJsonFile, writeText } from '../helpers/temp-state.js';

function setup() {
  const temp = makeTempHome();
  const storePath = join(temp.mainAgentDir, 'auth-profiles.json');
  writeJsonFile(storePath, {
    version: 1,
    profiles: {
      'anthropic:a': {
        type: 'token',
        provider: 'anthropic',
        token: fakeSecrets.setupToken('a'),
        expires: Date.now() + 9e9,
      },
      'anthropic:b': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey('b') },
      'openai:x': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey() },
    },
    order: { anthropic: ['anthropic:a', 'anthropic:b'] },
    lastGood: { anthropic: 'anthropic:a' },
  });
  return { ...temp, storePath };
}

/** Profiles stored under a provider alias (`x-ai`, `claude-cli`) or in upper case, with orders under such keys. */
function aliasSetup() {
  const temp = makeTempHome();
  const storePath = join(temp.mainAgentDir, 'auth-profiles.json');
  writeJsonFile(storePath, {
    version: 1,
    profiles: {
      'anthropic:default': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey('d') },
      'Anthropic:Up': { type: 'api_key', provider: 'Anthropic', key: fakeSecrets.anthropicApiKey('up') },
      'claude-cli:cc': { type: 'token', provider: 'claude-cli', token: fakeSecrets.setupToken('cc') },
      'x-ai:old': { type: 'api_key', provider: 'x-ai', key: fakeSecrets.xaiKey('old') },
      'xai:new': { type: 'api_key', provider: 'xai', key: fakeSecrets.xaiKey('new') },
    },
    order: { 'x-ai': ['x-ai:old'], Anthropic: ['anthropic:default'] },
  });
  return { ...temp, storePath };
}

describe('remove', () => {
  it('refuses without --yes when there is no terminal to ask in', async () => {
    const { home, storePath } = setup();
    const result = await runCommand(['remove', 'anthropic:a'], { home });
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/pass --yes/);
    expect(readJson(storePath).profiles['anthropic:a']).toBeDefined();
  });

  it('removes the profile and its order and lastGood references', async () => {
    const { home, storePath } = setup();
    const result = await runCommand(['remove', 'anthropic:a', '--yes'], { home });
    expect(result.code).toBe(0);
    const store = readJson(storePath);
    expect(store.profiles['anthropic:a']).toBeUndefined();
    expect(store.order).toEqual({ anthropic: ['anthropic:b'] });
    expect(store.lastGood).toEqual({});
    expect((await runCommand(['remove', 'anthropic:zzz', '--yes'], { home })).code).toBe(64);
  });

  it('takes a short name, and says when the daemon .env still holds the removed key', async () => {
    const { home, storePath, stateDir } = setup();
    writeText(join(stateDir, '.env'), `OPENAI_API_KEY=${fakeSecrets.openaiKey()}\n`);
    const result = await runCommand(['remove', 'x', '--yes'], { home });
    expect(result.code).toBe(0);
    expect(readJson(storePath).profiles['openai:x']).toBeUndefined();
    expect(result.stderr).toContain('still holds this key as OPENAI_API_KEY, so the gateway keeps using it');
    expect(result.stderr).not.toContain(fakeSecrets.openaiKey());
  });
});

describe('login and logout', () => {
  it('logout ID removes like remove; without an id and a terminal it names the plain command', async () => {
    const { home, storePath } = setup();
    expect((await runCommand(['logout', 'b', '--yes'], { home })).code).toBe(0);
    expect(readJson(storePath).profiles['anthropic:b']).toBeUndefined();
    const bare = await runCommand(['logout'], { home });
    expect(bare.code).toBe(64);
    expect(bare.stderr).toContain('authdeck logout ID --yes');
    expect((await runCommand(['models', 'auth', 'logout', 'anthropic:a', '--yes'], { home })).code).toBe(0);
  });

  it('login is the wizard (or stdin with --non-interactive); a sign-in it does not have says what to use', async () => {
    const { home, storePath } = setup();
    const saved = await runCommand(['login', '--non-interactive', '--provider', 'groq', '--method', 'api-key'], {
      home,
      input: fakeSecrets.groqKey(),
    });
    expect(saved.code).toBe(0);
    expect(readJson(storePath).profiles['groq:default'].key).toBe(fakeSecrets.groqKey());
    const browser = await runCommand(['login', '--provider', 'anthropic', '--method', 'browser'], { home });
    expect(browser.code).toBe(64);
    expect(browser.stderr).toContain('no sign-in for "anthropic"');
    expect(browser.stderr).toContain('authdeck setup-token');
    expect((await runCommand(['login'], { home })).stderr).toContain('needs a terminal');
    // Without a terminal for the wizard: what signs in (OpenRouter's is openrouter-oauth), or saves a key.
    const wizard = await runCommand(['login', '--provider', 'openrouter'], { home });
    expect(wizard.code).toBe(64);
    expect(wizard.stderr.trim()).toBe(
      'authdeck: login --provider openrouter (the wizard) needs a terminal; without one use `authdeck login --provider openrouter-oauth` to sign in, or `printf %s "$KEY" | authdeck add-key --provider openrouter` for a key',
    );
    // A name OpenClaw does not know is refused as add-key refuses it; said to be your own, the
    // add-key it names takes it (--custom).
    expect((await runCommand(['login', '--provider', 'nosuch'], { home })).stderr).toContain(
      'is not a provider OpenClaw knows',
    );
    const own = await runCommand(['login', '--provider', 'nosuch', '--custom'], { home });
    expect(own.stderr).toContain('`printf %s "$KEY" | authdeck add-key --provider nosuch --custom` for a key');
  });
});

describe('token', () => {
  it('prints the whole secret into a pipe', async () => {
    const { home } = setup();
    const result = await runCommand(['token', 'anthropic:a'], { home });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${fakeSecrets.setupToken('a')}\n`);
    expect((await runCommand(['token', 'nope:x'], { home })).stderr).toMatch(/no profile nope:x/);
  });

  it('takes the short names order set takes, and refuses one that names two profiles', async () => {
    const { home, storePath } = setup();
    expect((await runCommand(['token', 'a'], { home })).stdout).toBe(`${fakeSecrets.setupToken('a')}\n`);
    const store = readJson(storePath);
    store.profiles['openai:a'] = { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey('a') };
    writeJsonFile(storePath, store);
    const both = await runCommand(['token', 'a'], { home });
    expect(both.code).toBe(64);
    expect(both.stderr).toContain('"a" names anthropic:a and openai:a; give the full id');
  });
});

describe('token of a profile whose key is an env ref', () => {
  it('prints the variable once set, and says it is not set otherwise (it said authdeck does not resolve such refs)', async () => {
    const { home, storePath } = setup();
    const store = readJson(storePath);
    store.profiles['anthropic:ref'] = {
      type: 'api_key',
      provider: 'anthropic',
      keyRef: { source: 'env', provider: 'default', id: 'MY_ANTH_KEY' },
    };
    writeJsonFile(storePath, store);
    const unset = await runCommand(['token', 'anthropic:ref'], { home, env: { MY_ANTH_KEY: undefined } });
    expect(unset.code).toBe(1);
    expect(unset.stderr).toBe(
      "authdeck: anthropic:ref points at env:MY_ANTH_KEY, and MY_ANTH_KEY is not set (environment or the gateway's .env)\n",
    );
    const key = fakeSecrets.anthropicApiKey('r');
    const set = await runCommand(['token', 'anthropic:ref'], { home, env: { MY_ANTH_KEY: key } });
    expect(set.stdout).toBe(`${key}\n`);
  });
});

describe('a mistyped profile id', () => {
  it('is answered with the profile it most likely meant, in order set, remove and token', async () => {
    const { home } = setup();
    for (const args of [
      ['order', 'set', '--provider', 'anthropic', 'anthropic:b', 'anthropic:aa'],
      ['remove', 'anthropic:bb', '--yes'],
      ['token', 'opneai:x'],
    ]) {
      const run = await runCommand(args, { home });
      expect(run.code, args.join(' ')).toBe(64);
      expect(run.stderr, args.join(' ')).toMatch(/did you mean (anthropic:a|anthropic:b|openai:x)\?\n$/);
    }
    const short = await runCommand(['remove', 'xx', '--yes'], { home });
    expect(short.stderr).toBe('authdeck: no profile named xx for agent main; did you mean openai:x?\n');
  });

  it('a local server set up in the config alone says where it is and what takes it out', async () => {
    const { home, configPath } = setup();
    writeJsonFile(configPath, {
      models: { providers: { ollama: { baseUrl: 'http://127.0.0.1:11434', api: 'ollama', apiKey: 'ollama-local' } } },
    });
    const run = await runCommand(['remove', 'ollama', '--yes'], { home });
    expect(run.code).toBe(64);
    expect(run.stderr).toBe(
      `authdeck: no profile named ollama for agent main: ollama has no profile, it is set up in ${configPath} (models.providers.ollama; \`openclaw config unset models.providers.ollama\` takes it out)\n`,
    );
    // The full id a person would try first says the same.
    const full = await runCommand(['remove', 'ollama:default', '--yes'], { home });
    expect(full.stderr).toContain(': ollama has no profile, it is set up in');
  });
});

describe('order', () => {
  it('sets, shows and clears the agent override', async () => {
    const { home, storePath } = setup();
    const set = await runCommand(['order', 'set', '--provider', 'anthropic', 'b', 'anthropic:a'], { home });
    expect(set.code).toBe(0);
    expect(readJson(storePath).order.anthropic).toEqual(['anthropic:b', 'anthropic:a']);
    const get = await runCommand(['order', 'get', '--provider', 'anthropic', '--json'], { home });
    expect(JSON.parse(get.stdout)).toMatchObject({
      override: ['anthropic:b', 'anthropic:a'],
      source: 'agent',
      effective: ['anthropic:b', 'anthropic:a'],
      next: 'anthropic:b',
    });
    const text = await runCommand(['models', 'auth', 'order', 'get', '--provider', 'anthropic'], { home });
    expect(text.stdout).toMatch(/1\. anthropic:b\s+← next/);
    const clear = await runCommand(['order', 'clear', '--provider', 'anthropic'], { home });
    expect(clear.code).toBe(0);
    expect(readJson(storePath).order).toEqual({});
    // Nothing left to clear: the gateway is not told, which --json says as the README lists it.
    const again = await runCommand(['order', 'clear', '--provider', 'anthropic', '--json'], { home });
    expect(JSON.parse(again.stdout)).toMatchObject({ cleared: false, gateway: 'skipped' });
  });

  it('puts a profile added later at the end of an explicit order, so the gateway tries it', async () => {
    const { home, storePath } = setup();
    const added = await runCommand(['add-key', '--provider', 'anthropic', '--profile-id', 'late', '--json'], {
      home,
      input: fakeSecrets.anthropicApiKey('late'),
    });
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout).orderAppendedIn).toEqual([storePath]);
    expect(readJson(storePath).order.anthropic).toEqual(['anthropic:a', 'anthropic:b', 'anthropic:late']);
    // No explicit order for openai: none is made.
    await runCommand(['add-key', '--provider', 'openai', '--profile-id', 'y'], {
      home,
      input: fakeSecrets.openaiKey('y'),
    });
    expect(readJson(storePath).order.openai).toBeUndefined();
  });

  it("warns when the main agent's order decides for another agent and leaves the new profile out", async () => {
    const { home, configPath } = setup();
    writeJsonFile(configPath, { agents: { list: [{ id: 'main', default: true }, { id: 'coder' }] } });
    const added = await runCommand(['add-key', '--provider', 'anthropic', '--profile-id', 'mine', '--agent', 'coder'], {
      home,
      input: fakeSecrets.anthropicApiKey('mine'),
    });
    expect(added.code).toBe(0);
    expect(added.stderr).toContain(
      "the main agent's anthropic order (anthropic:a, anthropic:b) decides for this agent and leaves anthropic:mine out",
    );
    // For this agent: the command names it.
    expect(added.stderr).toContain(
      'authdeck order set --provider anthropic anthropic:a anthropic:b anthropic:mine --agent coder',
    );
  });

  it('takes profiles stored under an alias or another case as status lists them, and keeps the order as OpenClaw 2026.9 does', async () => {
    const { home, storePath } = aliasSetup();
    const xai = await runCommand(['order', 'set', '--provider', 'xai', 'xai:new', 'x-ai:old'], { home });
    expect(xai.stderr).toBe('');
    expect(xai.code).toBe(0);
    // Under the provider the credentials serve, every id as stored; the `x-ai` key goes.
    expect(readJson(storePath).order).toEqual({ Anthropic: ['anthropic:default'], xai: ['xai:new', 'x-ai:old'] });
    expect((await runCommand(['order', 'set', '--provider', 'x-ai', 'old', 'xai:new'], { home })).code).toBe(0);
    expect(readJson(storePath).order.xai).toEqual(['x-ai:old', 'xai:new']);

    const anthropic = await runCommand(['order', 'set', '--provider', 'claude-cli', 'anthropic:Up', 'cc', 'default'], {
      home,
    });
    expect(anthropic.code).toBe(0);
    expect(readJson(storePath).order).toEqual({
      xai: ['x-ai:old', 'xai:new'],
      anthropic: ['Anthropic:Up', 'claude-cli:cc', 'anthropic:default'],
    });
    const get = await runCommand(['order', 'get', '--provider', 'claude-cli', '--json'], { home });
    expect(JSON.parse(get.stdout)).toMatchObject({
      provider: 'anthropic',
      override: ['Anthropic:Up', 'claude-cli:cc', 'anthropic:default'],
      next: 'Anthropic:Up',
    });

    const foreign = await runCommand(['order', 'set', '--provider', 'xai', 'claude-cli:cc'], { home });
    expect(foreign.stderr.trim()).toBe('authdeck: "claude-cli:cc" belongs to provider "anthropic", not "xai"');
    // Names are exact, as the gateway looks them up: `xai:old` is not `x-ai:old`.
    const missing = await runCommand(['order', 'set', '--provider', 'xai', 'xai:old', 'anthropic:up'], { home });
    expect(missing.code).toBe(64);
    expect(missing.stderr).toMatch(/"anthropic:up" belongs to provider "anthropic", not "xai"/);
    expect((await runCommand(['order', 'set', '--provider', 'xai', 'xai:old'], { home })).stderr).toMatch(
      /no xai profile xai:old for agent main/,
    );

    expect((await runCommand(['order', 'clear', '--provider', 'X-AI'], { home })).code).toBe(0);
    expect(readJson(storePath).order).toEqual({ anthropic: ['Anthropic:Up', 'claude-cli:cc', 'anthropic:default'] });
  });

  it('clears every key an order of the provider is kept under', async () => {
    const { home, storePath } = aliasSetup();
    const clear = await runCommand(['order', 'clear', '--provider', 'xai', '--json'], { home });
    expect(JSON.parse(clear.stdout)).toMatchObject({ provider: 'xai', cleared: true });
    expect(readJson(storePath).order).toEqual({ Anthropic: ['anthropic:default'] });
    expect((await runCommand(['order', 'clear', '--provider', 'anthropic'], { home })).code).toBe(0);
    expect(readJson(storePath).order).toEqual({});
  });

  it('refuses ids that are not profiles of that provider', async () => {
    const { home, storePath } = setup();
    const result = await runCommand(['order', 'set', '--provider', 'anthropic', 'openai:x'], { home });
    expect(result.code).toBe(64);
    expect(result.stderr.trim()).toBe('authdeck: "openai:x" belongs to provider "openai", not "anthropic"');
    const unknown = await runCommand(['order', 'set', '--provider', 'anthropic', 'ghost'], { home });
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toMatch(/no anthropic profile anthropic:ghost/);
    expect(readJson(storePath).order.anthropic).toEqual(['anthropic:a', 'anthropic:b']);
  });
});
