import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakeAuthServer } from '../helpers/fake-oauth-server.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, mergeJsonFile, readJson } from '../helpers/temp-state.js';

// OpenClaw 2026.9 runs OpenAI's models through its Codex runtime, from the external `codex`
// plugin (README "Providers"); the interop suite checks the same against OpenClaw itself.

const SQLITE = { AUTHDECK_STORE_GENERATION: undefined, PATH: '/nonexistent' };
const MISSING = 'openai: the codex plugin is not installed, so the gateway cannot run its models';

/** A 2026.9 home with an OpenAI key, OpenAI in use (OpenClaw's built-in default model). */
async function openaiHome() {
  const temp = makeTempHome();
  installOpenclawFixture('a-v9-shared-fresh', temp.stateDir);
  const saved = await runCommand(['add-key', '--provider', 'openai'], {
    home: temp.home,
    env: SQLITE,
    input: fakeSecrets.openaiKey(),
  });
  return { ...temp, saved };
}

/** Where `openclaw plugins install @openclaw/codex` puts the package. */
function installCodex(stateDir: string): void {
  mkdirSync(join(stateDir, 'npm', 'projects', 'openclaw-codex-1', 'node_modules', '@openclaw', 'codex'), {
    recursive: true,
  });
}

describe('OpenAI on OpenClaw 2026.9: the Codex runtime plugin', () => {
  it('a key saved without it says so with the install command; status --check fails, as OpenClaw’s does, until it is there', async () => {
    const { home, stateDir, saved } = await openaiHome();
    expect(saved.code).toBe(0);
    expect(saved.stderr).toContain(
      'warning: the gateway cannot run openai models until the codex plugin is installed (OpenClaw runs OpenAI models through its Codex runtime, which this plugin brings):\n  openclaw plugins install @openclaw/codex\n',
    );
    const check = await runCommand(['status', '--check'], { home, env: SQLITE });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`! ${MISSING}; fix: \`openclaw plugins install @openclaw/codex\``);
    expect(check.stderr).toContain(`check: ${MISSING}`);
    const doctor = await runCommand(['doctor', '--json'], { home, env: SQLITE });
    expect(JSON.parse(doctor.stdout).findings).toContainEqual(
      expect.objectContaining({ code: 'plugin-not-installed', severity: 'error', subject: 'openai' }),
    );

    installCodex(stateDir);
    const fine = await runCommand(['status', '--check'], { home, env: SQLITE });
    expect(fine.code).toBe(0);
    expect(fine.stdout).not.toContain('codex');
  });

  it.each([
    ['a custom endpoint', { models: { providers: { openai: { baseUrl: 'http://127.0.0.1:9/v1', models: [] } } } }],
    [
      'Chat Completions at OpenAI',
      {
        models: {
          providers: { openai: { baseUrl: 'https://api.openai.com/v1', api: 'openai-completions', models: [] } },
        },
      },
    ],
    [
      'the model on its own runtime',
      { agents: { defaults: { models: { 'openai/gpt-6-astra': { agentRuntime: { id: 'openclaw' } } } } } },
    ],
    [
      'every OpenAI model on its own runtime',
      { agents: { defaults: { models: { 'openai/*': { agentRuntime: { id: 'pi' } } } } } },
    ],
  ])('is not asked for where OpenClaw runs OpenAI elsewhere: %s', async (_name, routes) => {
    const { home, configPath } = await openaiHome();
    mergeJsonFile(configPath, routes);
    const check = await runCommand(['status', '--check'], { home, env: SQLITE });
    expect(check.stdout).not.toContain('codex');
    expect(check.code).toBe(0);
  });

  it.each([
    [
      'auto on the model',
      { agents: { defaults: { models: { 'openai/gpt-6-astra': { agentRuntime: { id: 'auto' } } } } } },
    ],
    ['codex on the provider', { models: { providers: { openai: { agentRuntime: { id: 'codex' }, models: [] } } } }],
    [
      'its own runtime on a model not in use',
      { agents: { defaults: { models: { 'openai/gpt-4.1': { agentRuntime: { id: 'openclaw' } } } } } },
    ],
  ])('is still asked for where the config leaves OpenAI on Codex: %s', async (_name, routes) => {
    const { home, configPath } = await openaiHome();
    mergeJsonFile(configPath, routes);
    const check = await runCommand(['status', '--check'], { home, env: SQLITE });
    expect(check.stderr).toContain(`check: ${MISSING}`);
    expect(check.code).toBe(1);
  });

  it('blocked by the config: the save names the block, not an install; the check fails as OpenClaw’s does', async () => {
    const temp = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', temp.stateDir);
    installCodex(temp.stateDir);
    mergeJsonFile(temp.configPath, { plugins: { deny: ['codex'] } });
    const onboard = await runCommand(['onboard', '--non-interactive', '--auth-choice', 'openai-api-key'], {
      home: temp.home,
      env: SQLITE,
      input: fakeSecrets.openaiKey(),
    });
    expect(onboard.stdout).toContain('Saved openai:api-key');
    expect(onboard.stdout + onboard.stderr).toContain(
      'openai: the codex plugin is denied, so the gateway cannot run its models; fix: remove codex from plugins.deny',
    );
    expect(onboard.stdout + onboard.stderr).not.toContain('plugins install');
    expect(onboard.code).toBe(1);
    const check = await runCommand(['status', '--check'], { home: temp.home, env: SQLITE });
    expect(check.code).toBe(1);
    // add-key asks the same question and gives the same answer (a warning: the key is saved as asked).
    const added = await runCommand(['add-key', '--provider', 'openai', '--profile-id', 'second'], {
      home: temp.home,
      env: SQLITE,
      input: fakeSecrets.openaiKey(),
    });
    expect(added.stderr).toContain(
      'warning: openai: the codex plugin is denied, so the gateway cannot run its models; fix: remove codex from plugins.deny',
    );
    expect(added.code).toBe(0);
  });

  it('plugins switched off altogether: the check fails for OpenAI in use, as OpenClaw’s does', async () => {
    const { home, configPath } = await openaiHome();
    mergeJsonFile(configPath, { plugins: { enabled: false } });
    const check = await runCommand(['status', '--check'], { home, env: SQLITE });
    expect(check.code).toBe(1);
  });

  it('a plugins section OpenClaw rejects: a save is refused before anything is written', async () => {
    const temp = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', temp.stateDir);
    mergeJsonFile(temp.configPath, { plugins: 'off' });
    const before = readJson(temp.configPath);
    const run = await runCommand(['add-key', '--provider', 'openai'], {
      home: temp.home,
      env: SQLITE,
      input: fakeSecrets.openaiKey(),
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(
      /^authdeck: nothing saved: OpenClaw will not start on .*openclaw\.json: plugins: a string, not an object/,
    );
    expect(readJson(temp.configPath)).toEqual(before);
  });

  it('a ChatGPT sign-in names it too', async () => {
    const server = await startFakeAuthServer();
    const temp = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', temp.stateDir);
    const run = await runCommand(['login', '--provider', 'openai', '--method', 'device'], {
      home: temp.home,
      env: { ...SQLITE, ...server.env },
      quickPolls: true,
    });
    await server.close();
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('the gateway cannot run openai models until the codex plugin is installed');
    expect(run.stderr).toContain('  openclaw plugins install @openclaw/codex\n');
  });
});
