import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { createFakeServices, fakeState, NOW } from '../helpers/fake-services.js';
import { renderApp, waitForFrame } from '../helpers/ink.js';

const profiles = {
  'anthropic:work': {
    type: 'token',
    provider: 'anthropic',
    token: fakeSecrets.setupToken('w'),
    expires: NOW + 86_400_000 * 30,
  },
};

describe('onboarding wizard: what was given and typed early is not lost', () => {
  it('opens on the secret when --provider and --method are both given, and keeps a paste made at once', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'openai', method: 'api-key' });
    const key = fakeSecrets.openaiKey();
    await app.type(key);
    const frame = await waitForFrame(app, 'Paste the OpenAI API key');
    expect(frame).not.toContain('Welcome');
    expect(frame).toContain('looks right');
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
  });

  it('opens on the method question when only --provider is given (login --provider openai)', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'openai' });
    const frame = await waitForFrame(app, 'How do you want to sign in to OpenAI?');
    expect(frame).not.toContain('Welcome');
    // The first step of this run: Esc leaves, there is nothing to go back to.
    await app.press('escape');
    expect(app.exits).toEqual([{ exitCode: 130 }]);
  });

  it('opens on the providers that offer --method when it is given alone, then asks for the secret', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', method: 'browser' });
    const frame = await waitForFrame(app, 'Which provider? (those that offer browser)');
    expect(frame).not.toContain('Welcome');
    expect(frame).toContain('OpenAI');
    expect(frame).not.toContain('Groq');
    expect(frame).not.toContain('Another provider');
    const keys = await renderApp(createFakeServices(), { name: 'onboard', method: 'api-key' });
    await waitForFrame(keys, 'Which provider? (those that offer api-key)');
    await keys.type('groq');
    await keys.press('enter');
    await waitForFrame(keys, 'Paste the Groq API key');
  });

  it('hands over to setup-token at once for --provider anthropic --method setup-token', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'anthropic', method: 'setup-token' });
    await waitForFrame(app, 'setup-token → anthropic:default');
  });

  it('dashboard: a, typing "openai", Enter Enter lands in the OpenAI API-key field', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    await app.type('a');
    await app.type('openai');
    await app.press('enter');
    await app.press('enter');
    const frame = await waitForFrame(app, /Paste the (OpenAI|Anthropic) API key/);
    expect(frame).toContain('Paste the OpenAI API key');
  });

  it('dashboard: the same keys in one chunk still reach the provider search', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    await app.type('aopenai');
    await app.press('enter');
    await app.press('enter');
    const frame = await waitForFrame(app, /Paste the \w+ API key/);
    expect(frame).toContain('Paste the OpenAI API key');
  });
});

describe('the secret field says what it checked', () => {
  it('a provider of your own has no shape to check: no "looks right" for any six characters', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'zzz', method: 'api-key' });
    await waitForFrame(app, 'Paste the');
    await app.type('abc123');
    const frame = await waitForFrame(app, 'knows no shape');
    expect(frame).not.toContain('looks right');
  });
});

describe('a refresh token pasted for Anthropic', () => {
  it('sends to "made here" only where Claude Code is; elsewhere it says to paste one made where it is', async () => {
    for (const claude of [true, false]) {
      const services = createFakeServices();
      if (!claude)
        services.findClaude = () => {
          throw new Error('claude is not installed');
        };
      const app = await renderApp(services, { name: 'onboard', provider: 'anthropic', method: 'paste-token' });
      await waitForFrame(app, 'Paste the');
      await app.type(fakeSecrets.refreshToken());
      const frame = (await waitForFrame(app, 'refresh token')).replace(/\s*\n\s*/g, ' ');
      // Opened with --provider and --method, Esc leaves: the command that makes one here is named.
      if (claude) expect(frame).toContain('`authdeck onboard --provider anthropic --method setup-token` takes it');
      else {
        expect(frame).not.toContain('made here');
        expect(frame).toContain('made with Claude Code on a machine that has it');
      }
      app.unmount();
    }
  });
});

describe('onboarding wizard: a key pasted where the provider is asked', () => {
  it('at the welcome, never stands in clear and one Enter puts it in its provider’s field', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard' });
    await waitForFrame(app, 'Welcome');
    const key = fakeSecrets.anthropicApiKey();
    // As a terminal delivers a paste: in pieces, the first one moving past the welcome.
    await app.type(key.slice(0, 30));
    await app.type(key.slice(30));
    const frame = await waitForFrame(app, 'That is an Anthropic API key, so it is not shown');
    expect(frame).not.toContain(key.slice(0, 30));
    expect(frame).not.toContain(key.slice(20, 60));
    // Not its end either: dots and a count, as the secret field shows it.
    expect(frame).not.toContain(key.slice(-4));
    expect(frame).toMatch(/search: •+…? +108 characters/);
    expect(frame).toContain('Use it: an Anthropic API key');
    await app.press('enter');
    const secretStep = await waitForFrame(app, 'Paste the Anthropic API key');
    expect(secretStep).not.toContain(key.slice(20, 60));
    expect(secretStep).toContain('looks right');
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
  });

  it('of a shape no provider owns, is hidden too and offers nothing to choose', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard' });
    await waitForFrame(app, 'Welcome');
    const key = fakeSecrets.deepseekKey();
    await app.type(key);
    const frame = await waitForFrame(app, 'That looks like a key, so it is not shown');
    expect(frame).not.toContain(key.slice(0, 24));
    expect(frame).not.toContain('Another provider');
    await app.press('enter');
    expect(app.lastFrame()).not.toContain('Provider id');
    await app.press('escape');
    await waitForFrame(app, 'Anthropic');
  });
});
