import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeJsonFile } from '../helpers/temp-state.js';

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
