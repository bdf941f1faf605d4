import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
