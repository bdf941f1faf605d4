import { describe, expect, it } from 'vitest';
import { createFakeServices, fakeState, NOW } from '../helpers/fake-services.js';
import { renderApp, waitForFrame } from '../helpers/ink.js';

describe('dashboard: a sign-in whose refresh token was refused', () => {
  it('counts down as status counts it, with status’s warning, not "ok" beside it', async () => {
    const id = 'openai-codex:me@example.com';
    const state = fakeState({
      [id]: { type: 'oauth', provider: 'openai-codex', access: 'a', refresh: 'r', expires: NOW + 3 * 3_600_000 },
    });
    const renewing = await renderApp(createFakeServices({ state }), { name: 'dashboard' });
    expect(await waitForFrame(renewing, id)).toMatch(/openai-codex:me@example\.com .* ok /);
    const services = createFakeServices({ state });
    services.refused = {
      ids: new Set([id]),
      warnings: [`${id}: the provider refused its refresh token (invalid_grant), so the gateway cannot renew it`],
    };
    const app = await renderApp(services, { name: 'dashboard' });
    const frame = await waitForFrame(app, 'the provider refused its refresh token');
    expect(frame).toMatch(/openai-codex:me@example\.com .* expiring /);
    expect(frame).toContain('1 expiring');
  });
});
