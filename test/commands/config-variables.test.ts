// biome-ignore-all lint/suspicious/noTemplateCurlyInString: openclaw.json spells ${NAME} in plain strings
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { substituteConfigEnv, substituteEnvText } from '../../src/services/config/config-env.js';
import { modelRefWords } from '../../src/services/providers/setup-plan.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeJsonFile, writeText } from '../helpers/temp-state.js';

// openclaw.json's `${NAME}` are replaced by OpenClaw on every read (a default model, a key):
// status, explain and doctor judge the config the gateway runs with, not the text.

describe('substitution as OpenClaw reads it', () => {
  it('replaces set upper-case names, leaves unset, empty and lower-case ones as written, unescapes $${NAME}', () => {
    const env = { MODEL: 'anthropic/claude-opus-5', EMPTY: '', lower: 'x' };
    expect(substituteEnvText('${MODEL}', env)).toBe('anthropic/claude-opus-5');
    expect(substituteEnvText('a-${MODEL}-b ${UNSET} ${EMPTY} ${lower} $${MODEL} ${MODEL', env)).toBe(
      'a-anthropic/claude-opus-5-b ${UNSET} ${EMPTY} ${lower} ${MODEL} ${MODEL',
    );
    const { doc, unset } = substituteConfigEnv({ a: ['${UNSET}', 1, { b: '$${ESCAPED} ${EMPTY}' }] }, env);
    expect(doc).toEqual({ a: ['${UNSET}', 1, { b: '${ESCAPED} ${EMPTY}' }] });
    expect(unset).toEqual([
      { path: ['a', '0'], name: 'UNSET' },
      { path: ['a', '2', 'b'], name: 'EMPTY' },
    ]);
  });
});

function anthropicHome(config: Record<string, unknown>, dotEnv?: string) {
  const temp = makeTempHome();
  writeJsonFile(join(temp.mainAgentDir, 'auth-profiles.json'), {
    version: 1,
    profiles: { 'anthropic:default': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey() } },
  });
  writeJsonFile(temp.configPath, config);
  if (dotEnv !== undefined) writeText(join(temp.stateDir, '.env'), dotEnv);
  return temp;
}

describe('a default model written as ${NAME}', () => {
  const config = { agents: { defaults: { model: { primary: '${DEFAULT_MODEL}' } } } };

  it('is the model the variable names, from <state>/.env', async () => {
    const { home } = anthropicHome(config, 'DEFAULT_MODEL=anthropic/claude-opus-5\n');
    const check = await runCommand(['status', '--check'], { home });
    expect(check.code).toBe(0);
    const status = await runCommand(['status'], { home });
    expect(status.stdout).toMatch(/anthropic · Anthropic · in use/);
    expect(status.stdout).not.toContain('openai');
    const explain = await runCommand(['explain'], { home });
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('anthropic/claude-opus-5');
  });

  it('is the model the variable names, from the process environment', async () => {
    const { home } = anthropicHome(config);
    const check = await runCommand(['status', '--check'], { home, env: { DEFAULT_MODEL: 'anthropic/claude-opus-5' } });
    expect(check.code).toBe(0);
  });

  it("is the model the config's own env section names", async () => {
    const { home } = anthropicHome({ ...config, env: { vars: { DEFAULT_MODEL: 'anthropic/claude-opus-5' } } });
    expect((await runCommand(['status', '--check'], { home })).code).toBe(0);
  });
});

describe('a provider key that reads a variable', () => {
  const withXaiFallback = (apiKey: unknown) => ({
    agents: { defaults: { model: { primary: 'anthropic/claude-opus-5', fallbacks: ['xai/grok-4.7'] } } },
    models: { providers: { xai: { baseUrl: 'https://api.x.ai/v1', api: 'openai-completions', apiKey, models: [] } } },
  });

  it.each([
    ['${XAI_KEY_FOR_GW}', '${NAME}'],
    [{ source: 'env', provider: 'default', id: 'XAI_KEY_FOR_GW' }, 'an env SecretRef'],
  ])('does not count while the variable is unset (%s: %s), and counts once it is set', async (apiKey, _form) => {
    const { home, stateDir } = anthropicHome(withXaiFallback(apiKey));
    const check = await runCommand(['status', '--check'], { home });
    expect(check.code).toBe(1);
    expect(check.stderr + check.stdout).toContain(
      'xai (fallback model xai/grok-4.7) has no credential: no profile and no key in the environment, and models.providers.xai.apiKey reads XAI_KEY_FOR_GW, which is not set',
    );
    const status = await runCommand(['status', '--json'], { home });
    const xai = JSON.parse(status.stdout).providers.find((entry: { provider: string }) => entry.provider === 'xai');
    expect(xai).toMatchObject({ effectiveSource: 'missing', configKeyUnset: 'XAI_KEY_FOR_GW' });

    writeText(join(stateDir, '.env'), `XAI_KEY_FOR_GW=${fakeSecrets.xaiKey()}\n`);
    expect((await runCommand(['status', '--check'], { home })).code).toBe(0);
    const after = await runCommand(['status', '--json'], { home });
    expect(
      JSON.parse(after.stdout).providers.find((entry: { provider: string }) => entry.provider === 'xai'),
    ).toMatchObject({ effectiveSource: 'config', configKeyUnset: null });
  });
});

describe('what OpenClaw does not take as a variable', () => {
  const xaiFallback = (apiKey: unknown, extra: Record<string, unknown> = {}) => ({
    ...extra,
    agents: { defaults: { model: { primary: 'anthropic/claude-opus-5', fallbacks: ['xai/grok-4.7'] } } },
    models: { providers: { xai: { baseUrl: 'https://api.x.ai/v1', api: 'openai-completions', apiKey, models: [] } } },
  });
  const xaiOf = async (home: string) =>
    JSON.parse((await runCommand(['status', '--json'], { home })).stdout).providers.find(
      (entry: { provider: string }) => entry.provider === 'xai',
    );

  it('a key with text around an unset ${NAME} is still a key (only the variable alone waits on it)', async () => {
    const { home } = anthropicHome(xaiFallback('Bearer-${XAI_UNSET}'));
    expect((await runCommand(['status', '--check'], { home })).code).toBe(0);
    expect(await xaiOf(home)).toMatchObject({ effectiveSource: 'config', configKeyUnset: null });
  });

  it('a config env entry whose value names another variable is not taken', async () => {
    const { home } = anthropicHome(
      xaiFallback('${MY_KEY}', { env: { MY_KEY: '${OTHER}' } }),
      `OTHER=${fakeSecrets.xaiKey()}\n`,
    );
    expect((await runCommand(['status', '--check'], { home })).code).toBe(1);
    expect(await xaiOf(home)).toMatchObject({ effectiveSource: 'missing', configKeyUnset: 'MY_KEY' });
  });

  it('a default model written as a variable is described as the model it names, never as a built-in one', () => {
    expect(modelRefWords('${DEFAULT_MODEL}')).toBe('the model ${DEFAULT_MODEL} names');
    expect(modelRefWords('openai')).toBe("OpenClaw's built-in openai model (openai/gpt-6-astra in 2026.9)");
  });
});
