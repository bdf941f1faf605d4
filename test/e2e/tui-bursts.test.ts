import { afterEach, describe, expect, it } from 'vitest';
import { TerminalSession } from '../helpers/pty-driver.js';
import { makeTempHome } from '../helpers/temp-state.js';

// tmux `send-keys -l`, a paste without bracketed-paste, or typing on a loaded machine: several
// keys in one read. In the real Ink (no act()), React renders a step change in a scheduler task
// of its own, so keys after the change must wait for the commit, not for a turn of the loop.
const sessions: TerminalSession[] = [];
afterEach(() => {
  while (sessions.length > 0) sessions.pop()!.kill();
});

/** The wizard's welcome, once Ink reads the keys (not the plain first frame drawn before it loads). */
async function welcomeWithInkReading(): Promise<TerminalSession> {
  const { home } = makeTempHome();
  const session = TerminalSession.launch(['onboard'], { home });
  sessions.push(session);
  await session.waitFor('Welcome. This sets up a credential');
  await session.press('enter');
  await session.waitFor('Which provider?');
  await session.press('escape');
  await session.waitFor('Welcome. This sets up a credential');
  return session;
}

describe('a burst of keys in a real terminal', () => {
  it('typed at the wizard welcome, starts the provider search with every character', async () => {
    const session = await welcomeWithInkReading();
    await session.type('openrouter');
    // Before: each key after the first replaced the search, which ended as "search: r".
    const screen = await session.waitFor('search: openrouter');
    expect(screen).toMatch(/❯ OpenRouter openrouter/);
  });

  it('Enter then a name in one write: the keys after Enter reach the search', async () => {
    const session = await welcomeWithInkReading();
    await session.type('\ranthropic');
    const screen = await session.waitFor('search: anthropic');
    expect(screen).toMatch(/❯ Anthropic anthropic/);
  });
});
