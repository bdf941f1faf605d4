import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeJsonFile } from '../helpers/temp-state.js';
import { type Layer, layOutV9Home } from '../helpers/v9-layers.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const SONNET = 'anthropic/claude-sonnet-4-6';
const OPUS = 'anthropic/claude-opus-4-6';

const token = (seed: string, expires?: number) => ({
  type: 'token',
  provider: 'anthropic',
  token: fakeSecrets.setupToken(seed),
  ...(expires !== undefined ? { expires } : {}),
});
const key = (seed: string) => ({ type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey(seed) });
const openaiKey = { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey() };

/** A JSON-era home (auth-profiles.json and auth-state.json of the main agent). */
function jsonHome(store: Layer, config: unknown) {
  const temp = makeTempHome();
  writeJsonFile(join(temp.mainAgentDir, 'auth-profiles.json'), { version: 1, profiles: store.profiles ?? {} });
  writeJsonFile(join(temp.mainAgentDir, 'auth-state.json'), {
    version: 1,
    ...(store.order ? { order: store.order } : {}),
    ...(store.usageStats ? { usageStats: store.usageStats } : {}),
  });
  writeJsonFile(temp.configPath, config);
  return temp;
}

/** An OpenClaw 2026.9 home: the shared SQLite store and agent databases as OpenClaw lays them out. */
function sqliteHome(shared: Layer, config: Record<string, unknown>, local: Record<string, Layer> = {}) {
  const temp = makeTempHome();
  layOutV9Home(temp.stateDir, temp.configPath, shared, local, config);
  return temp;
}

/** explain in an 80-column terminal. */
const explain = (home: string, ...args: string[]) =>
  runCommand(['explain', ...args], {
    home,
    env: { AUTHDECK_STORE_GENERATION: undefined, NO_COLOR: '1' },
    stdoutIsTerminal: true,
    columns: 80,
  });

function busyHome(now: number) {
  return jsonHome(
    {
      profiles: {
        'anthropic:first': token('first'),
        'anthropic:cooling': token('cooling'),
        'anthropic:old': token('old', now - DAY),
        'anthropic:spare': key('spare'),
        'anthropic:a-very-long-profile-name-from-a-script': token('long'),
        'anthropic:ref': { type: 'api_key', provider: 'anthropic', keyRef: { source: 'env', id: 'EXPLAIN_UNSET' } },
        'anthropic:empty': { type: 'token', provider: 'anthropic' },
        'openai:k': openaiKey,
      },
      order: {
        anthropic: [
          'anthropic:cooling',
          'anthropic:ref',
          'anthropic:first',
          'anthropic:old',
          'anthropic:empty',
          'anthropic:a-very-long-profile-name-from-a-script',
        ],
      },
      usageStats: {
        'anthropic:cooling': { cooldownUntil: now + 25 * MIN, cooldownReason: 'rate_limit' },
        'openai:k': { disabledUntil: now + 3 * HOUR, disabledReason: 'billing' },
      },
    },
    {
      agents: { defaults: { model: { primary: SONNET, fallbacks: ['openai/gpt-5.5', OPUS] } } },
      auth: { profiles: { 'anthropic:first': { provider: 'anthropic', mode: 'api_key' } } },
    },
  );
}

describe('authdeck explain', () => {
  it('lists each model in fallback order, its profiles as the gateway tries them, and why the others are not', async () => {
    const { home } = busyHome(Date.now());
    const run = await explain(home, '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.schema).toBe('authdeck.explain/1');
    expect(report.models.map((entry: { ref: string; role: string }) => [entry.ref, entry.role])).toEqual([
      [SONNET, 'default'],
      ['openai/gpt-5.5', 'fallback'],
      [OPUS, 'fallback'],
    ]);
    const [sonnet, openai] = report.models;
    expect(sonnet.order).toEqual([
      'anthropic:ref',
      'anthropic:a-very-long-profile-name-from-a-script',
      'anthropic:cooling',
    ]);
    const reasons = Object.fromEntries(
      sonnet.profiles.map((profile: { id: string; reason: string | null; tried: boolean }) => [
        profile.id,
        [profile.reason, profile.tried],
      ]),
    );
    expect(reasons).toEqual({
      'anthropic:ref': ['unresolved-ref', false],
      'anthropic:a-very-long-profile-name-from-a-script': [null, true],
      'anthropic:cooling': ['cooldown', false],
      'anthropic:first': ['mode-mismatch', false],
      'anthropic:old': ['expired', false],
      'anthropic:empty': ['no-secret', false],
      'anthropic:spare': ['not-in-order', false],
    });
    expect(sonnet.next).toBe('anthropic:a-very-long-profile-name-from-a-script');
    expect(openai).toMatchObject({ skipped: 'every profile in its order is cooling down or disabled', next: null });
    expect(report.servedBy).toEqual({
      ref: SONNET,
      source: 'profiles',
      profileId: 'anthropic:a-very-long-profile-name-from-a-script',
    });
  });

  it('fits 80 columns and says what happens when the first fails', async () => {
    const now = Date.now();
    const { home } = busyHome(now);
    const run = await explain(home);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.length > 80)).toEqual([]);
    // Wrapped lines read as one text.
    const text = run.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('1 anthropic:ref api_key not tried: its secret ref env:EXPLAIN_UNSET is not set here');
    expect(text).toContain('2* anthropic:a-very-long-profile-name-from-a-script token static · tried first');
    expect(text).toMatch(/3 anthropic:cooling token cooldown 2\dm( \d+s)? left \(rate_limit\)/);
    expect(text).toContain('– anthropic:first token not tried: auth.profiles in openclaw.json says mode api_key');
    expect(text).toContain("– anthropic:spare api_key not tried: not in this agent's order");
    expect(text).toContain('If anthropic:a-very-long-profile-name-from-a-script fails: anthropic/claude-opus-4-6.');
    expect(text).toMatch(/Skipped now: every profile in its order is cooling down or disabled; back in (3h|2h 59m)\./);
    expect(text).toMatch(
      /A request now goes to anthropic\/claude-sonnet-4-6 with anthropic:a-very-long-profile-name-from-a-script\. $/,
    );
  });

  it('into a pipe writes each line whole, so grep finds a sentence (it broke them at 80 columns)', async () => {
    const { home } = busyHome(Date.now());
    const piped = await runCommand(['explain'], { home, env: { AUTHDECK_STORE_GENERATION: undefined } });
    const lines = piped.stdout.trimEnd().split('\n');
    expect(lines).toContainEqual(
      '  If anthropic:a-very-long-profile-name-from-a-script fails: anthropic/claude-opus-4-6.',
    );
    expect(lines.some((line) => line.length > 80)).toBe(true);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^A request now goes to anthropic\/claude-sonnet-4-6 with anthropic:a-very-long-profile-name-from-a-script\.$/,
      ),
    );
  });

  it("in a terminal, takes the terminal's width: narrow it wraps under the indent, wide it keeps sentences whole", async () => {
    const { home } = busyHome(Date.now());
    const at = async (columns: number) =>
      (
        await runCommand(['explain'], {
          home,
          env: { AUTHDECK_STORE_GENERATION: undefined, NO_COLOR: '1' },
          stdoutIsTerminal: true,
          columns,
        })
      ).stdout
        .trimEnd()
        .split('\n');
    const narrow = await at(60);
    expect(narrow.filter((line) => line.length > 60)).toEqual([]);
    // A continuation keeps the indent of the line it continues (nothing re-broken at the edge).
    const failover = narrow.findIndex((line) => line.startsWith('  If anthropic:a-very-long'));
    expect(narrow[failover + 1]).toMatch(/^ {2}\S/);
    const wide = await at(200);
    expect(wide.some((line) => line.length > 80)).toBe(true);
    expect(wide).toContainEqual(
      expect.stringMatching(
        /^ {2}If anthropic:a-very-long-profile-name-from-a-script fails: anthropic\/claude-opus-4-6\.$/,
      ),
    );
  });

  it('cuts an id longer than the line across lines under it, so nothing passes 80 columns', async () => {
    const long = `anthropic:${'w'.repeat(119)}`;
    const { home } = jsonHome(
      { profiles: { 'anthropic:a': token('a'), [long]: token('long') }, order: { anthropic: ['anthropic:a'] } },
      { agents: { defaults: { model: SONNET } } },
    );
    const run = await explain(home);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.length > 80)).toEqual([]);
    const first = lines.findIndex((line) => line.includes('anthropic:www'));
    expect(lines[first]).toMatch(/^ {3}– {2}anthropic:w+$/);
    expect(`${lines[first]?.replace(/^ *– */, '')}${lines[first + 1]?.trim()}`).toBe(long);
  });

  it('takes --provider as status does: the same as the provider as its argument; both at once is a usage error', async () => {
    const { home } = busyHome(Date.now());
    const positional = await explain(home, 'anthropic', '--json');
    const flagged = await explain(home, '--provider', 'anthropic', '--json');
    expect(flagged.code).toBe(positional.code);
    expect(JSON.parse(flagged.stdout).models).toEqual(JSON.parse(positional.stdout).models);
    const both = await explain(home, 'anthropic', '--provider', 'anthropic');
    expect(both.code).toBe(64);
    expect(both.stderr).toBe('authdeck: explain: give a provider/model or --provider, not both\n');
    const model = await explain(home, '--provider', 'anthropic/claude-opus-4-6');
    expect(model.code).toBe(64);
    expect(model.stderr).toContain('a model is the argument: `authdeck explain anthropic/claude-opus-4-6`');
  });

  it('takes a model: that model, then the fallbacks, then the default; a cooldown about one model spares another', async () => {
    const now = Date.now();
    const { home } = jsonHome(
      {
        profiles: { 'anthropic:a': token('a'), 'anthropic:b': token('b') },
        usageStats: {
          'anthropic:a': { cooldownUntil: now + HOUR, cooldownReason: 'rate_limit', cooldownModel: 'claude-opus-4-6' },
        },
      },
      { agents: { defaults: { model: { primary: SONNET, fallbacks: ['openai/gpt-5.5'] } } } },
    );
    const report = JSON.parse((await explain(home, OPUS, '--json')).stdout);
    expect(report.requested).toBe(OPUS);
    expect(report.models.map((entry: { ref: string; next: string | null }) => [entry.ref, entry.next])).toEqual([
      [OPUS, 'anthropic:b'],
      ['openai/gpt-5.5', null],
      [SONNET, 'anthropic:a'],
    ]);
    const provider = JSON.parse((await explain(home, 'anthropic', '--json')).stdout);
    expect(provider.models).toHaveLength(1);
    expect(provider.models[0]).toMatchObject({
      provider: 'anthropic',
      model: null,
      order: ['anthropic:b', 'anthropic:a'],
    });
    expect(await explain(home, 'not a model')).toMatchObject({ code: 64 });
    // The default comes after the fallbacks where there are some, else next.
    expect((await explain(home, OPUS)).stdout).toContain(`3. ${SONNET} · default, after the fallbacks`);
  });

  it('a model asked about with no fallbacks: the default is tried next', async () => {
    const { home } = jsonHome(
      { profiles: { 'anthropic:a': token('a') } },
      { agents: { defaults: { model: { primary: SONNET } } } },
    );
    const text = (await explain(home, OPUS)).stdout;
    expect(text).toContain(`2. ${SONNET} · default, tried next`);
    expect(text).not.toContain('after the fallbacks');
  });

  it("says where an order's unknown ids belong, and when a config key is used with no env key", async () => {
    const { home } = jsonHome(
      {
        profiles: { 'anthropic:a': token('a'), 'openai:key': openaiKey },
        order: { anthropic: ['openai:key', 'anthropic:a'] },
      },
      {
        agents: { defaults: { model: { primary: SONNET, fallbacks: ['local/llama3'] } } },
        models: { providers: { local: { baseUrl: 'http://127.0.0.1:8080/v1', apiKey: 'sk-local', models: [] } } },
      },
    );
    const run = await explain(home);
    expect(run.stdout).toContain('(names openai:key, not a profile of anthropic)');
    expect(run.stdout).toContain('models.providers.local.apiKey: the key used (no profile or env key)');
    expect(run.stdout).not.toContain('after the env key');
    // The order of a provider with no profile says nothing: it read "none set, so oauth, then token…".
    const local = run.stdout.slice(run.stdout.indexOf('2. local/llama3'));
    expect(local.split('\n').slice(0, 3).join('\n')).not.toContain('order:');
  });

  it("says a local server's marker key (ollama-local) is no real key, as OpenClaw shows it (marker(ollama-local))", async () => {
    // It read "models.providers.ollama.apiKey: the key used" and "with the config's key" (a newcomer's walk).
    const { home } = jsonHome(
      { profiles: {} },
      {
        agents: { defaults: { model: { primary: 'ollama/llama3.3' } } },
        models: {
          providers: {
            ollama: {
              baseUrl: 'http://127.0.0.1:11434',
              api: 'ollama',
              apiKey: 'ollama-local',
              models: [{ id: 'llama3.3' }],
            },
          },
        },
      },
    );
    const run = await explain(home);
    const text = run.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('models.providers.ollama.apiKey: the marker ollama-local (the server takes no real key)');
    expect(text).toContain('If the endpoint (marker ollama-local) fails, the request fails');
    expect(text).toContain('with no real key');
    expect(JSON.parse((await runCommand(['explain', '--json'], { home })).stdout).models[0].configKeyMarker).toBe(
      'ollama-local',
    );
  });

  it('exits 1 when no model can serve a request now', async () => {
    const now = Date.now();
    const { home } = jsonHome(
      {
        profiles: { 'anthropic:a': token('a') },
        usageStats: { 'anthropic:a': { disabledUntil: now + HOUR, disabledReason: 'auth' } },
      },
      { agents: { defaults: { model: SONNET } } },
    );
    const run = await explain(home);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Nothing can serve a request now');
    expect(JSON.parse((await explain(home, '--json')).stdout).servedBy).toBeNull();
  });

  it("puts another agent's own profile ahead of the shared order, and names a plugin that is off", async () => {
    const { home } = sqliteHome(
      { profiles: { 'anthropic:a': token('a'), 'anthropic:b': token('b') }, order: { anthropic: ['anthropic:b'] } },
      {
        agents: { defaults: { model: SONNET }, list: [{ id: 'main', default: true }, { id: 'coder' }] },
        plugins: { entries: { anthropic: { enabled: false } } },
      },
      { coder: { profiles: { 'anthropic:mine': key('mine') } } },
    );
    const run = await explain(home, '--agent', 'coder', '--json');
    expect(run.code).toBe(1);
    const [sonnet] = JSON.parse(run.stdout).models;
    expect(sonnet.order).toEqual(['anthropic:mine', 'anthropic:b']);
    expect(sonnet.skipped).toMatch(/^the gateway does not load anthropic: the anthropic plugin is switched off/);
    expect(sonnet.profiles.map((profile: { reason: string }) => profile.reason)).toEqual([
      'plugin-disabled',
      'plugin-disabled',
      'not-in-order',
    ]);
  });

  it('reads ids named like what every JavaScript object has without tripping on them', async () => {
    const { home } = jsonHome(
      {
        // A literal `__proto__:` would set the prototype; parsed JSON makes it a key, as a file does.
        profiles: {
          ...JSON.parse('{"__proto__": {"type": "api_key", "provider": "x", "key": "k"}}'),
          constructor: token('c'),
        },
        order: { constructor: ['constructor'] },
        usageStats: { toString: { cooldownUntil: Date.now() + HOUR } },
      },
      { agents: { defaults: { model: 'x/m' } } },
    );
    for (const args of [[], ['__proto__/x'], ['x']]) {
      const run = await explain(home, ...args, '--json');
      expect([args, run.stderr]).toEqual([args, '']);
      expect(JSON.parse(run.stdout).schema).toBe('authdeck.explain/1');
    }
    // No provider is called that: a usage error, not a crash.
    expect(await explain(home, 'constructor')).toMatchObject({
      code: 64,
      stderr: expect.stringMatching(/^authdeck: explain: "constructor" is neither/),
    });
  });

  it('shows ids from the store safely', async () => {
    const { home } = jsonHome(
      { profiles: { 'anthropic:\u001b]0;pwned\u0007x': token('x') } },
      { agents: { defaults: { model: SONNET } } },
    );
    const run = await explain(home);
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).toContain('anthropic:\\x1b]0;pwned\\x07x');
  });
});
