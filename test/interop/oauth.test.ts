import { describe, expect, it } from 'vitest';
import { startFakeAuthServer } from '../helpers/fake-oauth-server.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { interopHome } from './interop-home.js';
import { type OpenclawVersion, openclaw, parseJsonOutput } from './openclaw-harness.js';

interface AuthList {
  profiles: Array<{ id: string; provider?: string; type?: string; mode?: string; email?: string }>;
}

// A sign-in authdeck stored, as OpenClaw's own CLI reads it back: an OAuth profile of the
// provider id that release uses (openai-codex in the JSON era, openai in the SQLite era).
describe.each([
  ['2026.5.20', 'openai-codex'],
  ['2026.9.6', 'openai'],
] as Array<[OpenclawVersion, string]>)('OpenClaw %s reads a sign-in authdeck stored', (version, provider) => {
  it(`as an oauth profile of ${provider}, and a Copilot sign-in as a token`, async () => {
    const server = await startFakeAuthServer();
    const h = interopHome(version);
    if (version === '2026.9.6') {
      // The store exists (OpenClaw made it): the sign-in is stored beside what is there.
      const first = await openclaw(version, h.home, ['models', 'auth', 'paste-token', '--provider', 'anthropic'], {
        stdin: `${fakeSecrets.setupToken('oc')}\n`,
      });
      expect(first).toMatchObject({ code: 0 });
    }
    const login = await h.authdeck(
      ['--no-reload', 'login', '--provider', 'openai', '--method', 'device', '--json'],
      '',
      server.env,
    );
    expect(login).toMatchObject({ code: 0 });
    expect(JSON.parse(login.stdout)).toMatchObject({ profileId: `${provider}:me@example.com`, type: 'oauth' });
    const copilot = await h.authdeck(['--no-reload', 'login', '--provider', 'github-copilot'], '', server.env);
    expect(copilot).toMatchObject({ code: 0 });
    const list = parseJsonOutput<AuthList>(await openclaw(version, h.home, ['models', 'auth', 'list', '--json']));
    const byId = Object.fromEntries(list.profiles.map((profile) => [profile.id, profile]));
    expect(byId[`${provider}:me@example.com`]).toMatchObject({ provider, type: 'oauth' });
    expect(byId['github-copilot:github']).toMatchObject({ provider: 'github-copilot', type: 'token' });
    // Its status view: an OAuth profile with the access token's expiry, which the gateway refreshes.
    const models = parseJsonOutput<{ auth: { oauth: { profiles: Array<Record<string, unknown>> } } }>(
      await openclaw(version, h.home, ['models', 'status', '--json']),
    );
    const seen = models.auth.oauth.profiles.find((profile) => profile.profileId === `${provider}:me@example.com`);
    expect(seen).toMatchObject({
      type: 'oauth',
      source: 'store',
      label: `${provider}:me@example.com (me@example.com)`,
    });
    expect(seen?.expiresAt).toBeGreaterThan(Date.now() + 50 * 60_000);
  });
});

describe('OpenClaw 2026.9.6, fresh home (no database yet)', () => {
  it('a sign-in has openclaw create the databases first (a write that changes nothing else), then stores it', async () => {
    const server = await startFakeAuthServer();
    const h = interopHome('2026.9.6');
    const login = await h.authdeck(
      ['--no-reload', 'login', '--provider', 'openai', '--method', 'device', '--json'],
      '',
      server.env,
    );
    expect(login).toMatchObject({ code: 0 });
    const list = parseJsonOutput<AuthList>(await openclaw('2026.9.6', h.home, ['models', 'auth', 'list', '--json']));
    expect(list.profiles.map((profile) => [profile.id, profile.type])).toEqual([['openai:me@example.com', 'oauth']]);
    const order = parseJsonOutput<{ order: string[] | null }>(
      await openclaw('2026.9.6', h.home, ['models', 'auth', 'order', 'get', '--provider', 'openai', '--json']),
    );
    expect(order.order).toBeNull();
  });
});
