import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oauthRefreshLockPath } from '../../src/services/store/refresh-lock-path.js';
import { type FakeAuthServer, startFakeAuthServer } from '../helpers/fake-oauth-server.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, readJson, writeJsonFile } from '../helpers/temp-state.js';

const MINUTE = 60_000;
const ID = 'openai-codex:me@example.com';
const SIGN_IN = 'authdeck login --provider openai --method device --profile-id openai-codex:me@example.com';

/** Tokens the fake provider issued and still takes, as a sign-in leaves them. */
async function issuedTokens(server: FakeAuthServer): Promise<{ access: string; refresh: string }> {
  const response = await fetch(`${server.origin}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code: 'device-code-1' }),
  });
  const body = (await response.json()) as { access_token: string; refresh_token: string };
  return { access: body.access_token, refresh: body.refresh_token };
}

/** What the gateway does when it refreshes: the provider rotates the refresh token. */
async function refreshAsTheGateway(server: FakeAuthServer, refresh: string) {
  const response = await fetch(`${server.origin}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refresh, client_id: 'x' }),
  });
  const body = (await response.json()) as { access_token: string; refresh_token: string };
  return { access: body.access_token, refresh: body.refresh_token };
}

/** A ChatGPT sign-in the default model uses, its access token expiring in `expiresInMs`. */
async function signedIn(expiresInMs: number) {
  const server = await startFakeAuthServer();
  const temp = makeTempHome();
  const tokens = await issuedTokens(server);
  const storePath = join(temp.mainAgentDir, 'auth-profiles.json');
  const profile = {
    type: 'oauth',
    provider: 'openai-codex',
    ...tokens,
    expires: Date.now() + expiresInMs,
    accountId: 'acct-123',
    email: 'me@example.com',
    laterOpenClawField: { kept: true },
  };
  writeJsonFile(storePath, { version: 1, profiles: { [ID]: profile }, laterTopLevel: 7 });
  writeJsonFile(temp.configPath, { agents: { defaults: { model: { primary: 'openai-codex/gpt-5.5' } } } });
  const notified = join(temp.home, 'notified.txt');
  const monitor = (every = '30m') =>
    runCommand(
      ['--no-reload', 'monitor', 'run', '--every', every, '--within', '2h', '--notify', `cat > '${notified}'`],
      { home: temp.home, env: server.env },
    );
  return { ...temp, server, tokens, storePath, profile, notified, monitor };
}

describe('monitor run keeps sign-ins alive', () => {
  it('refreshes a sign-in that would lapse before the next run, keeping the rotated token and unknown fields', async () => {
    const { server, tokens, storePath, notified, monitor } = await signedIn(20 * MINUTE);
    const run = await monitor();
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^refreshed openai-codex:me@example\.com: access expires in (59m|1h)/m);
    expect(server.refreshCalls).toBe(1);
    expect(server.lastTokenForm.refresh_token).toBe(tokens.refresh);
    const store = readJson(storePath);
    const stored = store.profiles[ID];
    expect(stored.refresh).not.toBe(tokens.refresh);
    expect(stored.access).not.toBe(tokens.access);
    expect(stored.expires).toBeGreaterThan(Date.now() + 50 * MINUTE);
    expect(stored).toMatchObject({
      accountId: 'acct-123',
      email: 'me@example.com',
      laterOpenClawField: { kept: true },
    });
    expect(store.laterTopLevel).toBe(7);
    // Nothing needs a person: no notification.
    expect(existsSync(notified)).toBe(false);
    // The stored refresh token is the one the provider now takes.
    expect((await refreshAsTheGateway(server, stored.refresh)).refresh).toMatch(/^rt-/);
  });

  it('leaves a sign-in far from expiry alone', async () => {
    const { server, storePath, notified, monitor } = await signedIn(3 * 60 * MINUTE);
    const before = readFileSync(storePath, 'utf8');
    const run = await monitor();
    expect(run.code).toBe(0);
    expect(server.refreshCalls).toBe(0);
    expect(readFileSync(storePath, 'utf8')).toBe(before);
    expect(existsSync(notified)).toBe(false);
    expect(run.stdout).not.toContain('refreshed');
  });

  it('takes the window from --every: a token with 50 minutes left waits at 30m, is refreshed at 1h', async () => {
    const { server, monitor } = await signedIn(50 * MINUTE);
    await monitor('30m');
    expect(server.refreshCalls).toBe(0);
    await monitor('1h');
    expect(server.refreshCalls).toBe(1);
  });

  it('alerts once, with the command that signs in again, when the provider refuses the refresh token', async () => {
    const { server, storePath, notified, monitor, home } = await signedIn(20 * MINUTE);
    server.refreshError = 'invalid_grant';
    const before = readFileSync(storePath, 'utf8');
    const first = await monitor();
    expect(first.code).toBe(0);
    const message = readFileSync(notified, 'utf8');
    expect(message).toContain(`${ID}: the provider refused its refresh token (invalid_grant)`);
    expect(message).toContain(`sign in again: ${SIGN_IN}`);
    // Read away from a terminal, it ends as every alert does (it ended on the refusal alone).
    expect(message.trimEnd().split('\n').at(-1)).toBe('what to do: `authdeck doctor` names the fix for each');
    // One alert: the check says nothing more about the sign-in it is about.
    expect(message.split('\n').filter((line) => line.includes(ID))).toHaveLength(1);
    expect(readFileSync(storePath, 'utf8')).toBe(before);

    rmSync(notified);
    const second = await monitor();
    expect(second.code).toBe(0);
    expect(existsSync(notified)).toBe(false);
    expect(server.refreshCalls).toBe(1);
    expect(second.stdout).toContain('is not sent again until the sign-in changes');
    // Not news any more, but not "fine" either.
    expect(second.stdout).toContain('nothing new to notify (exit 0)');
    expect(second.stdout).not.toContain('credentials fine');
    const status = await runCommand(['monitor', 'status'], { home });
    expect(status.stdout).toContain(`sign in again: ${SIGN_IN}`);
    // status and doctor say it too, rather than "the gateway renews it".
    const shown = await runCommand(['status'], { home });
    expect(shown.stdout.replace(/\s*\n\s*/g, ' ')).toContain(
      `${ID}: the provider refused its refresh token (invalid_grant) on ${new Date().toISOString().slice(0, 10)}, so the gateway cannot renew it; sign in again: ${SIGN_IN}`,
    );
    // Its row does not contradict the warning: it runs out, as a token with no refresh does.
    const row = shown.stdout.split('\n').find((line) => line.includes(ID) && line.includes('oauth'));
    expect(row).toMatch(/expiring\s+expires in 1[89]m/);
    expect(row).not.toContain('renews');
    const check = await runCommand(['status', '--check'], { home });
    expect(check.code).toBe(2);
    // Nor does the check's line: it expires, with no renewal promised.
    expect(check.stdout + check.stderr).toContain(ID);
    expect(check.stdout + check.stderr).not.toContain('renews it');
    const doctor = JSON.parse((await runCommand(['doctor', '--json'], { home })).stdout);
    expect(doctor.findings).toContainEqual(
      expect.objectContaining({ code: 'refresh-refused', severity: 'error', subject: ID, fix: SIGN_IN }),
    );

    // Signed in again: new tokens, and the sign-in is kept alive again.
    server.refreshError = undefined;
    const fresh = await issuedTokens(server);
    const store = readJson(storePath);
    Object.assign(store.profiles[ID], fresh, { expires: Date.now() + 20 * MINUTE });
    writeJsonFile(storePath, store);
    const third = await monitor();
    expect(third.stdout).toMatch(/^refreshed openai-codex:me@example\.com/m);
    expect(server.refreshCalls).toBe(2);
    expect(existsSync(notified)).toBe(false);
    expect((await runCommand(['status'], { home })).stdout).not.toContain('refused');
  });

  it('alerts again next run when the alert did not get out, without sending the refused token again', async () => {
    const { server, notified, monitor, home } = await signedIn(20 * MINUTE);
    server.refreshError = 'invalid_grant';
    const failing = await runCommand(
      ['--no-reload', 'monitor', 'run', '--every', '30m', '--within', '2h', '--notify', 'exit 3'],
      { home, env: server.env },
    );
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('not notified: the notify command exited 3');
    const second = await monitor();
    expect(second.code).toBe(0);
    expect(readFileSync(notified, 'utf8')).toContain(`sign in again: ${SIGN_IN}`);
    expect(server.refreshCalls).toBe(1);
    rmSync(notified);
    await monitor();
    expect(existsSync(notified)).toBe(false);
  });

  it('alerts once when the provider says the refresh token was used already (the gateway rotated it away)', async () => {
    const { server, tokens, notified, monitor } = await signedIn(20 * MINUTE);
    await refreshAsTheGateway(server, tokens.refresh); // the stored one is now spent
    const first = await monitor();
    expect(first.code).toBe(0);
    expect(readFileSync(notified, 'utf8')).toContain(
      `${ID}: the provider refused its refresh token (refresh_token_reused), access expires in`,
    );
    rmSync(notified);
    await monitor();
    expect(existsSync(notified)).toBe(false);
    expect(server.refreshCalls).toBe(2); // the gateway's, and the one refused
  });

  it('says a refresh that failed otherwise without alerting, and tries it again next run', async () => {
    const { server, notified, monitor } = await signedIn(20 * MINUTE);
    server.refreshError = 'temporarily_unavailable';
    const failed = await monitor();
    expect(failed.code).toBe(0);
    expect(failed.stdout).toMatch(/not refreshed \(access expires in 1\dm.*\): .*refused: temporarily_unavailable/);
    expect(existsSync(notified)).toBe(false);
    server.refreshError = undefined;
    const again = await monitor();
    expect(again.stdout).toMatch(/^refreshed openai-codex:me@example\.com/m);
    expect(server.refreshCalls).toBe(2);
  });

  it('skips a sign-in whose refresh lock the gateway holds, and never refreshes what the gateway refreshed', async () => {
    const { server, tokens, storePath, stateDir, notified, monitor } = await signedIn(20 * MINUTE);
    const lock = oauthRefreshLockPath(stateDir, 'json', 'openai-codex', ID);
    // The gateway (a live process: this one) holds the profile's refresh lock.
    writeJsonFile(lock, { pid: process.pid, createdAt: new Date().toISOString() });
    const before = readFileSync(storePath, 'utf8');
    const held = await monitor();
    expect(held.code).toBe(0);
    expect(held.stdout).toMatch(
      new RegExp(`^${ID.replace(/\./g, '\\.')} not refreshed \\(access expires in 1\\dm`, 'm'),
    );
    expect(held.stdout).toContain(`: the gateway holds its refresh lock (process ${process.pid} since `);
    expect(server.refreshCalls).toBe(0);
    expect(readFileSync(storePath, 'utf8')).toBe(before);
    expect(existsSync(notified)).toBe(false);

    // The gateway refreshes, writes the rotated tokens and lets go.
    const rotated = await refreshAsTheGateway(server, tokens.refresh);
    const store = readJson(storePath);
    Object.assign(store.profiles[ID], rotated, { expires: Date.now() + 60 * MINUTE });
    writeFileSync(storePath, JSON.stringify(store));
    rmSync(lock);
    const after = await monitor();
    expect(after.code).toBe(0);
    expect(server.refreshCalls).toBe(1);
    expect(readJson(storePath).profiles[ID].refresh).toBe(rotated.refresh);
  });
});

describe('refresh --due', () => {
  it('refreshes what expires within --within and says when the next one is due', async () => {
    const { home, server, storePath, tokens } = await signedIn(20 * MINUTE);
    const store = readJson(storePath);
    store.profiles['openai-codex:other@example.com'] = {
      ...store.profiles[ID],
      access: 'other-access',
      refresh: 'other-refresh',
      expires: Date.now() + 5 * 60 * MINUTE,
    };
    writeJsonFile(storePath, store);
    const run = await runCommand(['--no-reload', 'refresh', '--due', '--json'], { home, env: server.env });
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout);
    expect(answer).toMatchObject({ ok: true, withinMs: 35 * MINUTE, due: [{ profileId: ID, status: 'refreshed' }] });
    expect(answer.due).toHaveLength(1);
    expect(answer.due[0].fingerprint).toBeUndefined();
    expect(readJson(storePath).profiles[ID].refresh).not.toBe(tokens.refresh);

    const again = await runCommand(['--no-reload', 'refresh', '--due'], { home, env: server.env });
    expect(again.stdout).toMatch(
      /^No sign-in is due: none expires within 35m \(the next, openai-codex:me@example\.com, expires in (59m|1h)/,
    );

    server.refreshError = 'invalid_grant';
    const refused = await runCommand(['--no-reload', 'refresh', '--due', '--within', '2h'], { home, env: server.env });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`sign in again: ${SIGN_IN}`);
  });

  it('takes no profile id and no --force', async () => {
    const { home } = makeTempHome();
    expect((await runCommand(['refresh', '--due', ID], { home })).code).toBe(64);
    expect((await runCommand(['refresh', '--due', '--force'], { home })).code).toBe(64);
    expect((await runCommand(['refresh', '--within', '1h', ID], { home })).code).toBe(64);
  });
});

describe('refresh lock held by another authdeck run', () => {
  it('says so instead of blaming the gateway', async () => {
    const { spawn } = await import('node:child_process');
    const { stateDir, monitor } = await signedIn(20 * MINUTE);
    // A second authdeck (a refresh in another terminal, a monitor run) by its script's name.
    const script = join(makeTempHome().home, 'authdeck.js');
    writeFileSync(script, 'setInterval(() => {}, 1000);\n');
    const other = spawn(process.execPath, [script], { stdio: 'ignore' });
    await new Promise((done) => other.once('spawn', done));
    try {
      const lock = oauthRefreshLockPath(stateDir, 'json', 'openai-codex', ID);
      writeJsonFile(lock, { pid: other.pid, createdAt: new Date().toISOString() });
      const held = await monitor();
      expect(held.stdout).toContain(`: another authdeck run holds its refresh lock (process ${other.pid} since `);
    } finally {
      other.kill();
    }
  });
});
