import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { execOn, installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, readJson, writeJsonFile, writeText } from '../helpers/temp-state.js';

const cli = (home: string, args: string[], input?: string) =>
  runCommand(['--no-reload', ...args], { home, ...(input !== undefined ? { input } : {}) });

function v9Home() {
  const temp = makeTempHome();
  installOpenclawFixture('a-v9-shared-fresh', temp.stateDir);
  return { ...temp, stateDb: join(temp.stateDir, 'state', 'openclaw.sqlite') };
}

/** The raw text of a SQLite cell (numbers as written, not as JavaScript reads them). */
function rawCell(dbPath: string, key: string): string {
  const { DatabaseSync } = process.getBuiltinModule('node:sqlite') as typeof import('node:sqlite');
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    return (
      db.prepare('select value_json from config_machine_state where state_key = ?').get(key) as { value_json: string }
    ).value_json;
  } finally {
    db.close();
  }
}

describe('documents from a newer OpenClaw, and what migrate carries over', () => {
  it('a credentials document of a newer version is read but never written (exit 3)', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const path = join(mainAgentDir, 'auth-profiles.json');
    writeJsonFile(path, {
      version: 99,
      profiles: { 'openai:default': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey() } },
    });
    const before = readFileSync(path, 'utf8');
    expect((await cli(home, ['status'])).code).toBe(0);
    const saved = await cli(home, ['add-key', '--provider', 'groq'], fakeSecrets.groqKey());
    expect(saved.code).toBe(3);
    expect(saved.stderr).toMatch(/version 99 document; authdeck knows version 1 and will not write it/);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('a state cell of a newer version, or a schema_meta of a newer schema, is not written (exit 3)', async () => {
    for (const sql of [
      `update config_machine_state set value_json = json_set(value_json, '$.version', 99) where state_key = 'authProfiles.store'`,
      `update schema_meta set schema_version = 99 where meta_key = 'primary'`,
    ]) {
      const { home, stateDb } = v9Home();
      execOn(stateDb, sql);
      const before = rawCell(stateDb, 'authProfiles.store');
      const saved = await cli(home, ['add-key', '--provider', 'groq'], fakeSecrets.groqKey());
      expect(saved.code, sql).toBe(3);
      expect(rawCell(stateDb, 'authProfiles.store')).toBe(before);
    }
  });

  it('migrate --apply keeps every number exactly and imports the usage stats, as doctor does', async () => {
    const { home, mainAgentDir, stateDb } = v9Home();
    const key = fakeSecrets.groqKey('exact');
    writeText(
      join(mainAgentDir, 'auth-profiles.json'),
      `{"version":1,"profiles":{"groq:exact":{"type":"api_key","provider":"groq","key":"${key}","metadata":{"big":9007199254740993,"price":1.50,"huge":1e400}}}}\n`,
    );
    writeJsonFile(join(mainAgentDir, 'auth-state.json'), {
      version: 1,
      lastGood: { groq: 'groq:exact' },
      usageStats: { 'groq:exact': { lastUsed: 1764500000000, errorCount: 2 } },
    });
    const applied = await cli(home, ['migrate', '--apply', '--yes']);
    expect(applied.code).toBe(0);
    expect(rawCell(stateDb, 'authProfiles.store')).toContain(
      '"metadata":{"big":9007199254740993,"price":1.50,"huge":1e400}',
    );
    const state = JSON.parse(rawCell(stateDb, 'authProfiles.state'));
    expect(state.usageStats['groq:exact']).toEqual({ lastUsed: 1764500000000, errorCount: 2 });
    expect(state.lastGood.groq).toBe('groq:exact');
    expect(readJson(join(home, '.openclaw', 'openclaw.json')).auth.profiles['groq:exact']).toEqual({
      provider: 'groq',
      mode: 'api_key',
    });
  });

  it('migrate --apply merges the two JSON files order by order, as the gateway read them and doctor imports them', async () => {
    const { home, mainAgentDir, stateDb } = v9Home();
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'anthropic:b': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey('b') } },
      order: { anthropic: ['anthropic:b', 'anthropic:manual'] },
    });
    writeJsonFile(join(mainAgentDir, 'auth-state.json'), { version: 1, order: { openai: ['openai:x'] } });
    const applied = await cli(home, ['migrate', '--apply', '--yes']);
    expect(applied.code).toBe(0);
    // The credentials file's anthropic order was in force beside the state file's openai one: both.
    expect(JSON.parse(rawCell(stateDb, 'authProfiles.state')).order).toEqual({
      anthropic: ['anthropic:b', 'anthropic:manual'],
      openai: ['openai:x'],
    });
  });

  it('migrate --apply with openclaw.json protected writes and archives nothing (it would record each profile there)', async () => {
    const { home, mainAgentDir, stateDb, configPath } = v9Home();
    const jsonFile = join(mainAgentDir, 'auth-profiles.json');
    writeJsonFile(jsonFile, {
      version: 1,
      profiles: { 'groq:new': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey('new') } },
    });
    chmodSync(configPath, 0o444);
    const before = rawCell(stateDb, 'authProfiles.store');
    const applied = await cli(home, ['migrate', '--apply', '--yes']);
    expect(applied.code).toBe(1);
    expect(applied.stderr.trim()).toMatch(/^authdeck: .*openclaw\.json is read-only \(mode 444\)/);
    expect(rawCell(stateDb, 'authProfiles.store')).toBe(before);
    expect(existsSync(jsonFile)).toBe(true);
  });
});
