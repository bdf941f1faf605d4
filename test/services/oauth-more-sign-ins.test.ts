import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveWorkspace } from '../../src/services/config/workspace.js';
import { saveSignIn } from '../../src/services/oauth/oauth-profiles.js';
import { findOAuthProvider, oauthEndpoint } from '../../src/services/oauth/oauth-providers.js';
import { refreshOAuthProfile } from '../../src/services/oauth/refresh.js';
import { signIn } from '../../src/services/oauth/sign-in.js';
import type { SignInOptions, SignInPrompt } from '../../src/services/oauth/sign-in-types.js';
import {
  type FakeAuthServer,
  followAuthorizeLink,
  freeLoopbackPort,
  startFakeAuthServer,
} from '../helpers/fake-oauth-server.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, readJson } from '../helpers/temp-state.js';

let server: FakeAuthServer;
const HOSTILE = 'nope\u001b]52;c;cm0gLXJmIH4=\u0007\u001b[2J';
const HOSTILE_SHOWN = 'nope\\x1b]52;c;cm0gLXJmIH4=\\x07\\x1b[2J';

/** A sign-in against the fake server; the person's answers scripted, polling without waits. */
function start(provider: string, extra: Partial<SignInOptions> = {}) {
  const prompts: SignInPrompt[] = [];
  const sleeps: number[] = [];
  const result = signIn(provider, undefined, {
    onPrompt: (prompt) => prompts.push(prompt),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
    env: { ...server.env, ...extra.env },
  });
  return { result, prompts, sleeps };
}

/** A browser sign-in whose person follows the link as soon as it is shown. */
async function browserSignIn(provider: string, env: Record<string, string> = {}) {
  const port = await freeLoopbackPort();
  const run = start(provider, { env: { AUTHDECK_OAUTH_CALLBACK_PORT: String(port), ...env } });
  // A refusal may settle while the browser is still being followed: the test reads it after.
  run.result.catch(() => {});
  await until(() => run.prompts.length > 0);
  const link = (run.prompts[0] as { url: string }).url;
  return { ...run, link, status: await followAuthorizeLink(link) };
}

async function jsonWorkspace() {
  const temp = makeTempHome();
  const env = { HOME: temp.home, PATH: '/nonexistent', AUTHDECK_STORE_GENERATION: 'json' };
  return { ...temp, workspace: await resolveWorkspace({ env }), store: join(temp.mainAgentDir, 'auth-profiles.json') };
}

describe('OpenRouter (PKCE that issues an API key)', () => {
  it('stores the issued key as openrouter:default (api_key, metadata, display name) and names its config', async () => {
    server = await startFakeAuthServer();
    const { result, link, status } = await browserSignIn('openrouter-oauth');
    const url = new URL(link);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(new URL(url.searchParams.get('callback_url') ?? '').pathname).toBe('/openrouter-oauth/callback');
    expect(status).toBe(200);
    const signedIn = await result;
    const ws = await jsonWorkspace();
    const saved = await saveSignIn(ws.workspace, 'openrouter-oauth', signedIn);
    expect(saved.profileId).toBe('openrouter:default');
    expect(readJson(ws.store).profiles['openrouter:default']).toEqual({
      type: 'api_key',
      provider: 'openrouter',
      key: signedIn.secret,
      displayName: 'OpenRouter user_or_1',
      metadata: { authFlow: 'oauth-pkce', userId: 'user_or_1' },
    });
    expect(signedIn.secret).toMatch(/^sk-or-v1-/);
    expect(readJson(ws.configPath).auth.profiles['openrouter:default']).toEqual({
      provider: 'openrouter',
      mode: 'api_key',
      displayName: 'OpenRouter user_or_1',
    });
    expect(signedIn.config).toEqual([
      { kind: 'plugin-enabled', pluginId: 'openrouter' },
      { kind: 'model', ref: 'openrouter/auto', entry: { alias: 'OpenRouter' }, keepAlias: true },
      { kind: 'default-model', ref: 'openrouter/auto' },
    ]);
  });

  it('says so when the person denies it, and shows a hostile refusal of the key exchange escaped', async () => {
    server = await startFakeAuthServer();
    server.authorizeRedirectError = 'access_denied';
    const denied = await browserSignIn('openrouter-oauth');
    await expect(denied.result).rejects.toThrow('OpenRouter sign-in failed: access_denied');
    server.authorizeRedirectError = undefined;
    server.keyError = HOSTILE;
    const refused = await browserSignIn('openrouter-oauth');
    await expect(refused.result).rejects.toThrow(`OpenRouter refused the key exchange (HTTP 403): ${HOSTILE_SHOWN}`);
  });
});

describe('MiniMax (its own user-code device flow)', () => {
  it.each([
    ['minimax-global-oauth', 'Global'],
    ['minimax-cn-oauth', 'CN'],
  ])('%s stores minimax-portal:default (oauth) with the provider config OpenClaw writes', async (provider) => {
    server = await startFakeAuthServer();
    server.device.pending = 2;
    const { result, prompts, sleeps } = start(provider);
    const signedIn = await result;
    expect(prompts[0]).toMatchObject({ kind: 'device', userCode: 'MM-1234' });
    expect(sleeps.every((ms) => ms >= 2000)).toBe(true);
    expect(signedIn).toMatchObject({ kind: 'oauth', fields: { authFlow: 'device-code' }, notes: ['me@example.com'] });
    expect(signedIn.fields.refresh).toMatch(/^mm-rt-/);
    const ws = await jsonWorkspace();
    expect((await saveSignIn(ws.workspace, provider, signedIn)).profileId).toBe('minimax-portal:default');
    expect(readJson(ws.store).profiles['minimax-portal:default']).toMatchObject({
      type: 'oauth',
      provider: 'minimax-portal',
    });
    expect(signedIn.config).toContainEqual({
      kind: 'provider',
      providerId: 'minimax-portal',
      entry: { baseUrl: 'https://api.minimax.io/anthropic', api: 'anthropic-messages', authHeader: true, models: [] },
    });
    expect(signedIn.config).toContainEqual({ kind: 'default-model', ref: 'minimax-portal/MiniMax-M3' });
    // OpenClaw 2026.9.6 has no refresh for these tokens: authdeck does not invent one.
    await expect(
      refreshOAuthProfile(ws.workspace, 'minimax-portal:default', { env: server.env, force: true }),
    ).rejects.toThrow('authdeck cannot refresh minimax-portal sign-ins');
  });

  it.each([
    ['minimax-global-oauth', 'https://account.minimax.io', 'https://api.minimax.io/anthropic'],
    ['minimax-cn-oauth', 'https://account.minimaxi.com', 'https://api.minimaxi.com/anthropic'],
  ])(
    "%s signs in at OpenClaw's hosts, and without a resource_url uses its API host",
    async (provider, account, api) => {
      const info = findOAuthProvider(provider)!;
      expect(oauthEndpoint(info, 'deviceCode', {})).toBe(`${account}/oauth2/device/code`);
      expect(oauthEndpoint(info, 'token', {})).toBe(`${account}/oauth2/token`);
      server = await startFakeAuthServer();
      server.minimax.noResourceUrl = true;
      const signedIn = await start(provider).result;
      expect(signedIn.config).toContainEqual(
        expect.objectContaining({ kind: 'provider', entry: expect.objectContaining({ baseUrl: api }) }),
      );
    },
  );

  it('ends on an error status, an expired code, another sign-in’s state, and escapes a hostile refusal', async () => {
    server = await startFakeAuthServer();
    server.device.error = 'access_denied';
    await expect(start('minimax-global-oauth').result).rejects.toThrow('MiniMax ended the sign-in with an error');
    server.device.error = undefined;
    server.minimax.codeLifetimeMs = -1000;
    await expect(start('minimax-global-oauth').result).rejects.toThrow('the code expired before it was entered');
    server.minimax = { wrongState: true };
    await expect(start('minimax-global-oauth').result).rejects.toThrow('MiniMax answered for another sign-in');
    server.minimax = { refusal: HOSTILE };
    await expect(start('minimax-cn-oauth').result).rejects.toThrow(`MiniMax refused the sign-in: ${HOSTILE_SHOWN}`);
  });
});

describe('Chutes (the person’s own OAuth app)', () => {
  it('signs in with CHUTES_CLIENT_ID, stores chutes:<username> with the client id, and refreshes with it', async () => {
    server = await startFakeAuthServer();
    server.answer.email = 'chutes-me';
    const { result, link, status } = await browserSignIn('chutes', { CHUTES_CLIENT_ID: 'cid_mine' });
    expect(new URL(link).searchParams.get('client_id')).toBe('cid_mine');
    expect(new URL(link).searchParams.get('scope')).toBe('openid profile chutes:invoke');
    expect(status).toBe(200);
    const signedIn = await result;
    expect(signedIn.fields).toMatchObject({ email: 'chutes-me', accountId: 'chutes-user-1', clientId: 'cid_mine' });
    // Stored as expiring 5 minutes before the hour the server gave.
    expect(signedIn.expiresAt).toBeLessThanOrEqual(Date.now() + 3_300_000);
    expect(signedIn.config).toContainEqual({ kind: 'default-model', ref: 'chutes/zai-org/GLM-5.2-TEE' });
    const ws = await jsonWorkspace();
    const saved = await saveSignIn(ws.workspace, 'chutes', signedIn);
    expect(saved.profileId).toBe('chutes:chutes-me');
    const env = { ...server.env, CHUTES_CLIENT_SECRET: 'cs_mine' };
    expect((await refreshOAuthProfile(ws.workspace, 'chutes:chutes-me', { env, force: true })).status).toBe(
      'refreshed',
    );
    expect(server.lastTokenForm).toMatchObject({
      grant_type: 'refresh_token',
      client_id: 'cid_mine',
      client_secret: 'cs_mine',
    });
  });

  it('asks for the client id when the variable is unset, names the variable in a script, and reports a denial', async () => {
    server = await startFakeAuthServer();
    await expect(start('chutes').result).rejects.toThrow('Chutes OAuth client id: set CHUTES_CLIENT_ID');
    const asked: string[] = [];
    const run = start('chutes', {
      env: { AUTHDECK_OAUTH_CALLBACK_PORT: String(await freeLoopbackPort()) },
      ask: async (question) => {
        asked.push(question.message);
        return 'cid_typed';
      },
    });
    await until(() => run.prompts.length > 0);
    expect(asked).toEqual(['Chutes OAuth client id']);
    server.authorizeRedirectError = 'access_denied';
    const expectation = expect(run.result).rejects.toThrow('Chutes sign-in failed: access_denied');
    await followAuthorizeLink((run.prompts[0] as { url: string }).url);
    await expectation;
  });
});

describe('GitHub Copilot on a GitHub Enterprise host', () => {
  it('signs in on the host asked for, slows down when told, and stores github-copilot:github with the host', async () => {
    server = await startFakeAuthServer();
    server.device.slowDown = 1;
    const { result, sleeps } = start('github-copilot-enterprise', { ask: async () => ' Acme.GHE.com ' });
    const signedIn = await result;
    expect(sleeps).toEqual([1000, 6000, 6000]);
    expect(signedIn).toMatchObject({ kind: 'token', suggestedName: 'github' });
    expect(signedIn.config).toContainEqual({
      kind: 'provider',
      providerId: 'github-copilot',
      entry: { params: { githubDomain: 'acme.ghe.com' } },
    });
  });

  it('refuses github.com and hosts that are no tenant (escaped), a page on another host, an expired code', async () => {
    server = await startFakeAuthServer();
    const withHost = (host: string) =>
      start('github-copilot-enterprise', { env: { COPILOT_GITHUB_DOMAIN: host } }).result;
    await expect(withHost('github.com')).rejects.toThrow('authdeck login --provider github-copilot');
    await expect(withHost('api.acme.ghe.com/\u001b[2J')).rejects.toThrow('"api.acme.ghe.com/\\x1b[2J" is not a GitHub');
    server.answer.verificationUri = 'https://evil.example/login/device';
    await expect(withHost('acme.ghe.com')).rejects.toThrow('a verification page on another host: not shown');
    server.answer.verificationUri = undefined;
    server.device.error = 'expired_token';
    await expect(withHost('acme.ghe.com')).rejects.toThrow('the code expired before it was entered');
  });
});

describe('in the CLI', () => {
  it('signs in to Copilot on the host COPILOT_GITHUB_DOMAIN names, saves it, and writes the host and plugin to openclaw.json as OpenClaw does', async () => {
    server = await startFakeAuthServer();
    const temp = makeTempHome();
    const env = { ...server.env, COPILOT_GITHUB_DOMAIN: 'acme.ghe.com' };
    const run = await runCommand(['login', '--provider', 'github-copilot-enterprise'], {
      home: temp.home,
      env,
      quickPolls: true,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('WDJB-MJHT');
    expect(run.stdout).toContain('Signed in: saved github-copilot:github (token)');
    expect(run.stdout).toContain('enabled the github-copilot plugin; set models.mode, models.providers.github-copilot');
    const config = readJson(join(temp.home, '.openclaw', 'openclaw.json'));
    expect(config.models.providers['github-copilot']).toMatchObject({ params: { githubDomain: 'acme.ghe.com' } });
    expect(readJson(join(temp.mainAgentDir, 'auth-profiles.json')).profiles['github-copilot:github']).toMatchObject({
      type: 'token',
      provider: 'github-copilot',
    });
  });
});

describe('Radius (device code, organization chosen on its page)', () => {
  it('stores radius:default, picks radius/balanced from the catalog, and refreshes as pi-gateway', async () => {
    server = await startFakeAuthServer();
    server.device.slowDown = 1;
    const { result, sleeps } = start('radius');
    const signedIn = await result;
    expect(sleeps[1]).toBe(sleeps[0]! + 5000);
    expect(signedIn.config).toEqual([
      { kind: 'plugin-enabled', pluginId: 'radius' },
      { kind: 'model', ref: 'radius/balanced', entry: {} },
      { kind: 'default-model', ref: 'radius/balanced' },
    ]);
    // A minute early, as OpenClaw stores it.
    expect(signedIn.expiresAt).toBeLessThanOrEqual(Date.now() + 3_540_000);
    const ws = await jsonWorkspace();
    expect((await saveSignIn(ws.workspace, 'radius', signedIn)).profileId).toBe('radius:default');
    await refreshOAuthProfile(ws.workspace, 'radius:default', { env: server.env, force: true });
    expect(server.lastTokenForm).toMatchObject({ grant_type: 'refresh_token', client_id: 'pi-gateway' });
  });

  it('ends when the person denies it, and shows no page of another host', async () => {
    server = await startFakeAuthServer();
    server.device.error = 'access_denied';
    await expect(start('radius').result).rejects.toThrow('the sign-in was denied on the verification page');
    server.device.error = undefined;
    server.answer.verificationUri = 'https://radius.earendil.com.evil.example/pair';
    const run = start('radius');
    await expect(run.result).rejects.toThrow('not shown');
    expect(run.prompts).toEqual([]);
  });
});

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 10));
  }
}
