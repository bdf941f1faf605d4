import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execOn, installOpenclawFixture } from './openclaw-fixtures.js';
import { writeJsonFile } from './temp-state.js';

/** One layer of OpenClaw 2026.9's auth store: its credentials and its state (order, usage). */
export interface Layer {
  profiles?: Record<string, Record<string, unknown>>;
  order?: Record<string, string[]>;
  usageStats?: Record<string, Record<string, unknown>>;
}

/** What OpenClaw 2026.9 leaves in openclaw.json beside the settings a test gives. */
const OPENCLAW_META = {
  meta: { migrations: { modelPolicyAllowlist: true, utilityModelSeparation: true }, lastTouchedVersion: '2026.9.6' },
};

/**
 * A state dir as OpenClaw 2026.9.6 lays it out (the shared store in state/openclaw.sqlite, the
 * main agent's database beside it, both made by OpenClaw: fixture b), its cells replaced by the
 * given layers. Another agent's database is the main one's, owned by that agent: OpenClaw reads
 * it as it reads its own (writes would refuse it; the tests only read).
 */
export function layOutV9Home(
  stateDir: string,
  configPath: string,
  shared: Layer,
  local: Record<string, Layer>,
  config: Record<string, unknown>,
): void {
  installOpenclawFixture('b-v9-shared-with-agent-override', stateDir);
  const stateDb = join(stateDir, 'state', 'openclaw.sqlite');
  const upsertShared = `insert into config_machine_state (state_key, value_json, updated_at_ms) values (?, ?, ?)
    on conflict (state_key) do update set value_json = excluded.value_json, updated_at_ms = excluded.updated_at_ms`;
  execOn(stateDb, upsertShared, 'authProfiles.store', JSON.stringify(storeDoc(shared)), Date.now());
  const sharedState = stateDoc(shared);
  if (sharedState) execOn(stateDb, upsertShared, 'authProfiles.state', JSON.stringify(sharedState), Date.now());
  else execOn(stateDb, `delete from config_machine_state where state_key = 'authProfiles.state'`);

  const mainDb = join(stateDir, 'agents', 'main', 'agent', 'openclaw-agent.sqlite');
  for (const [agentId, layer] of Object.entries({ main: {}, ...local })) {
    const db = join(stateDir, 'agents', agentId, 'agent', 'openclaw-agent.sqlite');
    if (agentId !== 'main') {
      mkdirSync(join(stateDir, 'agents', agentId, 'agent'), { recursive: true, mode: 0o700 });
      copyFileSync(mainDb, db);
      execOn(db, `update schema_meta set agent_id = ? where meta_key = 'primary'`, agentId);
    }
    execOn(
      db,
      `insert into auth_profile_store (store_key, store_json, updated_at) values ('primary', ?, ?)
        on conflict (store_key) do update set store_json = excluded.store_json`,
      JSON.stringify(storeDoc(layer)),
      Date.now(),
    );
    const state = stateDoc(layer);
    if (state)
      execOn(
        db,
        `insert into auth_profile_state (state_key, state_json, updated_at) values ('primary', ?, ?)
          on conflict (state_key) do update set state_json = excluded.state_json`,
        JSON.stringify(state),
        Date.now(),
      );
    else execOn(db, `delete from auth_profile_state where state_key = 'primary'`);
  }
  writeJsonFile(configPath, { ...config, ...OPENCLAW_META });
}

function storeDoc(layer: Layer) {
  return { version: 1, profiles: layer.profiles ?? {} };
}

function stateDoc(layer: Layer) {
  if (!layer.order && !layer.usageStats) return undefined;
  return {
    version: 1,
    ...(layer.order ? { order: layer.order } : {}),
    ...(layer.usageStats ? { usageStats: layer.usageStats } : {}),
  };
}
