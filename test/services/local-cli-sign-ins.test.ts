import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveWorkspace } from '../../src/services/config/workspace.js';
import { saveSignIn } from '../../src/services/oauth/oauth-profiles.js';
import { signIn } from '../../src/services/oauth/sign-in.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempHome, readJson, writeJsonFile } from '../helpers/temp-state.js';

/** A directory holding one fake program (a shell script), to put first on PATH. */
function fakeProgram(name: string, script: string): string {
  const dir = join(makeTempHome().home, 'bin');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), `#!/bin/sh\n${script}\n`);
  chmodSync(join(dir, name), 0o755);
  return dir;
}

const PATH = `:${process.env.PATH}`;

/** A Claude CLI that is signed in, unless a key in its environment would answer instead. */
const SIGNED_IN_CLAUDE = `[ "$1 $2 $3" = "auth status --json" ] || exit 2
[ -n "$ANTHROPIC_API_KEY$CLAUDE_CODE_OAUTH_TOKEN" ] && { echo '{"loggedIn":false}'; exit 1; }
echo '{"loggedIn":true,"authMethod":"claude.ai","email":"me@example.com"}'`;

describe('Anthropic: keep using the Claude CLI login (anthropic-cli, formerly claude-cli)', () => {
  it('asks the CLI with keys cleared from its environment, stores nothing, and routes the Claude models through it', async () => {
    const env = { PATH: fakeProgram('claude', SIGNED_IN_CLAUDE) + PATH, ANTHROPIC_API_KEY: 'sk-ant-x' };
    const signedIn = await signIn('claude-cli', undefined, { env, onPrompt: () => {} });
    expect(signedIn).toMatchObject({ kind: 'none', fields: { email: 'me@example.com' } });
    expect(signedIn.config?.slice(0, 2)).toEqual([
      { kind: 'plugin-enabled', pluginId: 'anthropic' },
      { kind: 'replace-models' },
    ]);
    expect(signedIn.config).toContainEqual({
      kind: 'model',
      ref: 'anthropic/claude-opus-5',
      entry: { agentRuntime: { id: 'claude-cli' } },
    });
    expect(signedIn.config?.at(-1)).toEqual({ kind: 'default-model', ref: 'anthropic/claude-opus-5' });
    const ws = makeTempHome();
    const workspace = await resolveWorkspace({ env: { HOME: ws.home, AUTHDECK_STORE_GENERATION: 'json' } });
    await expect(saveSignIn(workspace, 'anthropic-cli', signedIn)).rejects.toThrow('there is no profile to save');
  });

  it('in the CLI: keeps a Claude default (renaming claude-cli/ keys), leaves other providers’ models, and writes no profile', async () => {
    const temp = makeTempHome();
    writeJsonFile(temp.configPath, {
      agents: {
        defaults: {
          model: { primary: 'claude-cli/claude-sonnet-4-6' },
          models: { 'claude-cli/claude-sonnet-4-6': { alias: 'sonnet' }, 'openai/gpt-5.4': {} },
        },
      },
    });
    const env = { PATH: fakeProgram('claude', SIGNED_IN_CLAUDE) + PATH };
    const run = await runCli(['login', '--provider', 'anthropic-cli'], { home: temp.home, env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'The Claude CLI is signed in as me@example.com; it keeps its own login, so no credential is stored',
    );
    expect(run.stdout).toContain('default model: anthropic/claude-sonnet-4-6 (was claude-cli/claude-sonnet-4-6)');
    const config = readJson(temp.configPath);
    expect(config.agents.defaults.models).toEqual({
      'anthropic/claude-sonnet-4-6': { alias: 'sonnet', agentRuntime: { id: 'claude-cli' } },
      'openai/gpt-5.4': {},
      ...Object.fromEntries(
        Object.keys(config.agents.defaults.models)
          .filter((ref) => ref !== 'anthropic/claude-sonnet-4-6' && ref !== 'openai/gpt-5.4')
          .map((ref) => [ref, { agentRuntime: { id: 'claude-cli' } }]),
      ),
    });
    expect(config.agents.defaults.model).toEqual({ primary: 'anthropic/claude-sonnet-4-6' });
    expect(config.plugins.entries.anthropic.enabled).toBe(true);
    expect(readJson(temp.configPath).auth).toBeUndefined();
  });

  it('says what to run when the CLI is missing, not signed in, or answers nothing readable', async () => {
    const onPrompt = () => {};
    await expect(signIn('anthropic-cli', undefined, { env: { PATH: '/nonexistent' }, onPrompt })).rejects.toThrow(
      'the Claude CLI (claude) is not installed here',
    );
    const out = fakeProgram('claude', `echo '{"loggedIn":false}'; exit 1`);
    await expect(signIn('anthropic-cli', undefined, { env: { PATH: out + PATH }, onPrompt })).rejects.toThrow(
      'run `claude auth login` first',
    );
    const hung = fakeProgram('claude', 'sleep 10');
    await expect(signIn('anthropic-cli', undefined, { env: { PATH: hung + PATH }, onPrompt })).rejects.toThrow(
      'could not verify the Claude CLI login: run `claude auth status`',
    );
  });
});

/** An Azure CLI signed in to one subscription; `get-access-token` answers only the args OpenClaw sends. */
function fakeAz(tokenAnswer = `echo '{"accessToken":"eyJ-secret-token","expiresOn":"2030-01-01"}'`): string {
  return fakeProgram(
    'az',
    `case "$*" in
  "version --output none") exit 0 ;;
  "account show --output json") echo '{"id":"sub-1","name":"Dev","tenantId":"tenant-1","user":{"name":"me@example.com"}}' ;;
  "account list --output json --all") echo '[{"id":"sub-1","name":"Dev","tenantId":"tenant-1","state":"Enabled"},{"id":"sub-2","state":"Disabled"}]' ;;
  "account get-access-token --resource https://cognitiveservices.azure.com --output json --subscription sub-1") ${tokenAnswer} ;;
  *) echo "unexpected: $*" >&2; exit 3 ;;
esac`,
  );
}

describe('Microsoft Foundry with Entra ID (the Azure CLI login)', () => {
  const answers = ['https://acme.services.ai.azure.com/openai/v1?x=1', 'prod-gpt', 'gpt-5.4'];
  const ask = () => {
    const queue = [...answers];
    return async () => queue.shift() ?? '';
  };

  it('checks the az login and a token, then stores microsoft-foundry:entra with a marker (no secret) and its endpoint', async () => {
    const signedIn = await signIn('microsoft-foundry-entra', undefined, {
      env: { PATH: fakeAz() + PATH },
      onPrompt: () => {},
      ask: ask(),
    });
    expect(JSON.stringify(signedIn)).not.toContain('eyJ-secret-token');
    const temp = makeTempHome();
    const env = { HOME: temp.home, PATH: '/nonexistent', AUTHDECK_STORE_GENERATION: 'json' };
    const saved = await saveSignIn(await resolveWorkspace({ env }), 'microsoft-foundry-entra', signedIn);
    expect(saved.profileId).toBe('microsoft-foundry:entra');
    expect(readJson(join(temp.mainAgentDir, 'auth-profiles.json')).profiles['microsoft-foundry:entra']).toEqual({
      type: 'api_key',
      provider: 'microsoft-foundry',
      key: '__entra_id_dynamic__',
      metadata: {
        authMethod: 'entra-id',
        // As typed, as OpenClaw keeps it: the provider block below gets its root.
        endpoint: 'https://acme.services.ai.azure.com/openai/v1?x=1',
        modelId: 'prod-gpt',
        api: 'openai-responses',
        modelName: 'gpt-5.4',
        subscriptionId: 'sub-1',
        subscriptionName: 'Dev',
        tenantId: 'tenant-1',
      },
    });
    expect(signedIn.config).toContainEqual({
      kind: 'auth-order-first',
      provider: 'microsoft-foundry',
      profileId: 'microsoft-foundry:entra',
    });
    const provider = signedIn.config?.find((fact) => fact.kind === 'provider');
    expect(provider).toMatchObject({
      entry: {
        baseUrl: 'https://acme.services.ai.azure.com/openai/v1',
        api: 'openai-responses',
        models: [{ id: 'prod-gpt', name: 'gpt-5.4', contextWindow: 1_050_000, maxTokens: 128_000 }],
      },
    });
    expect(signedIn.config).toContainEqual({ kind: 'default-model', ref: 'microsoft-foundry/prod-gpt', entry: {} });
  });

  it('says to run az login when signed out, and shows a hostile az error escaped (never its stdout)', async () => {
    const signedOut = fakeProgram(
      'az',
      `[ "$1" = version ] && exit 0; echo "Please run 'az login' to setup account." >&2; exit 1`,
    );
    await expect(
      signIn('microsoft-foundry-entra', undefined, { env: { PATH: signedOut + PATH }, onPrompt: () => {}, ask: ask() }),
    ).rejects.toThrow('the Azure CLI is not signed in: run `az login --use-device-code`');
    const hostile = fakeAz(
      `echo '{"accessToken":"eyJ-leak"}' | head -c 0; printf 'AADSTS\\033]0;pwned\\007 denied' >&2; exit 1`,
    );
    const failure = signIn('microsoft-foundry-entra', undefined, {
      env: { PATH: hostile + PATH },
      onPrompt: () => {},
      ask: ask(),
    });
    await expect(failure).rejects.toThrow('the Azure CLI gave no token for Foundry: AADSTS\\x1b]0;pwned\\x07 denied');
  });
});
