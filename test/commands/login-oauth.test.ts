import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveWorkspace } from '../../src/services/config/workspace.js';
import {
  type FakeAuthServer,
  followAuthorizeLink,
  freeLoopbackPort,
  startFakeAuthServer,
} from '../helpers/fake-oauth-server.js';
import { realServices } from '../helpers/real-services.js';
import { CLI_PATH, runCli } from '../helpers/run-cli.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, readJson, writeJsonFile } from '../helpers/temp-state.js';

let server: FakeAuthServer;

/** The CLI run from a script (no terminal), its stderr read as it comes, as a person reads the prompts. */
function startCli(args: string[], home: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [CLI_PATH, '--no-reload', ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      NO_COLOR: '1',
      AUTHDECK_STORE_GENERATION: 'json',
      XDG_CONFIG_HOME: `${home}/.config`,
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.end();
  const exited = new Promise<number | null>((done) => child.on('close', done));
  return {
    exited,
    kill: (signal: NodeJS.Signals) => child.kill(signal),
    output: () => ({ stdout, stderr }),
    async waitForStderr(pattern: RegExp, timeoutMs = 15_000): Promise<RegExpMatchArray> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = stderr.match(pattern);
        if (match) return match;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; stderr:\n${stderr}`);
        await new Promise((done) => setTimeout(done, 20));
      }
    },
  };
}

/** A ChatGPT device sign-in, in this process, the fake server approving at once. */
function signInByDevice(home: string) {
  return runCommand(['--no-reload', 'login', '--provider', 'openai', '--method', 'device'], {
    home,
    env: server.env,
    quickPolls: true,
  });
}

describe('authdeck login (sign-in)', () => {
  it('browser: prints the link, takes the loopback redirect, stores an oauth profile, and never prints a token', async () => {
    server = await startFakeAuthServer();
    const { home, mainAgentDir } = makeTempHome();
    const port = await freeLoopbackPort();
    const cli = startCli(['login', '--provider', 'openai-codex', '--method', 'browser'], home, {
      ...server.env,
      AUTHDECK_OAUTH_CALLBACK_PORT: String(port),
    });
    const [, link] = await cli.waitForStderr(/Open this link to sign in to ChatGPT \(OpenAI Codex\):\s+(\S+)/);
    expect(cli.output().stderr).not.toContain('opened in your browser');
    expect(await followAuthorizeLink(link as string)).toBe(200);
    expect(await cli.exited).toBe(0);
    const { stdout, stderr } = cli.output();
    expect(stdout).toMatch(
      /✔ Signed in: saved openai-codex:me@example\.com \(oauth; access expires in 59m \d+s, the gateway renews it\) in /,
    );
    const stored = readJson(join(mainAgentDir, 'auth-profiles.json')).profiles['openai-codex:me@example.com'];
    expect(stored).toMatchObject({ type: 'oauth', provider: 'openai-codex', accountId: 'acct-123' });
    for (const secret of [stored.access, stored.refresh]) expect(stdout + stderr).not.toContain(secret);
  });

  it('device (GitHub Copilot): shows the code and page, stores the GitHub token as github-copilot:github', async () => {
    server = await startFakeAuthServer();
    const { home, mainAgentDir } = makeTempHome();
    const cli = startCli(['login', '--provider', 'github-copilot', '--json'], home, server.env);
    await cli.waitForStderr(/open http:\/\/127\.0\.0\.1:\d+\/activate\s+and enter the code\s+WDJB-MJHT/);
    expect(await cli.exited).toBe(0);
    const answer = JSON.parse(cli.output().stdout);
    expect(answer).toMatchObject({ ok: true, profileId: 'github-copilot:github', type: 'token', expiresAt: null });
    expect(readJson(join(mainAgentDir, 'auth-profiles.json')).profiles['github-copilot:github']).toMatchObject({
      type: 'token',
      provider: 'github-copilot',
    });
    expect(readJson(join(home, '.openclaw', 'openclaw.json')).auth.profiles['github-copilot:github']).toEqual({
      provider: 'github-copilot',
      mode: 'token',
    });
  });

  it('with no terminal and no display, ChatGPT sign-in uses a device code (nothing could be pasted)', async () => {
    server = await startFakeAuthServer();
    const { home } = makeTempHome();
    const result = await runCommand(['--no-reload', 'login', '--provider', 'openai', '--json'], {
      home,
      env: server.env,
      quickPolls: true,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('and enter the code');
    expect(result.stderr).not.toContain('Open this link');
    expect(JSON.parse(result.stdout)).toMatchObject({ profileId: 'openai-codex:me@example.com', type: 'oauth' });
  });

  it('does not start a sign-in whose tokens could not be stored (an OpenClaw 2026.9 home without its database, no openclaw to create it)', async () => {
    server = await startFakeAuthServer();
    const { home, configPath } = makeTempHome();
    writeJsonFile(configPath, { meta: { lastTouchedVersion: '2026.9.6' } });
    const result = await runCommand(['--no-reload', 'login', '--provider', 'openai', '--method', 'device'], {
      home,
      env: server.env,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('does not exist yet, and only OpenClaw may create it');
    expect(result.stderr).toContain('`openclaw models auth paste-api-key`');
    expect(result.stderr).not.toContain('enter the code');
  });

  it('does not start a sign-in that ends in a token (GitHub Copilot) either, where its store cannot be made', async () => {
    // Only OAuth sign-ins were checked first: GitHub Copilot's device code was shown and its token
    // fetched, then thrown away with "Nothing was saved" (an adversarial run).
    server = await startFakeAuthServer();
    const { home, configPath } = makeTempHome();
    writeJsonFile(configPath, { meta: { lastTouchedVersion: '2026.9.6' } });
    const result = await runCommand(['--no-reload', 'login', '--provider', 'github-copilot', '--method', 'device'], {
      home,
      env: server.env,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('does not exist yet, and only OpenClaw may create it');
    expect(result.stderr).not.toContain('enter the code');
    expect(server.polls).toBe(0);
  });

  it('a denied device sign-in ends with one line and exit 1, and stores nothing', async () => {
    server = await startFakeAuthServer();
    server.device.error = 'access_denied';
    const { home, mainAgentDir } = makeTempHome();
    const result = await runCommand(['--no-reload', 'login', '--provider', 'xai', '--method', 'device'], {
      home,
      env: server.env,
      quickPolls: true,
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toBe('authdeck: the sign-in was denied on the verification page');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(() => readJson(join(mainAgentDir, 'auth-profiles.json'))).toThrow();
  });

  /** A home signed in to ChatGPT through the fake server, and its sign-in as stored. */
  async function signedInHome() {
    server = await startFakeAuthServer();
    const { home, mainAgentDir } = makeTempHome();
    expect((await signInByDevice(home)).code).toBe(0);
    const storePath = join(mainAgentDir, 'auth-profiles.json');
    return { home, storePath, before: readJson(storePath).profiles['openai-codex:me@example.com'] };
  }

  it("the dashboard's r refreshes the sign-in it is pressed on, however long it has left (as refresh --force)", async () => {
    const { home, storePath, before } = await signedInHome();
    const env = { HOME: home, PATH: '/nonexistent', AUTHDECK_STORE_GENERATION: 'json', ...server.env };
    const workspace = await resolveWorkspace({ env });
    const services = realServices(workspace, env, { reload: false });
    // An hour left: `refresh` alone says "good for a while"; the key pressed asks for it now.
    const outcome = await services.refreshProfile('openai-codex:me@example.com');
    expect(outcome.status).toBe('refreshed');
    expect(readJson(storePath).profiles['openai-codex:me@example.com'].refresh).not.toBe(before.refresh);
  });

  it('refresh renews a sign-in, and says to sign in again when the provider refuses', async () => {
    const { home, storePath, before } = await signedInHome();
    const fresh = await runCommand(['--no-reload', 'refresh', 'openai-codex:me@example.com'], {
      home,
      env: server.env,
    });
    expect(fresh.stdout).toMatch(/is good for a while \(access expires in 59m \d+s\); --force refreshes anyway/);
    const forced = await runCommand(['--no-reload', 'refresh', 'me@example.com', '--force', '--json'], {
      home,
      env: server.env,
    });
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({
      ok: true,
      profileId: 'openai-codex:me@example.com',
      status: 'refreshed',
    });
    expect(readJson(storePath).profiles['openai-codex:me@example.com'].refresh).not.toBe(before.refresh);
    server.refreshError = 'invalid_grant';
    const refused = await runCommand(['--no-reload', 'refresh', 'openai-codex:me@example.com', '--force'], {
      home,
      env: server.env,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'sign in again with `authdeck login --provider openai --method device --profile-id openai-codex:me@example.com`',
    );
    const notOauth = await runCommand(['--no-reload', 'refresh', 'nope:x'], { home, env: server.env });
    expect(notOauth.code).not.toBe(0);
  });
});

describe('refresh beside a dead lock', () => {
  it('six refreshes at once past a lock left by a dead process: one calls the provider, none loses the profile', async () => {
    server = await startFakeAuthServer();
    const { home, mainAgentDir, stateDir } = makeTempHome();
    expect((await signInByDevice(home)).code).toBe(0);
    const id = 'openai-codex:me@example.com';
    const { oauthRefreshLockPath } = await import('../../src/services/store/refresh-lock-path.js');
    const lock = oauthRefreshLockPath(stateDir, 'json', 'openai-codex', id);
    writeJsonFile(lock, { pid: 999_999_999, createdAt: '2020-01-01T00:00:00Z' });
    const runs = await Promise.all(
      Array.from({ length: 6 }, () =>
        runCli(['--no-reload', 'refresh', id, '--force', '--json'], { home, env: server!.env }),
      ),
    );
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 0, 0, 0]);
    const statuses = runs.map((run) => JSON.parse(run.stdout).status).sort();
    // Each waits for the one before it; every later one may refresh again, with the token just rotated.
    expect(statuses.filter((status) => status === 'refreshed').length).toBe(server.refreshCalls);
    const stored = readJson(join(mainAgentDir, 'auth-profiles.json')).profiles[id];
    expect(stored).toMatchObject({ type: 'oauth', accountId: 'acct-123' });
    // The last refresh token the server issued is the one stored: no rotation was lost.
    const finalCheck = await runCommand(['--no-reload', 'refresh', id, '--force', '--json'], { home, env: server.env });
    expect(JSON.parse(finalCheck.stdout).status).toBe('refreshed');
  });
});

describe('Ctrl+C during a refresh', () => {
  it('once the request is sent, waits for the rotated tokens to be stored (the old refresh token is spent)', async () => {
    server = await startFakeAuthServer();
    const { home, mainAgentDir } = makeTempHome();
    expect((await signInByDevice(home)).code).toBe(0);
    const id = 'openai-codex:me@example.com';
    const storePath = join(mainAgentDir, 'auth-profiles.json');
    const before = readJson(storePath).profiles[id].refresh;
    server.refreshDelayMs = 500;
    const cli = startCli(['refresh', id, '--force'], home, server.env);
    // The request is at the provider: the refresh token it carried is spent from here on.
    while (server.refreshCalls === 0) await new Promise((done) => setTimeout(done, 5));
    cli.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    expect(readJson(storePath).profiles[id].refresh).not.toBe(before);
    // The token stored is the live one: the next refresh works.
    server.refreshDelayMs = 0;
    expect((await runCommand(['--no-reload', 'refresh', id, '--force'], { home, env: server.env })).code).toBe(0);
  });
});

describe('doctor --fix and a lapsed sign-in', () => {
  it('names the refresh as the fix and does it under --fix', async () => {
    server = await startFakeAuthServer();
    const { home, mainAgentDir, configPath } = makeTempHome();
    expect((await signInByDevice(home)).code).toBe(0);
    const id = 'openai-codex:me@example.com';
    const storePath = join(mainAgentDir, 'auth-profiles.json');
    const store = readJson(storePath);
    // Expired: one that still lasts is renewed by the gateway, and doctor leaves it alone.
    store.profiles[id].expires = Date.now() - 60_000;
    writeJsonFile(storePath, store);
    const config = readJson(configPath);
    writeJsonFile(configPath, { ...config, agents: { defaults: { model: { primary: 'openai-codex/gpt-5.5' } } } });
    const before = await runCommand(['--no-reload', 'doctor'], { home, env: server.env });
    expect(before.code).toBe(1);
    expect(before.stdout).toContain(
      `fix: \`authdeck refresh ${id}\`, or sign in again with \`authdeck login --provider openai-codex\` (\`authdeck doctor --fix\` refreshes it)`,
    );
    const fixed = await runCommand(['--no-reload', 'doctor', '--fix'], { home, env: server.env });
    expect(fixed.stdout).toContain(`✔ fixed: refreshed ${id}`);
    expect(readJson(storePath).profiles[id].expires).toBeGreaterThan(Date.now() + 3_000_000);
    expect(fixed.stdout).not.toContain('credential-expiring');
    expect(server.refreshCalls).toBe(1);
  });
});
