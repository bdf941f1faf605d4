import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnreadableStateError } from '../../src/services/errors.js';
import { describeProfile } from '../../src/services/profiles/credential-view.js';
import { readAuthStore, updateAuthStore } from '../../src/services/store/json-layer.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { fileMode, makeTempHome, readJson, writeJsonFile, writeText } from '../helpers/temp-state.js';

const storeWithExtras = () => ({
  version: 1,
  profiles: {
    'anthropic:default': {
      type: 'api_key',
      provider: 'anthropic',
      key: fakeSecrets.anthropicApiKey(),
      metadata: { team: 'x' },
    },
    'weird:thing': { type: 'aws-sdk', provider: 'weird', region: 'eu-west-1' },
  },
  order: { anthropic: ['anthropic:default'] },
  usageStats: { 'anthropic:default': { lastUsed: 5, failureCounts: { rate_limit: 2 } } },
  futureTopLevel: { keep: [1, 2, 3] },
});

describe('reading the store', () => {
  it('reads an absent store as empty and does not create it', async () => {
    const { mainAgentDir } = makeTempHome();
    const snapshot = await readAuthStore(mainAgentDir);
    expect(snapshot.exists).toBe(false);
    expect(snapshot.profiles).toEqual({});
  });

  it('accepts the mode and apiKey aliases', () => {
    const view = describeProfile('openai:x', { mode: 'api_key', provider: 'openai', apiKey: 'sk-abc' }, {});
    expect(view.type).toBe('api_key');
    expect(view.secret).toBe('sk-abc');
  });

  it('resolves an env keyRef from the environment and shows other refs unresolved', () => {
    const ref = { type: 'api_key', provider: 'openai', keyRef: { source: 'env', provider: 'default', id: 'MY_KEY' } };
    expect(describeProfile('openai:a', ref, { MY_KEY: 'sk-live' }).secret).toBe('sk-live');
    expect(describeProfile('openai:a', ref, {}).secret).toBeUndefined();
    const fileRef = describeProfile(
      'openai:b',
      { type: 'api_key', provider: 'openai', keyRef: { source: 'file', id: '/run/key' } },
      {},
    );
    expect(fileRef.secretRef).toEqual({ source: 'file', id: '/run/key' });
  });

  it('names the file and the position when it does not parse, without quoting it', async () => {
    const { mainAgentDir } = makeTempHome();
    const secret = fakeSecrets.anthropicApiKey();
    writeText(
      join(mainAgentDir, 'auth-profiles.json'),
      `{\n  "profiles": {\n    "a": { "key": "${secret}" }\n    "b": 1\n}`,
    );
    const error = await readAuthStore(mainAgentDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableStateError);
    expect((error as Error).message).toMatch(/auth-profiles\.json: not valid JSON at line 4, column 5/);
    expect((error as Error).message).not.toContain(secret.slice(0, 20));
  });

  it('lets auth-state.json win per key in the split layout', async () => {
    const { mainAgentDir } = makeTempHome();
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      ...storeWithExtras(),
      lastGood: { anthropic: 'anthropic:default' },
      order: { anthropic: ['anthropic:default'], openai: ['openai:a'] },
    });
    writeJsonFile(join(mainAgentDir, 'auth-state.json'), { version: 1, order: { Anthropic: [' anthropic:b ', ''] } });
    const snapshot = await readAuthStore(mainAgentDir);
    expect(snapshot.split).toBe(true);
    // Merged provider by provider as OpenClaw merges them (mergeAuthProfileState): the state
    // file's list wins for anthropic, read as OpenClaw reads it (trimmed, provider lower-cased),
    // and the credentials file's openai list still counts.
    expect(snapshot.order).toEqual({ anthropic: ['anthropic:b'], openai: ['openai:a'] });
    expect(snapshot.lastGood).toEqual({ anthropic: 'anthropic:default' });
    expect(snapshot.usageStats['anthropic:default']?.lastUsed).toBe(5);
  });
});

describe('writing the store', () => {
  it('keeps unknown fields and entries on every write, and writes 0600 files in 0700 dirs', async () => {
    const { mainAgentDir } = makeTempHome();
    const path = join(mainAgentDir, 'auth-profiles.json');
    await updateAuthStore(mainAgentDir, (tx) =>
      tx.putProfile('groq:a', { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey() }),
    );
    expect(fileMode(path)).toBe(0o600);
    expect(statSync(mainAgentDir).mode & 0o777).toBe(0o700);

    writeJsonFile(path, storeWithExtras());
    await updateAuthStore(mainAgentDir, (tx) =>
      tx.putProfile('groq:a', { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey() }),
    );
    const after = readJson(path);
    const before = storeWithExtras();
    expect(after.futureTopLevel).toEqual(before.futureTopLevel);
    expect(after.profiles['weird:thing']).toEqual(before.profiles['weird:thing']);
    expect(after.profiles['anthropic:default']).toEqual(before.profiles['anthropic:default']);
    expect(after.usageStats).toEqual(before.usageStats);
    expect(readFileSync(path, 'utf8')).toMatch(/^\{\n {2}"version": 1,\n[\s\S]*\}\n$/);
  });

  it('never overwrites a file that does not parse', async () => {
    const { mainAgentDir } = makeTempHome();
    const path = join(mainAgentDir, 'auth-profiles.json');
    writeText(path, '{ "profiles": { broken');
    await expect(
      updateAuthStore(mainAgentDir, (tx) => tx.putProfile('x:y', { type: 'api_key', provider: 'x', key: 'k' })),
    ).rejects.toThrow(UnreadableStateError);
    expect(readFileSync(path, 'utf8')).toBe('{ "profiles": { broken');
  });

  it('writes order to auth-state.json in the split layout, moving that provider out of the profiles file', async () => {
    const { mainAgentDir } = makeTempHome();
    const profilesPath = join(mainAgentDir, 'auth-profiles.json');
    writeJsonFile(profilesPath, {
      ...storeWithExtras(),
      order: { anthropic: ['anthropic:default'], openai: ['openai:a'] },
    });
    writeJsonFile(join(mainAgentDir, 'auth-state.json'), { version: 1, lastGood: {}, extra: 'kept' });
    await updateAuthStore(mainAgentDir, (tx) => tx.setOrder('anthropic', ['anthropic:b', 'anthropic:default']));
    const state = readJson(join(mainAgentDir, 'auth-state.json'));
    expect(state.order).toEqual({ anthropic: ['anthropic:b', 'anthropic:default'] });
    expect(state.extra).toBe('kept');
    // The files are merged provider by provider: the old anthropic list left behind would
    // still count, so it goes (as OpenClaw's own save moves state out); openai's stays.
    const profiles = readJson(profilesPath);
    expect(profiles.order).toEqual({ openai: ['openai:a'] });
    expect(profiles.profiles).toEqual(storeWithExtras().profiles);
    const snapshot = await readAuthStore(mainAgentDir);
    expect(snapshot.order).toEqual({ anthropic: ['anthropic:b', 'anthropic:default'], openai: ['openai:a'] });
  });

  it('clears a provider order in the split layout from both files (a list left in either still counts)', async () => {
    const { mainAgentDir } = makeTempHome();
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), { ...storeWithExtras(), order: { groq: ['groq:a'] } });
    writeJsonFile(join(mainAgentDir, 'auth-state.json'), { version: 1, order: { groq: ['groq:b', 'groq:a'] } });
    await updateAuthStore(mainAgentDir, (tx) => tx.setOrder('groq', undefined));
    expect((await readAuthStore(mainAgentDir)).order).toEqual({});
  });

  it('removing a profile in the split layout never uncovers an order or lastGood the state file was hiding', async () => {
    const { mainAgentDir } = makeTempHome();
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      ...storeWithExtras(),
      order: { anthropic: ['anthropic:b', 'anthropic:c'], openai: ['openai:a'] },
      lastGood: { anthropic: 'anthropic:b' },
    });
    writeJsonFile(join(mainAgentDir, 'auth-state.json'), {
      version: 1,
      order: { anthropic: ['anthropic:default'] },
      lastGood: { anthropic: 'anthropic:default' },
    });
    await updateAuthStore(mainAgentDir, (tx) => tx.deleteProfile('anthropic:default'));
    const snapshot = await readAuthStore(mainAgentDir);
    // As OpenClaw sees it now: no anthropic order (its only profile was removed), openai's kept.
    expect(snapshot.order).toEqual({ openai: ['openai:a'] });
    expect(snapshot.lastGood).toEqual({});
  });

  it('reads a cooldown from the profiles file beside an auth-state.json that has usage stats for others', async () => {
    const { mainAgentDir } = makeTempHome();
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      ...storeWithExtras(),
      usageStats: { 'groq:a': { cooldownUntil: 4_000_000_000_000 } },
    });
    writeJsonFile(join(mainAgentDir, 'auth-state.json'), { version: 1, usageStats: { 'groq:b': { lastUsed: 7 } } });
    const snapshot = await readAuthStore(mainAgentDir);
    expect(snapshot.usageStats['groq:a']?.cooldownUntil).toBe(4_000_000_000_000);
    expect(snapshot.usageStats['groq:b']?.lastUsed).toBe(7);
  });

  it('an entry OpenClaw drops as empty (stats with nothing in them, a blank lastGood) hides nothing of the other file', async () => {
    const { mainAgentDir } = makeTempHome();
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      ...storeWithExtras(),
      usageStats: { 'groq:a': { cooldownUntil: 4_000_000_000_000 } },
      lastGood: { groq: 'groq:a' },
    });
    writeJsonFile(join(mainAgentDir, 'auth-state.json'), {
      version: 1,
      usageStats: { 'groq:a': {} },
      lastGood: { Groq: ' ' },
    });
    const snapshot = await readAuthStore(mainAgentDir);
    expect(snapshot.usageStats['groq:a']?.cooldownUntil).toBe(4_000_000_000_000);
    expect(snapshot.lastGood).toEqual({ groq: 'groq:a' });
  });

  it('removes every reference to a deleted profile, dropping emptied order lists', async () => {
    const { mainAgentDir } = makeTempHome();
    const path = join(mainAgentDir, 'auth-profiles.json');
    writeJsonFile(path, { ...storeWithExtras(), lastGood: { anthropic: 'anthropic:default' } });
    await updateAuthStore(mainAgentDir, (tx) => tx.deleteProfile('anthropic:default'));
    const after = readJson(path);
    expect(after.profiles['anthropic:default']).toBeUndefined();
    expect(after.order).toEqual({});
    expect(after.lastGood).toEqual({});
    expect(after.usageStats).toEqual({});
    expect(after.profiles['weird:thing']).toBeDefined();
  });

  it('does not touch the file when nothing changed', async () => {
    const { mainAgentDir } = makeTempHome();
    const path = join(mainAgentDir, 'auth-profiles.json');
    writeText(path, JSON.stringify(storeWithExtras()));
    const before = statSync(path).mtimeMs;
    const update = await updateAuthStore(mainAgentDir, (tx) => tx.setOrder('anthropic', ['anthropic:default']));
    expect(update.changed).toBe(false);
    expect(statSync(path).mtimeMs).toBe(before);
  });
});
