import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, mergeJsonFile, readJson, writeJsonFile, writeText } from '../helpers/temp-state.js';

// On OpenClaw 2026.8+ a provider's credentials are used only when its plugin is loaded: doctor
// says which plugin is off or missing, and --fix enables a bundled one (README "doctor").

const SQLITE = { AUTHDECK_STORE_GENERATION: undefined, PATH: '/nonexistent' };

interface Finding {
  code: string;
  severity: string;
  subject: string;
  fix: string;
}

async function findings(home: string): Promise<Finding[]> {
  const run = await runCommand(['doctor', '--json'], { home, env: SQLITE });
  return (JSON.parse(run.stdout) as { findings: Finding[] }).findings.filter((f) => f.code.startsWith('plugin-'));
}

/** A 2026.9 home with an Anthropic key saved by add-key. */
async function anthropicHome() {
  const temp = makeTempHome();
  installOpenclawFixture('a-v9-shared-fresh', temp.stateDir);
  await runCommand(['add-key', '--provider', 'anthropic'], {
    home: temp.home,
    env: SQLITE,
    input: fakeSecrets.anthropicApiKey(),
  });
  return temp;
}

describe('doctor: the plugins that serve the providers', () => {
  it('a switched-off plugin of the provider in use is an error that --fix enables', async () => {
    const { home, stateDir, configPath } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    const saved = await runCommand(['add-key', '--provider', 'anthropic'], {
      home,
      env: SQLITE,
      input: fakeSecrets.anthropicApiKey(),
    });
    expect(saved.code).toBe(0);
    expect(await findings(home)).toEqual([]);
    const config = readJson(configPath);
    config.plugins.entries.anthropic.enabled = false;
    writeJsonFile(configPath, config);
    expect(await findings(home)).toEqual([
      expect.objectContaining({ code: 'plugin-disabled', severity: 'error', subject: 'anthropic' }),
    ]);
    const shown = await runCommand(['doctor'], { home, env: SQLITE });
    expect(shown.stdout).toContain(
      'fix: set plugins.entries.anthropic.enabled to true (`authdeck doctor --fix` does this)\n',
    );
    const fixed = await runCommand(['doctor', '--fix'], { home, env: SQLITE });
    expect(fixed.stdout).toContain('enabled the anthropic plugin');
    // The check after the fix reads the config again: what was fixed is not listed as still there.
    expect(fixed.stdout).not.toContain('the anthropic plugin is switched off');
    expect(readJson(configPath).plugins.entries.anthropic.enabled).toBe(true);
    expect(await findings(home)).toEqual([]);
  });

  it('the fix in a JSON5-only config says the file was spelled as JSON, and where the original is', async () => {
    const { home, configPath } = await anthropicHome();
    const config = readJson(configPath);
    config.plugins.entries.anthropic.enabled = false;
    // JSON5: one unquoted key.
    writeText(configPath, JSON.stringify(config, null, 2).replace('"plugins":', 'plugins:'));
    const fixed = await runCommand(['doctor', '--fix'], { home, env: SQLITE });
    expect(fixed.stdout).toMatch(
      /enabled the anthropic plugin in .*openclaw\.json; .*openclaw\.json used JSON5-only syntax, so it was rewritten as JSON \(same values; the original is .*\.bak\)/,
    );
  });

  it('an external plugin not installed names its install command, until it is installed', async () => {
    const { home, stateDir } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    await runCommand(['add-key', '--provider', 'deepseek'], { home, env: SQLITE, input: fakeSecrets.deepseekKey() });
    const [missing] = await findings(home);
    expect(missing).toMatchObject({ code: 'plugin-not-installed', subject: 'deepseek' });
    expect(missing?.fix).toContain('openclaw plugins install @openclaw/deepseek-provider');
    mkdirSync(join(stateDir, 'extensions', 'deepseek'), { recursive: true });
    expect(await findings(home)).toEqual([]);
  });

  it("a key only in the gateway's .env still needs its plugin: status and doctor keep saying it is missing", async () => {
    const { home, stateDir } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    writeText(join(stateDir, '.env'), `DEEPSEEK_API_KEY=${fakeSecrets.deepseekKey()}\n`);
    expect(await findings(home)).toContainEqual(
      expect.objectContaining({ code: 'plugin-not-installed', subject: 'deepseek' }),
    );
    const status = await runCommand(['status'], { home, env: SQLITE });
    expect(status.stdout).toContain('deepseek: the deepseek plugin is not installed');
  });

  it('says nothing about plugins on a JSON-era home (OpenClaw ≤ 2026.6 builds its providers in)', async () => {
    const { home, configPath } = makeTempHome();
    await runCommand(['add-key', '--provider', 'deepseek'], { home, input: fakeSecrets.deepseekKey() });
    writeJsonFile(configPath, {
      ...(readJson(configPath) as Record<string, unknown>),
      plugins: { entries: { deepseek: { enabled: false } } },
    });
    const run = await runCommand(['doctor', '--json'], { home });
    expect(run.stdout).not.toContain('plugin-');
  });
});

describe('status: the plugins that serve the providers', () => {
  it('warns of an external plugin not installed, with the command, until it is installed', async () => {
    const { home, stateDir } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    await runCommand(['add-key', '--provider', 'deepseek'], { home, env: SQLITE, input: fakeSecrets.deepseekKey() });
    const shown = await runCommand(['status'], { home, env: SQLITE });
    expect(shown.stdout).toContain(
      '! deepseek: the deepseek plugin is not installed, so the gateway does not use its credentials; fix: `openclaw plugins install @openclaw/deepseek-provider`, then restart the gateway\n',
    );
    const json = JSON.parse((await runCommand(['status', '--json'], { home, env: SQLITE })).stdout);
    expect(json.warnings).toEqual([expect.stringContaining('the deepseek plugin is not installed')]);
    // Not marked as tried next while the gateway cannot load it (explain says the same).
    expect(shown.stdout).toMatch(/ 1 {2}deepseek:default .* not tried: the deepseek plugin is not installed/);
    expect(json.profiles.find((p: { id: string }) => p.id === 'deepseek:default')).toMatchObject({
      next: false,
      notTried: 'the deepseek plugin is not installed',
    });
    // order get says the same: none next, and why.
    const order = await runCommand(['order', 'get', '--provider', 'deepseek'], { home, env: SQLITE });
    expect(order.stdout).not.toContain('← next');
    expect(order.stdout).toContain('the deepseek plugin is not installed: the gateway tries none of these until then');
    const orderJson = await runCommand(['order', 'get', '--provider', 'deepseek', '--json'], { home, env: SQLITE });
    expect(JSON.parse(orderJson.stdout)).toMatchObject({ next: null, effective: ['deepseek:default'] });
    mkdirSync(join(stateDir, 'extensions', 'deepseek'), { recursive: true });
    const installed = await runCommand(['status'], { home, env: SQLITE });
    expect(installed.stdout).not.toContain('plugin');
    expect(installed.stdout).toMatch(/ 1\* deepseek:default/);
    const served = await runCommand(['order', 'get', '--provider', 'deepseek'], { home, env: SQLITE });
    expect(served.stdout).toContain('1. deepseek:default  ← next');
  });
});

describe('doctor on a plugin the config blocks', () => {
  // The second: an allow list blocks even where the entry is off too (enabling the entry would not load it).
  it.each([
    [{ deny: ['anthropic'] }, 'remove anthropic from plugins.deny'],
    [{ allow: ['openai'], entries: { anthropic: { enabled: false } } }, 'add anthropic to plugins.allow'],
  ])("names the fix as the person's, and --fix neither claims it nor changes the config (%o)", async (plugins, fix) => {
    const { home, configPath } = await anthropicHome();
    mergeJsonFile(configPath, { plugins });
    const before = readJson(configPath);
    const shown = await runCommand(['doctor'], { home, env: SQLITE });
    expect(shown.stdout).toContain(`fix: ${fix}\n`);
    expect(shown.stdout).not.toContain(`${fix} (\`authdeck doctor --fix\``);
    const fixed = await runCommand(['doctor', '--fix'], { home, env: SQLITE });
    expect(fixed.stdout).not.toContain('enabled the anthropic plugin');
    expect(fixed.code).toBe(1);
    expect(readJson(configPath)).toEqual(before);
  });
});

describe('onboarding a provider whose plugin the config blocks', () => {
  it('is refused before the secret, as OpenClaw refuses it, and nothing is written', async () => {
    const { home, stateDir, configPath } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    const config = readJson(configPath);
    writeJsonFile(configPath, { ...config, plugins: { ...(config.plugins ?? {}), deny: ['openrouter'] } });
    const before = readJson(configPath);
    const run = await runCommand(['onboard', '--non-interactive', '--auth-choice', 'openrouter-api-key'], {
      home,
      env: SQLITE,
      input: fakeSecrets.openrouterKey(),
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(
      /^authdeck: nothing saved: the openrouter plugin is denied \(plugins\.deny in .*openclaw\.json\).*remove openrouter from plugins\.deny first$/,
    );
    expect(readJson(configPath)).toEqual(before);
    // add-key refuses it too, before the secret is read.
    const added = await runCommand(['add-key', '--provider', 'openrouter'], {
      home,
      env: SQLITE,
      input: fakeSecrets.openrouterKey(),
    });
    expect(added.code).toBe(1);
    expect(added.stderr).toContain('nothing saved: the openrouter plugin is denied');
    expect(readJson(configPath)).toEqual(before);
    const listed = await runCommand(['status', '--json'], { home, env: SQLITE });
    expect(JSON.parse(listed.stdout).profiles.map((profile: { id: string }) => profile.id)).not.toContain(
      'openrouter:default',
    );
  });

  it('a provider a models.providers block serves is not refused: the gateway uses it without its plugin', async () => {
    const { home, stateDir, configPath } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    const config = readJson(configPath);
    writeJsonFile(configPath, {
      ...config,
      plugins: { ...(config.plugins ?? {}), enabled: false },
      models: { providers: { openai: { baseUrl: 'http://127.0.0.1:9/v1', api: 'openai-completions', models: [] } } },
    });
    const run = await runCommand(['add-key', '--provider', 'openai'], {
      home,
      env: SQLITE,
      input: fakeSecrets.openaiKey(),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('nothing saved');
  });
});

describe('doctor: profiles of a provider the gateway does not know', () => {
  it('warns of a typo saved as a provider, naming the one meant; a provider of your own with its block is fine', async () => {
    const { home, mainAgentDir, configPath } = makeTempHome();
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: {
        'opneai:default': { type: 'api_key', provider: 'opneai', key: fakeSecrets.openaiKey() },
        'my-proxy:a': { type: 'api_key', provider: 'my-proxy', key: 'proxy-secret-1234567890' },
        'openai:b': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey('b') },
      },
    });
    writeJsonFile(configPath, { models: { providers: { 'my-proxy': { baseUrl: 'http://127.0.0.1:9/v1' } } } });
    const run = await runCommand(['doctor', '--json'], { home });
    const unknown = (JSON.parse(run.stdout) as { findings: Finding[] }).findings.filter(
      (finding) => finding.code === 'provider-unknown',
    );
    expect(unknown).toEqual([
      expect.objectContaining({
        severity: 'warning',
        subject: 'opneai',
        fix: 'save the credential again under openai (`authdeck onboard --provider openai`) and remove opneai:default',
      }),
    ]);
    const text = await runCommand(['doctor'], { home });
    expect(text.stdout).toContain('no provider OpenClaw ships is called opneai (a typo of openai?)');
    // status (and so the dashboard) warns of it too; my-proxy, which has its block, is fine.
    const status = await runCommand(['status', '--json'], { home });
    const warnings = (JSON.parse(status.stdout) as { warnings: string[] }).warnings;
    expect(warnings.filter((warning) => warning.includes('no provider OpenClaw ships'))).toEqual([
      expect.stringMatching(/^opneai: no provider OpenClaw ships is called opneai \(a typo of openai\?\)/),
    ]);
  });
});
