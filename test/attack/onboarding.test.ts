import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeCliConfig } from '../../src/services/oauth/anthropic-cli-sign-in.js';
import { planFacts } from '../../src/services/providers/facts-plan.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { planOnDisk } from '../helpers/plan-on-disk.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, readJson, writeJsonFile } from '../helpers/temp-state.js';

// Defects an adversarial run found in onboarding (each failed before its fix).

const CUSTOM = ['--auth-choice', 'custom-api-key', '--custom-base-url', 'http://127.0.0.1:8080/v1'];

describe('onboarding under attack', () => {
  it("another provider's key given to --auth-choice names the choice to use, not --provider (refused beside it)", async () => {
    const { home } = makeTempHome();
    const run = await runCommand(['--no-reload', 'onboard', '--non-interactive', '--auth-choice', 'xai-api-key'], {
      home,
      input: fakeSecrets.openaiKey(),
    });
    expect(run.stderr).toContain(
      'looks like an OpenAI API key, but the provider is xai; use --auth-choice openai-api-key',
    );
    expect(run.stderr).not.toContain('--provider');
  });

  it("a key of no known shape keeps the spaces inside it, as given (OpenClaw's too); those at its ends go", async () => {
    // "my secret key" was stored as "mysecretkey" for LiteLLM and a custom endpoint.
    const { home, mainAgentDir, configPath } = makeTempHome();
    const litellm = await runCommand(
      ['--no-reload', 'onboard', '--non-interactive', '--auth-choice', 'litellm-api-key'],
      { home, input: '  my secret key \n' },
    );
    expect(litellm.code, litellm.stderr).toBe(0);
    expect(readJson(join(mainAgentDir, 'auth-profiles.json')).profiles['litellm:default'].key).toBe('my secret key');
    const custom = await runCommand(
      ['--no-reload', 'onboard', '--non-interactive', ...CUSTOM, '--custom-model-id', 'm'],
      { home, input: ' abc def ' },
    );
    expect(custom.code, custom.stderr).toBe(0);
    expect(JSON.stringify(readJson(configPath).models.providers)).toContain('"apiKey":"abc def"');
  });

  it('--token-provider is a provider OpenClaw knows: a typo or escape codes are refused, nothing saved', async () => {
    const { home, configPath } = makeTempHome();
    for (const typed of ['opneai', '../../x', 'a:b', 'gr\x1b]0;PWNED\x07\x1b[31mred']) {
      const run = await runCommand(
        ['onboard', '--non-interactive', '--auth-choice', 'token', '--token-provider', typed],
        { home, input: fakeSecrets.setupToken() },
      );
      expect(run.code, typed).toBe(64);
      expect(run.stderr, typed).not.toMatch(/\x1b|\x07/);
    }
    const typo = await runCommand(
      ['onboard', '--non-interactive', '--auth-choice', 'token', '--token-provider', 'opneai'],
      {
        home,
        input: fakeSecrets.setupToken(),
      },
    );
    expect(typo.stderr).toContain('did you mean openai?');
    expect(() => readJson(configPath)).toThrow();
  });

  it('a model id with colour codes, a blank or a runaway length is refused in one line, nothing written', async () => {
    const { home, configPath } = makeTempHome();
    for (const id of ['llama\x1b[31mRED\x1b[8mhid', 'two words', 'x'.repeat(201)]) {
      const run = await runCommand(['onboard', '--non-interactive', ...CUSTOM, '--custom-model-id', id], {
        home,
        input: 'k',
      });
      expect(run.code, id).toBe(64);
      expect(run.stderr, id).not.toContain('\x1b');
      expect(run.stderr.trim().split('\n'), id).toHaveLength(1);
    }
    expect(() => readJson(configPath)).toThrow();
  });

  it('a custom endpoint on a 2026.9 home carries the marks that keep its models from becoming an allowlist', async () => {
    const { home, stateDir, configPath } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    const env = { AUTHDECK_STORE_GENERATION: undefined, PATH: '/nonexistent' };
    writeJsonFile(configPath, { gateway: { mode: 'local' } });
    const run = await runCommand(['onboard', '--non-interactive', ...CUSTOM, '--custom-model-id', 'llama3'], {
      home,
      env,
      input: 'k',
    });
    expect(run.code).toBe(0);
    expect(readJson(configPath).meta.migrations).toEqual({ modelPolicyAllowlist: true, utilityModelSeparation: true });
    // OpenClaw ≤ 2026.6 refuses `meta.migrations`: a JSON-era home never gets it.
    const json = makeTempHome();
    await runCommand(['onboard', '--non-interactive', ...CUSTOM, '--custom-model-id', 'llama3'], {
      home: json.home,
      input: 'k',
    });
    expect(readJson(json.configPath).meta).toBeUndefined();
  });

  it('a default model set over an allowlist joins the allowlist', async () => {
    const { home, configPath } = makeTempHome();
    writeJsonFile(configPath, {
      agents: {
        defaults: {
          model: { primary: 'anthropic/claude-opus-4-6' },
          modelPolicy: { allow: ['anthropic/claude-opus-4-6'] },
        },
      },
    });
    const run = await runCommand(
      ['onboard', '--non-interactive', '--auth-choice', 'xai-api-key', '--set-default-model'],
      {
        home,
        input: fakeSecrets.xaiKey(),
      },
    );
    expect(run.code).toBe(0);
    const defaults = readJson(configPath).agents.defaults;
    expect(defaults.modelPolicy.allow).toEqual(['anthropic/claude-opus-4-6', defaults.model.primary]);
  });

  it('the Anthropic key choice reads ANTHROPIC_API_KEY before a setup-token in ANTHROPIC_OAUTH_TOKEN', async () => {
    const { home } = makeTempHome();
    const run = await runCommand(['onboard', '--non-interactive', '--auth-choice', 'apiKey', '--json'], {
      home,
      env: { ANTHROPIC_OAUTH_TOKEN: fakeSecrets.setupToken(), ANTHROPIC_API_KEY: fakeSecrets.anthropicApiKey() },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).profiles[0]).toMatchObject({ profileId: 'anthropic:default', type: 'api_key' });
  });

  it("the Claude CLI setup renames claude-cli/ fallbacks with their models, and keeps a claude-cli/ default's model", async () => {
    const doc = {
      agents: {
        defaults: {
          model: {
            primary: 'claude-cli/claude-sonnet-4-6',
            fallbacks: ['claude-cli/claude-sonnet-4-6', 'openai/gpt-5.4'],
          },
          models: { 'claude-cli/claude-sonnet-4-6': {}, 'openai/gpt-5.4': {} },
        },
      },
    };
    const facts = claudeCliConfig({ primary: 'claude-cli/claude-sonnet-4-6', models: doc.agents.defaults.models });
    const { config } = await planOnDisk(doc, (current) => planFacts(current, facts, 'anthropic', 'keep'));
    expect(config.agents.defaults.model).toEqual({
      primary: 'anthropic/claude-sonnet-4-6',
      fallbacks: ['anthropic/claude-sonnet-4-6', 'openai/gpt-5.4'],
    });
    expect(Object.keys(config.agents.defaults.models)).not.toContain('claude-cli/claude-sonnet-4-6');
  });

  it("a custom endpoint cannot take a known provider's name, which would send that provider's stored credentials to it", async () => {
    const { home, configPath } = makeTempHome();
    // Providers without an auth choice count too (a plugin declares them: Gemini CLI's OAuth, Bedrock).
    for (const id of [
      'anthropic',
      'OpenAI',
      'ollama',
      'x-ai',
      'openai-codex',
      'github-copilot',
      'google-gemini-cli',
      'amazon-bedrock',
    ]) {
      const run = await runCommand(
        ['onboard', '--non-interactive', ...CUSTOM, '--custom-model-id', 'm1', '--custom-provider-id', id],
        { home, input: '' },
      );
      expect(run.code, id).toBe(64);
      expect(run.stderr, id).toContain(
        'is a provider OpenClaw knows, and its stored credentials would go to this endpoint',
      );
    }
    expect(() => readJson(configPath)).toThrow();
    const own = await runCommand(
      ['onboard', '--non-interactive', ...CUSTOM, '--custom-model-id', 'm1', '--custom-provider-id', 'my-proxy'],
      { home, input: '' },
    );
    expect(own.code).toBe(0);
    expect(Object.keys(readJson(configPath).models.providers)).toEqual(['my-proxy']);
  });

  it('--token-expires-in reads a bare number as days (as OpenClaw does), refuses zero, and is refused for an API key', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const now = Date.now();
    const days = await runCommand(
      ['onboard', '--non-interactive', '--auth-choice', 'setup-token', '--token-expires-in', '5'],
      { home, input: fakeSecrets.setupToken() },
    );
    expect(days.code).toBe(0);
    const expires = readJson(join(mainAgentDir, 'auth-profiles.json')).profiles['anthropic:default'].expires;
    expect(Math.round((expires - now) / 86_400_000)).toBe(5);
    const zero = await runCommand(
      [
        'onboard',
        '--non-interactive',
        '--auth-choice',
        'setup-token',
        '--token-expires-in',
        '0',
        '--token-profile-id',
        'z',
      ],
      { home, input: fakeSecrets.setupToken('z') },
    );
    expect([zero.code, zero.stderr]).toEqual([64, 'authdeck: --token-expires-in must be more than zero\n']);
    const key = await runCommand(
      ['onboard', '--non-interactive', '--auth-choice', 'deepseek-api-key', '--token-expires-in', '1s'],
      { home, input: fakeSecrets.deepseekKey() },
    );
    expect(key.code).toBe(64);
    expect(key.stderr).toContain('--token-expires-in is for a token');
    expect(readJson(join(mainAgentDir, 'auth-profiles.json')).profiles['deepseek:default']).toBeUndefined();
  });

  it('a base URL with a user or password is refused as a usage error that never shows the password', async () => {
    const { home, configPath } = makeTempHome();
    const url = 'http://admin:S3cretPassw0rd@127.0.0.1:9';
    for (const args of [
      ['--auth-choice', 'ollama', '--custom-base-url', url],
      ['--auth-choice', 'vllm', '--custom-base-url', `${url}/v1`, '--custom-model-id', 'm'],
      ['--auth-choice', 'custom-api-key', '--custom-base-url', `${url}/v1`, '--custom-model-id', 'm'],
      ['--auth-choice', 'copilot-proxy', '--custom-base-url', url],
      ['--auth-choice', 'litellm-api-key', '--custom-base-url', url],
    ]) {
      for (const json of [[], ['--json']]) {
        const run = await runCommand(['onboard', '--non-interactive', ...args, ...json], { home, input: 'k' });
        expect(run.code, args[1]).toBe(64);
        expect(run.stdout + run.stderr, args[1]).not.toContain('S3cret');
        expect(run.stdout + run.stderr, args[1]).toMatch(/user name or password|no query, fragment or user/);
      }
    }
    // However the URL is spelled: the parser takes `http:\\`, `http:/` and `http:`, and a password may hold anything.
    for (const typed of [
      'http:\\\\u:SECRET1@127.0.0.1:9/v1',
      'http:/u:SECRET2@127.0.0.1:9/v1',
      'http:u:SECRET3@127.0.0.1:9/v1',
      'http://u:SEC RET4@127.0.0.1:9/v1',
      'http://u:SEC#RET5@127.0.0.1:9/v1',
      'http://u:SEC/RET6@127.0.0.1:9/v1',
    ]) {
      for (const choice of [
        ['custom-api-key', '--custom-model-id', 'm'],
        ['ollama'],
        ['microsoft-foundry-apikey', '--custom-model-id', 'm'],
      ]) {
        const run = await runCommand(
          ['onboard', '--non-interactive', '--auth-choice', ...choice, '--custom-base-url', typed, '--json'],
          { home, input: 'k' },
        );
        expect(run.code, `${choice[0]} ${typed}`).toBe(64);
        expect(run.stdout + run.stderr, `${choice[0]} ${typed}`).not.toMatch(/SECRET|SEC RET|SEC#RET|SEC\/RET/);
      }
    }
    const bare = await runCommand(
      ['onboard', '--non-interactive', '--auth-choice', 'ollama', '--custom-base-url', 'admin@127.0.0.1:9'],
      { home, input: '' },
    );
    expect([bare.code, bare.stderr]).toEqual([64, expect.not.stringContaining('admin')]);
    expect(() => readJson(configPath)).toThrow();
  });

  it('an Azure host with a trailing dot is still Azure, a --custom-provider-id with no letter is refused, a runaway argument is not echoed whole', async () => {
    const { home, configPath } = makeTempHome();
    const azure = await runCommand(
      [
        'onboard',
        '--non-interactive',
        '--auth-choice',
        'custom-api-key',
        '--custom-base-url',
        'http://A.OPENAI.AZURE.COM./v1',
        '--custom-model-id',
        'm',
      ],
      { home, input: '' },
    );
    expect([azure.code, azure.stderr]).toEqual([64, expect.stringContaining('Azure endpoints need the URL rewrites')]);
    const stars = await runCommand(
      ['onboard', '--non-interactive', ...CUSTOM, '--custom-model-id', 'm', '--custom-provider-id', '***'],
      { home, input: '' },
    );
    expect([stars.code, stars.stderr]).toEqual([
      64,
      'authdeck: --custom-provider-id must include letters or numbers\n',
    ]);
    expect(() => readJson(configPath)).toThrow();
    for (const typed of ['x'.repeat(100_000), `a/${'x'.repeat(100_000)}`]) {
      const explained = await runCommand(['explain', typed], { home });
      expect(explained.code).toBe(64);
      expect(explained.stderr.length).toBeLessThan(400);
    }
  });
});
