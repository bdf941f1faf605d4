import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveWorkspace } from '../../src/services/config/workspace.js';
import { saveCredentialProfile } from '../../src/services/profiles/save-credential.js';
import { openAgentStore } from '../../src/services/store/agent-store.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, readJson, writeJsonFile } from '../helpers/temp-state.js';

// From a newcomer's walk: on a home where OpenClaw's onboarding had stored `openai:api-key` and
// openclaw.json listed no profile, `add-key --provider openai` recorded only `openai:default` in
// auth.profiles — and the gateway then skipped the key it had been using ("not tried: auth.profiles
// in openclaw.json lists other profiles of this provider"), with nothing said at the save.

const cli = (home: string, args: string[], input?: string) =>
  runCommand(['--no-reload', ...args], { home, ...(input !== undefined ? { input } : {}) });

function homeWithUnlistedKey() {
  const temp = makeTempHome();
  installOpenclawFixture('a-v9-shared-fresh', temp.stateDir);
  return temp;
}

describe("a provider's first auth.profiles entry", () => {
  it('is recorded with the profiles of that provider already stored, so the gateway still tries them', async () => {
    const { home, configPath } = homeWithUnlistedKey();
    expect(
      (await cli(home, ['add-key', '--provider', 'openai', '--profile-id', 'api-key'], fakeSecrets.openaiKey())).code,
    ).toBe(0);
    expect((await cli(home, ['add-key', '--provider', 'anthropic'], fakeSecrets.anthropicApiKey())).code).toBe(0);
    // As OpenClaw left it: the key stored, no openai entry in the config.
    const config = readJson(configPath);
    delete config.auth.profiles['openai:api-key'];
    writeJsonFile(configPath, config);

    const saved = await cli(home, ['add-key', '--provider', 'openai'], fakeSecrets.openaiKey('second'));
    expect(saved.code, saved.stderr).toBe(0);
    expect(readJson(configPath).auth.profiles).toMatchObject({
      'openai:api-key': { provider: 'openai', mode: 'api_key' },
      'openai:default': { provider: 'openai', mode: 'api_key' },
    });
    expect(saved.stdout).toContain('auth.profiles also lists openai:api-key, already stored');
    const status = await cli(home, ['status', '--provider', 'openai']);
    expect(status.stdout).not.toContain('lists other profiles');
  });

  it('with no openclaw.json at all, the file made lists them too', async () => {
    const { home, configPath } = homeWithUnlistedKey();
    expect(
      (await cli(home, ['add-key', '--provider', 'openai', '--profile-id', 'api-key'], fakeSecrets.openaiKey())).code,
    ).toBe(0);
    rmSync(configPath);
    expect((await cli(home, ['add-key', '--provider', 'openai'], fakeSecrets.openaiKey('second'))).code).toBe(0);
    expect(Object.keys(readJson(configPath).auth.profiles).sort()).toEqual(['openai:api-key', 'openai:default']);
  });

  it('once the config lists one of them, or orders the provider, the others are left as they are', async () => {
    for (const auth of [
      { profiles: { 'openai:listed': { provider: 'openai', mode: 'api_key' } } },
      { profiles: {}, order: { openai: ['openai:listed'] } },
    ]) {
      const { home, configPath } = homeWithUnlistedKey();
      for (const id of ['listed', 'api-key'])
        expect(
          (await cli(home, ['add-key', '--provider', 'openai', '--profile-id', id], fakeSecrets.openaiKey(id))).code,
        ).toBe(0);
      writeJsonFile(configPath, { ...(readJson(configPath) as object), auth });
      expect((await cli(home, ['add-key', '--provider', 'openai'], fakeSecrets.openaiKey('second'))).code).toBe(0);
      expect(readJson(configPath).auth.profiles['openai:api-key'], JSON.stringify(auth)).toBeUndefined();
    }
  });
});

describe('two saves of different types to one new id at once', () => {
  // The second found the id free before the first stored it, changed the config entry's mode to
  // its own type, and was then refused by the store: the config said "token" for an api_key
  // profile and the gateway tried neither (an adversarial run: 6 of 6).
  it("the one refused puts the config back: the entry keeps the stored profile's mode", async () => {
    const { home, stateDir, configPath } = homeWithUnlistedKey();
    const ws = await resolveWorkspace({ env: { HOME: home, PATH: '/nonexistent' }, stateDir });
    // The store as the second save read it: before the first one landed.
    const seenBefore = await openAgentStore(ws);
    expect((await cli(home, ['add-key', '--provider', 'anthropic'], fakeSecrets.anthropicApiKey())).code).toBe(0);
    const refused = saveCredentialProfile({
      workspace: ws,
      store: seenBefore,
      profileId: 'anthropic:default',
      provider: 'anthropic',
      kind: 'token',
      secret: fakeSecrets.setupToken(),
    });
    await expect(refused).rejects.toThrow(/already exists/);
    await expect(refused).rejects.toThrow(/openclaw\.json was put back as it was/);
    expect(readJson(configPath).auth.profiles['anthropic:default']).toMatchObject({ mode: 'api_key' });
  });
});

describe("a provider's first auth.profiles entry, beyond this agent's own view", () => {
  it("lists another agent's profiles of the provider too: the config is one for every agent", async () => {
    // Agent work's xai:work was tried until main's add-key listed xai:default alone.
    const { home, stateDir, configPath, mainAgentDir } = makeTempHome();
    writeJsonFile(configPath, { agents: { list: [{ id: 'main', default: true }, { id: 'work' }] } });
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), { version: 1, profiles: {} });
    writeJsonFile(join(stateDir, 'agents', 'work', 'agent', 'auth-profiles.json'), {
      version: 1,
      profiles: { 'xai:work': { type: 'api_key', provider: 'xai', key: fakeSecrets.xaiKey('work') } },
    });
    const saved = await runCommand(['--no-reload', 'add-key', '--provider', 'xai'], {
      home,
      env: { AUTHDECK_STORE_GENERATION: 'json' },
      input: fakeSecrets.xaiKey(),
    });
    expect(saved.code, saved.stderr).toBe(0);
    expect(Object.keys(readJson(configPath).auth.profiles).sort()).toEqual(['xai:default', 'xai:work']);
  });

  it('an entry naming no stored profile lists nothing: the stored ones are recorded too', async () => {
    // The config listed only xai:ghost (not stored), so the gateway took the store's xai:old;
    // recording xai:default alone made xai:old untried.
    const { home, configPath } = homeWithUnlistedKey();
    expect(
      (await cli(home, ['add-key', '--provider', 'xai', '--profile-id', 'old'], fakeSecrets.xaiKey('old'))).code,
    ).toBe(0);
    writeJsonFile(configPath, {
      ...(readJson(configPath) as object),
      auth: { profiles: { 'xai:ghost': { provider: 'xai', mode: 'api_key' } } },
    });
    expect((await cli(home, ['add-key', '--provider', 'xai'], fakeSecrets.xaiKey())).code).toBe(0);
    expect(Object.keys(readJson(configPath).auth.profiles).sort()).toEqual(['xai:default', 'xai:ghost', 'xai:old']);
  });
});
