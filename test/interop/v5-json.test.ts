import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { readJson } from '../helpers/temp-state.js';
import { interopHome, listIds } from './interop-home.js';
import { openclaw, openclawInPty } from './openclaw-harness.js';

describe('OpenClaw 2026.5.20 (JSON era)', () => {
  it('and authdeck read each other: profiles, order, config', async () => {
    const h = interopHome('2026.5.20');
    const theirs = await openclawInPty(
      '2026.5.20',
      h.home,
      ['models', 'auth', 'paste-token', '--provider', 'anthropic'],
      fakeSecrets.setupToken('v5'),
    );
    expect(theirs).toMatchObject({ code: 0 });
    const status = JSON.parse((await h.authdeck(['status', '--json'])).stdout);
    expect(status.store.storeGeneration).toBe('json');
    expect(status.profiles.map((profile: { id: string }) => profile.id)).toEqual(['anthropic:manual']);
    expect(
      (
        await h.authdeck(
          ['add-key', '--provider', 'anthropic', '--profile-id', 'key'],
          fakeSecrets.anthropicApiKey('v5'),
        )
      ).code,
    ).toBe(0);
    expect(await listIds('2026.5.20', h.home)).toEqual(['anthropic:key', 'anthropic:manual']);
    expect(await h.authdeck(['order', 'set', '--provider', 'anthropic', 'key', 'manual'])).toMatchObject({ code: 0 });
    const order = await openclaw('2026.5.20', h.home, ['models', 'auth', 'order', 'get', '--provider', 'anthropic']);
    expect(order.stdout).toMatch(/anthropic:key,\s*anthropic:manual/);
    expect(readJson(h.configPath).auth.profiles['anthropic:key']).toEqual({ provider: 'anthropic', mode: 'api_key' });
  });
});
