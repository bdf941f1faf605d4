import { afterEach, describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { TerminalSession } from '../helpers/pty-driver.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome } from '../helpers/temp-state.js';

const sessions: TerminalSession[] = [];
afterEach(() => {
  while (sessions.length > 0) sessions.pop()!.kill();
});

describe('a secret asked for in a terminal', () => {
  it('add-key says where to get the key before its masked prompt, as the wizard does', async () => {
    const { home } = makeTempHome();
    const session = TerminalSession.launch(['--no-reload', 'add-key', '--provider', 'openai'], { home });
    sessions.push(session);
    const screen = await session.waitFor('OpenAI API key:');
    expect(screen).toContain('Get one at https://platform.openai.com/api-keys');
    expect(screen.indexOf('Get one at')).toBeLessThan(screen.indexOf('OpenAI API key:'));
  });
});

describe('a yes/no question in a 60-column terminal', () => {
  it('breaks at spaces, never inside a word or a path, and the answer goes after it', async () => {
    const { home } = makeTempHome();
    const added = await runCommand(['--no-reload', 'add-key', '--provider', 'openai', '--profile-id', 'default-2'], {
      home,
      input: fakeSecrets.openaiKey(),
    });
    expect(added.code).toBe(0);
    const session = TerminalSession.launch(['--no-reload', 'remove', 'default-2'], { home, cols: 60 });
    sessions.push(session);
    const screen = await session.waitFor('[y/N]');
    const lines = screen.split('\n').filter((line) => line.trim() !== '');
    // Each line ends at a space the question had, or after a path's slash: never mid-word.
    const asked = lines.reduce((text, line) => `${text}${text.endsWith('/') ? '' : ' '}${line.trim()}`, '');
    expect(asked).toContain('Remove openai:default-2 from');
    expect(asked).toContain('/.openclaw/agents/main/agent/auth-profiles.json? It cannot be undone.');
    await session.type('y');
    expect(await session.waitForExit()).toBe(0);
    // The line that says it was removed breaks the same way.
    const done = session.screen().split('\n');
    const from = done.findIndex((line) => line.includes('✔ Removed openai:default-2'));
    const removed = done
      .slice(from)
      .filter((line) => line.trim() !== '')
      .reduce((text, line) => `${text}${text.endsWith('/') ? '' : ' '}${line.trim()}`, '');
    expect(removed).toContain('/.openclaw/agents/main/agent/auth-profiles.json');
  });
});

describe('what a save and an order say in a 60-column terminal', () => {
  it('break at spaces, never inside a word or a path', async () => {
    const { home } = makeTempHome();
    for (const id of ['default', 'backup'])
      expect(
        (
          await runCommand(['--no-reload', 'add-key', '--provider', 'openai', '--profile-id', id], {
            home,
            input: fakeSecrets.openaiKey(id),
          })
        ).code,
      ).toBe(0);
    const session = TerminalSession.launch(
      ['--no-reload', 'order', 'set', '--provider', 'openai', 'backup', 'default'],
      {
        home,
        cols: 60,
      },
    );
    sessions.push(session);
    expect(await session.waitForExit()).toBe(0);
    const lines = session
      .screen()
      .split('\n')
      .filter((line) => line.trim() !== '');
    const said = lines.reduce((text, line) => `${text}${text.endsWith('/') ? '' : ' '}${line.trim()}`, '').trim();
    expect(said).toContain('✔ openai order for agent main: openai:backup, openai:default (in ');
    expect(said).toContain('/.openclaw/agents/main/agent/auth-profiles.json)');
    // Wrapped by authdeck at a space or after a slash (the path reads whole above), not cut by the terminal.
    for (const line of lines) expect(line.trimEnd().length).toBeLessThanOrEqual(60);
  });
});
