import { describe, expect, it } from 'vitest';
import { startFakeAuthServer } from '../helpers/fake-oauth-server.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, mergeJsonFile, readJson } from '../helpers/temp-state.js';

// Found in an adversarial run: ways past the refusal OpenClaw's onboarding gives for a plugin
// the config blocks ("blocked by denylist"), and an expiry OpenClaw reads as invalid.

const SQLITE = { AUTHDECK_STORE_GENERATION: undefined, PATH: '/nonexistent' };
/** What the fixture's store holds: a refused command leaves it so. */
const FIXTURE_PROFILES = ['anthropic:manual'];

/** A home of OpenClaw 2026.9 whose openclaw.json has this `plugins` section. */
function homeWithPlugins(plugins: Record<string, unknown>) {
  const temp = makeTempHome();
  installOpenclawFixture('a-v9-shared-fresh', temp.stateDir);
  mergeJsonFile(temp.configPath, { plugins });
  return { ...temp, before: readJson(temp.configPath) };
}

async function profileIds(home: string): Promise<string[]> {
  const run = await runCommand(['status', '--json'], { home, env: SQLITE });
  return (JSON.parse(run.stdout) as { profiles: Array<{ id: string }> }).profiles.map((profile) => profile.id);
}

describe('a sign-in for a provider whose plugin the config blocks', () => {
  it('is refused before the sign-in starts: no device code asked for, nothing saved', async () => {
    const server = await startFakeAuthServer();
    const { home, configPath, before } = homeWithPlugins({ deny: ['github-copilot'] });
    const run = await runCommand(['login', '--provider', 'github-copilot', '--method', 'device'], {
      home,
      env: { ...SQLITE, ...server.env },
    });
    await server.close();
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^authdeck: nothing saved: the github-copilot plugin is denied \(plugins\.deny/);
    expect(run.stderr).not.toContain('code');
    expect(server.polls).toBe(0);
    expect(readJson(configPath)).toEqual(before);
    expect(await profileIds(home)).toEqual(FIXTURE_PROFILES);
  });

  it("the Claude CLI's login, which the anthropic plugin serves, is refused too", async () => {
    const { home, configPath, before } = homeWithPlugins({ allow: ['openai'] });
    const run = await runCommand(['login', '--provider', 'anthropic-cli'], { home, env: SQLITE });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nothing saved: the anthropic plugin is not in plugins.allow');
    expect(readJson(configPath)).toEqual(before);
  });
});

describe('an allow list without the plugin and its entry switched off as well', () => {
  it('onboarding is refused for the allow list, as OpenClaw refuses it, and nothing is written', async () => {
    const { home, configPath, before } = homeWithPlugins({
      allow: ['anthropic'],
      entries: { openrouter: { enabled: false } },
    });
    const run = await runCommand(['onboard', '--non-interactive', '--auth-choice', 'openrouter-api-key'], {
      home,
      env: SQLITE,
      input: fakeSecrets.openrouterKey(),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nothing saved: the openrouter plugin is not in plugins.allow');
    expect(readJson(configPath)).toEqual(before);
    expect(await profileIds(home)).toEqual(FIXTURE_PROFILES);
  });
});

describe('onboarding choices that name no plugin of their own, or look for a server first', () => {
  it('--auth-choice token is refused for the provider its --token-provider names', async () => {
    const { home, configPath, before } = homeWithPlugins({ deny: ['anthropic'] });
    const run = await runCommand(
      ['onboard', '--non-interactive', '--auth-choice', 'token', '--token-provider', 'anthropic'],
      { home, env: SQLITE, input: fakeSecrets.setupToken() },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nothing saved: the anthropic plugin is denied');
    expect(readJson(configPath)).toEqual(before);
    expect(await profileIds(home)).toEqual(FIXTURE_PROFILES);
  });

  it('a local server (vLLM with its model named, Ollama) is refused before it is looked for', async () => {
    const { home, configPath, before } = homeWithPlugins({ deny: ['vllm', 'ollama'] });
    const vllm = await runCommand(
      [
        'onboard',
        '--non-interactive',
        '--auth-choice',
        'vllm',
        '--custom-base-url',
        'http://127.0.0.1:9/v1',
        '--custom-model-id',
        'm',
      ],
      { home, env: SQLITE, input: 'x' },
    );
    expect(vllm.code).toBe(1);
    expect(vllm.stderr).toContain('nothing saved: the vllm plugin is denied');
    const ollama = await runCommand(
      ['onboard', '--non-interactive', '--auth-choice', 'ollama', '--custom-base-url', 'http://127.0.0.1:9'],
      { home, env: SQLITE },
    );
    expect(ollama.code).toBe(1);
    expect(ollama.stderr.trim()).toMatch(/^authdeck: nothing saved: the ollama plugin is denied/);
    expect(readJson(configPath)).toEqual(before);
    expect(await profileIds(home)).toEqual(FIXTURE_PROFILES);
  });
});

describe('a token lifetime that puts its expiry past what OpenClaw accepts', () => {
  it('is refused with one line (OpenClaw would read the stored expiry as invalid)', async () => {
    const { home } = homeWithPlugins({});
    for (const args of [
      ['paste-token', '--provider', 'anthropic', '--expires-in', '999999999d'],
      ['onboard', '--non-interactive', '--auth-choice', 'token', '--token-provider', 'anthropic'],
    ]) {
      const run = await runCommand(args[0] === 'onboard' ? [...args, '--token-expires-in', '999999999d'] : args, {
        home,
        env: SQLITE,
        input: fakeSecrets.setupToken(),
      });
      expect(run.code).toBe(64);
      expect(run.stderr.trim()).toMatch(/^authdeck: --(token-)?expires-in: "999999999d" is longer than 100 years/);
    }
    expect(await profileIds(home)).toEqual(FIXTURE_PROFILES);
  });
});

describe('a plugins section of the wrong type', () => {
  it('is an error in doctor (OpenClaw refuses the whole config), not a healthy report', async () => {
    const { home } = homeWithPlugins({ deny: 'anthropic', entries: { openai: { enabled: 'yes' } } });
    const run = await runCommand(['doctor', '--json'], { home, env: SQLITE });
    expect(run.code).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ code: string; subject: string; problem: string }> })
      .findings;
    // The setting is the subject; the problem does not say it a second time ("✘ plugins.deny: plugins.deny: …").
    expect(
      findings.filter((finding) => finding.code === 'plugin-policy-invalid').map((f) => [f.subject, f.problem]),
    ).toEqual([
      ['plugins.deny', expect.stringMatching(/^a string, not a list of plugin ids \(in .*openclaw\.json\)$/)],
      ['plugins.entries.openai.enabled', expect.stringMatching(/^a string, not true or false/)],
    ]);
  });
});
