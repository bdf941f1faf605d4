import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../src/services/files/lock.js';
import { loadRecording } from '../fake-claude/recordings.mjs';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { PATH_WITHOUT_CLAUDE, sleep, TerminalSession } from '../helpers/pty-driver.js';
import { runCli } from '../helpers/run-cli.js';
import { fileMode, makeTempHome, mergeJsonFile, readJson, writeJsonFile } from '../helpers/temp-state.js';

const DAY = 86_400_000;
const TOKEN = loadRecording('success-500x40').meta.expected.token!;
const sessions: TerminalSession[] = [];

afterEach(() => {
  while (sessions.length > 0) sessions.pop()!.kill();
});

function launch(
  home: string,
  args: string[] = ['setup-token'],
  options: { cols?: number; rows?: number; env?: Record<string, string | undefined> } = {},
) {
  const session = TerminalSession.launch(args, { home, ...options });
  sessions.push(session);
  return session;
}

async function signIn(session: TerminalSession, code = 'FAKECODE-e2e-0001#FAKESTATE-e2e') {
  await session.waitFor('Paste the code the page shows');
  await session.type(code);
  await session.press('enter');
}

function storedProfile(mainAgentDir: string, id: string) {
  return readJson(join(mainAgentDir, 'auth-profiles.json')).profiles[id];
}

/** The success view is up; Enter closes it with exit 0 and the token is in the store. */
async function expectSaved(
  session: TerminalSession,
  mainAgentDir: string,
  id = 'anthropic:default',
  timeoutMs?: number,
) {
  await session.waitFor(`Saved ${id}`, timeoutMs);
  await session.press('enter');
  expect(await session.waitForExit()).toBe(0);
  expect(storedProfile(mainAgentDir, id).token).toBe(TOKEN);
}

describe('authdeck setup-token in a terminal', () => {
  it('shows the sign-in link, takes the code, and saves the token for one year', async () => {
    const { home, mainAgentDir, configPath } = makeTempHome();
    const session = launch(home);
    const screen = await session.waitFor(/https:\/\/claude\.ai\/oauth\/authorize\?\S{44}/);
    expect(screen).toContain('Open this link and sign in');
    const before = Date.now();
    await signIn(session);
    const saved = await session.waitFor('Saved anthropic:default');
    expect(saved).toMatch(/token sk-ant-o…89AA/);
    expect(saved).toContain(join(mainAgentDir, 'auth-profiles.json'));
    expect(saved).not.toContain(TOKEN.slice(20, 60));
    await session.press('enter');
    expect(await session.waitForExit()).toBe(0);

    const profile = storedProfile(mainAgentDir, 'anthropic:default');
    expect(profile).toMatchObject({ type: 'token', provider: 'anthropic', token: TOKEN });
    expect(profile.expires).toBeGreaterThanOrEqual(before + 365 * DAY - 60_000);
    expect(profile.expires).toBeLessThanOrEqual(Date.now() + 365 * DAY);
    expect(readJson(configPath).auth.profiles['anthropic:default']).toEqual({ provider: 'anthropic', mode: 'token' });
    expect(fileMode(join(mainAgentDir, 'auth-profiles.json'))).toBe(0o600);
  });

  it('a claude that answers at once: its link drawn before the screen loads is replaced by the screen, at 100 and 40 columns', async () => {
    // The plain lines drawn while Ink loads (src/tui.tsx) are erased by its first frame: one
    // link on screen, nothing left above the title, and a line that was there before stays.
    for (const cols of [100, 40]) {
      const { home } = makeTempHome();
      const session = launch(home, ['setup-token'], { cols, rows: 40 });
      const screen = await session.waitFor('Paste the code the page shows');
      const lines = screen.split('\n').filter((line) => line.trim() !== '');
      expect(lines[0], String(cols)).toMatch(/^authdeck ·/);
      expect(screen.match(/Open this link/g), String(cols)).toHaveLength(1);
      expect(screen).not.toContain('Starting claude setup-token');
      session.kill();
    }
  });

  it('shows an OAuth error, retries, and succeeds with the next code', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const session = launch(home);
    await signIn(session, 'bad-code#state');
    const error = await session.waitFor("OAuth error: That code wasn't accepted");
    expect(error).toContain('enter retry');
    await session.press('enter');
    await signIn(session);
    await expectSaved(session, mainAgentDir);
  });

  it('cancels with Esc: exit 130, nothing written, no claude left running', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const pidFile = join(home, 'claude.pid');
    const session = launch(home, ['setup-token'], { env: { FAKE_CLAUDE_PIDFILE: pidFile } });
    await session.waitFor('Paste the code the page shows');
    const claudePid = Number(readFileSync(pidFile, 'utf8'));
    expect(isProcessAlive(claudePid)).toBe(true);
    await session.press('escape');
    expect(await session.waitForExit()).toBe(130);
    for (let i = 0; i < 40 && isProcessAlive(claudePid); i++) await sleep(50);
    expect(isProcessAlive(claudePid)).toBe(false);
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(false);
  });

  it('works in a 60-column terminal', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const session = launch(home, ['setup-token'], { cols: 60, rows: 30 });
    await session.waitFor('Paste the code');
    expect(session.lines().every((line) => line.length <= 60)).toBe(true);
    expect(session.lines().join('')).toMatch(/https:\/\/claude\.ai\/oauth\/authorize\?\S{44}/);
    await signIn(session);
    await expectSaved(session, mainAgentDir);
  });

  it('saves a token that a desktop browser finished without any paste', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const session = launch(home, ['setup-token'], {
      env: { FAKE_CLAUDE_SCENARIO: 'browser', FAKE_CLAUDE_REALTIME: '1' },
    });
    await expectSaved(session, mainAgentDir, 'anthropic:default', 15_000);
  });

  it("shows claude's own screen when it is not recognised, passes keys, and still takes the token", async () => {
    const { home, mainAgentDir } = makeTempHome();
    const session = launch(home, ['setup-token'], {
      env: { FAKE_CLAUDE_SCENARIO: 'unknown', AUTHDECK_SETUP_TOKEN_UNRECOGNISED_MS: '700' },
    });
    await session.waitFor('does not recognise this claude screen');
    await session.waitFor('Type the word "token" and press Enter');
    await session.type('token');
    await session.press('enter');
    await expectSaved(session, mainAgentDir);
  });

  it('asks for another name when anthropic:default is taken, and leaves that profile alone', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const key = fakeSecrets.anthropicApiKey();
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'anthropic:default': { type: 'api_key', provider: 'anthropic', key } },
    });
    const session = launch(home);
    await session.waitFor('anthropic:default already exists (api_key)');
    await session.waitFor('Name for the new setup-token profile');
    await session.press('enter');
    await signIn(session);
    await expectSaved(session, mainAgentDir, 'anthropic:claude');
    expect(storedProfile(mainAgentDir, 'anthropic:default').key).toBe(key);
  });

  it('says how to install Claude Code when claude is missing', async () => {
    const { home } = makeTempHome();
    const session = launch(home, ['setup-token'], { env: { PATH: PATH_WITHOUT_CLAUDE } });
    expect(await session.waitForExit()).toBe(1);
    // Broken at spaces to the terminal's width: read as the words it says.
    expect(session.lines().join(' ').replace(/\s+/g, ' ')).toMatch(
      /`claude` is not on PATH: install Claude Code with `npm install -g @anthropic-ai\/claude-code`/,
    );
  });

  it('stops before claude runs when the config blocks the anthropic plugin (the token could not be saved)', async () => {
    const { home, stateDir, configPath } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    mergeJsonFile(configPath, { plugins: { deny: ['anthropic'] } });
    const session = launch(home, ['setup-token'], { env: { AUTHDECK_STORE_GENERATION: undefined } });
    expect(await session.waitForExit()).toBe(1);
    const text = session.lines().join('');
    expect(text).toContain('nothing saved: the anthropic plugin is denied');
    expect(text).not.toContain('Paste the code');
    // The wizard given that provider stops the same way, before it opens (login opens it too).
    const wizard = launch(home, ['login', '--provider', 'anthropic'], {
      env: { AUTHDECK_STORE_GENERATION: undefined },
    });
    expect(await wizard.waitForExit()).toBe(1);
    expect(wizard.lines().join('')).toContain('nothing saved: the anthropic plugin is denied');
    expect(wizard.lines().join('')).not.toContain('How do you want');
  });

  it('stops at once without a terminal and names paste-token', async () => {
    const { home } = makeTempHome();
    const result = await runCli(['setup-token'], { home });
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/needs a terminal.*authdeck paste-token --provider anthropic/);
  });

  it('passes claude a clean environment', async () => {
    const { home } = makeTempHome();
    const envFile = join(home, 'claude-env.json');
    writeFileSync(join(home, 'marker'), '');
    const session = launch(home, ['setup-token'], {
      env: {
        FAKE_CLAUDE_ENVFILE: envFile,
        CLAUDE_CODE_OAUTH_TOKEN: 'leak',
        ANTHROPIC_API_KEY: 'leak',
        ANTHROPIC_AUTH_TOKEN: 'leak',
      },
    });
    await session.waitFor('Paste the code');
    const env = JSON.parse(readFileSync(envFile, 'utf8'));
    expect(env.CLAUDE_CODE_OAUTH_TOKEN).toBeUndefined();
    expect(env.ANTHROPIC_API_KEY).toBeUndefined();
    expect(env.ANTHROPIC_AUTH_TOKEN).toBeUndefined();
    expect(env.TERM).toBe('xterm-256color');
    await session.press('escape');
    expect(await session.waitForExit()).toBe(130);
  });
});
