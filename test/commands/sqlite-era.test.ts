import {
  chmodSync,
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeOpenclawBin } from '../helpers/fake-openclaw-bin.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { execOn, installOpenclawFixture, type OpenclawFixture, readCell } from '../helpers/openclaw-fixtures.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, mergeJsonFile, writeJsonFile, writeText } from '../helpers/temp-state.js';

// The plain commands on stores that OpenClaw 2026.7.35 and 2026.9.6 made themselves.
function fixtureHome(name: OpenclawFixture) {
  const temp = makeTempHome();
  installOpenclawFixture(name, temp.stateDir);
  return {
    ...temp,
    stateDb: join(temp.stateDir, 'state', 'openclaw.sqlite'),
    mainDb: join(temp.mainAgentDir, 'openclaw-agent.sqlite'),
  };
}
const cli = (home: string, args: string[], input?: string) =>
  runCommand(['--no-reload', ...args], { home, ...(input !== undefined ? { input } : {}) });
const sharedProfiles = (stateDb: string) =>
  Object.keys(
    (
      readCell(stateDb, `select value_json from config_machine_state where state_key = 'authProfiles.store'`) as {
        profiles: object;
      }
    ).profiles,
  ).sort();

describe('plain commands on an OpenClaw 2026.9 store', () => {
  it('with no database of its own, status and doctor name the shared store as where the credentials are', async () => {
    const { home, stateDb, mainDb } = fixtureHome('a-v9-shared-fresh');
    expect(existsSync(mainDb)).toBe(false);
    const status = (await cli(home, ['status'])).stdout;
    expect(status).toContain(`${mainDb} (its local overrides; none yet)`);
    expect(status).toContain(`Shared store ${stateDb}`);
    const doctor = JSON.parse((await cli(home, ['doctor', '--json'])).stdout) as {
      findings: Array<{ code: string; subject: string }>;
    };
    expect(doctor.findings.find((finding) => finding.code === 'store-generation')?.subject).toBe(stateDb);
  });

  it('status names the generation, the databases and the layer of each profile', async () => {
    const { home, stateDb, mainDb } = fixtureHome('b-v9-shared-with-agent-override');
    const json = JSON.parse((await cli(home, ['status', '--json'])).stdout);
    expect(json.store).toMatchObject({
      storeGeneration: 'shared-sqlite',
      layout: 'state-db',
      openclawVersion: '2026.9.6',
    });
    expect(json.store.databases).toEqual([
      expect.objectContaining({ kind: 'state', path: stateDb, schemaVersion: 18, writable: true }),
      expect.objectContaining({ kind: 'agent', path: mainDb, schemaVersion: 23, writable: true }),
    ]);
    expect(json.profiles.map((p: { id: string; layer: string }) => [p.id, p.layer])).toEqual([
      ['anthropic:manual', 'shared'],
      ['anthropic:work', 'shared'],
    ]);
    const text = await cli(home, ['status']);
    expect(text.stdout).toContain(`Shared store ${stateDb}`);
    expect(text.stdout).toMatch(/Store shared SQLite \(OpenClaw 2026\.8\.1\+\), seen 2026\.9\.6/);
  });

  it('add-key, paste-token, order set, token and remove work on the shared store and never leave a JSON auth file', async () => {
    const { home, stateDb, mainDb, mainAgentDir } = fixtureHome('b-v9-shared-with-agent-override');
    const key = fakeSecrets.openaiKey('cli');
    const added = await cli(home, ['add-key', '--provider', 'openai'], key);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`Saved openai:default (api_key sk-proj-…`);
    expect(added.stdout).toContain(`${stateDb} (shared store)`);
    const token = fakeSecrets.setupToken('cli');
    expect((await cli(home, ['paste-token', '--provider', 'anthropic', '--profile-id', 'cli'], token)).code).toBe(0);
    expect(sharedProfiles(stateDb)).toEqual(['anthropic:cli', 'anthropic:manual', 'anthropic:work', 'openai:default']);
    const order = await cli(home, ['order', 'set', '--provider', 'anthropic', 'cli', 'work']);
    expect(order.stdout).toContain(`(in ${mainDb})`);
    expect(readCell(mainDb, `select state_json from auth_profile_state where state_key = 'primary'`)).toEqual({
      version: 1,
      order: { anthropic: ['anthropic:cli', 'anthropic:work'] },
    });
    expect((await cli(home, ['token', 'anthropic:cli'])).stdout).toBe(`${token}\n`);
    const removed = await cli(home, ['remove', 'openai:default', '--yes']);
    expect(removed.stdout).toContain(`Removed openai:default (api_key) from ${stateDb} (shared store)`);
    expect(sharedProfiles(stateDb)).toEqual(['anthropic:cli', 'anthropic:manual', 'anthropic:work']);
    expect(readdirSync(mainAgentDir).filter((name) => name.endsWith('.json'))).toEqual([]);
  });

  it('refuses to write a newer schema with a one-line reason and exit 3', async () => {
    const { home, stateDb } = fixtureHome('a-v9-shared-fresh');
    const { execOn } = await import('../helpers/openclaw-fixtures.js');
    execOn(stateDb, 'pragma user_version = 19');
    const result = await cli(home, ['add-key', '--provider', 'openai'], fakeSecrets.openaiKey());
    expect(result.code).toBe(3);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/state schema 19 .*authdeck knows schemas up to 18/);
    expect(sharedProfiles(stateDb)).toEqual(['anthropic:manual']);
    expect((await cli(home, ['status'])).code).toBe(0);
  });

  it('names a leftover auth-state.json, as OpenClaw warns of it, without saying the gateway refuses to start', async () => {
    const { home, mainAgentDir } = fixtureHome('a-v9-shared-fresh');
    writeJsonFile(join(mainAgentDir, 'auth-state.json'), { version: 1 });
    const status = await cli(home, ['status']);
    expect(status.stdout).toMatch(/does not read .*auth-state\.json: run `authdeck migrate`/);
    expect(status.stdout).not.toContain('refuses to start');
    const json = JSON.parse((await cli(home, ['status', '--json'])).stdout);
    expect(json.store.legacyFiles).toEqual([{ path: join(mainAgentDir, 'auth-state.json'), profileCount: null }]);
  });

  it('stops with the exact OpenClaw command when the store does not exist yet', async () => {
    const { home, configPath, stateDir } = makeTempHome();
    writeJsonFile(configPath, { meta: { lastTouchedVersion: '2026.9.6' } });
    const result = await cli(home, ['paste-token', '--provider', 'anthropic'], fakeSecrets.setupToken());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /does not exist yet, and only OpenClaw may create it\. Create it with `openclaw models auth paste-token --provider anthropic --profile-id anthropic:default` \(it reads the secret from stdin\)/,
    );
    expect(existsSync(join(stateDir, 'state'))).toBe(false);
    expect(existsSync(join(stateDir, 'agents'))).toBe(false);
  });

  it('leaves openclaw.json alone when the store cannot be made: not written and put back, not touched', async () => {
    // The config was rewritten (0644 → 0600), then put back, before the missing store stopped the
    // save; with no config a new one was made and removed again (an adversarial run).
    const { home, configPath, stateDir } = makeTempHome();
    const text = '{\n  // mine\n  meta: { lastTouchedVersion: "2026.9.6" },\n}\n';
    writeFileSync(configPath, text);
    chmodSync(configPath, 0o644);
    const before = statSync(configPath);
    const result = await cli(home, ['add-key', '--provider', 'openai'], fakeSecrets.openaiKey());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Create it with `openclaw models auth paste-api-key');
    expect(result.stderr).toContain('Nothing was saved');
    expect(result.stderr).not.toContain('put back');
    const after = statSync(configPath);
    expect([after.ino, after.mtimeMs, after.mode & 0o777]).toEqual([before.ino, before.mtimeMs, 0o644]);
    expect(readFileSync(configPath, 'utf8')).toBe(text);
    expect(existsSync(join(stateDir, 'openclaw.json.bak'))).toBe(false);
  });
});

describe('authdeck migrate', () => {
  it('shows what doctor would drop, then writes the renewal into SQLite and archives the JSON the way doctor does', async () => {
    const { home, stateDb, mainAgentDir } = fixtureHome('a-v9-shared-fresh');
    const renewed = fakeSecrets.setupToken('renewed');
    const fresh = fakeSecrets.groqKey('fresh');
    const manual = readCell(
      stateDb,
      `select value_json from config_machine_state where state_key = 'authProfiles.store'`,
    ) as { profiles: Record<string, Record<string, unknown>> };
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: {
        'anthropic:manual': {
          ...manual.profiles['anthropic:manual'],
          token: renewed,
          expires: Date.now() + 86_400_000 * 300,
        },
        'groq:fresh': { type: 'api_key', provider: 'groq', key: fresh },
      },
    });
    const status = await cli(home, ['status']);
    expect(status.stdout).toMatch(/does not read .*auth-profiles\.json \(2 profiles\).*authdeck migrate/);
    const plan = await cli(home, ['migrate']);
    expect(plan.stdout).toMatch(/anthropic:manual\s+token\s+differs from the stored one: doctor keeps the stored one/);
    expect(plan.stdout).toMatch(/groq:fresh\s+api_key\s+not stored yet: doctor would import it/);
    expect(plan.stdout).not.toContain(renewed);
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(true);
    const applied = await cli(home, ['migrate', '--apply', '--yes', '--prefer-json']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/Wrote 2 profiles into .*openclaw\.sqlite: anthropic:manual, groq:fresh/);
    const store = readCell(
      stateDb,
      `select value_json from config_machine_state where state_key = 'authProfiles.store'`,
    ) as { profiles: Record<string, Record<string, unknown>> };
    expect(store.profiles['anthropic:manual']!.token).toBe(renewed);
    expect(store.profiles['groq:fresh']!.key).toBe(fresh);
    const left = readdirSync(mainAgentDir);
    expect(left.filter((name) => name === 'auth-profiles.json')).toEqual([]);
    expect(
      left.filter((name) =>
        /^auth-profiles\.json\.migrated-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-[0-9a-f-]{36}$/.test(name),
      ),
    ).toHaveLength(1);
  });
});

describe('authdeck migrate: thousands of profiles', () => {
  it('records them all in openclaw.json and names the first ones in one line (--json lists every one)', async () => {
    const { home, mainAgentDir, configPath } = fixtureHome('a-v9-shared-fresh');
    const ids = Array.from({ length: 2000 }, (_, i) => `groq:p${i}`);
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: Object.fromEntries(
        ids.map((id) => [id, { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey(id) }]),
      ),
    });
    const applied = await cli(home, ['migrate', '--apply', '--yes']);
    expect(applied.code).toBe(0);
    const [wrote] = applied.stdout.split('\n');
    expect(wrote).toMatch(
      /Wrote 2000 profiles into .*: groq:p0, groq:p1, .*groq:p19 and 1980 more \(`--json` lists them all\)$/,
    );
    const recorded = JSON.parse(readFileSync(configPath, 'utf8')).auth.profiles as Record<string, unknown>;
    expect(ids.filter((id) => !recorded[id])).toEqual([]);
    expect(recorded['groq:p1999']).toEqual({ provider: 'groq', mode: 'api_key' });
  });
});

describe('authdeck migrate: a config written twice where a save writes its setup', () => {
  it('is no concern of migrate, which writes only auth.profiles entries', async () => {
    const { home, mainAgentDir, configPath } = fixtureHome('a-v9-shared-fresh');
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'groq:fresh': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey('fresh') } },
    });
    writeText(configPath, readFileSync(configPath, 'utf8').replace('{', '{\n  "plugins": {},'));
    const applied = await cli(home, ['migrate', '--apply', '--yes']);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(readFileSync(configPath, 'utf8')).toContain('"groq:fresh"');
  });
});

describe('authdeck migrate: what OpenClaw does not store', () => {
  it('a type OpenClaw does not know, or an id no object can hold, is listed, left in the archive, never recorded', async () => {
    const { home, mainAgentDir, configPath } = fixtureHome('a-v9-shared-fresh');
    writeText(
      join(mainAgentDir, 'auth-profiles.json'),
      JSON.stringify({
        version: 1,
        profiles: {
          'weird:3': { type: 'martian', provider: 'weird' },
          'groq:fresh': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey('fresh') },
        },
      }).replace('"weird:3"', '"__proto__":{"type":"api_key","provider":"groq","key":"gsk_x"},"weird:3"'),
    );
    const listed = await cli(home, ['migrate']);
    expect(listed.stdout).toMatch(
      /weird:3\s+martian\s+not a credential OpenClaw stores: doctor drops it, and so does this/,
    );
    expect(listed.stdout).toMatch(/__proto__\s+api_key\s+not a credential OpenClaw stores/);
    const applied = await cli(home, ['migrate', '--apply', '--yes']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain(
      'not imported (not a credential OpenClaw stores; left in the archived file): __proto__, weird:3',
    );
    // The config stays one OpenClaw accepts: no auth.profiles mode "martian".
    const profiles = JSON.parse(readFileSync(configPath, 'utf8')).auth.profiles;
    expect(Object.keys(profiles)).toContain('groq:fresh');
    expect(Object.keys(profiles)).not.toContain('weird:3');
    expect(Object.hasOwn(profiles, '__proto__')).toBe(false);
  });
});

describe('authdeck migrate: a JSON5-only config', () => {
  it('is spelled as JSON when the profiles are recorded, and migrate says so', async () => {
    const { home, mainAgentDir, configPath } = fixtureHome('a-v9-shared-fresh');
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'groq:fresh': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey('fresh') } },
    });
    writeText(configPath, readFileSync(configPath, 'utf8').replace('"auth":', 'auth:'));
    const applied = await cli(home, ['migrate', '--apply', '--yes']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(
      /openclaw\.json used JSON5-only syntax, so it was rewritten as JSON \(same values; the original is .*\.bak\)/,
    );
  });
});

describe('authdeck migrate: a config with "profiles" twice under auth', () => {
  it('is refused before anything is written or archived', async () => {
    const { home, mainAgentDir, configPath, stateDb } = fixtureHome('a-v9-shared-fresh');
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'groq:fresh': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey('fresh') } },
    });
    const config = readFileSync(configPath, 'utf8');
    writeText(configPath, config.replace('"auth": {', '"auth": {\n    "profiles": {},'));
    const applied = await cli(home, ['migrate', '--apply', '--yes']);
    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain('has "profiles" twice');
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(true);
    expect(sharedProfiles(stateDb)).not.toContain('groq:fresh');
  });
});

describe('a profile only a JSON file holds, on a SQLite-era home', () => {
  it('status names it as waiting for its import, not as a credential to add again', async () => {
    const { home, mainAgentDir, configPath } = fixtureHome('a-v9-shared-fresh');
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'openai:default': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey('old') } },
    });
    mergeJsonFile(configPath, { agents: { defaults: { model: { primary: 'openai/gpt-5.4' } } } });
    const status = await cli(home, ['status']);
    expect(status.stdout.replace(/\s*\n\s*/g, ' ')).toContain(
      'no working credential: openai:default waits for its import from the JSON files this OpenClaw no longer reads',
    );
    expect(status.stdout).not.toContain('add one with `authdeck add-key --provider openai`');
    const check = await cli(home, ['status', '--check']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(
      'openai:default only a JSON file holds, which this OpenClaw imports with `openclaw doctor --fix`',
    );
    expect(JSON.parse((await cli(home, ['status', '--json'])).stdout).providers).toContainEqual(
      expect.objectContaining({ provider: 'openai', awaitingImport: ['openai:default'] }),
    );
  });
});

describe('authdeck migrate: what the gateway will do with what it writes', () => {
  it('new profiles whose provider has an explicit order all join it at the end, and it says so', async () => {
    const { home, stateDb, mainAgentDir } = fixtureHome('a-v9-shared-fresh');
    execOn(
      stateDb,
      `insert into config_machine_state (state_key, value_json, updated_at_ms) values ('authProfiles.state', ?, 0)`,
      JSON.stringify({ version: 1, order: { anthropic: ['anthropic:manual'] } }),
    );
    // Three at once: each joins the list the one before left (only the last one did).
    const ids = ['anthropic:extra', 'anthropic:newb', 'anthropic:newc'];
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: Object.fromEntries(
        ids.map((id) => [id, { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken(id) }]),
      ),
    });
    const applied = await cli(home, ['migrate', '--apply', '--yes']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain(
      "added at the end of their provider's order, so that the gateway tries them: anthropic:extra, anthropic:newb, anthropic:newc",
    );
    const state = readCell(
      stateDb,
      `select value_json from config_machine_state where state_key = 'authProfiles.state'`,
    ) as { order: Record<string, string[]> };
    expect(state.order.anthropic).toEqual(['anthropic:manual', ...ids]);
    expect((await cli(home, ['order', 'get', '--provider', 'anthropic'])).stdout).not.toContain('not tried');
  });

  it("a new profile joins the agent's own order when that order is the one that decides", async () => {
    const { home, mainAgentDir } = fixtureHome('b-v9-shared-with-agent-override');
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'anthropic:extra': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken('x') } },
    });
    const applied = await cli(home, ['migrate', '--apply', '--yes', '--json']);
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({
      written: ['anthropic:extra'],
      joinedOrder: ['anthropic:extra'],
    });
    const order = await cli(home, ['order', 'get', '--provider', 'anthropic']);
    expect(order.stdout).not.toContain('not tried');
    expect(order.stdout).toMatch(/anthropic:work[\s\S]*anthropic:manual[\s\S]*anthropic:extra/);
  });

  it("another agent's JSON goes into that agent's own database, as doctor imports it, never the shared store", async () => {
    const { home, stateDb, stateDir } = fixtureHome('a-v9-shared-fresh');
    const coderDir = join(stateDir, 'agents', 'coder', 'agent');
    writeJsonFile(join(coderDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'openai:coder': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey('coder') } },
    });
    // Its database does not exist yet: only doctor may create it, and nothing is written elsewhere.
    const refused = await cli(home, ['migrate', '--apply', '--yes', '--agent', 'coder']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('run `openclaw doctor --fix`');
    expect(sharedProfiles(stateDb)).toEqual(['anthropic:manual']);
    expect(existsSync(join(coderDir, 'auth-profiles.json'))).toBe(true);
    // Once it exists (an agent database as OpenClaw makes one), the profile lands there alone.
    const made = makeTempHome();
    installOpenclawFixture('b-v9-shared-with-agent-override', made.stateDir);
    const coderDb = join(coderDir, 'openclaw-agent.sqlite');
    copyFileSync(join(made.mainAgentDir, 'openclaw-agent.sqlite'), coderDb);
    execOn(coderDb, `update schema_meta set agent_id = 'coder' where meta_key = 'primary'`);
    execOn(coderDb, `delete from auth_profile_state`);
    const applied = await cli(home, ['migrate', '--apply', '--yes', '--agent', 'coder']);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain(`into ${coderDb}: openai:coder`);
    expect(sharedProfiles(stateDb)).toEqual(['anthropic:manual']);
    const coderStore = readCell(coderDb, `select store_json from auth_profile_store where store_key = 'primary'`) as {
      profiles: object;
    };
    expect(Object.keys(coderStore.profiles)).toEqual(['openai:coder']);
  });

  it('the listing names the command for the state dir it looked at, not a bare one that migrates elsewhere', async () => {
    const { home, stateDir, mainAgentDir } = fixtureHome('a-v9-shared-fresh');
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'anthropic:extra': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken('x') } },
    });
    // Elsewhere than the home's usual state dir: the bare command would look there.
    const moved = join(home, 'elsewhere');
    renameSync(stateDir, moved);
    const plan = await cli(home, ['--state-dir', moved, 'migrate']);
    expect(plan.stdout.replace(/\s*\n\s*/g, ' ')).toContain(`\`authdeck migrate --apply --state-dir ${moved}\``);
  });

  it('nothing to migrate is exit 0, with or without --apply', async () => {
    const { home, mainAgentDir } = makeTempHome();
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'groq:k': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey() } },
    });
    for (const args of [['migrate'], ['migrate', '--apply', '--yes']]) {
      const run = await runCommand(['--no-reload', ...args], { home, env: { AUTHDECK_STORE_GENERATION: 'json' } });
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout).toContain('nothing to migrate');
    }
  });
});

describe('authdeck migrate on a JSON home a newer openclaw on PATH will not start on', () => {
  it('says to run `openclaw doctor --fix` first instead of "nothing to migrate"', async () => {
    const { home, mainAgentDir, configPath } = makeTempHome();
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'groq:k': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey() } },
    });
    writeJsonFile(configPath, { meta: { lastTouchedVersion: '2026.5.20' } });
    const run = await runCommand(['migrate'], {
      home,
      env: { AUTHDECK_STORE_GENERATION: undefined, PATH: `${fakeOpenclawBin('2026.9.6')}:/usr/bin:/bin` },
    });
    expect(run.code).toBe(0);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(
      'but the openclaw on PATH is 2026.9.6, which will not start on it until `openclaw doctor --fix` moves it to SQLite: run that first',
    );
  });
});

describe('authdeck migrate before the SQLite store exists', () => {
  function leftoverJson() {
    const temp = makeTempHome();
    writeJsonFile(temp.configPath, { meta: { lastTouchedVersion: '2026.9.6' } });
    writeJsonFile(join(temp.mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'groq:fresh': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey('fresh') } },
    });
    return temp;
  }

  it('says so in the listing and names openclaw doctor --fix, not migrate --apply', async () => {
    const { home } = leftoverJson();
    const plan = await cli(home, ['migrate']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/SQLite store .*does not exist yet/);
    expect(plan.stdout).toContain('run `openclaw doctor --fix`');
    expect(plan.stdout).not.toContain('authdeck migrate --apply');
  });

  it('--apply lists, gives the reason and exits 1 without asking; nothing changes', async () => {
    const { home, mainAgentDir, stateDir } = leftoverJson();
    for (const args of [
      ['migrate', '--apply'],
      ['migrate', '--apply', '--yes'],
    ]) {
      const result = await cli(home, args, 'y\n');
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/groq:fresh\s+api_key/);
      expect(result.stderr).not.toMatch(/\[y\/N\]|pass --yes/);
      expect(result.stderr).toMatch(/nothing changed: the SQLite store does not exist yet.*openclaw doctor --fix/);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(true);
    expect(existsSync(join(stateDir, 'state'))).toBe(false);
  });
});
