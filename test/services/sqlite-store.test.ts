import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveWorkspace } from '../../src/services/config/workspace.js';
import { applySafeFixes, runDoctor } from '../../src/services/doctor/run-doctor.js';
import { listAgentProfiles, loadAgentState } from '../../src/services/profiles/agent-state.js';
import { removeProfile, setOrderOverride } from '../../src/services/profiles/profile-actions.js';
import { saveCredentialProfile } from '../../src/services/profiles/save-credential.js';
import { buildStatusReport } from '../../src/services/status/report.js';
import { openAgentStore } from '../../src/services/store/agent-store.js';
import { isWalSafeSqliteVersion } from '../../src/services/store/sqlite/driver.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { execOn, installOpenclawFixture, type OpenclawFixture, readCell } from '../helpers/openclaw-fixtures.js';
import { makeTempHome, readJson } from '../helpers/temp-state.js';

const NO_OPENCLAW_PATH = '/nonexistent';

/** The error a promise rejects with; fails the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<Error & { exitCode?: number }> {
  return promise.then(
    () => {
      throw new Error('expected it to fail');
    },
    (error: unknown) => error as Error & { exitCode?: number },
  );
}

async function fixtureWorkspace(name: OpenclawFixture, agent?: string) {
  const temp = makeTempHome();
  installOpenclawFixture(name, temp.stateDir);
  const env = { HOME: temp.home, PATH: NO_OPENCLAW_PATH };
  const workspace = await resolveWorkspace({ env, ...(agent ? { agent } : {}) });
  return { ...temp, env, workspace };
}

const stateDb = (stateDir: string) => join(stateDir, 'state', 'openclaw.sqlite');
const mainDb = (stateDir: string) => join(stateDir, 'agents', 'main', 'agent', 'openclaw-agent.sqlite');
const sharedStore = (stateDir: string) =>
  readCell(stateDb(stateDir), `select value_json from config_machine_state where state_key = 'authProfiles.store'`) as {
    profiles: Record<string, Record<string, unknown>>;
  };
const jsonAuthFiles = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((name) => /^auth(-profiles|-state)?\.json$/.test(name)) : [];

describe('which generation of the store is in force', () => {
  it.each([
    ['a-v9-shared-fresh', 'shared-sqlite', 'state-db', ['anthropic:manual']],
    ['b-v9-shared-with-agent-override', 'shared-sqlite', 'state-db', ['anthropic:manual', 'anthropic:work']],
    ['c-v7-agent-db', 'agent-sqlite', undefined, ['anthropic:key', 'anthropic:manual', 'openai:manual']],
    ['d-v9-legacy-main', 'shared-sqlite', 'legacy-main', ['anthropic:manual', 'anthropic:work']],
    ['e-v5-json', 'json', undefined, ['anthropic:manual', 'anthropic:work']],
    ['f-v7-to-v9-doctor-interrupted', 'shared-sqlite', 'legacy-main', ['anthropic:manual']],
    ['g-v7-to-v9-doctor-complete', 'shared-sqlite', 'state-db', ['anthropic:manual']],
  ] as const)('%s: %s %s, and the profiles OpenClaw listed', async (name, era, layout, ids) => {
    const { workspace } = await fixtureWorkspace(name);
    const state = await loadAgentState(workspace);
    expect(state.generation.id).toBe(era);
    expect(state.generation.layout).toBe(layout);
    expect(
      listAgentProfiles(state)
        .map((row) => row.view.id)
        .sort(),
    ).toEqual([...ids]);
  });

  it('reads the shared store and the agent-local order override, and says which layer each comes from', async () => {
    const { workspace } = await fixtureWorkspace('b-v9-shared-with-agent-override');
    const report = buildStatusReport(await loadAgentState(workspace), { nowMs: Date.now(), warnWithinMs: 86_400_000 });
    expect(report.store.storeGeneration).toBe('shared-sqlite');
    expect(report.store.layers.map((layer) => [layer.role, layer.backend])).toEqual([
      ['local', 'agent-db'],
      ['shared', 'state-db'],
    ]);
    expect(report.store.databases.map((db) => [db.kind, db.schemaVersion])).toEqual([
      ['state', 18],
      ['agent', 23],
    ]);
    expect(report.profiles.every((profile) => profile.layer === 'shared')).toBe(true);
    const anthropic = report.providers.find((entry) => entry.provider === 'anthropic')!;
    expect(anthropic.orderSource).toBe('agent');
    expect(anthropic.order).toEqual(['anthropic:work', 'anthropic:manual']);
  });
});

describe('writing the SQLite-era store', () => {
  it('adds a credential to the shared store in one transaction, keeping every other profile and field', async () => {
    const { workspace, stateDir, mainAgentDir } = await fixtureWorkspace('a-v9-shared-fresh');
    execOn(
      stateDb(stateDir),
      `update config_machine_state set value_json = json_set(value_json, '$.profiles."anthropic:manual".futureField', json('{"keep":[1,2]}'), '$.futureTop', 7) where state_key = 'authProfiles.store'`,
    );
    const before = readCell(
      stateDb(stateDir),
      `select updated_at_ms from config_machine_state where state_key = 'authProfiles.store'`,
    ) as number;
    const key = fakeSecrets.openaiKey('sqlite');
    const saved = await saveCredentialProfile({
      workspace,
      profileId: 'openai:default',
      provider: 'openai',
      kind: 'api_key',
      secret: key,
    });
    expect(saved).toMatchObject({
      layer: 'shared',
      store: { generation: { id: 'shared-sqlite' } },
      storePath: stateDb(stateDir),
      replaced: false,
    });
    const store = sharedStore(stateDir) as { profiles: Record<string, Record<string, unknown>>; futureTop?: number };
    expect(store.profiles['openai:default']).toEqual({ type: 'api_key', provider: 'openai', key });
    expect(store.profiles['anthropic:manual']).toMatchObject({ type: 'token', futureField: { keep: [1, 2] } });
    expect(store.futureTop).toBe(7);
    expect(
      readCell(
        stateDb(stateDir),
        `select updated_at_ms from config_machine_state where state_key = 'authProfiles.store'`,
      ),
    ).toBeGreaterThanOrEqual(before);
    expect(readCell(stateDb(stateDir), 'pragma integrity_check')).toBe('ok');
    expect(jsonAuthFiles(mainAgentDir)).toEqual([]);
    expect(readJson(workspace.configPath).auth.profiles['openai:default']).toEqual({
      provider: 'openai',
      mode: 'api_key',
    });
  });

  it('writes an order override into the agent database, not the shared state', async () => {
    const { workspace, stateDir } = await fixtureWorkspace('b-v9-shared-with-agent-override');
    const result = await setOrderOverride(await openAgentStore(workspace), 'anthropic', [
      'anthropic:manual',
      'anthropic:work',
    ]);
    expect(result).toMatchObject({ path: mainDb(stateDir), layer: 'local', changed: true });
    expect(readCell(mainDb(stateDir), `select state_json from auth_profile_state where state_key = 'primary'`)).toEqual(
      { version: 1, order: { anthropic: ['anthropic:manual', 'anthropic:work'] } },
    );
    expect(
      readCell(stateDb(stateDir), `select value_json from config_machine_state where state_key = 'authProfiles.state'`),
    ).toBeUndefined();
    await setOrderOverride(await openAgentStore(workspace), 'anthropic', undefined);
    // OpenClaw drops an empty state document rather than keep {"version":1,"order":{}}.
    expect(
      readCell(mainDb(stateDir), `select state_json from auth_profile_state where state_key = 'primary'`),
    ).toBeUndefined();
  });

  it('an order in an agent database with no store row: not shown as in force, and written with its store row', async () => {
    const { workspace, stateDir } = await fixtureWorkspace('b-v9-shared-with-agent-override');
    // As an order set by authdeck before this was right left it: state, and no store row beside it.
    execOn(mainDb(stateDir), `delete from auth_profile_store where store_key = 'primary'`);
    const anthropicOrder = async () => {
      const report = buildStatusReport(await loadAgentState(workspace), { nowMs: Date.now(), warnWithinMs: 1 });
      const anthropic = report.providers.find((entry) => entry.provider === 'anthropic')!;
      return [anthropic.orderSource, anthropic.order];
    };
    // OpenClaw reads no state without its store row (the shared store has no order of its own).
    expect((await anthropicOrder())[0]).not.toBe('agent');
    // Doctor names it, and its fix puts it in force as OpenClaw's own save would (the empty store row).
    const report = await runDoctor(workspace, { nowMs: Date.now(), warnWithinMs: 1 });
    const unread = report.findings.filter((finding) => finding.code === 'unread-order');
    expect(unread).toEqual([
      expect.objectContaining({ severity: 'warning', subject: `anthropic order in ${mainDb(stateDir)}` }),
    ]);
    expect(unread[0]!.problem).toContain('(anthropic:work, anthropic:manual) is not read by OpenClaw');
    await applySafeFixes(workspace, unread);
    expect(await anthropicOrder()).toEqual(['agent', ['anthropic:work', 'anthropic:manual']]);
    execOn(mainDb(stateDir), `delete from auth_profile_store where store_key = 'primary'`);
    // Another provider's order cleared: nothing to clear, nothing written, the unread one left unread.
    const cleared = await setOrderOverride(await openAgentStore(workspace), 'openai', undefined);
    expect(cleared.changed).toBe(false);
    expect(
      readCell(mainDb(stateDir), `select store_json from auth_profile_store where store_key = 'primary'`),
    ).toBeUndefined();
    expect((await anthropicOrder())[0]).not.toBe('agent');
    // An order set again goes where OpenClaw reads it too, even when it is the one lying there unread.
    await setOrderOverride(await openAgentStore(workspace), 'anthropic', ['anthropic:work', 'anthropic:manual']);
    expect(readCell(mainDb(stateDir), `select store_json from auth_profile_store where store_key = 'primary'`)).toEqual(
      { version: 1, profiles: {} },
    );
    expect(await anthropicOrder()).toEqual(['agent', ['anthropic:work', 'anthropic:manual']]);
  });

  it('never creates an OpenClaw database: without openclaw on PATH it names the command to run', async () => {
    const { workspace, stateDir } = await fixtureWorkspace('a-v9-shared-fresh');
    const error = await rejection(setOrderOverride(await openAgentStore(workspace), 'anthropic', ['anthropic:manual']));
    expect(error.message).toMatch(
      /openclaw-agent\.sqlite does not exist yet.*`openclaw models auth order set --provider anthropic anthropic:manual`/,
    );
    expect(existsSync(mainDb(stateDir))).toBe(false);
  });

  it('removes a profile from the layer that holds it and says which', async () => {
    const { workspace, stateDir } = await fixtureWorkspace('b-v9-shared-with-agent-override');
    const removed = await removeProfile(await openAgentStore(workspace), 'anthropic:manual');
    expect(removed).toMatchObject({ layer: 'shared', storePath: stateDb(stateDir), type: 'token' });
    expect(Object.keys(sharedStore(stateDir).profiles)).toEqual(['anthropic:work']);
    // The agent's order no longer names it.
    expect(readCell(mainDb(stateDir), `select state_json from auth_profile_state where state_key = 'primary'`)).toEqual(
      { version: 1, order: { anthropic: ['anthropic:work'] } },
    );
  });

  it('writes the per-agent database of 2026.6.5–2026.7', async () => {
    const { workspace, stateDir } = await fixtureWorkspace('c-v7-agent-db');
    const token = fakeSecrets.setupToken('v7');
    const saved = await saveCredentialProfile({
      workspace,
      profileId: 'anthropic:new',
      provider: 'anthropic',
      kind: 'token',
      secret: token,
      expiresAt: 1_900_000_000_000,
    });
    expect(saved).toMatchObject({
      layer: 'local',
      store: { generation: { id: 'agent-sqlite' } },
      storePath: mainDb(stateDir),
    });
    const store = readCell(
      mainDb(stateDir),
      `select store_json from auth_profile_store where store_key = 'primary'`,
    ) as { profiles: Record<string, unknown> };
    expect(Object.keys(store.profiles).sort()).toEqual([
      'anthropic:key',
      'anthropic:manual',
      'anthropic:new',
      'openai:manual',
    ]);
    expect(store.profiles['anthropic:new']).toEqual({
      type: 'token',
      provider: 'anthropic',
      token,
      expires: 1_900_000_000_000,
    });
  });

  it('refuses to write a schema newer than it knows, with one line, and still reads it', async () => {
    const { workspace, stateDir } = await fixtureWorkspace('a-v9-shared-fresh');
    execOn(stateDb(stateDir), 'pragma user_version = 19');
    const state = await loadAgentState(workspace);
    expect(listAgentProfiles(state).map((row) => row.view.id)).toEqual(['anthropic:manual']);
    const report = buildStatusReport(state, { nowMs: Date.now(), warnWithinMs: 86_400_000 });
    expect(report.warnings.join('\n')).toMatch(
      /state schema 19 \(written by OpenClaw 2026\.9\.6\); authdeck knows schemas up to 18/,
    );
    const error = await rejection(
      saveCredentialProfile({
        workspace,
        profileId: 'openai:x',
        provider: 'openai',
        kind: 'api_key',
        secret: fakeSecrets.openaiKey(),
      }),
    );
    expect(error.exitCode).toBe(3);
    expect(error.message.split('\n')).toHaveLength(1);
    expect(Object.keys(sharedStore(stateDir).profiles)).toEqual(['anthropic:manual']);
  });

  it('never touches an OAuth profile the gateway is refreshing (fenced)', async () => {
    const { workspace, stateDir } = await fixtureWorkspace('a-v9-shared-fresh');
    const fence = 'openclaw-oauth-refresh-fence:v1:claim:access:digest';
    execOn(
      stateDb(stateDir),
      `update config_machine_state set value_json = json_set(value_json, '$.profiles."openai:oauth"', json(?)) where state_key = 'authProfiles.store'`,
      JSON.stringify({ type: 'oauth', provider: 'openai', access: fence, refresh: fence, expires: 1 }),
    );
    await expect(removeProfile(await openAgentStore(workspace), 'openai:oauth')).rejects.toThrow(
      /being refreshed by the gateway/,
    );
    expect(sharedStore(stateDir).profiles['openai:oauth']).toMatchObject({ access: fence });
  });

  it('refuses to write a 2026.7 database that the installed 2026.9 has not upgraded yet', async () => {
    const { workspace, stateDir } = await fixtureWorkspace('f-v7-to-v9-doctor-interrupted');
    const error = await rejection(
      saveCredentialProfile({
        workspace,
        profileId: 'anthropic:x',
        provider: 'anthropic',
        kind: 'api_key',
        secret: fakeSecrets.anthropicApiKey(),
      }),
    );
    expect(error.message).toMatch(/agent schema 1, from OpenClaw before 2026\.8.*openclaw doctor --fix/);
    expect(
      Object.keys(
        (
          readCell(mainDb(stateDir), `select store_json from auth_profile_store where store_key = 'primary'`) as {
            profiles: object;
          }
        ).profiles,
      ),
    ).toEqual(['anthropic:manual']);
  });
});

describe('the SQLite library', () => {
  it('is one without the WAL-reset bug before it writes', () => {
    expect(['3.53.2', '3.51.3', '3.50.7', '3.44.6'].map(isWalSafeSqliteVersion)).toEqual([true, true, true, true]);
    expect(['3.51.2', '3.50.6', '3.45.0', '3.40.1'].map(isWalSafeSqliteVersion)).toEqual([false, false, false, false]);
  });
});

describe('the fixtures OpenClaw made', () => {
  it('hold no string shaped like a real Anthropic secret', async () => {
    const { readdirSync: list, readFileSync, statSync } = await import('node:fs');
    const { gunzipSync } = await import('node:zlib');
    const { OPENCLAW_FIXTURES } = await import('../helpers/openclaw-fixtures.js');
    const scanner = /sk-ant-(api03|oat01|admin01)-[A-Za-z0-9_-]{80}/;
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of list(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk(OPENCLAW_FIXTURES);
    expect(files.filter((path) => path.endsWith('.sqlite.gz')).length).toBeGreaterThanOrEqual(10);
    for (const path of files) {
      const bytes = path.endsWith('.gz') ? gunzipSync(readFileSync(path)) : readFileSync(path);
      expect(scanner.test(bytes.toString('latin1')), path).toBe(false);
    }
  });
});
