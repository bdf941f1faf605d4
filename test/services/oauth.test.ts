import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveWorkspace } from '../../src/services/config/workspace.js';
import { checkPastedRedirect } from '../../src/services/oauth/loopback.js';
import { saveSignIn } from '../../src/services/oauth/oauth-profiles.js';
import { refreshOAuthProfile } from '../../src/services/oauth/refresh.js';
import { signIn } from '../../src/services/oauth/sign-in.js';
import type { SignInPrompt } from '../../src/services/oauth/sign-in-types.js';
import { openAgentStore } from '../../src/services/store/agent-store.js';
import { oauthRefreshLockPath } from '../../src/services/store/refresh-lock-path.js';
import {
  type FakeAuthServer,
  followAuthorizeLink,
  freeLoopbackPort,
  startFakeAuthServer,
} from '../helpers/fake-oauth-server.js';
import { installOpenclawFixture, readCell } from '../helpers/openclaw-fixtures.js';
import { makeTempHome, readJson } from '../helpers/temp-state.js';

let server: FakeAuthServer;

/** The person at the browser or on the verification page, scripted; polling runs without waits. */
async function signInWith(
  provider: string,
  method: 'browser' | 'device',
  extra: { env?: Record<string, string> } = {},
) {
  const prompts: SignInPrompt[] = [];
  const sleeps: number[] = [];
  const result = signIn(provider, method, {
    env: { ...server.env, ...extra.env },
    onPrompt: (prompt) => prompts.push(prompt),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { result, prompts, sleeps };
}

async function jsonWorkspace() {
  const temp = makeTempHome();
  return {
    ...temp,
    workspace: await resolveWorkspace({
      env: { HOME: temp.home, PATH: '/nonexistent', AUTHDECK_STORE_GENERATION: 'json' },
    }),
  };
}

describe('browser sign-in (OpenAI, PKCE with a loopback redirect)', () => {
  it('signs in when the browser comes back to the listener, and reads the account from the token', async () => {
    server = await startFakeAuthServer();
    const port = await freeLoopbackPort();
    const { result, prompts } = await signInWith('openai', 'browser', {
      env: { AUTHDECK_OAUTH_CALLBACK_PORT: String(port) },
    });
    await until(() => prompts.length > 0);
    const link = new URL((prompts[0] as { url: string }).url);
    expect(link.searchParams.get('code_challenge_method')).toBe('S256');
    expect(link.searchParams.get('redirect_uri')).toBe(`http://localhost:${port}/auth/callback`);
    expect(link.searchParams.get('client_id')).toBe('app_EMoamEEZ73f0CkXaXp7hrann');
    expect(await followAuthorizeLink(link.toString())).toBe(200);
    const signedIn = await result;
    expect(signedIn).toMatchObject({
      kind: 'oauth',
      suggestedName: 'me@example.com',
      fields: { accountId: 'acct-123', email: 'me@example.com', chatgptPlanType: 'plus' },
    });
    expect(signedIn.fields.refresh).toMatch(/^rt-/);
    // The listener answered once and is gone.
    await expect(fetch(`http://127.0.0.1:${port}/auth/callback?code=x&state=y`)).rejects.toThrow();
  });

  it('turns away a redirect with another state, and a malformed request, and still takes the real one', async () => {
    server = await startFakeAuthServer();
    const port = await freeLoopbackPort();
    const { result, prompts } = await signInWith('openai-codex', 'browser', {
      env: { AUTHDECK_OAUTH_CALLBACK_PORT: String(port) },
    });
    await until(() => prompts.length > 0);
    // An old tab, or any page pointing an <img> at the port: another state.
    const stray = await fetch(`http://127.0.0.1:${port}/auth/callback?code=x&state=y`);
    expect(stray.status).toBe(400);
    expect(await stray.text()).toContain('This address belongs to another sign-in');
    expect(await followAuthorizeLink((prompts[0] as { url: string }).url, true)).toBe(400);
    // A request line no URL parser takes: answered, not a crash.
    const raw = await new Promise<string>((done) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk;
        socket.destroy();
        done(text);
      });
      socket.on('close', () => done(text));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(await followAuthorizeLink((prompts[0] as { url: string }).url)).toBe(200);
    expect(await result).toMatchObject({ kind: 'oauth', fields: { accountId: 'acct-123' } });
  });

  it('says the sign-in was denied when the provider redirects with an error', async () => {
    server = await startFakeAuthServer();
    server.authorizeRedirectError = 'access_denied\u001b]0;pwned\u0007';
    const port = await freeLoopbackPort();
    const { result, prompts } = await signInWith('openai', 'browser', {
      env: { AUTHDECK_OAUTH_CALLBACK_PORT: String(port) },
    });
    await until(() => prompts.length > 0);
    const expectation = expect(result).rejects.toThrow(/^OpenAI sign-in failed: access_denied\\x1b\]0;pwned\\x07$/);
    expect(await followAuthorizeLink((prompts[0] as { url: string }).url)).toBe(400);
    await expectation;
  });

  it('names the taken port, and still signs in by a pasted redirect when the port is taken', async () => {
    server = await startFakeAuthServer();
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = (blocker.address() as { port: number }).port;
    try {
      const env = { ...server.env, AUTHDECK_OAUTH_CALLBACK_PORT: String(port) };
      await expect(signIn('openai', 'browser', { env, onPrompt: () => {} })).rejects.toThrow(
        `port ${port} on 127.0.0.1 is taken`,
      );
      let paste!: (text: string) => void;
      const prompts: SignInPrompt[] = [];
      const result = signIn('openai', 'browser', {
        env,
        onPrompt: (prompt) => prompts.push(prompt),
        pastedRedirect: new Promise((resolve) => {
          paste = resolve;
        }),
      });
      await until(() => prompts.length > 0);
      expect(prompts[0]).toMatchObject({
        portProblem: expect.stringContaining(`port ${port} on 127.0.0.1 is taken`),
      });
      // The browser on another machine ends on a page that cannot load; the person copies its address.
      const first = await fetch((prompts[0] as { url: string }).url, { redirect: 'manual' });
      paste(`  ${first.headers.get('location')}\n`);
      expect(await result).toMatchObject({ kind: 'oauth', fields: { accountId: 'acct-123' } });
    } finally {
      blocker.close();
    }
  });
});

describe('xAI in the browser (OpenClaw 2026.5’s flow)', () => {
  it('sends the person to the published authorize endpoint and comes back to 127.0.0.1:<port>/callback', async () => {
    server = await startFakeAuthServer();
    const port = await freeLoopbackPort();
    const { result, prompts } = await signInWith('xai', 'browser', {
      env: { AUTHDECK_OAUTH_CALLBACK_PORT: String(port) },
    });
    await until(() => prompts.length > 0);
    const link = new URL((prompts[0] as { url: string }).url);
    expect(link.origin + link.pathname).toBe(`${server.origin}/oauth/authorize`);
    expect(link.searchParams.get('redirect_uri')).toBe(`http://127.0.0.1:${port}/callback`);
    expect(link.searchParams.get('client_id')).toBe('b1a00492-073a-47ea-816f-4c329264a828');
    expect(link.searchParams.get('plan')).toBe('generic');
    expect(await followAuthorizeLink(link.toString())).toBe(200);
    const signedIn = await result;
    expect(signedIn).toMatchObject({
      kind: 'oauth',
      suggestedName: 'me@example.com',
      fields: { email: 'me@example.com', tokenEndpoint: `${server.origin}/oauth/token`, issuer: 'https://auth.x.ai' },
    });
    expect(signedIn.fields.authFlow).toBeUndefined();
  });
});

describe('device sign-in', () => {
  it('OpenAI: shows the code and the page, polls until approved', async () => {
    server = await startFakeAuthServer();
    server.device.pending = 2;
    const { result, prompts, sleeps } = await signInWith('openai', 'device');
    expect(await result).toMatchObject({ kind: 'oauth', fields: { accountId: 'acct-123' } });
    expect(prompts[0]).toMatchObject({
      kind: 'device',
      userCode: 'ABCD-1234',
      verificationUri: `${server.origin}/codex/device`,
    });
    expect(sleeps).toEqual([1000, 1000, 1000]);
  });

  it('GitHub Copilot: honours slow_down (+5 s) and keeps the GitHub token as a token profile', async () => {
    server = await startFakeAuthServer();
    server.device = { pending: 1, slowDown: 1 };
    const { result, prompts, sleeps } = await signInWith('github-copilot', 'device');
    const signedIn = await result;
    expect(signedIn).toMatchObject({ kind: 'token', suggestedName: 'github', fields: {} });
    expect(signedIn.expiresAt).toBeUndefined();
    expect(prompts[0]).toMatchObject({
      kind: 'device',
      userCode: 'WDJB-MJHT',
      verificationUri: `${server.origin}/activate`,
    });
    expect(sleeps).toEqual([1000, 6000, 6000]);
  });

  it('xAI: finds its endpoints by discovery and stores them with the sign-in', async () => {
    server = await startFakeAuthServer();
    const signedIn = await (await signInWith('xai', 'device')).result;
    expect(signedIn).toMatchObject({
      kind: 'oauth',
      suggestedName: 'me@example.com',
      fields: {
        email: 'me@example.com',
        accountId: 'user-1',
        tokenEndpoint: `${server.origin}/oauth/token`,
        authFlow: 'device-code',
      },
    });
  });

  it('waits out up to 3 failed connections in a row while polling, and gives up on the 4th', async () => {
    server = await startFakeAuthServer();
    server.device.pending = 1;
    /** fetch that cannot connect for the next `n` polls of the path. */
    const flaky = (path: string, n: number): typeof fetch => {
      let left = n;
      return (input, init) =>
        String(input).includes(path) && left-- > 0 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init);
    };
    const run = (provider: string, fetcher: typeof fetch) =>
      signIn(provider, 'device', { env: server.env, onPrompt: () => {}, sleep: async () => {}, fetch: fetcher });
    await expect(run('github-copilot', flaky('/oauth/token', 3))).resolves.toMatchObject({ kind: 'token' });
    await expect(run('openai', flaky('/openai/devicetoken', 3))).resolves.toMatchObject({ kind: 'oauth' });
    await expect(run('github-copilot', flaky('/oauth/token', 4))).rejects.toThrow(
      /could not reach 127\.0\.0\.1:\d+: check your internet connection \(or proxy\)/,
    );
    await expect(run('openai', flaky('/openai/devicetoken', 4))).rejects.toThrow(
      /could not reach 127\.0\.0\.1:\d+: check your internet connection \(or proxy\)/,
    );
  });

  it('stops at once when cancelled, even between polls', async () => {
    server = await startFakeAuthServer();
    server.device.pending = 100;
    const controller = new AbortController();
    const started = Date.now();
    const result = signIn('openai', 'device', {
      env: server.env,
      signal: controller.signal,
      onPrompt: () => setTimeout(() => controller.abort(), 50),
    });
    await expect(result).rejects.toMatchObject({ name: 'CancelledError', message: 'sign-in cancelled' });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('ends with a clear reason when the code expires or the sign-in is denied', async () => {
    server = await startFakeAuthServer();
    server.device.error = 'expired_token';
    await expect((await signInWith('xai', 'device')).result).rejects.toThrow('the code expired before it was entered');
    server.device.error = 'access_denied';
    await expect((await signInWith('github-copilot', 'device')).result).rejects.toThrow(
      'the sign-in was denied on the verification page',
    );
  });

  it('refuses providers and methods it has no sign-in for, with the reason', async () => {
    server = await startFakeAuthServer();
    await expect(signIn('google-gemini-cli', 'browser', { env: {}, onPrompt: () => {} })).rejects.toThrow(
      "Google's Gemini CLI sign-in was removed in OpenClaw 2026.9",
    );
    await expect(signIn('github-copilot', 'browser', { env: {}, onPrompt: () => {} })).rejects.toThrow(
      'GitHub Copilot signs in by device, not browser',
    );
  });
});

describe('storing a sign-in and refreshing it', () => {
  async function signedInProfile(ws: Awaited<ReturnType<typeof jsonWorkspace>>) {
    const signedIn = await (await signInWith('openai', 'device')).result;
    const saved = await saveSignIn(ws.workspace, 'openai', signedIn);
    return { saved, signedIn, storePath: join(ws.mainAgentDir, 'auth-profiles.json') };
  }

  it('stores an OpenAI sign-in as the JSON-era gateway expects: openai-codex:<email>, type oauth', async () => {
    server = await startFakeAuthServer();
    const ws = await jsonWorkspace();
    const { saved, signedIn, storePath } = await signedInProfile(ws);
    expect(saved.profileId).toBe('openai-codex:me@example.com');
    const stored = readJson(storePath).profiles['openai-codex:me@example.com'];
    expect(stored).toEqual({
      type: 'oauth',
      provider: 'openai-codex',
      access: signedIn.secret,
      refresh: signedIn.fields.refresh,
      expires: signedIn.expiresAt,
      accountId: 'acct-123',
      email: 'me@example.com',
      chatgptPlanType: 'plus',
    });
    expect(readJson(ws.configPath).auth.profiles['openai-codex:me@example.com']).toEqual({
      provider: 'openai-codex',
      mode: 'oauth',
      email: 'me@example.com',
    });
  });

  it('stores it as openai:<email> in the shared SQLite store of OpenClaw 2026.9, and refreshes it there', async () => {
    server = await startFakeAuthServer();
    const temp = makeTempHome();
    installOpenclawFixture('b-v9-shared-with-agent-override', temp.stateDir);
    const workspace = await resolveWorkspace({
      env: { HOME: temp.home, PATH: '/nonexistent', AUTHDECK_STORE_GENERATION: 'json' },
    });
    const signedIn = await (await signInWith('openai', 'device')).result;
    const saved = await saveSignIn(workspace, 'openai-codex', signedIn);
    expect(saved).toMatchObject({ profileId: 'openai:me@example.com', layer: 'shared' });
    const stateDb = join(temp.stateDir, 'state', 'openclaw.sqlite');
    const read = () =>
      (
        readCell(stateDb, `select value_json from config_machine_state where state_key = 'authProfiles.store'`) as {
          profiles: Record<string, Record<string, unknown>>;
        }
      ).profiles['openai:me@example.com'];
    expect(read()).toMatchObject({ type: 'oauth', provider: 'openai', access: signedIn.secret, accountId: 'acct-123' });
    const outcome = await refreshOAuthProfile(workspace, 'openai:me@example.com', { env: server.env, force: true });
    expect(outcome.status).toBe('refreshed');
    expect(read()?.refresh).not.toBe(signedIn.fields.refresh);
    expect(existsSync(oauthRefreshLockPath(temp.stateDir, 'shared-sqlite', 'openai', 'openai:me@example.com'))).toBe(
      false,
    );
  });

  it("gives the new tokens to every copy that held the spent refresh token (an agent's own copy of a shared sign-in)", async () => {
    server = await startFakeAuthServer();
    const temp = makeTempHome();
    installOpenclawFixture('b-v9-shared-with-agent-override', temp.stateDir);
    const env = { HOME: temp.home, PATH: '/nonexistent', AUTHDECK_STORE_GENERATION: 'json' };
    const main = await resolveWorkspace({ env });
    const id = 'openai:me@example.com';
    await saveSignIn(main, 'openai-codex', await (await signInWith('openai', 'device')).result);
    const layers = (await openAgentStore(main)).layers;
    const shared = (await layers.base!.read()).profiles[id]!;
    await layers.own.update((tx) => tx.putProfile(id, { ...shared }));

    expect((await refreshOAuthProfile(main, id, { env: server.env, force: true })).status).toBe('refreshed');
    const own = (await layers.own.read()).profiles[id]!;
    const sharedNow = (await layers.base!.read()).profiles[id]!;
    expect(own.refresh).not.toBe(shared.refresh);
    expect(sharedNow).toMatchObject({ refresh: own.refresh, access: own.access, expires: own.expires });
    expect(server.refreshCalls).toBe(1);

    // An agent that reads the shared copy refreshes with a live token, not the spent one.
    mkdirSync(join(temp.stateDir, 'agents', 'coder', 'agent'), { recursive: true });
    const coder = await resolveWorkspace({ env, agent: 'coder' });
    expect((await refreshOAuthProfile(coder, id, { env: server.env, force: true })).status).toBe('refreshed');
  });

  it('refreshes an expiring profile under the gateway lock, keeps its other fields, and leaves no lock behind', async () => {
    server = await startFakeAuthServer();
    const ws = await jsonWorkspace();
    const { storePath, signedIn } = await signedInProfile(ws);
    const id = 'openai-codex:me@example.com';
    const still = await refreshOAuthProfile(ws.workspace, id, { env: server.env });
    expect(still.status).toBe('still-valid');
    expect(server.refreshCalls).toBe(0);
    const later = () => Date.now() + 3_580_000; // 20 s before expiry
    const outcome = await refreshOAuthProfile(ws.workspace, id, { env: server.env, now: later });
    expect(outcome.status).toBe('refreshed');
    const stored = readJson(storePath).profiles[id];
    expect(stored.refresh).not.toBe(signedIn.fields.refresh);
    expect(stored.access).not.toBe(signedIn.secret);
    expect(stored).toMatchObject({ accountId: 'acct-123', email: 'me@example.com', type: 'oauth' });
    const lock = oauthRefreshLockPath(ws.stateDir, 'json', 'openai-codex', id);
    expect(existsSync(lock)).toBe(false);
  });

  it('keeps the new tokens and the stored account when a refreshed token lacks the account claims', async () => {
    server = await startFakeAuthServer();
    const ws = await jsonWorkspace();
    const { storePath, signedIn } = await signedInProfile(ws);
    server.refreshWithoutAccount = true;
    const id = 'openai-codex:me@example.com';
    expect((await refreshOAuthProfile(ws.workspace, id, { env: server.env, force: true })).status).toBe('refreshed');
    const stored = readJson(storePath).profiles[id];
    expect(stored.refresh).not.toBe(signedIn.fields.refresh);
    expect(stored).toMatchObject({ accountId: 'acct-123', email: 'me@example.com' });
    server.refreshWithoutAccount = false;
    // The stored refresh token is the live one: the next refresh works.
    expect((await refreshOAuthProfile(ws.workspace, id, { env: server.env, force: true })).status).toBe('refreshed');
  });

  it('says to sign in again when the provider answers invalid_grant, and changes nothing', async () => {
    server = await startFakeAuthServer();
    const ws = await jsonWorkspace();
    const { storePath } = await signedInProfile(ws);
    const before = readJson(storePath);
    server.refreshError = 'invalid_grant';
    await expect(
      refreshOAuthProfile(ws.workspace, 'openai-codex:me@example.com', { env: server.env, force: true }),
    ).rejects.toThrow(
      'the provider no longer accepts its refresh token (invalid_grant); sign in again with `authdeck login --provider openai --method device --profile-id openai-codex:me@example.com`',
    );
    expect(readJson(storePath)).toEqual(before);
  });

  it('waits for the gateway’s refresh lock, then skips the request when the gateway refreshed meanwhile', async () => {
    server = await startFakeAuthServer();
    const ws = await jsonWorkspace();
    const { storePath } = await signedInProfile(ws);
    const id = 'openai-codex:me@example.com';
    const lock = oauthRefreshLockPath(ws.stateDir, 'json', 'openai-codex', id);
    mkdirSync(join(lock, '..'), { recursive: true });
    // Another process (the gateway) holds the lock, refreshes the profile, then lets go.
    const gateway = spawn(
      process.execPath,
      [
        '-e',
        `const fs=require('fs');
         fs.writeFileSync(process.argv[1], JSON.stringify({pid:process.pid,createdAt:new Date().toISOString()}));
         setTimeout(()=>{
           const s=JSON.parse(fs.readFileSync(process.argv[2],'utf8'));
           Object.assign(s.profiles[process.argv[3]],{access:'gateway-access',refresh:'gateway-refresh',expires:Date.now()+3600000});
           fs.writeFileSync(process.argv[2], JSON.stringify(s));
           fs.unlinkSync(process.argv[1]);
         }, 400);`,
        lock,
        storePath,
        id,
      ],
      { stdio: 'ignore' },
    );
    const exited = new Promise((done) => gateway.once('exit', done));
    await until(() => existsSync(lock));
    const outcome = await refreshOAuthProfile(ws.workspace, id, { env: server.env, force: true });
    await exited;
    expect(outcome.status).toBe('refreshed-meanwhile');
    expect(server.refreshCalls).toBe(0);
    expect(readJson(storePath).profiles[id]).toMatchObject({ access: 'gateway-access', refresh: 'gateway-refresh' });
  });

  it('waits for the gateway’s refresh lock before storing a new sign-in over the profile', async () => {
    server = await startFakeAuthServer();
    const ws = await jsonWorkspace();
    const signedIn = await (await signInWith('openai', 'device')).result;
    const lock = oauthRefreshLockPath(ws.stateDir, 'json', 'openai-codex', 'openai-codex:me@example.com');
    mkdirSync(join(lock, '..'), { recursive: true });
    // Held by a live process (this one): the gateway is refreshing it.
    writeFileSync(lock, JSON.stringify({ pid: process.pid, createdAt: new Date().toISOString() }));
    await expect(saveSignIn(ws.workspace, 'openai', signedIn, undefined, { lockWaitMs: 300 })).rejects.toThrow(
      'the gateway is refreshing this profile right now',
    );
    expect(existsSync(join(ws.mainAgentDir, 'auth-profiles.json'))).toBe(false);
  });

  /** A signed-in profile, and the directory of its refresh lock made (as a gateway would have). */
  async function signedInWithLockDir() {
    server = await startFakeAuthServer();
    const ws = await jsonWorkspace();
    await signedInProfile(ws);
    const id = 'openai-codex:me@example.com';
    const lock = oauthRefreshLockPath(ws.stateDir, 'json', 'openai-codex', id);
    mkdirSync(join(lock, '..'), { recursive: true });
    return { ws, id, lock };
  }

  it('takes over a lock whose pid now belongs to another process (start time differs), and names a live holder', async () => {
    const { ws, id, lock } = await signedInWithLockDir();
    writeFileSync(lock, JSON.stringify({ pid: process.pid, createdAt: '2026-01-01T00:00:00.000Z', starttime: 12345 }));
    const outcome = await refreshOAuthProfile(ws.workspace, id, { env: server.env, force: true, lockWaitMs: 300 });
    expect(outcome.status).toBe('refreshed');
    expect(existsSync(lock)).toBe(false);
    writeFileSync(lock, JSON.stringify({ pid: process.pid, createdAt: '2026-01-01T00:00:00.000Z' }));
    await expect(
      refreshOAuthProfile(ws.workspace, id, { env: server.env, force: true, lockWaitMs: 300 }),
    ).rejects.toThrow(`(${lock} is held by process ${process.pid} since 2026-01-01T00:00:00.000Z)`);
  });

  it('takes over an old ownerless lock of any size without spinning', async () => {
    const { ws, id, lock } = await signedInWithLockDir();
    writeFileSync(lock, 'x'.repeat(5000));
    utimesSync(lock, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    const outcome = await refreshOAuthProfile(ws.workspace, id, { env: server.env, force: true, lockWaitMs: 2000 });
    expect(outcome.status).toBe('refreshed');
    expect(readdirSync(join(lock, '..'))).toEqual([]);
  });

  it('refuses a profile the gateway is refreshing right now (fenced)', async () => {
    server = await startFakeAuthServer();
    const ws = await jsonWorkspace();
    const { storePath } = await signedInProfile(ws);
    const id = 'openai-codex:me@example.com';
    const store = readJson(storePath);
    store.profiles[id].access = 'openclaw-oauth-refresh-fence:v1:abc';
    writeFileSync(storePath, JSON.stringify(store));
    await expect(refreshOAuthProfile(ws.workspace, id, { env: server.env, force: true })).rejects.toThrow(
      'the gateway is refreshing it right now',
    );
    expect(server.refreshCalls).toBe(0);
  });
});

describe('a pasted address', () => {
  it('is checked against this sign-in: another state, no code, not a URL each say why; an error of this sign-in passes', () => {
    expect(checkPastedRedirect('http://localhost:1455/auth/callback?code=a&state=s1', 's1')).toBeUndefined();
    expect(checkPastedRedirect('http://localhost:1455/auth/callback?code=a&state=old', 's1')).toBe(
      'that address belongs to another sign-in (an older link): paste the one this link ended on',
    );
    expect(checkPastedRedirect('http://localhost:1455/auth/callback?code=a', 's1')).toMatch(/has no code and state/);
    expect(checkPastedRedirect('localhost:1455', 's1')).toMatch(/not a URL|no code and state/);
    expect(
      checkPastedRedirect('http://localhost:1455/auth/callback?error=access_denied&state=s1', 's1'),
    ).toBeUndefined();
  });
});

describe("the gateway's refresh lock names", () => {
  it('match what OpenClaw computes for the same profile', () => {
    // Vectors computed by OpenClaw 2026.5.20 (sha256) and 2026.9.6 (two FNV-1a lanes) for these profiles.
    expect(oauthRefreshLockPath('/s', 'json', 'openai-codex', 'openai-codex:default')).toBe(
      '/s/locks/oauth-refresh/sha256-cee1bbaed8073aace8170859a25616882c288ceeaa1119df363bf01cc0cdab65.lock',
    );
    expect(oauthRefreshLockPath('/s', 'shared-sqlite', 'openai', 'openai:default')).toBe(
      '/s/locks/oauth-refresh/lock-5440fa0b86d2697ef1152f7cb32a8157.lock',
    );
    expect(oauthRefreshLockPath('/s', 'agent-sqlite', 'openai-codex', 'openai-codex:default')).toBe(
      '/s/locks/oauth-refresh/lock-7b9da1f0ba485a46aaec13e8c09ceb27.lock',
    );
    expect(oauthRefreshLockPath('/s', 'shared-sqlite', 'github-copilot', 'github-copilot:github')).toBe(
      '/s/locks/oauth-refresh/lock-709f4ecab2f41498c5a30ab757e83a82.lock',
    );
  });
});

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 10));
  }
}
