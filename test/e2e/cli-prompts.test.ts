import { afterEach, describe, expect, it } from 'vitest';
import { TerminalSession } from '../helpers/pty-driver.js';
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
