import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { createFakeServices, fakeState } from '../helpers/fake-services.js';
import { openProviderList, renderApp, waitForFrame } from '../helpers/ink.js';

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

// Every other field shown as typed (a base URL, a model id, an account id): a key in it was shown,
// repeated in the field's problem line, and a model id holding one was written into openclaw.json.
describe('a key pasted into a field shown as typed', () => {
  const key = `sk-proj-${'Zz8'.repeat(20)}Q1w2E3r4`;

  it('the custom endpoint masks it in the base URL and the model id, says so, and Enter takes neither', async () => {
    const services = createFakeServices();
    const app = await openProviderList(services);
    await app.type('custom');
    await waitForFrame(app, '❯ Custom endpoint (OpenAI- or Anthropic-compatible)…');
    await app.press('enter');
    await waitForFrame(app, 'Base URL of the endpoint');
    await app.type(`${START}${key}${END}`);
    const url = await waitForFrame(app, 'that looks like a key: not shown, and not taken here');
    expect(url).not.toContain('Zz8Zz8');
    expect(url).not.toContain('is not an http');
    await app.press('enter');
    expect(app.frame()).toContain('Base URL of the endpoint');
    await app.type('\x15');
    await app.type('http://127.0.0.1:8080/v1');
    await app.press('enter');
    await waitForFrame(app, 'Model id');
    await app.type(`${START}${key}${END}`);
    await waitForFrame(app, 'that looks like a key');
    await app.press('enter');
    expect(app.frame()).not.toContain('Zz8Zz8');
    expect(app.frame()).not.toContain('Which API does it speak?');
    expect(services.calls.map(([name]) => name)).not.toContain('setUpCustomEndpoint');
  });

  it("Cloudflare's account id masks it and Enter does not take it", async () => {
    const app = await renderApp(createFakeServices(), {
      name: 'onboard',
      provider: 'cloudflare-ai-gateway',
      method: 'api-key',
    });
    await waitForFrame(app, 'Cloudflare account id:');
    await app.type(`${START}${key}${END}`);
    const frame = await waitForFrame(app, 'that looks like a key');
    expect(frame).not.toContain('Zz8Zz8');
    expect(frame).not.toContain('32 hex digits');
    await app.press('enter');
    expect(app.frame()).not.toContain('Cloudflare AI Gateway id:');
  });
});
