import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, readJson, writeJsonFile } from '../helpers/temp-state.js';

// add-key / paste-token leave the gateway able to use what they saved: the provider's plugin,
// its default model when none is set, a typo refused (README "Providers").

describe('add-key sets the provider up as onboarding does', () => {
  it('on an empty home: the Anthropic plugin and default model, so status --check passes', async () => {
    const { home, configPath } = makeTempHome();
    const saved = await runCommand(['add-key', '--provider', 'anthropic'], {
      home,
      input: fakeSecrets.anthropicApiKey(),
    });
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('enabled the anthropic plugin; default model: anthropic/claude-opus-4-7');
    const config = readJson(configPath);
    expect(config.plugins.entries.anthropic).toEqual({ enabled: true });
    expect(config.agents.defaults.model).toEqual({ primary: 'anthropic/claude-opus-4-7' });
    const check = await runCommand(['status', '--check'], { home });
    expect(check.code).toBe(0);
  });

  it("keeps another provider's default model unless --set-default-model, and says how to change it", async () => {
    const { home, configPath } = makeTempHome();
    await runCommand(['add-key', '--provider', 'anthropic'], { home, input: fakeSecrets.anthropicApiKey() });
    const kept = await runCommand(['add-key', '--provider', 'xai'], { home, input: fakeSecrets.xaiKey() });
    expect(kept.code).toBe(0);
    expect(kept.stdout).toMatch(/default model: anthropic\/claude-opus-4-7 kept; --set-default-model makes it xai\//);
    expect(readJson(configPath).agents.defaults.model.primary).toBe('anthropic/claude-opus-4-7');
    const set = await runCommand(['add-key', '--provider', 'xai', '--set-default-model'], {
      home,
      input: fakeSecrets.xaiKey('second'),
    });
    expect(set.code).toBe(0);
    expect(readJson(configPath).agents.defaults.model.primary).toMatch(/^xai\//);
  });

  it('a provider with several regions gets its plugin and the choices to name, not a guessed endpoint', async () => {
    const { home, configPath } = makeTempHome();
    const run = await runCommand(['add-key', '--provider', 'zai', '--json'], { home, input: 'z'.repeat(40) });
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout);
    expect(answer.authChoices).toEqual(expect.arrayContaining(['zai-global', 'zai-cn']));
    expect(answer.pluginsEnabled).toEqual(['zai']);
    expect(answer.defaultModel.status).toBe('none');
    const config = readJson(configPath);
    expect(config.plugins.entries.zai).toEqual({ enabled: true });
    expect(config.models).toBeUndefined();
  });

  it('an external plugin (OpenClaw 2026.8+): the install command until it is installed under the state dir', async () => {
    const { home, stateDir } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    // The generation from the home's files, and no openclaw to install with.
    const env = { AUTHDECK_STORE_GENERATION: undefined, PATH: '/nonexistent' };
    const first = await runCommand(['add-key', '--provider', 'deepseek'], {
      home,
      input: fakeSecrets.deepseekKey(),
      env,
    });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('openclaw plugins install @openclaw/deepseek-provider');
    mkdirSync(
      join(stateDir, 'npm', 'projects', 'openclaw-deepseek-provider', 'node_modules', '@openclaw', 'deepseek-provider'),
      {
        recursive: true,
      },
    );
    const again = await runCommand(['add-key', '--provider', 'deepseek', '--json', '--profile-id', 'two'], {
      home,
      input: fakeSecrets.deepseekKey('2'),
      env,
    });
    expect(JSON.parse(again.stdout).plugin).toBeNull();
    const onboarded = await runCommand(
      ['onboard', '--non-interactive', '--auth-choice', 'deepseek-api-key', '--profile-id', 'three'],
      { home, input: fakeSecrets.deepseekKey('3'), env },
    );
    expect(onboarded.code).toBe(0);
    expect(onboarded.stderr).not.toContain('plugins install');
  });
});

describe('the provider named', () => {
  it('a typo is refused with the closest ids, and nothing is saved', async () => {
    const { home, configPath } = makeTempHome();
    const run = await runCommand(['add-key', '--provider', 'opneai'], { home, input: fakeSecrets.openaiKey() });
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('"opneai" is not a provider OpenClaw knows; did you mean openai?');
    expect(() => readJson(configPath)).toThrow();
  });

  it('--custom stores a provider of your own; one in models.providers needs no flag', async () => {
    const { home, configPath } = makeTempHome();
    const custom = await runCommand(['add-key', '--provider', 'my-proxy', '--custom'], { home, input: 'k'.repeat(40) });
    expect(custom.code).toBe(0);
    expect(custom.stderr).toContain('The gateway does not know my-proxy yet');
    writeJsonFile(configPath, {
      ...(readJson(configPath) as Record<string, unknown>),
      models: {
        providers: { 'team-llm': { baseUrl: 'https://llm.example/v1', api: 'openai-completions', models: [] } },
      },
    });
    const known = await runCommand(['paste-token', '--provider', 'team-llm'], { home, input: 't'.repeat(40) });
    expect(known.code).toBe(0);
    expect(known.stderr).not.toContain('does not know');
    expect(Object.keys(readJson(configPath).auth.profiles)).toEqual(['my-proxy:default', 'team-llm:default']);
  });

  it('an alias OpenClaw resolves is stored under the provider id', async () => {
    const { home, configPath } = makeTempHome();
    const run = await runCommand(['add-key', '--provider', 'x-ai'], { home, input: fakeSecrets.xaiKey() });
    expect(run.code).toBe(0);
    expect(Object.keys(readJson(configPath).auth.profiles)).toEqual(['xai:default']);
  });
});
