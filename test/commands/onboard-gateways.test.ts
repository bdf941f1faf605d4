import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, readJson } from '../helpers/temp-state.js';

// Choices whose endpoint comes from a flag, as `openclaw onboard` spells them (README "Providers").

const KEY = `cf-${'k'.repeat(40)}`;

describe('onboard --auth-choice with an endpoint flag', () => {
  it('Cloudflare AI Gateway: both ids required before the secret, then kept in the profile and the endpoint', async () => {
    const { home, configPath, mainAgentDir } = makeTempHome();
    const choice = ['onboard', '--non-interactive', '--auth-choice', 'cloudflare-ai-gateway-api-key'];
    const missing = await runCommand([...choice, '--cloudflare-ai-gateway-account-id', 'acc1'], { home, input: KEY });
    expect(missing.code).toBe(64);
    expect(missing.stderr).toContain(
      'requires --cloudflare-ai-gateway-account-id and --cloudflare-ai-gateway-gateway-id',
    );
    const slash = await runCommand(
      [...choice, '--cloudflare-ai-gateway-account-id', 'acc/1', '--cloudflare-ai-gateway-gateway-id', 'gw'],
      { home, input: KEY },
    );
    expect(slash.code).toBe(64);
    const run = await runCommand(
      [...choice, '--cloudflare-ai-gateway-account-id', 'acc1', '--cloudflare-ai-gateway-gateway-id', 'gw-2'],
      { home, input: KEY },
    );
    // Saved and set up; on this JSON-era home OpenClaw builds the provider in: no plugin to install.
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('openclaw plugins install');
    const store = JSON.parse(readFileSync(join(mainAgentDir, 'auth-profiles.json'), 'utf8'));
    expect(store.profiles['cloudflare-ai-gateway:default']).toMatchObject({
      type: 'api_key',
      key: KEY,
      metadata: { accountId: 'acc1', gatewayId: 'gw-2' },
    });
    const config = readJson(configPath);
    expect(config.models.providers['cloudflare-ai-gateway']).toMatchObject({
      baseUrl: 'https://gateway.ai.cloudflare.com/v1/acc1/gw-2/anthropic',
      api: 'anthropic-messages',
    });
    expect(config.agents.defaults.model.primary).toBe('cloudflare-ai-gateway/claude-sonnet-4-6');
  });

  it('Cloudflare AI Gateway: a real account id (32 hex digits) is an id, not a secret; a key there is refused', async () => {
    const { home, configPath } = makeTempHome();
    const account = '023e105f4ecef8ad9ca31a8372d0c353';
    const choice = ['onboard', '--non-interactive', '--auth-choice', 'cloudflare-ai-gateway-api-key'];
    const run = await runCommand(
      [...choice, `--cloudflare-ai-gateway-account-id=${account}`, '--cloudflare-ai-gateway-gateway-id', 'gw1'],
      { home, input: KEY },
    );
    expect(run.stderr).not.toContain('secret');
    expect(run.code).toBe(0);
    expect(readJson(configPath).models.providers['cloudflare-ai-gateway'].baseUrl).toBe(
      `https://gateway.ai.cloudflare.com/v1/${account}/gw1/anthropic`,
    );
    const key = fakeSecrets.anthropicApiKey();
    const pasted = await runCommand([...choice, '--cloudflare-ai-gateway-account-id', key], { home, input: KEY });
    expect(pasted.code).toBe(64);
    expect(pasted.stderr).toContain('a secret was passed on the command line');
    expect(pasted.stderr).not.toContain(key);
    // Other ids stay checked whole: a key with no known prefix pasted as a custom provider's or
    // model's id would be written into the config and shown.
    const bare = 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7d';
    for (const flag of ['--custom-provider-id', '--custom-model-id']) {
      const run = await runCommand(
        [
          'onboard',
          '--non-interactive',
          '--auth-choice',
          'custom-api-key',
          '--custom-base-url',
          'http://127.0.0.1:9/v1',
          ...(flag === '--custom-model-id' ? ['--custom-provider-id', 'myproxy'] : ['--custom-model-id', 'llama3']),
          flag,
          bare,
        ],
        { home, input: KEY },
      );
      expect(run.code, flag).toBe(64);
      expect(run.stderr, flag).toContain('a secret was passed on the command line');
      expect(run.stderr + run.stdout, flag).not.toContain(bare);
    }
  });

  it('LiteLLM: --custom-base-url is where the proxy runs', async () => {
    const { home, configPath } = makeTempHome();
    const run = await runCommand(
      [
        'onboard',
        '--non-interactive',
        '--auth-choice',
        'litellm-api-key',
        '--custom-base-url',
        'http://proxy.lan:4000/',
      ],
      { home, input: `sk-${'l'.repeat(40)}` },
    );
    expect(run.code).toBe(0);
    const config = readJson(configPath);
    // As OpenClaw 2026.9.6 writes it: no model rows for a proxy elsewhere, the default model set.
    expect(config.models.providers.litellm).toEqual({
      baseUrl: 'http://proxy.lan:4000',
      api: 'openai-completions',
      models: [],
    });
    expect(config.agents.defaults.model.primary).toBe('litellm/claude-opus-4-6');
  });
});
