import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeJsonFile, writeText } from '../helpers/temp-state.js';

const DAY = 86_400_000;

/** A store shaped as OpenClaw writes it, with every kind of entry the issue names. */
function openclawShapedStore(now: number) {
  return {
    version: 1,
    profiles: {
      'anthropic:default': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey() },
      'anthropic:work': {
        type: 'token',
        provider: 'anthropic',
        token: fakeSecrets.setupToken('w'),
        expires: now + 200 * DAY,
      },
      'anthropic:forever': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken('f') },
      'openai-codex:me@example.com': {
        type: 'oauth',
        provider: 'openai-codex',
        access: 'eyJhbGciOiJIUzI1NiJ9.fake.payload',
        refresh: 'rt-fake-refresh',
        expires: now - 3_600_000,
        email: 'me@example.com',
        accountId: 'acct_1',
      },
      'openai:env': {
        type: 'api_key',
        provider: 'openai',
        keyRef: { source: 'env', provider: 'default', id: 'TEST_OPENAI_KEY' },
      },
      'groq:main': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey() },
      'bedrock:iam': { type: 'aws-sdk', provider: 'bedrock', region: 'us-east-1' },
    },
    usageStats: { 'groq:main': { cooldownUntil: now + 5 * 60_000, errorCount: 3 } },
  };
}

function setup(store: unknown, config?: unknown) {
  const temp = makeTempHome();
  writeJsonFile(join(temp.mainAgentDir, 'auth-profiles.json'), store);
  if (config) writeJsonFile(temp.configPath, config);
  return temp;
}

const inUseAnthropicAndOpenai = {
  agents: { defaults: { model: { primary: 'anthropic/claude-opus-4-6', fallbacks: ['openai/gpt-5'] } } },
};

describe('authdeck status', () => {
  it('shows every kind of profile correctly, in text and in JSON', async () => {
    const now = Date.now();
    const { home } = setup(openclawShapedStore(now), inUseAnthropicAndOpenai);
    const env = { TEST_OPENAI_KEY: fakeSecrets.openaiKey() };
    const text = await runCommand(['status'], { home, env });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/anthropic:work\s+token\s+sk-ant-o…\w{4}\s+ok\s+expires in 200d/);
    // The one tried first is marked * as the dashboard and explain mark it; the others not.
    expect(text.stdout).toMatch(/^ +1\* anthropic:work /m);
    expect(text.stdout).toMatch(/^ +2 {2}anthropic:/m);
    expect(text.stdout).toMatch(/anthropic:forever\s+token\s+sk-ant-o…\w{4}\s+static/);
    expect(text.stdout).toMatch(/anthropic:default\s+api_key\s+sk-ant-a…\w{4}\s+static/);
    expect(text.stdout).toMatch(/openai-codex:me@example\.com\s+oauth\s+eyJhbGci…\w{4}\s+refreshable\s+expired 1h ago/);
    expect(text.stdout).toMatch(/openai:env\s+api_key\s+sk-proj-…\w{4}\s+static/);
    expect(text.stdout).toMatch(/groq:main .*cooldown 4m \d+s left/);
    expect(text.stdout).toMatch(/bedrock:iam\s+aws-sdk .*unknown .*kept as is/);
    expect(text.stdout).not.toContain(fakeSecrets.setupToken('w'));

    const json = await runCommand(['status', '--json'], { home, env });
    const report = JSON.parse(json.stdout);
    const byId = Object.fromEntries(report.profiles.map((p: { id: string }) => [p.id, p]));
    expect(byId['anthropic:work']).toMatchObject({
      type: 'token',
      status: 'ok',
      source: 'store',
      orderPosition: 1,
      next: true,
    });
    expect(byId['anthropic:work'].remainingMs).toBeGreaterThan(199 * DAY);
    expect(byId['openai-codex:me@example.com']).toMatchObject({ status: 'refreshable', next: true });
    expect(byId['groq:main'].cooldownUntil).toBeGreaterThan(now);
    expect(byId['groq:main'].usage).toBe('cooldown');
    expect(byId['bedrock:iam'].status).toBe('unknown');
    expect(byId['anthropic:default'].masked).toMatch(/^sk-ant-a…/);
    expect(report.providers.find((p: { provider: string }) => p.provider === 'anthropic')).toMatchObject({
      inUse: true,
      effectiveSource: 'profiles',
    });
    expect(report.missingProviders).toEqual([]);
    expect(report.warnWithinMs).toBe(DAY);
    // One source of the counts, the same words in the text as the keys in JSON.
    const { summary } = report;
    expect(text.stdout).toContain(
      `${summary.ok} ok · ${summary.static} static · ${summary.expiring} expiring · ${summary.expired} expired · ${summary.missing} missing`,
    );
    expect(summary).toMatchObject({ ok: 1, static: 4, refreshable: 1, unknown: 1, cooldown: 1 });
    expect(json.stdout).not.toContain(fakeSecrets.anthropicApiKey());
  });

  it('on a home with nothing set up says so, with the command that sets one up', async () => {
    const { home } = makeTempHome();
    const text = await runCommand(['status'], { home });
    expect(text.stdout).toContain(
      'Nothing set up yet: `authdeck onboard` sets up a provider and makes its model the default.',
    );
    const { home: keyed } = makeTempHome();
    await runCommand(['add-key', '--provider', 'groq'], { home: keyed, input: fakeSecrets.groqKey() });
    expect((await runCommand(['status'], { home: keyed })).stdout).not.toContain('Nothing set up yet');
  });

  it('--check exits 0 when all is well', async () => {
    const now = Date.now();
    const { home } = setup(openclawShapedStore(now), inUseAnthropicAndOpenai);
    const result = await runCommand(['status', '--check'], { home, env: { TEST_OPENAI_KEY: fakeSecrets.openaiKey() } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('anthropic:work');
  });

  it('--check exits 2 when a profile the gateway tries expires within the window; --within moves it', async () => {
    const now = Date.now();
    const store = openclawShapedStore(now);
    store.profiles['anthropic:work'].expires = now + 5 * 3_600_000;
    const { home } = setup(store, inUseAnthropicAndOpenai);
    const env = { TEST_OPENAI_KEY: fakeSecrets.openaiKey() };
    const result = await runCommand(['status', '--check'], { home, env });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/anthropic:work .*expiring/);
    expect(result.stderr).toMatch(
      /check: anthropic \(default model anthropic\/claude-opus-4-6\): anthropic:work \(tried #1\) expires in (4h 59m|5h)/,
    );
    expect((await runCommand(['status', '--check', '--within', '2h'], { home, env })).code).toBe(0);
  });

  it('--check judges what the gateway tries: an expired leftover does not count, --all counts it', async () => {
    const now = Date.now();
    const store = openclawShapedStore(now);
    store.profiles['anthropic:work'].expires = now - DAY;
    const { home } = setup(store, inUseAnthropicAndOpenai);
    const env = { TEST_OPENAI_KEY: fakeSecrets.openaiKey() };
    const gateway = await runCommand(['status', '--check', '--json'], { home, env });
    expect(gateway.code).toBe(0);
    const report = JSON.parse(gateway.stdout);
    expect(report.check).toEqual({ mode: 'gateway', exitCode: 0, reasons: [] });
    expect(report.profiles.find((p: { id: string }) => p.id === 'anthropic:work')).toMatchObject({
      orderPosition: null,
      notTried: 'expired',
    });
    const all = await runCommand(['status', '--check', '--all'], { home, env });
    expect(all.code).toBe(1);
    expect(all.stderr).toContain('check: anthropic:work expired 1d ago');
  });

  it('--check exits 1 when the only profile the order names has expired, naming provider and profile', async () => {
    const now = Date.now();
    const store = { ...openclawShapedStore(now), order: { anthropic: ['anthropic:work'] } };
    store.profiles['anthropic:work'].expires = now - DAY;
    const { home } = setup(store, inUseAnthropicAndOpenai);
    const result = await runCommand(['status', '--check', '--json'], {
      home,
      env: { TEST_OPENAI_KEY: fakeSecrets.openaiKey() },
    });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).check.reasons).toEqual([
      {
        exitCode: 1,
        provider: 'anthropic',
        profileId: 'anthropic:work',
        message: expect.stringMatching(
          /^anthropic \(default model anthropic\/claude-opus-4-6\) has no usable profile: anthropic:work expired \(anthropic:default, anthropic:forever would work but not in this agent's order\)$/,
        ),
      },
    ]);
  });

  it("--check counts a provider only the agent's own model uses, and a provider not in use not at all", async () => {
    const now = Date.now();
    const store = openclawShapedStore(now);
    store.profiles['anthropic:work'].expires = now + 3_600_000;
    const config = {
      agents: {
        defaults: { model: 'openai/gpt-5' },
        list: [
          { id: 'main', default: true },
          { id: 'coder', model: { primary: 'anthropic/claude-opus-4-6' } },
        ],
      },
    };
    const { home } = setup(store, config);
    const env = { TEST_OPENAI_KEY: fakeSecrets.openaiKey() };
    expect((await runCommand(['status', '--check'], { home, env })).code).toBe(0);
    const coder = await runCommand(['status', '--check', '--agent', 'coder'], { home, env });
    expect(coder.code).toBe(2);
    expect(coder.stderr).toContain("anthropic (the agent's default model anthropic/claude-opus-4-6)");
  });

  it('--provider P shows P as it is — "in use" only when a model uses it — and --check judges it all the same', async () => {
    const { home } = setup(
      { version: 1, profiles: {} },
      { agents: { defaults: { model: 'anthropic/claude-opus-4-6' } } },
    );
    const shown = await runCommand(['status', '--provider', 'xai'], { home });
    // It said "xai · xAI (Grok) · in use" while no model used xAI (a newcomer's walk).
    expect(shown.stdout).toMatch(/xai · xAI \(Grok\)/);
    expect(shown.stdout).not.toContain('in use');
    const json = JSON.parse((await runCommand(['status', '--provider', 'xai', '--json'], { home })).stdout);
    expect(json.providers).toMatchObject([{ provider: 'xai', inUse: false }]);
    expect((await runCommand(['status', '--check', '--provider', 'xai'], { home })).code).toBe(1);
  });

  it('lists a provider the config serves alone though no model uses it: a local server, a key in models.providers', async () => {
    // An Ollama set up beside another provider's default model was in neither status nor the dashboard.
    const { home, stateDir, configPath } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    writeJsonFile(configPath, {
      agents: { defaults: { model: { primary: 'anthropic/claude-opus-4-6' } } },
      models: {
        providers: {
          ollama: { baseUrl: 'http://127.0.0.1:11434', api: 'ollama', models: [{ id: 'llama3.3', name: 'llama3.3' }] },
          keyed: {
            baseUrl: 'https://llm.example.com/v1',
            api: 'openai-completions',
            apiKey: 'k-123456789',
            models: [{ id: 'm', name: 'm' }],
          },
        },
      },
    });
    const json = JSON.parse((await runCommand(['status', '--json'], { home })).stdout);
    expect(json.providers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ provider: 'ollama', inUse: false, effectiveSource: 'local' }),
        expect.objectContaining({ provider: 'keyed', inUse: false, effectiveSource: 'config' }),
      ]),
    );
    expect((await runCommand(['status'], { home })).stdout).toMatch(/^ollama /m);
  });

  it('a home of API keys alone is counted as such: "2 static", not "0 ok · 2 static"', async () => {
    const { home } = setup(
      {
        version: 1,
        profiles: {
          'groq:a': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey('a') },
          'groq:b': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey('b') },
        },
      },
      { agents: { defaults: { model: 'groq/llama' } } },
    );
    const shown = (await runCommand(['status'], { home })).stdout;
    expect(shown).toMatch(/^2 static · 0 expiring · 0 expired · 0 missing$/m);
  });

  it('the commands in its hints act on the agent and state dir it looked at', async () => {
    const config = {
      agents: {
        list: [
          { id: 'main', default: true },
          { id: 'coder', model: { primary: 'groq/llama-4' } },
        ],
      },
    };
    const { home } = setup({ version: 1, profiles: {} }, config);
    const coder = await runCommand(['status', '--agent', 'coder'], { home });
    expect(coder.stdout).toContain('`authdeck add-key --provider groq --agent coder`');
    const main = await runCommand(['status'], { home });
    expect(main.stdout).not.toContain('--agent');
  });

  it("--check with no model configured judges OpenClaw's built-in default provider (openai)", async () => {
    const { home } = setup({
      version: 1,
      profiles: { 'anthropic:default': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey() } },
    });
    const result = await runCommand(['status', '--check'], { home });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'check: openai (no default model is configured, so OpenClaw uses its built-in openai model) has no credential',
    );
    expect(
      (await runCommand(['status', '--check'], { home, env: { OPENAI_API_KEY: fakeSecrets.openaiKey() } })).code,
    ).toBe(0);
  });

  it('--check exits 1 when a provider in use has no credential at all, but not when an env var covers it', async () => {
    const { home } = setup(
      {
        version: 1,
        profiles: {
          'anthropic:default': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey() },
        },
      },
      inUseAnthropicAndOpenai,
    );
    const missing = await runCommand(['status', '--check', '--json'], { home });
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).missingProviders).toEqual(['openai']);
    const covered = await runCommand(['status', '--check', '--json'], {
      home,
      env: { OPENAI_API_KEY: fakeSecrets.openaiKey() },
    });
    expect(covered.code).toBe(0);
    const report = JSON.parse(covered.stdout);
    expect(report.providers.find((p: { provider: string }) => p.provider === 'openai').effectiveSource).toBe('env');
    expect(report.env[0]).toMatchObject({ provider: 'openai', variable: 'OPENAI_API_KEY', origin: 'process' });
  });

  it('--check exits 3 when the store does not parse, naming the file and position', async () => {
    const { home, mainAgentDir } = makeTempHome();
    writeText(join(mainAgentDir, 'auth-profiles.json'), '{\n  "version": 1,\n  "profiles": {,\n}');
    const result = await runCommand(['status', '--check'], { home });
    expect(result.code).toBe(3);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/auth-profiles\.json: not valid JSON at line 3, column 16 \(value expected\)/);
  });

  it('--check exits 3 when a live process keeps the store locked', async () => {
    const { home, mainAgentDir } = setup({ version: 1, profiles: {} });
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json.lock'), {
      pid: process.pid,
      createdAt: new Date().toISOString(),
    });
    const result = await runCommand(['status', '--check'], { home, env: { AUTHDECK_LOCK_TIMEOUT_MS: '200' } });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`held by process ${process.pid}`);
  });

  it('reads the daemon .env and a non-main agent inherits main profiles, marked as such', async () => {
    const { home, stateDir, configPath } = setup({
      version: 1,
      profiles: {
        'anthropic:shared': {
          type: 'token',
          provider: 'anthropic',
          token: fakeSecrets.setupToken('s'),
          expires: Date.now() + 90 * DAY,
        },
      },
    });
    writeJsonFile(configPath, { agents: { list: [{ id: 'main', default: true }, { id: 'ops' }] } });
    writeJsonFile(join(stateDir, 'agents', 'ops', 'agent', 'auth-profiles.json'), {
      version: 1,
      profiles: { 'groq:ops': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey('ops') } },
    });
    writeText(join(stateDir, '.env'), `OPENROUTER_API_KEY=${fakeSecrets.openrouterKey()}\n`);
    const result = await runCommand(['--agent', 'ops', 'status', '--json'], { home });
    const report = JSON.parse(result.stdout);
    expect(report.agent).toMatchObject({ id: 'ops', isMain: false });
    const sources = Object.fromEntries(report.profiles.map((p: { id: string; source: string }) => [p.id, p.source]));
    expect(sources).toEqual({ 'groq:ops': 'store', 'anthropic:shared': 'inherited' });
    expect(report.env).toEqual([expect.objectContaining({ variable: 'OPENROUTER_API_KEY', origin: 'dotenv' })]);
    const text = await runCommand(['--agent', 'ops', 'status'], { home });
    expect(text.stdout).toMatch(/anthropic:shared .*from main agent/);
  });

  it('answers the OpenClaw spelling `models status` the same way', async () => {
    const { home } = setup(openclawShapedStore(Date.now()));
    const result = await runCommand(['models', 'status', '--json'], { home });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).schema).toBe('authdeck.status/2');
  });

  it('prints status when run bare without a terminal', async () => {
    const { home } = setup(openclawShapedStore(Date.now()));
    const result = await runCommand([], { home });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('anthropic:work');
  });
});

describe('a provider in use with no credential', () => {
  it('is called what the summary calls it, not "missing" (which counts profiles there)', async () => {
    const { home, configPath } = makeTempHome();
    writeJsonFile(configPath, { agents: { defaults: { model: { primary: 'groq/llama-4' } } } });
    const run = await runCommand(['status'], { home });
    expect(run.stdout).toMatch(/groq .*· in use · no credential/);
    expect(run.stdout).toContain('1 provider in use without a credential');
    expect(run.stdout).not.toContain('· missing');
  });
});

describe('status: a provider served by a key in the config', () => {
  it('says so under its heading instead of leaving the group blank', async () => {
    const { home, configPath } = makeTempHome();
    writeJsonFile(configPath, {
      agents: { defaults: { model: { primary: 'ollama/llama3:latest' } } },
      models: { providers: { ollama: { baseUrl: 'http://127.0.0.1:11434', api: 'ollama', apiKey: 'ollama-local' } } },
    });
    const status = await runCommand(['status'], { home });
    expect(status.code).toBe(0);
    // OpenClaw's marker for a server that takes no key: said as such, not as a key in the config.
    expect(status.stdout).toMatch(
      /ollama · Ollama · in use\n {5}a server that takes no key \(models\.providers\.ollama\.apiKey is the marker ollama-local\)\n/,
    );
    const json = JSON.parse((await runCommand(['status', '--json'], { home })).stdout);
    expect(json.providers.find((entry: { provider: string }) => entry.provider === 'ollama').configKeyMarker).toBe(
      'ollama-local',
    );
  });

  it('a real key there is said as the key in the config', async () => {
    const { home, configPath } = makeTempHome();
    writeJsonFile(configPath, {
      agents: { defaults: { model: { primary: 'ollama/llama3:latest' } } },
      models: { providers: { ollama: { baseUrl: 'http://10.0.0.5:11434', api: 'ollama', apiKey: 'proxy-key-1' } } },
    });
    const status = await runCommand(['status'], { home });
    expect(status.stdout).toMatch(
      /ollama · Ollama · in use\n {5}the key in the config \(models\.providers\.ollama\.apiKey\): no profile or env key\n/,
    );
  });
});

describe('status: ids in wide characters and with combining marks', () => {
  it('keeps the type column in line, counted in terminal columns', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const key = (seed: string) => ({ type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey(seed) });
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'groq:ascii': key('a'), 'groq:日本語': key('b'), 'groq:x\u0301\u0301y': key('c') },
    });
    const status = await runCommand(['status'], { home });
    // A CJK character takes two columns, a combining mark none.
    const columnsOf = (text: string) =>
      [...text.replace(/\p{M}/gu, '')].length + (text.match(/[\u3000-\u9fff]/g)?.length ?? 0);
    const rows = status.stdout.split('\n').filter((line) => line.includes('groq:') && line.includes('api_key'));
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((line) => columnsOf(line.slice(0, line.indexOf('api_key'))))).size, rows.join('\n')).toBe(
      1,
    );
  });
});

describe('the built-in default model', () => {
  it('is named as the OpenClaw seen names it (openai/gpt-6-astra on 2026.9), in --json and in the check, as explain names it', async () => {
    const temp = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', temp.stateDir);
    const env = { AUTHDECK_STORE_GENERATION: undefined, PATH: '/nonexistent' };
    const json = await runCommand(['status', '--json'], { home: temp.home, env });
    const openai = JSON.parse(json.stdout).providers.find((entry: { provider: string }) => entry.provider === 'openai');
    expect(openai.usedBy).toEqual([{ ref: 'openai/gpt-6-astra', role: 'built-in default' }]);
    const check = await runCommand(['status', '--check'], { home: temp.home, env });
    expect(check.stderr).toContain('(no default model is configured, so OpenClaw uses openai/gpt-6-astra)');
  });
});

describe('status: a provider the gateway does not know', () => {
  it('has no profile tried next, each saying why (it showed 1* beside a warning that it is never used)', async () => {
    const { home } = makeTempHome();
    const saved = await runCommand(['add-key', '--provider', 'myproxy', '--custom'], {
      home,
      input: 'proxy-secret-1234567890abc',
      env: { AUTHDECK_STORE_GENERATION: 'json' },
    });
    expect(saved.code).toBe(0);
    const status = await runCommand(['status'], { home });
    expect(status.stdout).toMatch(
      /^ {3}1 {2}myproxy:default .*not tried: the gateway does not know where to send its requests$/m,
    );
    expect(status.stdout).not.toMatch(/1\* +myproxy:default/);
  });
});
