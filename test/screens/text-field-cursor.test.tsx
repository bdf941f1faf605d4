import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { createFakeServices, fakeState } from '../helpers/fake-services.js';
import { renderApp, waitForFrame } from '../helpers/ink.js';

async function copilotProxyAddress() {
  const services = createFakeServices();
  const app = await renderApp(services, { name: 'onboard', provider: 'copilot-proxy' });
  await waitForFrame(app, 'Set up Copilot Proxy:');
  await app.press('enter');
  await waitForFrame(app, 'Copilot Proxy base URL:');
  return { app, services };
}

describe('text fields: the cursor moves as in a shell', () => {
  it('← and → move inside an address offered filled in, so the port is changed in place', async () => {
    const { app } = await copilotProxyAddress();
    for (let i = 0; i < 3; i++) await app.press('left');
    for (let i = 0; i < 4; i++) await app.press('backspace');
    await app.type('4141');
    await waitForFrame(app, 'http://localhost:4141/v1');
    await app.press('right');
    await app.type('2');
    await waitForFrame(app, 'http://localhost:4141/2v1');
    await app.press('backspace');
    await app.press('enter');
    const models = await waitForFrame(app, 'Model ids');
    expect(models).toContain('base URL http://localhost:4141/v1');
  });

  it('Home and Ctrl+A go to the start, End and Ctrl+E to the end', async () => {
    const { app } = await copilotProxyAddress();
    await app.press('home');
    await app.type('x');
    await waitForFrame(app, 'xhttp://localhost:3000/v1');
    await app.press('end');
    await app.type('y');
    await waitForFrame(app, 'xhttp://localhost:3000/v1y');
    await app.press('ctrl-a');
    await app.press('backspace');
    await app.press('right');
    await app.press('backspace');
    await waitForFrame(app, 'ttp://localhost:3000/v1y');
    await app.press('ctrl-e');
    await app.press('backspace');
    await waitForFrame(app, /ttp:\/\/localhost:3000\/v1 *\n/);
    expect(app.frame()).not.toContain('xhttp');
  });

  it('keys typed in one burst move and insert in order (a fast hand, or tmux)', async () => {
    const { app } = await copilotProxyAddress();
    await app.type('\x1b[D\x1b[D\x1b[D:9');
    await waitForFrame(app, 'http://localhost:3000:9/v1');
  });

  it('a masked secret has no cursor to move: an arrow leaves what is typed at the end', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'groq', method: 'api-key' });
    await waitForFrame(app, 'Paste the Groq API key');
    const key = fakeSecrets.groqKey();
    await app.type(key.slice(0, -1));
    await app.press('left');
    await app.press('home');
    await app.type(key.slice(-1));
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
    await app.press('enter');
    await waitForFrame(app, "Also set GROQ_API_KEY in the daemon's .env?");
    await app.type('n');
    await waitForFrame(app, 'Saved groq:');
    expect(services.calls).toContainEqual(['saveCredential', expect.objectContaining({ secret: key })]);
  });
});

describe('the dashboard filter', () => {
  it('opened again, typing goes on at its end, wherever the cursor was left', async () => {
    const services = createFakeServices({
      state: fakeState({ 'groq:ok': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey() } }),
    });
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'groq:ok');
    await app.type('/');
    await waitForFrame(app, 'type to filter');
    await app.type('ok');
    await app.press('home');
    await app.press('enter');
    await app.type('/');
    await app.type(':');
    await waitForFrame(app, '/ ok:');
  });
});

describe('the cursor and characters made of several code points', () => {
  it('steps over an emoji with its skin tone, and Backspace takes it whole', async () => {
    const { app } = await copilotProxyAddress();
    await app.press('end');
    await app.type('👍🏽x');
    await app.press('left');
    await app.press('left');
    await app.type('a');
    await waitForFrame(app, 'http://localhost:3000/v1a👍🏽x');
    await app.press('right');
    await app.press('backspace');
    await waitForFrame(app, 'http://localhost:3000/v1ax');
    expect(app.frame()).not.toContain('🏽');
  });
});

describe('a masked field counts characters as typed', () => {
  it('an emoji is one character, said in the singular, in the field and in the reason', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'groq', method: 'api-key' });
    await waitForFrame(app, 'Paste the Groq API key');
    await app.type('🔑');
    const frame = await waitForFrame(app, '1 character');
    expect(frame).not.toContain('1 characters');
    expect(frame).not.toMatch(/\b2 characters\b/);
  });
});

describe('a masked field in a narrow terminal', () => {
  it('keeps the dots and the count on one line of its frame at 60 and 50 columns', async () => {
    for (const width of [60, 50]) {
      const services = createFakeServices();
      const app = await renderApp(services, { name: 'onboard', provider: 'anthropic', method: 'api-key' });
      await app.resize(width, 24);
      await waitForFrame(app, 'Paste the Anthropic API key');
      await app.type(fakeSecrets.anthropicApiKey());
      const frame = await waitForFrame(app, 'characters');
      const line = frame.split('\n').find((text) => text.includes('•'));
      expect(line, `${width} columns:\n${frame}`).toMatch(/^│ •+… {2}\d+ characters +│$/);
      app.unmount();
    }
  });
});

describe('a masked field with spaces pasted around the secret', () => {
  it('shows as many dots as the count beside them says', async () => {
    // "  abc  " showed 7 dots beside "3 characters" (a newcomer's walk).
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'groq', method: 'api-key' });
    await waitForFrame(app, 'Paste the');
    await app.type('  abcdefgh  ');
    const frame = await waitForFrame(app, '8 characters');
    const line = frame.split('\n').find((text) => text.includes('8 characters')) ?? '';
    expect(line).toMatch(/│ •{8} {2}8 characters/);
  });
});
