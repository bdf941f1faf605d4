import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempHome, readJson, writeJsonFile } from '../helpers/temp-state.js';

function setup() {
  const temp = makeTempHome();
  const storePath = join(temp.mainAgentDir, 'auth-profiles.json');
  writeJsonFile(storePath, {
    version: 1,
    profiles: {
      'anthropic:a': {
        type: 'token',
        provider: 'anthropic',
        token: fakeSecrets.setupToken('a'),
        expires: Date.now() + 9e9,
      },
      'anthropic:b': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey('b') },
      'openai:x': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey() },
    },
    order: { anthropic: ['anthropic:a', 'anthropic:b'] },
    lastGood: { anthropic: 'anthropic:a' },
  });
  return { ...temp, storePath };
}

describe('remove', () => {
  it('refuses without --yes when there is no terminal to ask in', async () => {
    const { home, storePath } = setup();
    const result = await runCli(['remove', 'anthropic:a'], { home });
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/pass --yes/);
    expect(readJson(storePath).profiles['anthropic:a']).toBeDefined();
  });

  it('removes the profile and its order and lastGood references', async () => {
    const { home, storePath } = setup();
    const result = await runCli(['remove', 'anthropic:a', '--yes'], { home });
    expect(result.code).toBe(0);
    const store = readJson(storePath);
    expect(store.profiles['anthropic:a']).toBeUndefined();
    expect(store.order).toEqual({ anthropic: ['anthropic:b'] });
    expect(store.lastGood).toEqual({});
    expect((await runCli(['remove', 'anthropic:zzz', '--yes'], { home })).code).toBe(1);
  });
});

describe('token', () => {
  it('prints the whole secret into a pipe', async () => {
    const { home } = setup();
    const result = await runCli(['token', 'anthropic:a'], { home });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${fakeSecrets.setupToken('a')}\n`);
    expect((await runCli(['token', 'nope:x'], { home })).stderr).toMatch(/no profile nope:x/);
  });
});

describe('order', () => {
  it('sets, shows and clears the agent override', async () => {
    const { home, storePath } = setup();
    const set = await runCli(['order', 'set', '--provider', 'anthropic', 'b', 'anthropic:a'], { home });
    expect(set.code).toBe(0);
    expect(readJson(storePath).order.anthropic).toEqual(['anthropic:b', 'anthropic:a']);
    const get = await runCli(['order', 'get', '--provider', 'anthropic', '--json'], { home });
    expect(JSON.parse(get.stdout)).toMatchObject({
      override: ['anthropic:b', 'anthropic:a'],
      source: 'agent',
      effective: ['anthropic:b', 'anthropic:a'],
      next: 'anthropic:b',
    });
    const text = await runCli(['models', 'auth', 'order', 'get', '--provider', 'anthropic'], { home });
    expect(text.stdout).toMatch(/1\. anthropic:b\s+← next/);
    const clear = await runCli(['order', 'clear', '--provider', 'anthropic'], { home });
    expect(clear.code).toBe(0);
    expect(readJson(storePath).order).toEqual({});
  });

  it('refuses ids that are not profiles of that provider', async () => {
    const { home, storePath } = setup();
    const result = await runCli(['order', 'set', '--provider', 'anthropic', 'openai:x'], { home });
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/belongs to provider "openai"/);
    const unknown = await runCli(['order', 'set', '--provider', 'anthropic', 'ghost'], { home });
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toMatch(/no anthropic profile anthropic:ghost/);
    expect(readJson(storePath).order.anthropic).toEqual(['anthropic:a', 'anthropic:b']);
  });
});
