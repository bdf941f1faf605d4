import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { readCell } from '../helpers/openclaw-fixtures.js';
import { interopHome, jsonAuthFiles, listIds } from './interop-home.js';
import { openclaw, parseJsonOutput } from './openclaw-harness.js';

// authdeck and real OpenClaw 2026.9.6 on the same temp homes: each writes, the other reads.
describe('OpenClaw 2026.9.6 (shared SQLite store)', () => {
  it('sees what authdeck adds, orders and removes, and authdeck sees what it wrote', async () => {
    const h = interopHome('2026.9.6');
    const first = await openclaw('2026.9.6', h.home, ['models', 'auth', 'paste-token', '--provider', 'anthropic'], {
      stdin: `${fakeSecrets.setupToken('oc-first')}\n`,
    });
    expect(first).toMatchObject({ code: 0 });
    const status = JSON.parse((await h.authdeck(['status', '--json'])).stdout);
    expect(status.store.storeGeneration).toBe('shared-sqlite');
    expect(status.profiles.map((p: { id: string; layer: string }) => [p.id, p.layer])).toEqual([
      ['anthropic:manual', 'shared'],
    ]);

    expect(await h.authdeck(['add-key', '--provider', 'openai'], fakeSecrets.openaiKey('interop'))).toMatchObject({
      code: 0,
    });
    expect(
      (
        await h.authdeck(
          ['paste-token', '--provider', 'anthropic', '--profile-id', 'work', '--expires-in', '30d'],
          fakeSecrets.setupToken('interop'),
        )
      ).code,
    ).toBe(0);
    expect(await listIds('2026.9.6', h.home)).toEqual(['anthropic:manual', 'anthropic:work', 'openai:default']);

    expect(await h.authdeck(['order', 'set', '--provider', 'anthropic', 'work', 'manual'])).toMatchObject({ code: 0 });
    const order = parseJsonOutput<{ order: string[] | null; authStatePath: string }>(
      await openclaw('2026.9.6', h.home, ['models', 'auth', 'order', 'get', '--provider', 'anthropic', '--json']),
    );
    expect(order.order).toEqual(['anthropic:work', 'anthropic:manual']);

    const models = parseJsonOutput<{ auth: { oauth: { profiles: Array<{ profileId: string; expiresAt?: number }> } } }>(
      await openclaw('2026.9.6', h.home, ['models', 'status', '--json']),
    );
    const seen = Object.fromEntries(
      models.auth.oauth.profiles.map((profile) => [profile.profileId, profile.expiresAt ?? null]),
    );
    expect(Object.keys(seen).sort()).toEqual(['anthropic:manual', 'anthropic:work', 'openai:default']);
    expect(seen['anthropic:work']).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    expect(await h.authdeck(['remove', 'anthropic:manual', '--yes'])).toMatchObject({ code: 0 });
    expect(await listIds('2026.9.6', h.home)).toEqual(['anthropic:work', 'openai:default']);
    expect(readCell(h.stateDb, 'pragma integrity_check')).toBe('ok');
    expect(readCell(h.mainDb, 'pragma integrity_check')).toBe('ok');
    expect(jsonAuthFiles(h.mainAgentDir)).toEqual([]);
  });

  it('on a fresh home has openclaw make the store with a write that changes nothing, then saves there itself', async () => {
    const h = interopHome('2026.9.6');
    const token = fakeSecrets.setupToken('fresh');
    const saved = await h.authdeck(['paste-token', '--provider', 'anthropic'], token);
    expect(saved).toMatchObject({ code: 0 });
    expect(saved.stderr).toContain('OpenClaw made it (`openclaw models auth order clear --provider anthropic`)');
    // The shared store in the state database, as OpenClaw's own first save puts it.
    expect(
      readCell(h.stateDb, `select value_json from config_machine_state where state_key = 'auth.sharedStore'`),
    ).toEqual({ location: 'state-db' });
    expect(saved.stdout + saved.stderr).not.toContain(token);
    const store = readCell(
      h.stateDb,
      `select value_json from config_machine_state where state_key = 'authProfiles.store'`,
    ) as { profiles: Record<string, { token: string; expires: number }> };
    expect(store.profiles['anthropic:default']!.token).toBe(token);
    expect(store.profiles['anthropic:default']!.expires).toBeGreaterThan(Date.now() + 360 * 86_400_000);
    const listed = parseJsonOutput<{ profiles: Array<{ id: string; expiresAt?: string }> }>(
      await openclaw('2026.9.6', h.home, ['models', 'auth', 'list', '--json']),
    );
    expect(listed.profiles).toEqual([
      expect.objectContaining({ id: 'anthropic:default', expiresAt: expect.any(String) }),
    ]);
    expect(jsonAuthFiles(h.mainAgentDir)).toEqual([]);
    // An order on that home lands where OpenClaw reads it: the agent's database, with its store row.
    expect(
      await h.authdeck(['add-key', '--provider', 'anthropic', '--profile-id', 'work'], fakeSecrets.anthropicApiKey()),
    ).toMatchObject({ code: 0 });
    expect(await h.authdeck(['order', 'set', '--provider', 'anthropic', 'work', 'default'])).toMatchObject({ code: 0 });
    const order = parseJsonOutput<{ order: string[] | null; authStatePath: string }>(
      await openclaw('2026.9.6', h.home, ['models', 'auth', 'order', 'get', '--provider', 'anthropic', '--json']),
    );
    expect(order.order).toEqual(['anthropic:work', 'anthropic:default']);
    expect(await h.authdeck(['order', 'clear', '--provider', 'anthropic'])).toMatchObject({ code: 0 });
    const cleared = parseJsonOutput<{ order: string[] | null }>(
      await openclaw('2026.9.6', h.home, ['models', 'auth', 'order', 'get', '--provider', 'anthropic', '--json']),
    );
    expect(cleared.order).toBeNull();
  });

  it('on a home `openclaw onboard --auth-choice skip` set up (a state database, no store yet) writes what OpenClaw reads', async () => {
    const h = interopHome('2026.9.6');
    const onboarded = await openclaw('2026.9.6', h.home, [
      'onboard',
      '--non-interactive',
      '--accept-risk',
      '--auth-choice',
      'skip',
      '--skip-health',
    ]);
    expect(onboarded).toMatchObject({ code: 0 });
    expect(readCell(h.stateDb, `select count(*) as n from config_machine_state where state_key like 'auth%'`)).toBe(0);
    expect(await h.authdeck(['add-key', '--provider', 'anthropic'], fakeSecrets.anthropicApiKey())).toMatchObject({
      code: 0,
    });
    expect(
      await h.authdeck(
        ['add-key', '--provider', 'anthropic', '--profile-id', 'spare'],
        fakeSecrets.anthropicApiKey('spare'),
      ),
    ).toMatchObject({
      code: 0,
    });
    expect(await listIds('2026.9.6', h.home)).toEqual(['anthropic:default', 'anthropic:spare']);
    expect(await h.authdeck(['order', 'set', '--provider', 'anthropic', 'spare', 'default'])).toMatchObject({
      code: 0,
    });
    const order = parseJsonOutput<{ order: string[] | null }>(
      await openclaw('2026.9.6', h.home, ['models', 'auth', 'order', 'get', '--provider', 'anthropic', '--json']),
    );
    expect(order.order).toEqual(['anthropic:spare', 'anthropic:default']);
  });

  it('loses nothing when authdeck and OpenClaw write the store at the same time', async () => {
    const h = interopHome('2026.9.6');
    expect(
      (
        await openclaw('2026.9.6', h.home, ['models', 'auth', 'paste-token', '--provider', 'anthropic'], {
          stdin: `${fakeSecrets.setupToken('seed')}\n`,
        })
      ).code,
    ).toBe(0);
    const ids = ['ad-0', 'ad-1', 'ad-2'];
    for (const id of ids)
      expect(
        (
          await h.authdeck(
            ['add-key', '--provider', 'anthropic', '--profile-id', id],
            fakeSecrets.anthropicApiKey(`${id}-v0`),
          )
        ).code,
      ).toBe(0);
    // OpenClaw adds two profiles while authdeck keeps renewing its own. (Renewals leave
    // openclaw.json alone: OpenClaw's CLI refuses to start — exit 78, "migration inputs changed
    // during startup" — whenever that file changes under it, whoever changes it.)
    let openclawDone = false;
    const theirs = Promise.all(
      ['a', 'b'].map((name) =>
        openclaw(
          '2026.9.6',
          h.home,
          ['models', 'auth', 'paste-token', '--provider', 'anthropic', '--profile-id', `anthropic:oc-${name}`],
          { stdin: `${fakeSecrets.setupToken(`oc-${name}`)}\n` },
        ),
      ),
    ).finally(() => (openclawDone = true));
    const latest = new Map<string, string>();
    for (let round = 1; !openclawDone || round <= 2; round++) {
      for (const id of ids) {
        const key = fakeSecrets.anthropicApiKey(`${id}-v${round}`);
        const run = await h.authdeck(['add-key', '--provider', 'anthropic', '--profile-id', id], key);
        expect(run.code, run.stderr).toBe(0);
        latest.set(`anthropic:${id}`, key);
      }
    }
    const openclawRuns = await theirs;
    expect(
      openclawRuns.map((run) => run.code),
      openclawRuns
        .map((run) => run.stderr)
        .join('\n')
        .slice(-2000),
    ).toEqual([0, 0]);
    expect(await listIds('2026.9.6', h.home)).toEqual([
      'anthropic:ad-0',
      'anthropic:ad-1',
      'anthropic:ad-2',
      'anthropic:manual',
      'anthropic:oc-a',
      'anthropic:oc-b',
    ]);
    const store = readCell(
      h.stateDb,
      `select value_json from config_machine_state where state_key = 'authProfiles.store'`,
    ) as { profiles: Record<string, { key?: string }> };
    for (const [id, key] of latest) expect(store.profiles[id]!.key).toBe(key);
    expect(readCell(h.stateDb, 'pragma integrity_check')).toBe('ok');
  });
});
