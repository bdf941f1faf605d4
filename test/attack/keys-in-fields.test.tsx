import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { createFakeServices, fakeState } from '../helpers/fake-services.js';
import { renderApp, waitForFrame } from '../helpers/ink.js';

// A key pasted into a field that is not a secret's (a profile name, the dashboard's filter) was
// shown in full, and the wizard saved it as the profile's id: written into openclaw.json and
// printed by status and completion. Such a field masks it, and a name refuses it.
const START = '\x1b[200~';
const END = '\x1b[201~';
const secret = `gsk_SECRET${'b'.repeat(32)}7Q2x9Lk4Wp`;

/** The wizard on Groq's key, a key given, at the profile name. */
async function atProfileName() {
  const services = createFakeServices();
  const app = await renderApp(services, { name: 'onboard', provider: 'groq', method: 'api-key' });
  await waitForFrame(app, 'Paste the Groq API key');
  await app.type(fakeSecrets.groqKey());
  await app.press('enter');
  await waitForFrame(app, 'Profile name:');
  return { app, services };
}

describe('a key pasted where a name goes', () => {
  it('the wizard masks it in the profile name and never saves it as one', async () => {
    const { app, services } = await atProfileName();
    await app.type(`${START}${secret}${END}`);
    const frame = await waitForFrame(app, 'not a profile name');
    expect(frame).not.toContain('SECRET');
    await app.press('enter');
    await app.press('enter');
    expect(app.frame()).not.toContain('SECRET');
    expect(app.frame()).toContain('Profile name:');
    expect(services.calls.filter(([name]) => name === 'saveCredential')).toEqual([]);
  });

  it('a whole id with a key after the provider is refused as well', async () => {
    const { app } = await atProfileName();
    await app.type(`groq:${secret}`);
    await waitForFrame(app, 'not a profile name');
    expect(app.frame()).not.toContain('SECRET');
  });

  it("the dashboard's filter masks it, typed and kept", async () => {
    const state = fakeState({ 'groq:main': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey() } });
    const app = await renderApp(createFakeServices({ state }), { name: 'dashboard' });
    await waitForFrame(app, 'groq:main');
    await app.type('/');
    await app.type(`${START}${secret}${END}`);
    const typing = await waitForFrame(app, 'That looks like a key, so it is not shown');
    expect(typing).not.toContain('SECRET');
    await app.press('enter');
    const kept = await waitForFrame(app, 'filter: a key (not shown)');
    expect(kept).not.toContain('SECRET');
  });
});
