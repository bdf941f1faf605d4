import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { homeScreen } from '../../src/navigation.js';
import { readModelSettings } from '../../src/services/status/model-usage.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { createFakeServices, fakeState, fakeWorkspace, NOW, signInResult } from '../helpers/fake-services.js';
import { enterGroqKey, renderApp, waitForFrame, waitUntil } from '../helpers/ink.js';

describe('home (authdeck with no command, in a terminal)', () => {
  it('opens the wizard when the agent has no credential', async () => {
    expect(homeScreen(fakeState())).toEqual({ name: 'onboard', home: true });
    const app = await renderApp(createFakeServices(), homeScreen(fakeState()));
    await waitForFrame(app, 'Welcome');
  });

  it('goes on to the dashboard, on the new profile, when the wizard it opened is done', async () => {
    const services = createFakeServices();
    const save = services.saveCredential;
    services.saveCredential = async (input) => {
      const result = await save(input);
      services.state = fakeState({
        [input.profileId]: { type: 'api_key', provider: input.provider, key: input.secret },
      });
      return result;
    };
    const app = await renderApp(services, { name: 'onboard', provider: 'groq', method: 'api-key', home: true });
    await waitForFrame(app, 'Paste the');
    await enterGroqKey(app);
    await waitForFrame(app, 'Saved groq:default');
    await app.press('enter');
    expect(await waitForFrame(app, 'authdeck · dashboard')).toMatch(/▸ .*groq:default/);
    expect(app.exits).toEqual([]);
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

describe('home: a wizard that handed over to setup-token or a sign-in', () => {
  /** Services whose state holds what was saved, as a re-read of the store would. */
  function remembering() {
    const services = createFakeServices();
    const save = services.saveCredential;
    services.saveCredential = async (input) => {
      const result = await save(input);
      services.state = fakeState({
        [input.profileId]: { type: 'token', provider: input.provider, token: input.secret },
      });
      return result;
    };
    return services;
  }

  it('goes on to the dashboard after a setup-token, as after a key', async () => {
    const services = remembering();
    const app = await renderApp(services, {
      name: 'onboard',
      provider: 'anthropic',
      method: 'setup-token',
      home: true,
    });
    await waitForFrame(app, 'setup-token → anthropic:default');
    await services.sessions[0]!.emit({ phase: 'token', token: fakeSecrets.setupToken(), recognised: true });
    await waitForFrame(app, 'Saved anthropic:default');
    await app.press('enter');
    expect(await waitForFrame(app, 'authdeck · dashboard')).toMatch(/▸ .*anthropic:default/);
    expect(app.exits).toEqual([]);
  });

  it('goes on to the dashboard after a sign-in', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'openai', method: 'device', home: true });
    await waitUntil(() => services.signIns.length === 1, 'the sign-in to start');
    services.state = fakeState({
      'openai-codex:me@example.com': {
        type: 'oauth',
        provider: 'openai-codex',
        access: 'a',
        refresh: 'r',
        expires: NOW + 3_600_000,
      },
    });
    await act(async () => services.signIns[0]!.resolve(signInResult(services, 'openai-codex:me@example.com')));
    await waitForFrame(app, 'Signed in as me@example.com');
    await app.press('enter');
    expect(await waitForFrame(app, 'authdeck · dashboard')).toMatch(/▸ .*openai-codex:me@example\.com/);
    expect(app.exits).toEqual([]);
  });
});

describe('home: a provider the config serves alone', () => {
  /** Ollama set up by the wizard's local-server step: a block with its models and key, no profile. */
  function servedByConfig() {
    const config = fakeWorkspace().config;
    const models = readModelSettings({
      agents: { defaults: { model: { primary: 'ollama/llama3:latest' } } },
      models: {
        providers: {
          ollama: {
            baseUrl: 'http://127.0.0.1:11434',
            api: 'ollama',
            apiKey: 'ollama-local',
            models: [{ id: 'llama3' }],
          },
        },
      },
    });
    return fakeState({}, {}, fakeWorkspace({ config: { ...config, models } }));
  }

  it('is set up: authdeck opens the dashboard, which shows it and what serves it', async () => {
    const state = servedByConfig();
    expect(homeScreen(state)).toEqual({ name: 'dashboard' });
    const services = createFakeServices({ state });
    const app = await renderApp(services, homeScreen(state));
    const frame = await waitForFrame(app, 'ollama');
    // OpenClaw's marker for a keyless server is no key to worry about (it read "the key in the config").
    expect(frame).toContain('a server that takes no key (models.providers.ollama.apiKey is the marker ollama-local)');
    expect(frame).not.toContain('No credentials yet');
  });
});

describe('the last frame a screen leaves on the terminal', () => {
  it('has no key hints: nothing takes keys any more', async () => {
    const state = fakeState({ 'groq:a': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey() } });
    const app = await renderApp(createFakeServices({ state }), { name: 'dashboard' });
    expect(await waitForFrame(app, 'groq:a')).toContain('? help');
    await app.type('q');
    await waitUntil(() => app.exits.length > 0, 'the dashboard to exit');
    expect(app.exits).toEqual([{ exitCode: 0 }]);
    expect(app.frame()).toContain('groq:a');
    expect(app.frame()).not.toContain('? help');
  });
});
