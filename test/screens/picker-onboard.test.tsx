import { describe, expect, it } from 'vitest';
import { anthropicPair, createFakeServices, fakeState, NOW } from '../helpers/fake-services.js';
import { renderApp, waitForFrame, waitUntil } from '../helpers/ink.js';

const profiles = {
  ...anthropicPair(),
  'anthropic:dead': {
    type: 'token',
    provider: 'anthropic',
    token: 'sk-ant-oat01-cccccccccccccccccccccccc',
    expires: NOW - 1,
  },
  'groq:main': { type: 'api_key', provider: 'groq', key: 'gsk_dddddddddddddddddddddddd' },
};
const key = () => ['sk', 'proj', 'x'.repeat(40)].join('-');

describe('picker screen', () => {
  it('writes the chosen profile first and the rest after it, and prints it with --print', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'pick', provider: 'anthropic', print: true });
    await waitForFrame(app, 'Which anthropic profile should agent main use first?');
    expect(app.frame()).toMatch(/❯ anthropic:work .*← next now/);
    await app.press('down');
    await app.press('enter');
    expect(services.calls).toContainEqual([
      'setOrder',
      'anthropic',
      ['anthropic:default', 'anthropic:work', 'anthropic:dead'],
    ]);
    await waitUntil(() => app.exits.length > 0, 'the picker to exit');
    expect(app.exits).toEqual([{ exitCode: 0, print: 'anthropic:default' }]);
  });

  it('keeps a profile the order leaves out left out, and says which are not tried now', async () => {
    const three = { ...profiles, 'anthropic:spare': { type: 'api_key', provider: 'anthropic', key: key() } };
    const services = createFakeServices({
      state: fakeState(three, { order: { anthropic: ['anthropic:work', 'anthropic:default'] } }),
    });
    const app = await renderApp(services, { name: 'pick', provider: 'anthropic' });
    const frame = await waitForFrame(app, 'Which anthropic profile should agent main use first?');
    expect(frame).toMatch(/anthropic:spare .*not tried now/);
    expect(frame).not.toMatch(/anthropic:default .*not tried now/);
    await app.press('down');
    await app.press('enter');
    expect(services.calls).toContainEqual(['setOrder', 'anthropic', ['anthropic:default', 'anthropic:work']]);
  });

  it('writes nothing when the chosen profile is already first (an override would freeze the order)', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'pick', provider: 'groq', print: true });
    await waitForFrame(app, 'Which groq profile');
    await app.press('enter');
    await waitUntil(() => app.exits.length > 0, 'the picker to exit');
    expect(services.calls).toEqual([]);
    expect(app.exits).toEqual([{ exitCode: 0, print: 'groq:main' }]);
  });

  it('asks for the provider first when none is given, and Esc cancels with 130', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'pick' });
    await waitForFrame(app, 'Which provider?');
    await app.press('down');
    await app.press('enter');
    await waitForFrame(app, 'Which groq profile');
    await app.press('escape');
    await waitForFrame(app, 'Which provider?');
    await app.press('escape');
    expect(app.exits).toEqual([{ exitCode: 130 }]);
    expect(services.calls).toEqual([]);
  });
});

describe('onboarding wizard', () => {
  it('walks provider, method, secret, profile, .env, then writes once and sums up', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard' });
    await waitForFrame(app, 'Welcome');
    expect(app.frame()).toContain('profiles    none yet');
    expect(app.frame()).toContain('claude      found at /usr/local/bin/claude');
    await app.press('enter');
    await waitForFrame(app, 'Which provider?');
    await app.type('openai');
    expect(app.frame()).toMatch(/❯ OpenAI openai/);
    await app.press('enter');
    await waitForFrame(app, 'How do you want to sign in to OpenAI?');
    await app.press('enter');
    await waitForFrame(app, 'Paste the OpenAI API key');
    await app.type('sk-ant-api03-zzzz');
    expect(app.frame()).toMatch(/✘ this looks like an Anthropic API key, but the provider is openai/);
    await app.press('enter');
    expect(app.frame()).toContain('Paste the OpenAI API key');
    await app.type('\x15');
    await app.type(`${key()}\n`);
    const named = await waitForFrame(app, 'Profile name:');
    // The name OpenClaw's onboarding gives an OpenAI key: said as that, not as a taken default.
    // A home of OpenClaw before 2026.8 (these fakes: JSON files): the name its onboarding gives.
    expect(named.replace(/\s+/g, ' ')).toContain('Profile name: openai:default');
    expect(named).not.toContain('is taken');
    await app.press('enter');
    await waitForFrame(app, "Also set OPENAI_API_KEY in the daemon's .env?");
    expect(services.calls).toEqual([]);
    await app.type('y');
    const summary = await waitForFrame(app, 'Saved openai:default');
    expect(summary).toContain('/home/me/.openclaw/agents/main/agent/auth-profiles.json');
    expect(summary).toContain('/home/me/.openclaw/.env (OPENAI_API_KEY)');
    expect(summary).toContain('authdeck status');
    expect(services.calls).toEqual([
      [
        'saveCredential',
        {
          profileId: 'openai:default',
          provider: 'openai',
          kind: 'api_key',
          secret: key(),
          replace: 'never',
          envVariable: 'OPENAI_API_KEY',
        },
      ],
      // The verify step checks the saved key (the fake answers nothing, so it goes straight on).
      ['probe', ['openai:default']],
    ]);
    await app.press('enter');
    expect(app.exits).toEqual([{ exitCode: 0, select: 'openai:default' }]);
  });

  it('asks before overwriting, goes back with Esc, and writes nothing when left early', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'onboard', provider: 'groq', method: 'api-key' });
    await waitForFrame(app, 'Paste the Groq API key');
    await app.type(`gsk_${'y'.repeat(40)}\r`);
    await waitForFrame(app, 'Profile name:');
    await app.type('\x15');
    await app.type('main');
    await app.press('enter');
    await waitForFrame(app, 'groq:main already exists (api_key). Replace it?');
    await app.press('escape');
    await waitForFrame(app, 'Profile name:');
    await app.press('escape');
    await waitForFrame(app, 'Paste the Groq API key');
    await app.press('escape');
    expect(app.exits).toEqual([{ exitCode: 130 }]);
    expect(services.calls).toEqual([]);
  });

  it('hands over to setup-token for Anthropic', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'anthropic' });
    await waitForFrame(app, 'How do you want to sign in to Anthropic');
    expect(app.frame()).toMatch(/API key \(recommended\)/);
    await app.press('down');
    await app.press('enter');
    await waitForFrame(app, 'setup-token → anthropic:default');
  });
});
