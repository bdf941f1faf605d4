import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { readJson, writeJsonFile } from '../helpers/temp-state.js';
import { interopHome, listIds } from './interop-home.js';
import { openclaw, openclawInPty, parseJsonOutput } from './openclaw-harness.js';

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

  it('split layout (auth-state.json beside auth-profiles.json): authdeck reads and writes the order as OpenClaw merges the two', async () => {
    const h = interopHome('2026.5.20');
    const key = (tag: string) => ({ type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey(tag) });
    writeJsonFile(join(h.mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'groq:a': key('a'), 'groq:b': key('b'), 'groq:c': key('c') },
      order: { groq: ['groq:b', 'groq:c'], openai: ['openai:x'] },
    });
    writeJsonFile(join(h.mainAgentDir, 'auth-state.json'), { version: 1, order: { groq: ['groq:a'] } });
    const theirOrder = async (provider: string) =>
      parseJsonOutput<{ order: string[] | null }>(
        await openclaw('2026.5.20', h.home, ['models', 'auth', 'order', 'get', '--provider', provider, '--json']),
      ).order;
    const ours = async (provider: string) =>
      JSON.parse((await h.authdeck(['order', 'get', '--provider', provider, '--json'])).stdout);
    // Read: the state file's groq list, the credentials file's openai list.
    expect(await theirOrder('groq')).toEqual(['groq:a']);
    expect((await ours('groq')).effective).toEqual(['groq:a']);
    expect(await theirOrder('openai')).toEqual(['openai:x']);
    // Removing groq:a must not put the hidden [b, c] in force.
    expect((await h.authdeck(['remove', 'groq:a', '--yes'])).code).toBe(0);
    expect(await theirOrder('groq')).toBeNull();
    expect(await theirOrder('openai')).toEqual(['openai:x']);
    // A set lands where OpenClaw reads it.
    expect((await h.authdeck(['order', 'set', '--provider', 'groq', 'groq:c', 'groq:b'])).code).toBe(0);
    expect(await theirOrder('groq')).toEqual(['groq:c', 'groq:b']);
    expect((await h.authdeck(['order', 'clear', '--provider', 'groq'])).code).toBe(0);
    expect(await theirOrder('groq')).toBeNull();
  });
});
