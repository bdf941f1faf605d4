import { describe, expect, it } from 'vitest';
import { anthropicPair, createFakeServices, fakeState } from '../helpers/fake-services.js';
import { renderApp, waitForFrame, waitUntil } from '../helpers/ink.js';

// Keys that arrive together in one read (fast typing, tmux, ssh, a loaded machine) must act
// as if they came one by one: each sees what the keys before it did.
const profiles = {
  ...anthropicPair(),
  'groq:main': { type: 'api_key', provider: 'groq', key: 'gsk_dddddddddddddddddddddddd' },
};

describe('keys that arrive in one chunk', () => {
  it('picker: ↓ then Enter chooses the row ↓ moved to, and writes once', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'pick', provider: 'anthropic', print: true });
    await waitForFrame(app, 'Which anthropic profile should agent main use first?');
    await app.type('\x1b[B\r\r');
    await waitUntil(() => app.exits.length > 0, 'the picker to exit');
    expect(services.calls).toEqual([['setOrder', 'anthropic', ['anthropic:default', 'anthropic:work']]]);
    expect(app.exits).toEqual([{ exitCode: 0, print: 'anthropic:default' }]);
  });

  it('picker: Enter on the provider then ↓ Enter reach the profile list', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'pick' });
    await waitForFrame(app, 'Which provider?');
    await app.type('\r\x1b[B\r');
    await waitUntil(() => app.exits.length > 0, 'the picker to exit');
    expect(services.calls).toEqual([['setOrder', 'anthropic', ['anthropic:default', 'anthropic:work']]]);
  });

  it('dashboard: j then K moves the row j went to', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    expect(app.frame()).toMatch(/▸\s+1\*?\s+anthropic:work/);
    await app.type('jK');
    await waitForFrame(app, /anthropic order: anthropic:default → anthropic:work/);
    expect(services.calls).toEqual([['setOrder', 'anthropic', ['anthropic:default', 'anthropic:work']]]);
  });

  it('dashboard: / then a filter and Enter in one chunk filters', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    await app.type('/groq\r');
    const frame = await waitForFrame(app, 'filter: groq');
    expect(frame).toContain('groq:main');
    expect(frame).not.toContain('anthropic:work');
  });

  it('text field: three Backspaces in one chunk delete three characters', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'onboard', provider: 'groq', method: 'api-key' });
    await waitForFrame(app, 'Paste the Groq API key');
    const key = `gsk_${'y'.repeat(40)}`;
    await app.type(`${key}xyz`);
    expect(app.frame()).toContain('47 characters');
    await app.type('\x7f\x7f\x7f');
    expect(app.frame()).toContain('44 characters');
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
    // The provider search fills with nothing invisible either.
  });

  it('provider search: typing a name and Enter in one chunk picks what the search narrowed to', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard' });
    await waitForFrame(app, 'Welcome');
    await app.type('\rgroq\x7f\x7foq\r');
    await waitForFrame(app, 'How do you want to sign in to Groq?');
  });
});
