import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OAuthError, requestTokens } from '../../src/services/oauth/token-endpoint.js';
import { startFakeAuthServer } from '../helpers/fake-oauth-server.js';
import { CLI_PATH } from '../helpers/run-cli.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, readJson } from '../helpers/temp-state.js';

const OSC52_CLEAR = '\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b[2J';

function rawControls(output: string): string[] {
  const withoutColours = output.replace(/\x1b\[[0-9;]*m/g, '');
  return [...withoutColours.matchAll(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b]/g)].map(
    (match) => `U+${match[0].charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

async function deviceLogin(provider: string, answer: Parameters<typeof Object.assign>[1]) {
  const server = await startFakeAuthServer();
  Object.assign(server.answer, answer);
  const temp = makeTempHome();
  const run = await runCommand(['--no-reload', 'login', '--provider', provider, '--method', 'device'], {
    home: temp.home,
    env: server.env,
    quickPolls: true,
  });
  return { ...temp, run, server };
}

describe('a sign-in server that answers with hostile text', () => {
  it('an email with escapes and a newline: the sign-in is kept, under a safe id, and printed as text', async () => {
    const { run, mainAgentDir } = await deviceLogin('openai', { email: `me\n${OSC52_CLEAR}@evil.example` });
    expect(run.stderr).not.toContain('authdeck:');
    expect(run.code).toBe(0);
    expect(rawControls(run.stdout + run.stderr)).toEqual([]);
    const profiles = readJson(join(mainAgentDir, 'auth-profiles.json')).profiles;
    expect(Object.keys(profiles)).toEqual(['openai-codex:default']);
    expect(profiles['openai-codex:default']).toMatchObject({ type: 'oauth', email: `me\n${OSC52_CLEAR}@evil.example` });
  });

  it('an email holding shell syntax: the sign-in is kept under `default`, the email as sent', async () => {
    const email = '"$(curl|sh)"@x.example';
    const { run, mainAgentDir } = await deviceLogin('openai', { email });
    expect(run.code).toBe(0);
    const profiles = readJson(join(mainAgentDir, 'auth-profiles.json')).profiles;
    expect(Object.keys(profiles)).toEqual(['openai-codex:default']);
    expect(profiles['openai-codex:default']).toMatchObject({ type: 'oauth', email });
  });

  it('an access token holding escapes is refused, at sign-in and at refresh, and the stored tokens stay', async () => {
    const hostile = `eyJ${OSC52_CLEAR}.x`;
    const refused = await deviceLogin('openai', { email: 'me@example.com', accessToken: hostile });
    expect(refused.run.code).toBe(1);
    expect(refused.run.stderr).toContain(
      'answered with a token no request can carry (not plain ASCII); nothing was stored',
    );
    expect(rawControls(refused.run.stdout + refused.run.stderr)).toEqual([]);
    refused.server.answer.accessToken = undefined;

    const { run, mainAgentDir, server, home } = await deviceLogin('openai', { email: 'me@example.com' });
    expect(run.code).toBe(0);
    const storePath = join(mainAgentDir, 'auth-profiles.json');
    const before = readJson(storePath).profiles['openai-codex:me@example.com'];
    server.answer.accessToken = hostile;
    const refresh = await runCommand(['--no-reload', 'refresh', 'openai-codex:me@example.com', '--force'], {
      home,
      env: server.env,
    });
    expect(refresh.code).toBe(1);
    expect(readJson(storePath).profiles['openai-codex:me@example.com']).toEqual(before);
  });

  it('a device code that writes the clipboard and clears the screen is shown as text', async () => {
    const { run } = await deviceLogin('github-copilot', { userCode: `WDJB${OSC52_CLEAR}` });
    expect(run.code).toBe(0);
    expect(rawControls(run.stderr)).toEqual([]);
    expect(run.stderr).toContain('WDJB\\x1b]52;c;ZWNobyBwd25lZA==\\x07\\x1b[2J');
  });
});

describe('a sign-in server that answers without end', () => {
  it('a token answer of many megabytes is cut off with one line, not read into memory', async () => {
    const { run, mainAgentDir } = await deviceLogin('github-copilot', { paddingBytes: 8 * 1024 * 1024 });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(
      /^authdeck: 127\.0\.0\.1:\d+ answered with more than 1024 KB; not read$/,
    );
    expect(() => readJson(join(mainAgentDir, 'auth-profiles.json'))).toThrow();
  });
});

describe('a sign-in server that answers with absurd lifetimes', () => {
  for (const expiresIn of [1e308, 1e15, -5, 'soon']) {
    it(`expires_in ${expiresIn}: treated as absent, the sign-in lasts the usual hour`, async () => {
      const before = Date.now();
      const { run, mainAgentDir } = await deviceLogin('openai', { expiresIn });
      expect(run.code).toBe(0);
      expect(run.stdout).not.toMatch(/Infinity|NaN|\d{5,}d/);
      const stored = readJson(join(mainAgentDir, 'auth-profiles.json')).profiles['openai-codex:me@example.com'];
      expect(stored.expires).toBeGreaterThanOrEqual(before + 3_600_000 - 5_000);
      expect(stored.expires).toBeLessThanOrEqual(Date.now() + 3_600_000);
    });
  }

  it('a poll interval past Node’s timer range does not make it poll in a loop', async () => {
    const server = await startFakeAuthServer();
    server.answer.interval = 1e7;
    server.device.pending = 1_000_000;
    const { home } = makeTempHome();
    const child = spawn(process.execPath, [CLI_PATH, '--no-reload', 'login', '--provider', 'github-copilot'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        NO_COLOR: '1',
        AUTHDECK_STORE_GENERATION: 'json',
        ...server.env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    try {
      // Wait for the code on screen, then give a spinning loop time to show itself.
      while (!stderr.includes('enter the code')) await new Promise((done) => setTimeout(done, 20));
      await new Promise((done) => setTimeout(done, 1_500));
      // Clamped to 60 s: no poll yet (unclamped, Node's timer overflowed into thousands).
      expect(server.polls).toBe(0);
    } finally {
      child.kill();
    }
  });
});

describe('a sign-in request that never answers', () => {
  it('ends at once when the person cancels, for every provider that asks a server first', async () => {
    const { signIn } = await import('../../src/services/oauth/sign-in.js');
    // A server that accepts and never answers: only an abort ends the request.
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        const signal = init?.signal;
        signal?.addEventListener('abort', () => reject(signal.reason ?? new Error('aborted')));
      });
    for (const [provider, method] of [
      ['github-copilot', 'device'],
      ['openai', 'device'],
      ['xai', 'device'],
    ] as const) {
      const controller = new AbortController();
      const run = signIn(provider, method, {
        env: {},
        onPrompt: () => {},
        fetch: hanging,
        signal: controller.signal,
      });
      controller.abort();
      await expect(run, provider).rejects.toThrow();
    }
  });
});

describe('a token endpoint that answers with what it was sent', () => {
  const refreshToken = 'rt_OLDREFRESH+/=secret-yyyyyyyyyyyyyyyy';
  const answering = (status: number, body: (sent: string) => Record<string, unknown>) =>
    (async (_url: string | URL | Request, init?: RequestInit) =>
      new Response(JSON.stringify(body(String(init?.body ?? ''))), {
        status,
        headers: { 'content-type': 'application/json' },
      })) as typeof fetch;

  it('an error that repeats the request never carries the refresh token into the message', async () => {
    const fetchEcho = answering(400, (sent) => ({ error: 'invalid_request', error_description: `bad body ${sent}` }));
    const error = await requestTokens(
      'https://auth.example/token',
      { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'app_123' },
      { fetch: fetchEcho },
    ).then(
      () => new Error('it was taken'),
      (caught: unknown) => caught as Error,
    );
    expect(error).toBeInstanceOf(OAuthError);
    expect(error.message).toContain(
      'auth.example refused: invalid_request (bad body grant_type=refresh_token&refresh_token=[sent value]&client_id=app_123)',
    );
    for (const spelling of [refreshToken, encodeURIComponent(refreshToken), 'OLDREFRESH'])
      expect(error.message).not.toContain(spelling);
  });

  it("OpenClaw's refresh fence as a token is refused: it would fence the profile for good", async () => {
    const fence = `openclaw-oauth-refresh-fence:v1:${'a'.repeat(32)}:access:${'b'.repeat(64)}`;
    for (const answer of [
      { access_token: fence, refresh_token: 'rt_new' },
      { access_token: 'at_new', refresh_token: fence },
    ])
      await expect(
        requestTokens(
          'https://auth.example/token',
          { grant_type: 'refresh_token', refresh_token: refreshToken },
          { fetch: answering(200, () => ({ ...answer, expires_in: 3600 })) },
        ),
      ).rejects.toThrow("auth.example answered with OpenClaw's refresh fence as a token; nothing was stored");
  });

  it('a redirect is said as a redirect, not as no network', async () => {
    const redirecting = (async () => {
      throw new TypeError('fetch failed', { cause: new Error('unexpected redirect') });
    }) as typeof fetch;
    await expect(
      requestTokens(
        'https://auth.example/token',
        { grant_type: 'refresh_token', refresh_token: refreshToken },
        { fetch: redirecting },
      ),
    ).rejects.toThrow('auth.example answered with a redirect, which a token endpoint never does; nothing was sent on');
  });
});
