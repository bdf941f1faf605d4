import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveWorkspace } from '../../src/services/config/workspace.js';
import { saveCredentialProfile } from '../../src/services/profiles/save-credential.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { makeTempHome, readJson, writeText } from '../helpers/temp-state.js';

const YEAR = 365 * 86_400_000;

async function workspace() {
  const temp = makeTempHome();
  return {
    ...temp,
    workspace: await resolveWorkspace({
      env: { HOME: temp.home, PATH: '/nonexistent', AUTHDECK_STORE_GENERATION: 'json' },
    }),
  };
}

describe('saving a credential (one rule for the CLI, the wizard and setup-token)', () => {
  it('gives an Anthropic setup-token without an expiry one year, and says it assumed so', async () => {
    const { workspace: ws, mainAgentDir } = await workspace();
    const now = 1_800_000_000_000;
    const saved = await saveCredentialProfile({
      workspace: ws,
      profileId: 'anthropic:default',
      provider: 'anthropic',
      kind: 'token',
      secret: fakeSecrets.setupToken(),
      now: () => now,
    });
    expect(saved).toMatchObject({ expiresAt: now + YEAR, expiryAssumed: true });
    expect(readJson(join(mainAgentDir, 'auth-profiles.json')).profiles['anthropic:default'].expires).toBe(now + YEAR);
    const given = await saveCredentialProfile({
      workspace: ws,
      profileId: 'anthropic:b',
      provider: 'anthropic',
      kind: 'token',
      secret: fakeSecrets.setupToken('b'),
      expiresAt: now + 1000,
    });
    expect(given).toMatchObject({ expiresAt: now + 1000, expiryAssumed: false });
    const key = await saveCredentialProfile({
      workspace: ws,
      profileId: 'anthropic:k',
      provider: 'anthropic',
      kind: 'api_key',
      secret: fakeSecrets.anthropicApiKey(),
    });
    expect(key.expiresAt).toBeUndefined();
    expect(key.expiryAssumed).toBe(false);
  });

  it('then sets the .env variable, and says which value it replaced (masked)', async () => {
    const { workspace: ws, stateDir } = await workspace();
    const old = fakeSecrets.openaiKey('old');
    writeText(join(stateDir, '.env'), `OPENAI_API_KEY=${old}\n`);
    const key = fakeSecrets.openaiKey('new');
    const saved = await saveCredentialProfile({
      workspace: ws,
      profileId: 'openai:default',
      provider: 'openai',
      kind: 'api_key',
      secret: key,
      envVariable: 'OPENAI_API_KEY',
    });
    expect(saved.env).toEqual({
      path: join(stateDir, '.env'),
      variable: 'OPENAI_API_KEY',
      changed: true,
      previousMasked: `${old.slice(0, 8)}…${old.slice(-4)}`,
    });
    expect(readFileSync(join(stateDir, '.env'), 'utf8')).toBe(`OPENAI_API_KEY=${key}\n`);
  });
});

describe('a sign-in on a SQLite-era home with no store yet', () => {
  it('says how the store comes to be, naming the provider, and leaves openclaw.json as it was', async () => {
    const temp = makeTempHome();
    const ws = await resolveWorkspace({
      env: { HOME: temp.home, PATH: '/nonexistent', AUTHDECK_STORE_GENERATION: 'sqlite' },
    });
    const saving = saveCredentialProfile({
      workspace: ws,
      profileId: 'openai:me@example.com',
      provider: 'openai',
      kind: 'oauth',
      secret: 'access-token',
      oauth: { refresh: 'refresh-token' },
    });
    await expect(saving).rejects.toThrow(
      /sign in once with `openclaw models auth login --provider openai` \(that creates it\), or save any API key first/,
    );
    expect(existsSync(temp.configPath)).toBe(false);
  });
});
