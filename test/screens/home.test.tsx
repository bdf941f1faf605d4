import { describe, expect, it } from 'vitest';
import { homeScreen } from '../../src/navigation.js';
import { createFakeServices, fakeState } from '../helpers/fake-services.js';
import { renderApp, waitForFrame } from '../helpers/ink.js';

describe('home (authdeck with no command, in a terminal)', () => {
  it('opens the wizard when the agent has no credential', async () => {
    expect(homeScreen(fakeState())).toEqual({ name: 'onboard' });
    const app = await renderApp(createFakeServices(), homeScreen(fakeState()));
    await waitForFrame(app, 'Welcome');
  });

  it('opens the dashboard when it has one, even only from the environment, or when the store cannot be read', async () => {
    expect(homeScreen(fakeState({ 'groq:a': { type: 'api_key', provider: 'groq', key: 'gsk_x' } }))).toEqual({
      name: 'dashboard',
    });
    const envOnly = fakeState();
    envOnly.daemonEnv = { OPENAI_API_KEY: 'sk-proj-abcdefghijklmnopqrstuvwx' };
    expect(homeScreen(envOnly)).toEqual({ name: 'dashboard' });
    expect(homeScreen(undefined)).toEqual({ name: 'dashboard' });
    const withEnv = await renderApp(createFakeServices({ state: envOnly }), homeScreen(envOnly));
    const frame = await waitForFrame(withEnv, 'dashboard');
    expect(frame).toContain('env OPENAI_API_KEY');
  });

  it('takes a bare line feed as Enter (typed before the terminal left line mode)', async () => {
    const app = await renderApp(createFakeServices(), { name: 'onboard' });
    await waitForFrame(app, 'Welcome');
    await app.type('\n');
    await waitForFrame(app, 'Which provider?');
  });
});
