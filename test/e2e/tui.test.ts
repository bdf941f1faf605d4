import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture, readCell } from '../helpers/openclaw-fixtures.js';
import { sleep, TerminalSession } from '../helpers/pty-driver.js';
import { addOpenaiKeyInWizard } from '../helpers/pty-wizard.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempHome, readJson, writeJsonFile } from '../helpers/temp-state.js';

const DAY = 86_400_000;
const sessions: TerminalSession[] = [];
afterEach(() => {
  while (sessions.length > 0) sessions.pop()!.kill();
});

function launch(home: string, args: string[], options: { cols?: number; rows?: number } = {}) {
  const session = TerminalSession.launch(args, { home, ...options });
  sessions.push(session);
  return session;
}

function seedStore(mainAgentDir: string, now = Date.now()) {
  const store = {
    version: 1,
    profiles: {
      'anthropic:work': {
        type: 'token',
        provider: 'anthropic',
        token: fakeSecrets.setupToken('work'),
        expires: now + 30 * DAY,
      },
      'anthropic:default': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey() },
      'openrouter:team-shared-account': { type: 'api_key', provider: 'openrouter', key: fakeSecrets.openrouterKey() },
    },
  };
  writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), store);
  return store;
}

describe('the TUI in a real terminal', () => {
  it('onboards an API key from an empty state and finds it on disk', async () => {
    const { home, mainAgentDir, configPath } = makeTempHome();
    const key = fakeSecrets.openaiKey('e2e');
    const session = launch(home, []);
    await session.waitFor('Welcome. This sets up a credential');
    const summary = await addOpenaiKeyInWizard(session, key);
    expect(summary).not.toContain(key);
    // Opened by `authdeck` on an empty home: done, it goes on to the dashboard, on the new profile.
    await session.press('enter');
    await session.waitFor(/▸.*openai:default/);
    await session.type('q');
    expect(await session.waitForExit()).toBe(0);
    expect(readJson(join(mainAgentDir, 'auth-profiles.json')).profiles['openai:default']).toEqual({
      type: 'api_key',
      provider: 'openai',
      key,
    });
    expect(readJson(configPath).auth.profiles['openai:default']).toEqual({ provider: 'openai', mode: 'api_key' });
  });

  it('draws the first frame before Ink loads and hands over in place: no second copy, early keys kept', async () => {
    const { home, mainAgentDir } = makeTempHome();
    seedStore(mainAgentDir);
    const session = launch(home, ['dashboard']);
    // Typed at once, before either frame: it must reach the dashboard.
    await session.type('j');
    await session.waitFor('K/J reorder');
    await session.waitFor(/▸\s+2\s+anthropic:default/);
    await session.type('q');
    expect(await session.waitForExit()).toBe(0);
    const all = session.allLines();
    expect(all.filter((line) => line.includes('authdeck · dashboard'))).toHaveLength(1);
    expect(all.filter((line) => /\d\*?\s+anthropic:work\s+token/.test(line))).toHaveLength(1);
  });

  it("counts a token's expiry down on the dashboard", async () => {
    const { home, mainAgentDir } = makeTempHome();
    seedStore(mainAgentDir);
    const session = launch(home, ['dashboard']);
    const countdown = /anthropic:work .*29d (\d\d:\d\d:\d\d)/;
    const before = countdown.exec(await session.waitFor(countdown))![1];
    // A frame caught mid-redraw may lack the row: wait for the row itself, with a later time.
    const later = (screen: string) => {
      const time = countdown.exec(screen)?.[1];
      return time !== undefined && time !== before;
    };
    const after = countdown.exec(await session.waitFor(later, 5_000))![1];
    expect(after! < before!).toBe(true);
    await session.type('q');
    expect(await session.waitForExit()).toBe(0);
  });

  it('shows a profile that another process writes', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const store = seedStore(mainAgentDir);
    const session = launch(home, ['dashboard']);
    await session.waitFor('anthropic:work');
    // Several, one after another: the screen keeps drawing once its heap is set size-first (tui.tsx).
    for (const id of ['groq:from-gateway', 'groq:second', 'groq:third']) {
      (store.profiles as Record<string, unknown>)[id] = {
        type: 'api_key',
        provider: 'groq',
        key: fakeSecrets.groqKey(),
      };
      writeFileSync(join(mainAgentDir, 'auth-profiles.json'), JSON.stringify(store));
      await session.waitFor(id, 3_000);
    }
    await session.type('q');
    expect(await session.waitForExit()).toBe(0);
  });

  it('reorders with the picker, writes the order to the file, and prints the choice with --print', async () => {
    const { home, mainAgentDir } = makeTempHome();
    seedStore(mainAgentDir);
    const session = launch(home, ['pick', '--provider', 'anthropic', '--print']);
    await session.waitFor('Which anthropic profile should agent main use first?');
    await session.press('down');
    await session.press('enter');
    expect(await session.waitForExit()).toBe(0);
    // The frame left on the terminal is what happened, not the list with its cursor.
    expect(session.screen()).toContain('✔ anthropic:default goes first for anthropic');
    expect(session.screen()).not.toContain('❯ anthropic:work');
    expect(readJson(join(mainAgentDir, 'auth-profiles.json')).order).toEqual({
      anthropic: ['anthropic:default', 'anthropic:work'],
    });
    const order = await runCli(['order', 'get', '--provider', 'anthropic', '--json'], { home });
    expect(JSON.parse(order.stdout).next).toBe('anthropic:default');
  });

  it('pick --print inside $(…): the picker draws on the terminal, only the id reaches stdout', async () => {
    const { home, mainAgentDir } = makeTempHome();
    seedStore(mainAgentDir);
    const session = TerminalSession.launch([], {
      home,
      shell: 'id=$($AUTHDECK pick --print --provider anthropic); echo "rc=$? got [$id]"',
    });
    sessions.push(session);
    await session.waitFor('Which anthropic profile should agent main use first?');
    await session.press('down');
    await session.press('enter');
    await session.waitFor(/rc=0 got \[anthropic:\w+\]/);
    expect(await session.waitForExit()).toBe(0);
    const chosen = /got \[(anthropic:\w+)\]/.exec(session.screen())?.[1];
    expect(readJson(join(mainAgentDir, 'auth-profiles.json')).order.anthropic[0]).toBe(chosen);
  });

  it('picks the row ↓ moved to when ↓ and Enter arrive in one write', async () => {
    const { home, mainAgentDir } = makeTempHome();
    seedStore(mainAgentDir);
    const session = launch(home, ['pick', '--provider', 'anthropic']);
    await session.waitFor('Which anthropic profile should agent main use first?');
    await session.type('\x1b[B\r');
    expect(await session.waitForExit()).toBe(0);
    expect(readJson(join(mainAgentDir, 'auth-profiles.json')).order).toEqual({
      anthropic: ['anthropic:default', 'anthropic:work'],
    });
  });

  it('draws and answers keys when the shell has CI=true (Ink would otherwise draw nothing)', async () => {
    const { home, mainAgentDir } = makeTempHome();
    seedStore(mainAgentDir);
    const session = TerminalSession.launch(['pick', '--provider', 'anthropic'], {
      home,
      env: { CI: 'true', CONTINUOUS_INTEGRATION: '1' },
    });
    sessions.push(session);
    await session.waitFor('Which anthropic profile should agent main use first?');
    await session.press('down');
    // The cursor on the second row is drawn by Ink, not by the plain first frame.
    await session.waitFor(/❯ anthropic:default/);
    await session.press('enter');
    expect(await session.waitForExit()).toBe(0);
    expect(session.screen()).toContain('✔ anthropic:default goes first');
  });

  it('still reads every row in a 60-column terminal, after a resize too', async () => {
    const { home, mainAgentDir } = makeTempHome();
    seedStore(mainAgentDir);
    const session = launch(home, ['dashboard'], { cols: 120, rows: 30 });
    await session.waitFor('openrouter:team-shared-account');
    session.resize(60, 30);
    // The redraw at 60 columns, not the old frame the terminal re-wrapped: the long id is cut.
    const screen = await session.waitFor(/openrouter:team-shared-\S*…/);
    const lines = session.lines();
    expect(lines.every((line) => line.length <= 60)).toBe(true);
    // One row per profile, each starting with its id (a long id may end in …).
    for (const id of ['anthropic:work', 'anthropic:default', 'openrouter:team-shared']) {
      expect(lines.filter((line) => new RegExp(`^[▸ ] +(\\d\\*?|–) +${id}`).test(line))).toHaveLength(1);
    }
    // (The type too, where the status and expiry take only what their texts need.)
    expect(screen).toMatch(/anthropic:work\s+(token\s+)?ok\s+29d \d\d:\d\d:\d\d/);
    // Nothing of the old frame is left above the new one.
    expect(lines.filter((line) => line.includes('authdeck · dashboard'))).toHaveLength(1);
    expect(lines[0]).toContain('authdeck · dashboard');
    await session.type('q');
    expect(await session.waitForExit()).toBe(0);
  });
});

describe('what a screen leaves printed', () => {
  it('logout at 60 columns: the removal line breaks after a slash of the path, never inside a name', async () => {
    const { home, mainAgentDir } = makeTempHome();
    seedStore(mainAgentDir);
    const session = launch(home, ['--no-reload', 'logout'], { cols: 60, rows: 30 });
    await session.waitFor(/❯ anthropic:work/);
    await session.press('enter');
    await session.waitFor('Remove anthropic:work?');
    await session.type('y');
    expect(await session.waitForExit()).toBe(0);
    const printed = session.lines().join('\n');
    expect(printed).toContain('✔ Removed anthropic:work from');
    // Broken by authdeck where the path allows (after a `/`), not by the terminal at its last
    // column: joined back without the breaks and indents, it is the path whole.
    const rows = printed
      .slice(printed.indexOf('✔ Removed'))
      .split('\n')
      .filter((row) => row.trim() !== '');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(0, -1).every((row) => row.length < 60 || row.endsWith('/'))).toBe(true);
    expect(rows.map((row) => row.trim()).join('')).toContain(`${mainAgentDir}/auth-profiles.json`);
    expect(readJson(join(mainAgentDir, 'auth-profiles.json')).profiles['anthropic:work']).toBeUndefined();
  });
});

describe('a wider terminal', () => {
  it('keeps the wizard on screen: nothing blanked that Ink, its frame unchanged, would not redraw', async () => {
    const { home } = makeTempHome();
    const session = launch(home, ['onboard'], { cols: 60, rows: 30 });
    await session.waitFor('Welcome');
    await session.press('enter');
    await session.waitFor('Which provider?');
    await session.type('anthropic');
    await session.waitFor('search: anthropic');
    for (const cols of [80, 100, 120]) {
      session.resize(cols, 30);
      // A moment for a redraw that would blank it, then the frame must still be whole.
      await sleep(300);
      expect(session.screen(), String(cols)).toContain('search: anthropic');
      expect(session.screen(), String(cols)).toContain('Which provider?');
    }
    session.kill();
  });
});

describe('the dashboard in a small terminal', () => {
  /** The seeded store and ten more keys: more rows than a small terminal holds. */
  function seedMany(mainAgentDir: string) {
    const store = seedStore(mainAgentDir);
    const profiles = store.profiles as Record<string, unknown>;
    for (let index = 0; index < 10; index++)
      profiles[`groq:key-${index}`] = { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey(String(index)) };
    profiles['openai-codex:me@example.com'] = {
      type: 'oauth',
      provider: 'openai-codex',
      access: 'eyJhbGciOi.fake.access',
      refresh: 'rt-fake',
      expires: Date.now() + 3_600_000,
    };
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), store);
  }

  it.each([
    [32, 12],
    [100, 8],
  ])('at %i×%i keeps the title on top: fewer rows, a "more" line, nothing scrolled away', async (cols, rows) => {
    const { home, mainAgentDir } = makeTempHome();
    seedMany(mainAgentDir);
    const session = launch(home, ['dashboard'], { cols, rows });
    await session.waitFor(/… \d+ more below/);
    const onTop = () => {
      const lines = session.lines();
      expect(lines[0]).toMatch(/^authdeck · dashboard/);
      // Nothing of a frame taller than the screen went into the scrollback.
      expect(session.allLines().filter((line) => line.startsWith('authdeck · dashboard'))).toHaveLength(1);
    };
    onTop();
    // End goes to the last row (a real terminal's key), the table scrolls, the title stays.
    await session.type('\x1b[F');
    await session.waitFor(/▸ .*openrouter:te/);
    onTop();
    await session.type('?');
    await session.waitFor(/\d+ more below · ↑\/↓ scroll/);
    onTop();
    await session.type('x');
    await session.type('q');
    expect(await session.waitForExit()).toBe(0);
  });

  it('Esc clears a kept filter, Home goes to the first row, and r shows on a sign-in row', async () => {
    const { home, mainAgentDir } = makeTempHome();
    seedMany(mainAgentDir);
    const session = launch(home, ['dashboard'], { cols: 100, rows: 30 });
    await session.waitFor('anthropic:work');
    await session.type('/');
    await session.type('codex');
    await session.press('enter');
    await session.waitFor('filter: codex');
    await session.waitFor(/▸ .*openai-codex:me@example\.com/);
    await session.waitFor('r refresh sign-in');
    await session.press('escape');
    await session.waitFor((screen) => screen.includes('anthropic:work') && !screen.includes('filter: codex'));
    expect(session.screen()).toMatch(/▸ .*openai-codex:me@example\.com/);
    await session.type('\x1b[H');
    await session.waitFor(/▸ .*anthropic:work/);
    expect(session.screen()).not.toContain('r refresh sign-in');
    await session.type('q');
    expect(await session.waitForExit()).toBe(0);
  });
});

describe('secret prompts in a terminal', () => {
  it('paste-token masks what is pasted and takes a bracketed paste ending in a newline', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const token = fakeSecrets.setupToken('prompt');
    const session = launch(home, ['paste-token', '--provider', 'anthropic', '--profile-id', 'typed']);
    await session.waitFor('Anthropic token:');
    await session.type(`\x1b[200~${token.slice(0, 60)}\n${token.slice(60)}\n\x1b[201~`);
    expect(await session.waitForExit()).toBe(0);
    expect(session.screen()).toMatch(/\*{40} \(108 characters\)/);
    expect(session.screen()).toContain('Saved anthropic:typed');
    expect(session.screen()).not.toContain(token.slice(13, 40));
    expect(readJson(join(mainAgentDir, 'auth-profiles.json')).profiles['anthropic:typed'].token).toBe(token);
  });
});

describe('keys and questions at the edges', () => {
  it('keeps a key typed before the first frame (Enter at once moves past the welcome)', async () => {
    const { home } = makeTempHome();
    const session = launch(home, ['onboard']);
    await session.press('enter');
    await session.waitFor('Which provider?');
  });

  it('paste-token asks before saving a token that looks cut off, and saves nothing on "n"', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const session = launch(home, ['paste-token', '--provider', 'anthropic']);
    await session.waitFor('Anthropic token:');
    await session.type(fakeSecrets.setupToken('cut').slice(0, 100));
    await session.press('enter');
    await session.waitFor('Save it anyway?');
    expect(session.screen()).toContain('check that nothing was cut off');
    await session.type('n');
    await session.press('enter');
    expect(await session.waitForExit()).toBe(130);
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(false);
  });
});

describe('TUI commands without a terminal', () => {
  it('never hang: they stop at once and name the plain command', async () => {
    const { home } = makeTempHome();
    const dashboard = await runCli(['dashboard'], { home });
    expect(dashboard.code).toBe(64);
    expect(dashboard.stderr).toMatch(/dashboard needs a terminal; without one use `authdeck status`/);
    const pick = await runCli(['pick', '--provider', 'anthropic'], { home });
    expect(pick.code).toBe(64);
    expect(pick.stderr).toMatch(/authdeck order set --provider P ID/);
    const onboard = await runCli(['onboard'], { home });
    expect(onboard.code).toBe(64);
    expect(onboard.stderr).toMatch(/onboard --non-interactive --provider P --method api-key\|paste-token/);
  });

  it('onboard --non-interactive reads the secret from stdin', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const key = fakeSecrets.groqKey('ni');
    const result = await runCli(['onboard', '--non-interactive', '--provider', 'groq', '--method', 'api-key'], {
      home,
      input: key,
    });
    expect(result.code).toBe(0);
    expect(
      JSON.parse(readFileSync(join(mainAgentDir, 'auth-profiles.json'), 'utf8')).profiles['groq:default'].key,
    ).toBe(key);
    const bad = await runCli(['onboard', '--non-interactive', '--provider', 'groq'], { home });
    expect(bad.code).toBe(64);
    expect(
      (await runCli(['onboard', '--non-interactive', '--provider', 'groq', '--method', 'setup-token'], { home })).code,
    ).toBe(64);
  });
});

describe('the TUI on an OpenClaw 2026.9 store (SQLite)', () => {
  it('shows the shared store, reorders into the agent database and adds a key to the shared store', async () => {
    const { home, stateDir, mainAgentDir } = makeTempHome();
    installOpenclawFixture('b-v9-shared-with-agent-override', stateDir);
    const agentDb = join(mainAgentDir, 'openclaw-agent.sqlite');
    const stateDb = join(stateDir, 'state', 'openclaw.sqlite');
    const session = launch(home, ['--no-reload', 'dashboard'], { cols: 140 });
    const screen = await session.waitFor('anthropic:manual');
    expect(screen).toContain('shared SQLite');
    expect(screen).toMatch(/1\*?\s+anthropic:work/);
    await session.type('j');
    await session.type('K');
    await session.waitFor(/anthropic order: anthropic:manual → anthropic:work/);
    expect(readCell(agentDb, `select state_json from auth_profile_state where state_key = 'primary'`)).toEqual({
      version: 1,
      order: { anthropic: ['anthropic:manual', 'anthropic:work'] },
    });
    await session.type('a');
    await session.waitFor('Welcome');
    const key = fakeSecrets.openaiKey('tui-sqlite');
    const summary = await addOpenaiKeyInWizard(session, key, 'openai:api-key');
    expect(summary).toContain(`${stateDb} (the profile, shared store)`);
    const store = readCell(
      stateDb,
      `select value_json from config_machine_state where state_key = 'authProfiles.store'`,
    ) as { profiles: Record<string, unknown> };
    expect(store.profiles['openai:api-key']).toEqual({ type: 'api_key', provider: 'openai', key });
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(false);
  });
});
