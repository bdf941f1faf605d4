import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { createFakeServices, fakeState } from '../helpers/fake-services.js';
import { renderApp, waitForFrame, waitUntil } from '../helpers/ink.js';

const profiles = {
  'anthropic:work': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey() },
  'groq:main': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey() },
};

describe('logout screen', () => {
  it('removes the profile chosen in the list after y, and never takes the choosing Enter as the answer', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'logout' });
    await waitForFrame(app, 'Which profile should agent main sign out of');
    // ↓ and Enter in one chunk, as a fast typist or tmux sends them.
    await app.type('\x1b[B\r');
    await waitForFrame(app, 'Remove groq:main?');
    expect(services.calls).toEqual([]);
    await app.type('y');
    // The screen exits once the removal lands; under load that can be before any frame is read.
    await waitUntil(() => app.exits.length > 0, 'the logout screen to exit');
    expect(services.calls).toEqual([['removeProfile', 'groq:main']]);
    expect(app.exits[0]).toMatchObject({ exitCode: 0, print: expect.stringContaining('Removed groq:main') });
    // As `authdeck remove` says it: the config's entries that went with it (it said the store alone).
    expect(app.exits[0]?.print).toContain(
      '  and its mentions in /home/me/.openclaw/openclaw.json: auth.profiles["groq:main"]',
    );
  });

  it('G and End go to the last profile, g and Home back to the first, as on the dashboard', async () => {
    // They did nothing here: G then Enter asked about the first row (a newcomer's walk).
    const services = createFakeServices({
      state: fakeState({
        ...profiles,
        'openai:z': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey() },
      }),
    });
    const app = await renderApp(services, { name: 'logout' });
    await waitForFrame(app, 'Which profile');
    for (const [keys, first] of [
      ['G', false],
      ['g', true],
      ['\x1b[F', false],
      ['\x1b[H', true],
    ] as const) {
      await app.type(keys);
      await app.press('enter');
      await waitForFrame(app, first ? 'Remove anthropic:work?' : 'Remove openai:z?');
      await app.type('n');
      await waitForFrame(app, 'Which profile');
    }
  });

  it('keeps the profile on any other key, and Esc leaves with 130', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'logout' });
    await waitForFrame(app, 'Which profile');
    await app.press('enter');
    await waitForFrame(app, 'Remove anthropic:work?');
    await app.type('n');
    await waitForFrame(app, 'Which profile');
    // Ctrl+Y and Alt+Y are not y: a slip of the fingers keeps the credential.
    for (const slip of ['\x19', '\x1by']) {
      await app.press('enter');
      await waitForFrame(app, 'Remove anthropic:work?');
      await app.type(slip);
      await waitForFrame(app, 'Which profile');
    }
    await app.press('escape');
    expect(app.exits).toEqual([{ exitCode: 130 }]);
    expect(services.calls).toEqual([]);
  });

  it('after a kept answer the list opens on the profile just chosen, not at the top', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'logout' });
    await waitForFrame(app, 'Which profile');
    await app.type('j');
    await app.press('enter');
    await waitForFrame(app, 'Remove groq:main?');
    await app.type('n');
    expect(await waitForFrame(app, 'Which profile')).toMatch(/❯ groq:main/);
  });
});
