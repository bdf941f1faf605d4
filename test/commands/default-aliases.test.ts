import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, mergeJsonFile, writeJsonFile } from '../helpers/temp-state.js';

// OpenClaw's config loader gives each agents.defaults.models entry of a well-known model its
// default alias (`opus`, `sonnet`, `gpt`…) when the entry has none: a default model written as
// `opus` is Anthropic's. authdeck read only the aliases written in the file, took `opus` for an
// OpenAI model, and `status --check`, `explain` and doctor said openai had no credential.

const OPUS = 'anthropic/claude-opus-5';
const SONNET = 'anthropic/claude-sonnet-5';

async function homeWithDefault(model: Record<string, unknown>, models: Record<string, unknown>) {
  const temp = makeTempHome();
  writeJsonFile(join(temp.mainAgentDir, 'auth-profiles.json'), {
    version: 1,
    profiles: { 'anthropic:default': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey() } },
  });
  writeJsonFile(temp.configPath, { agents: { defaults: { model, models } } });
  return temp;
}

describe("OpenClaw's default model aliases", () => {
  it('`opus` as the default model, `sonnet` as a fallback: Anthropic models, served by the Anthropic key', async () => {
    const { home } = await homeWithDefault({ primary: 'opus', fallbacks: ['sonnet'] }, { [OPUS]: {}, [SONNET]: {} });
    const check = await runCommand(['status', '--check'], { home });
    expect(check.stdout + check.stderr).not.toContain('openai');
    expect(check.code).toBe(0);
    const explained = JSON.parse((await runCommand(['explain', '--json'], { home })).stdout);
    expect(explained.models.map((entry: { provider: string }) => entry.provider)).toEqual(['anthropic', 'anthropic']);
    expect(explained.servedBy).toMatchObject({ ref: OPUS, profileId: 'anthropic:default' });
  });

  it('an entry with an alias of its own, or another entry holding the alias, keeps the default alias off', async () => {
    const own = await homeWithDefault({ primary: 'opus' }, { [OPUS]: { alias: 'big' } });
    expect(JSON.parse((await runCommand(['explain', '--json'], { home: own.home })).stdout).models[0].provider).toBe(
      'openai',
    );
    const taken = await homeWithDefault({ primary: 'opus' }, { [OPUS]: {}, 'openai/gpt-5.5': { alias: 'opus' } });
    expect(JSON.parse((await runCommand(['explain', '--json'], { home: taken.home })).stdout).models[0].provider).toBe(
      'openai',
    );
  });
});

describe("a model ref that pins a profile (OpenClaw's model@profile)", () => {
  it('is the model without the pin, and the pinned profile serves it when it can', async () => {
    const { home, mainAgentDir, configPath } = makeTempHome();
    const key = (seed: string) => ({ type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey(seed) });
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'anthropic:default': key('d'), 'anthropic:work': key('w') },
    });
    writeJsonFile(configPath, { agents: { defaults: { model: `${OPUS}@anthropic:work` } } });
    const explained = JSON.parse((await runCommand(['explain', '--json'], { home })).stdout);
    expect(explained.models[0]).toMatchObject({ ref: OPUS, provider: 'anthropic', model: 'claude-opus-5' });
    expect(explained.servedBy).toMatchObject({ ref: OPUS, profileId: 'anthropic:work' });
    expect((await runCommand(['status', '--check'], { home })).code).toBe(0);
  });
});

describe('a save on a home whose default model is written as an alias', () => {
  it.each(['opus', `${OPUS}@anthropic:work`])(
    '%s is taken for the model it names: nothing to offer',
    async (primary) => {
      const { home, stateDir, configPath } = makeTempHome();
      installOpenclawFixture('a-v9-shared-fresh', stateDir);
      mergeJsonFile(configPath, { agents: { defaults: { model: { primary }, models: { [OPUS]: {} } } } });
      const saved = await runCommand(['--no-reload', 'add-key', '--provider', 'anthropic'], {
        home,
        env: { AUTHDECK_STORE_GENERATION: undefined, PATH: '/nonexistent' },
        input: fakeSecrets.anthropicApiKey(),
      });
      expect(saved.code).toBe(0);
      expect(saved.stdout + saved.stderr).not.toContain('--set-default-model');
      expect(saved.stdout + saved.stderr).not.toContain('built-in');
    },
  );
});
