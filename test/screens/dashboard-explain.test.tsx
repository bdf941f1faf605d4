import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { readModelSettings } from '../../src/services/status/model-usage.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { createFakeServices, fakeState, fakeWorkspace, NOW } from '../helpers/fake-services.js';
import { renderApp, waitForFrame } from '../helpers/ink.js';

const profiles = {
  'anthropic:work': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken('w') },
  'anthropic:spare': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken('s') },
};

describe('dashboard: e explains', () => {
  it('shows each model with its profiles as the gateway tries them, and closes with esc', async () => {
    const workspace = fakeWorkspace();
    workspace.config.models = readModelSettings({ agents: { defaults: { model: 'anthropic/claude-sonnet-4-6' } } });
    const state = fakeState(
      profiles,
      { usageStats: { 'anthropic:work': { cooldownUntil: NOW + 30 * 60_000, cooldownReason: 'rate_limit' } } },
      workspace,
    );
    const services = createFakeServices({ state });
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    await app.type('e');
    const frame = await waitForFrame(app, 'A request now goes to');
    expect(frame).toContain('Why each profile is tried, waiting or skipped');
    expect(frame).toContain('1. anthropic/claude-sonnet-4-6 · default');
    expect(frame).toMatch(/1\* anthropic:spare +token +static · tried first/);
    expect(frame).toMatch(/2 +anthropic:work +token +cooldown 30m left \(rate_limit\)/);
    expect(frame).toContain('esc/q close');
    expect(services.calls.map((call) => call[0])).toEqual(['explain']);
    await app.press('escape');
    await waitForFrame(app, 'K/J reorder');
  });

  it('follows the store while open: the profile disabled meanwhile is no longer "tried first"', async () => {
    const workspace = fakeWorkspace();
    workspace.config.models = readModelSettings({ agents: { defaults: { model: 'anthropic/claude-sonnet-4-6' } } });
    const services = createFakeServices({ state: fakeState(profiles, {}, workspace) });
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    await app.type('e');
    await waitForFrame(app, /anthropic:work +token +static · tried first/);
    await act(async () => {
      services.state = fakeState(
        profiles,
        { usageStats: { 'anthropic:work': { disabledUntil: NOW + 5 * 3_600_000, disabledReason: 'billing' } } },
        workspace,
      );
      for (const listener of services.changeListeners) listener();
    });
    const after = await waitForFrame(app, /anthropic:work +token +disabled 5h left/);
    expect(after).toMatch(/anthropic:spare +token +static · tried first/);
    expect(after).toContain('A request now goes to anthropic/claude-sonnet-4-6 with anthropic:spare');
  });

  it('at 60 columns "tried first" stays on one line (it was cut between the two words)', async () => {
    const workspace = fakeWorkspace();
    workspace.config.models = readModelSettings({ agents: { defaults: { model: 'anthropic/claude-sonnet-4-6' } } });
    const state = fakeState(
      { 'anthropic:default': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey() } },
      {},
      workspace,
    );
    const app = await renderApp(createFakeServices({ state }), { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:default');
    await app.resize(60, 40);
    await app.type('e');
    const frame = await waitForFrame(app, 'A request now goes to');
    // The phrase whole, on the line after the status if it must be.
    expect(frame).toMatch(/│ +tried first +│|static · tried first/);
    expect(frame).not.toMatch(/tried +│\n/);
  });
});

describe('dashboard: an explanation taller than the panel', () => {
  it('scrolls with ↑/↓, saying what is above and below, and reaches its last line', async () => {
    const workspace = fakeWorkspace();
    workspace.config.models = readModelSettings({
      agents: {
        defaults: { model: { primary: 'anthropic/claude-sonnet-4-6', fallbacks: ['anthropic/claude-opus-5'] } },
      },
    });
    const many: Record<string, Record<string, unknown>> = {};
    for (let index = 0; index < 8; index++)
      many[`anthropic:k${index}`] = {
        type: 'token',
        provider: 'anthropic',
        token: fakeSecrets.setupToken(`k${index}`),
      };
    const app = await renderApp(createFakeServices({ state: fakeState(many, {}, workspace) }), { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:k0');
    await app.resize(80, 16);
    await app.type('e');
    const first = await waitForFrame(app, /more below · ↑\/↓ scroll/);
    expect(first).not.toContain('A request now goes to');
    expect(first).toContain('↑↓ scroll');
    for (let step = 0; step < 40; step++) await app.press('down');
    const end = await waitForFrame(app, 'A request now goes to');
    expect(end).toMatch(/\d+ above · ↑\/↓ scroll/);
    expect(end).not.toContain('more below');
    await app.press('up');
    expect(app.frame()).toMatch(/1 more below/);
  });
});
