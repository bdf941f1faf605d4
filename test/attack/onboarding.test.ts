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
});
