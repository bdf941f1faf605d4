import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { followAuthorizeLink, freeLoopbackPort, startFakeAuthServer } from '../helpers/fake-oauth-server.js';
import { TerminalSession } from '../helpers/pty-driver.js';
import { chooseOpenaiInWizard } from '../helpers/pty-wizard.js';
import { makeTempHome, readJson } from '../helpers/temp-state.js';

const sessions: TerminalSession[] = [];
afterEach(() => {
  while (sessions.length > 0) sessions.pop()!.kill();
});

/** The wizard from its welcome to the OpenAI method question, typed as a person would. */
async function toOpenaiMethods(session: TerminalSession) {
  await session.waitFor('Welcome');
  await session.press('enter');
  await chooseOpenaiInWizard(session);
}

describe('wizard sign-in in a real terminal (fake authorization server)', () => {
  it('browser: the link on screen is the one to open; the loopback redirect lands an oauth profile', async () => {
    const server = await startFakeAuthServer();
    const { home, mainAgentDir } = makeTempHome();
    const port = await freeLoopbackPort();
    const session = TerminalSession.launch(['--no-reload', 'onboard'], {
      home,
      env: { ...server.env, AUTHDECK_OAUTH_CALLBACK_PORT: String(port) },
    });
    sessions.push(session);
    await toOpenaiMethods(session);
    await session.press('down');
    await session.waitFor('❯ Sign in with ChatGPT in a browser');
    await session.press('enter');
    await session.waitFor('Open this link; sign in to ChatGPT');
    // The link as a person copies it off the screen: its wrapped lines joined.
    const screen = await session.waitFor(/left\)/);
    const joined = screen.replace(/\n/g, '');
    const link = joined.match(/(http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?\S+?)(?=Waiting)/)?.[1];
    expect(link).toBeDefined();
    expect(new URL(link!).searchParams.get('redirect_uri')).toBe(`http://localhost:${port}/auth/callback`);
    expect(await followAuthorizeLink(link!)).toBe(200);
    await session.waitFor('✔ Signed in as me@example.com: saved openai-codex:me@example.com (oauth)');
    const stored = readJson(join(mainAgentDir, 'auth-profiles.json')).profiles['openai-codex:me@example.com'];
    expect(stored).toMatchObject({ type: 'oauth', provider: 'openai-codex', accountId: 'acct-123' });
    expect(session.screen()).not.toContain(stored.access);
    await session.press('enter');
    expect(await session.waitForExit()).toBe(0);
  });

  it('device code: shows the code large, polls until approved, and saves', async () => {
    const server = await startFakeAuthServer();
    server.device.pending = 1;
    const { home, mainAgentDir } = makeTempHome();
    const session = TerminalSession.launch(['--no-reload', 'onboard'], { home, env: server.env });
    sessions.push(session);
    await toOpenaiMethods(session);
    await session.press('down', 2);
    await session.waitFor('❯ Sign in with a code');
    await session.press('enter');
    await session.waitFor('A B C D - 1 2 3 4');
    await session.waitFor('✔ Signed in as me@example.com: saved openai-codex:me@example.com (oauth)', 15_000);
    expect(readJson(join(mainAgentDir, 'auth-profiles.json')).profiles['openai-codex:me@example.com'].type).toBe(
      'oauth',
    );
    await session.press('enter');
    expect(await session.waitForExit()).toBe(0);
  });

  it('a screen as tall as the terminal, then Ctrl+C: "Cancelled." ends its line, the shell prompt starts a new one', async () => {
    const server = await startFakeAuthServer();
    server.device.pending = 1000;
    const { home } = makeTempHome();
    const session = TerminalSession.launch([], {
      home,
      env: server.env,
      cols: 60,
      rows: 20,
      shell: '$AUTHDECK --no-reload login --provider github-copilot; echo "EXIT=$?"',
    });
    sessions.push(session);
    // The wizard's sign-in: by code, at GitHub Copilot (not Enterprise).
    await session.waitFor('Sign in with a code');
    await session.press('enter');
    await session.waitFor('Where do you sign in');
    await session.press('enter');
    await session.waitFor('W D J B');
    // The copied line makes the device-code screen fill all 20 rows (Ink's full-screen path).
    await session.type('c');
    await session.waitFor('Code copied');
    await session.press('ctrl-c');
    await session.waitFor('EXIT=130');
    expect(session.allLines()).toContain('EXIT=130');
    expect(session.allLines()).toContain('Cancelled.');
  });
});

describe('login --method browser in a terminal (text prompts)', () => {
  it('says why a pasted address is wrong, reads the next paste, and signs in with it', async () => {
    const server = await startFakeAuthServer();
    const { home, mainAgentDir } = makeTempHome();
    // The port is taken (another CLI waiting for its own sign-in): only the paste can finish it.
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = (blocker.address() as { port: number }).port;
    try {
      const session = TerminalSession.launch(['--no-reload', 'login', '--provider', 'openai', '--method', 'browser'], {
        home,
        env: { ...server.env, AUTHDECK_OAUTH_CALLBACK_PORT: String(port) },
        cols: 400,
      });
      sessions.push(session);
      const screen = await session.waitFor('paste the address it ends on here');
      expect(screen).toContain(`port ${port} on 127.0.0.1 is taken`);
      const link = screen.match(/(http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?\S+)/)?.[1];
      const location = (await fetch(link!, { redirect: 'manual' })).headers.get('location')!;
      await session.type(location.replace(/&state=[^&]*/, ''));
      await session.press('enter');
      await session.waitFor('that URL has no code and state');
      await session.type(location);
      await session.press('enter');
      expect(await session.waitForExit()).toBe(0);
      expect(session.screen()).toContain('✔ Signed in: saved openai-codex:me@example.com');
      expect(readJson(join(mainAgentDir, 'auth-profiles.json')).profiles['openai-codex:me@example.com'].type).toBe(
        'oauth',
      );
    } finally {
      blocker.close();
    }
  });

  it('Ctrl+C while waiting for a device approval: exit 130, nothing saved', async () => {
    const server = await startFakeAuthServer();
    server.device.pending = 1000;
    const { home, mainAgentDir } = makeTempHome();
    const session = TerminalSession.launch(
      ['--no-reload', 'login', '--provider', 'github-copilot', '--method', 'device'],
      {
        home,
        env: server.env,
      },
    );
    sessions.push(session);
    await session.waitFor('WDJB-MJHT');
    await session.press('ctrl-c');
    expect(await session.waitForExit(5_000)).toBe(130);
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(false);
  });
});

describe('login in a terminal', () => {
  it('opens the wizard with the cursor on the sign-in, not on the API key above it', async () => {
    const { home } = makeTempHome();
    const session = TerminalSession.launch(['--no-reload', 'login', '--provider', 'openai'], { home });
    sessions.push(session);
    await session.waitFor('❯ Sign in with ChatGPT in a browser');
    await session.press('escape');
    expect(await session.waitForExit()).toBe(130);
  });
});

describe('login --method browser in a terminal, waiting for the browser', () => {
  it('Esc then Enter stops it as Ctrl+C does, instead of reading ^[ as a pasted address', async () => {
    const server = await startFakeAuthServer();
    const { home } = makeTempHome();
    const port = await freeLoopbackPort();
    const session = TerminalSession.launch(
      ['--no-reload', 'login', '--provider', 'openai', '--method', 'browser', '--no-browser'],
      { home, env: { ...server.env, AUTHDECK_OAUTH_CALLBACK_PORT: String(port) } },
    );
    sessions.push(session);
    await session.waitFor('oauth/authorize');
    await session.press('escape');
    await session.press('enter');
    expect(await session.waitForExit()).toBe(130);
    expect(session.screen()).toContain('sign-in cancelled');
    expect(session.screen()).not.toContain('that is not a URL');
  });
});
