import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installOpenclawFixture, readCell } from '../helpers/openclaw-fixtures.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, readJson, writeJsonFile } from '../helpers/temp-state.js';

const KEY = '0123456789abcdef0123456789abcdef';
const ENDPOINT = 'https://acme.services.ai.azure.com';

/** A home OpenClaw 2026.9 made: authdeck sets Foundry keys up as 2026.8 and later do. */
function home() {
  const temp = makeTempHome();
  installOpenclawFixture('a-v9-shared-fresh', temp.stateDir);
  const storePath = join(temp.stateDir, 'state', 'openclaw.sqlite');
  const profiles = () =>
    (
      readCell(storePath, "select value_json from config_machine_state where state_key = 'authProfiles.store'") as {
        profiles: Record<string, unknown>;
      }
    ).profiles;
  return { ...temp, storePath, profiles };
}

const onboard = (where: string, flags: string[], input = KEY, env: Record<string, string> = {}) =>
  runCommand(['onboard', '--non-interactive', '--auth-choice', 'microsoft-foundry-apikey', ...flags], {
    home: where,
    input,
    env,
  });

describe('onboard --auth-choice microsoft-foundry-apikey', () => {
  it('saves the key with its endpoint and deployment, and writes the provider, its model, the order and the default', async () => {
    const temp = home();
    const result = await onboard(temp.home, [
      '--custom-base-url',
      `${ENDPOINT}/openai/v1`,
      '--custom-model-id',
      'prod',
      '--foundry-model',
      'gpt-5.4',
    ]);
    expect(result.stderr).not.toContain('authdeck:');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'enabled the microsoft-foundry plugin; wrote models.providers.microsoft-foundry; default model: microsoft-foundry/prod',
    );
    expect(temp.profiles()['microsoft-foundry:default']).toEqual({
      type: 'api_key',
      provider: 'microsoft-foundry',
      key: KEY,
      metadata: {
        authMethod: 'api-key',
        endpoint: `${ENDPOINT}/openai/v1`,
        modelId: 'prod',
        api: 'openai-responses',
        modelName: 'gpt-5.4',
      },
    });
    const config = readJson(temp.configPath);
    expect(config.auth.order).toEqual({ 'microsoft-foundry': ['microsoft-foundry:default'] });
    expect(config.models.mode).toBeUndefined();
    expect(config.models.providers['microsoft-foundry']).toMatchObject({
      baseUrl: `${ENDPOINT}/openai/v1`,
      api: 'openai-responses',
      models: [{ id: 'prod', name: 'gpt-5.4', contextWindow: 1_050_000, reasoning: true }],
    });
    expect(config.agents.defaults).toMatchObject({
      model: { primary: 'microsoft-foundry/prod' },
      models: { 'microsoft-foundry/prod': {} },
    });
  });

  it('takes the endpoint from AZURE_OPENAI_ENDPOINT, as OpenClaw offers it; a Claude model speaks /anthropic', async () => {
    const temp = home();
    const result = await onboard(
      temp.home,
      ['--custom-model-id', 'claude', '--foundry-model', 'claude-opus-4-7'],
      KEY,
      {
        AZURE_OPENAI_ENDPOINT: ENDPOINT,
      },
    );
    expect(result.code).toBe(0);
    expect(readJson(temp.configPath).models.providers['microsoft-foundry']).toMatchObject({
      baseUrl: `${ENDPOINT}/anthropic`,
      api: 'anthropic-messages',
    });
  });

  it('makes an image model the default for images, not for chat', async () => {
    const temp = home();
    const result = await onboard(temp.home, [
      '--custom-base-url',
      ENDPOINT,
      '--custom-model-id',
      'images',
      '--foundry-model',
      'MAI-Image-2.5-Flash',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('image default model: microsoft-foundry/images');
    const defaults = readJson(temp.configPath).agents.defaults;
    expect(defaults.mediaModels).toEqual({ image: { primary: 'microsoft-foundry/images' } });
    expect(defaults.model).toBeUndefined();
    // --json says it too (the chat default is untouched: none).
    const again = home();
    const json = await onboard(again.home, [
      ...['--custom-base-url', ENDPOINT, '--custom-model-id', 'images', '--foundry-model', 'MAI-Image-2.5-Flash'],
      '--json',
    ]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      imageDefaultModel: 'microsoft-foundry/images',
      defaultModel: { status: 'none', ref: null },
    });
  });

  it('a second deployment replaces the first: the default follows it, and no endpoint warning is raised', async () => {
    const temp = home();
    const first = ['--custom-base-url', ENDPOINT, '--custom-model-id', 'depA', '--foundry-model', 'gpt-5.4'];
    expect((await onboard(temp.home, [...first, '--profile-id', 'work'])).code).toBe(0);
    const second = await onboard(temp.home, [
      '--custom-base-url',
      ENDPOINT,
      '--custom-model-id',
      'depB',
      '--foundry-model',
      'claude-opus-4-7',
    ]);
    expect(second.code).toBe(0);
    expect(second.stderr).not.toContain('moved from');
    const config = readJson(temp.configPath);
    expect(config.models.providers['microsoft-foundry'].models.map((model: { id: string }) => model.id)).toEqual([
      'depB',
    ]);
    // depA's row is gone: a default left on it would be one the gateway cannot run.
    expect(config.agents.defaults.model.primary).toBe('microsoft-foundry/depB');
    expect(config.agents.defaults.models['microsoft-foundry/depB']).toEqual({});
    // Kept when asked, and said.
    const kept = await onboard(temp.home, [...first, '--keep-default-model']);
    expect(kept.stderr).toContain(
      'warning: the default model microsoft-foundry/depB is no longer in models.providers.microsoft-foundry',
    );
  });

  it("an image deployment leaves another provider's image default alone, unless asked", async () => {
    const temp = home();
    const config = readJson(temp.configPath);
    config.agents = { defaults: { mediaModels: { image: { primary: 'openai/gpt-image-2' } } } };
    writeJsonFile(temp.configPath, config);
    const image = ['--custom-base-url', ENDPOINT, '--custom-model-id', 'img', '--foundry-model', 'MAI-Image-2'];
    expect((await onboard(temp.home, image)).code).toBe(0);
    expect(readJson(temp.configPath).agents.defaults.mediaModels.image.primary).toBe('openai/gpt-image-2');
    expect((await onboard(temp.home, [...image, '--set-default-model'])).code).toBe(0);
    expect(readJson(temp.configPath).agents.defaults.mediaModels.image.primary).toBe('microsoft-foundry/img');
  });

  it('takes AZURE_OPENAI_ENDPOINT when --custom-base-url is given empty', async () => {
    const temp = home();
    const result = await onboard(temp.home, ['--custom-base-url', '', '--custom-model-id', 'prod'], KEY, {
      AZURE_OPENAI_ENDPOINT: ENDPOINT,
    });
    expect(result.code).toBe(0);
    expect(readJson(temp.configPath).models.providers['microsoft-foundry'].baseUrl).toBe(`${ENDPOINT}/openai/v1`);
  });

  it.each([
    [['--custom-base-url', ENDPOINT, '--custom-model-id', 'x@y'], '"x@y" is not a deployment name'],
    [
      ['--custom-base-url', 'https://user:hunter2@acme.openai.azure.com', '--custom-model-id', 'd'],
      'holds a user or password',
    ],
    [[], '--auth-choice microsoft-foundry-apikey needs --custom-base-url'],
    [['--custom-base-url', 'ftp://x', '--custom-model-id', 'd'], '"ftp://x" is not an http(s) URL'],
    [
      ['--custom-base-url', ENDPOINT, '--custom-model-id', 'd', '--foundry-model', 'claude-mythos-preview'],
      'Claude Mythos on Foundry takes Entra ID only',
    ],
    [
      [
        '--custom-base-url',
        ENDPOINT,
        '--custom-model-id',
        'd',
        '--foundry-model',
        'claude-opus-4-7',
        '--custom-compatibility',
        'openai',
      ],
      'a Claude deployment speaks the Anthropic Messages API, not openai-completions',
    ],
    [['--custom-base-url', ENDPOINT, '--custom-model-id', 'a b'], '"a b" is not a deployment name'],
  ])('refuses %j with exit 64 before the key is read, writing nothing', async (flags, reason) => {
    const temp = home();
    const result = await onboard(temp.home, flags, '');
    expect(result.code).toBe(64);
    expect(result.stderr).toContain(reason);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(Object.keys(temp.profiles())).not.toContain('microsoft-foundry:default');
    expect(readFileSync(temp.configPath, 'utf8')).not.toContain('foundry');
  });

  it('refuses on a home of OpenClaw before 2026.8 (it keeps that key in openclaw.json), saving nothing', async () => {
    const temp = makeTempHome();
    const result = await onboard(temp.home, ['--custom-base-url', ENDPOINT, '--custom-model-id', 'prod'], KEY, {
      AUTHDECK_STORE_GENERATION: 'json',
    });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('run `openclaw onboard --auth-choice microsoft-foundry-apikey`');
    expect(existsSync(join(temp.mainAgentDir, 'auth-profiles.json'))).toBe(false);
  });
});

describe('add-key --provider microsoft-foundry', () => {
  it('saves the key and says the gateway needs the endpoint and deployment, with the command that writes them', async () => {
    const temp = home();
    const result = await runCommand(['add-key', '--provider', 'microsoft-foundry'], { home: temp.home, input: KEY });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'note: the gateway cannot use a microsoft-foundry key without its endpoint and deployment: pipe it to `authdeck onboard --non-interactive --auth-choice microsoft-foundry-apikey --custom-base-url URL --custom-model-id DEPLOYMENT` instead',
    );
  });
});
