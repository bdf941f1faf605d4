import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDaemonEnv } from '../../src/services/env-file.js';
import { writeFileAtomic } from '../../src/services/files/atomic-write.js';
import { acquireFileLock, withFileLock } from '../../src/services/files/lock.js';
import type { TakeoverHook } from '../../src/services/files/lock-takeover.js';
import { acquireOAuthRefreshLock } from '../../src/services/oauth/refresh-lock.js';
import { oauthRefreshLockPath } from '../../src/services/store/refresh-lock-path.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { bundleLockDriver, deadPid, runDriver, underCrashingHolders } from '../helpers/lock-attack.js';
import { installOpenclawFixture, readCell } from '../helpers/openclaw-fixtures.js';
import { type CliResult, runCli } from '../helpers/run-cli.js';
import { makeTempHome, readJson, writeJsonFile } from '../helpers/temp-state.js';

// The lock under attack: many processes at once (through the real CLI, or a bundled driver for
// the preferences and the OAuth refresh lock) while holders are killed under them, and the exact
// race a waiter acting on an outdated judgement used to lose (up to 6 holders at once were seen).

/** Enough writers to overlap for seconds on 2 cores; the deadline is long so none times out. */
const WRITERS = 32;
/** The refresh lock's waiters poll every 100–200 ms, as OpenClaw's do: fewer, or it takes long. */
const REFRESHERS = 20;
const PATIENT = { AUTHDECK_LOCK_TIMEOUT_MS: '60000' };

/** One add-key per id, all at once; the exit code and stderr of each. */
function addKeys(home: string, ids: string[]) {
  return Promise.all(
    ids.map((id) =>
      runCli(['--no-reload', 'add-key', '--provider', 'groq', '--profile-id', id], {
        home,
        input: fakeSecrets.groqKey(id),
        env: PATIENT,
      }),
    ),
  );
}

const failures = (runs: CliResult[]) => runs.filter((run) => run.code !== 0).map((run) => run.stderr.trim());
const attackIds = () => Array.from({ length: WRITERS }, (_, i) => `attack-${i}`);

describe('many writers at once through the CLI, holders killed under them', () => {
  it(`${WRITERS} × env set of distinct names: every one exits 0 and is in the .env`, async () => {
    const { home, stateDir } = makeTempHome();
    const names = Array.from({ length: WRITERS }, (_, i) => `ATTACK_${i}`);
    const runs = await underCrashingHolders([join(stateDir, '.env.lock')], () =>
      Promise.all(names.map((name) => runCli(['env', 'set', name], { home, input: `value-${name}\n`, env: PATIENT }))),
    );
    expect(failures(runs)).toEqual([]);
    const stored = await readDaemonEnv(join(stateDir, '.env'));
    expect(names.filter((name) => stored[name] !== `value-${name}`)).toEqual([]);
  }, 60_000);

  it(`${WRITERS} × add-key of distinct ids (JSON store): every one exits 0 and is in the store`, async () => {
    const { home, mainAgentDir, configPath } = makeTempHome();
    const ids = attackIds();
    // The config already lists them, so each save is the store's read-modify-write alone (a
    // config write in between would keep two holders of the store lock apart by chance).
    writeJsonFile(configPath, {
      auth: { profiles: Object.fromEntries(ids.map((id) => [`groq:${id}`, { provider: 'groq', mode: 'api_key' }])) },
    });
    const runs = await underCrashingHolders([join(mainAgentDir, 'auth-profiles.json.lock')], () => addKeys(home, ids));
    expect(failures(runs)).toEqual([]);
    const store = readJson(join(mainAgentDir, 'auth-profiles.json')).profiles as Record<string, { key: string }>;
    expect(ids.filter((id) => store[`groq:${id}`]?.key !== fakeSecrets.groqKey(id))).toEqual([]);
  }, 60_000);

  it(`${WRITERS} × add-key of distinct ids (SQLite store): every one exits 0 and is in openclaw.json`, async () => {
    const { home, stateDir, configPath } = makeTempHome();
    // With OpenClaw 2026.9's database no file lock is held across the save: the config's lock
    // is the one every writer contends for.
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    const ids = attackIds();
    const runs = await underCrashingHolders([`${configPath}.lock`], () => addKeys(home, ids));
    expect(failures(runs)).toEqual([]);
    const config = readJson(configPath).auth.profiles as Record<string, unknown>;
    expect(ids.filter((id) => !config[`groq:${id}`])).toEqual([]);
    const store = readCell(
      join(stateDir, 'state', 'openclaw.sqlite'),
      `select value_json from config_machine_state where state_key = 'authProfiles.store'`,
    ) as { profiles: Record<string, { key?: string }> };
    expect(ids.filter((id) => store.profiles[`groq:${id}`]?.key !== fakeSecrets.groqKey(id))).toEqual([]);
  }, 60_000);
});

describe('many writers at once through the services conf and OAuth refresh use, holders killed under them', () => {
  let driver: Awaited<ReturnType<typeof bundleLockDriver>>;
  beforeAll(async () => {
    driver = await bundleLockDriver();
  });
  afterAll(() => driver.dispose());

  it(`${WRITERS} processes setting distinct preferences: every one exits 0 and is in the file`, async () => {
    const { home } = makeTempHome();
    const configDir = join(home, '.config', 'authdeck');
    const keys = Array.from({ length: WRITERS }, (_, i) => `attack${i}`);
    const env = { HOME: home, AUTHDECK_CONFIG_DIR: configDir, ...PATIENT };
    const runs = await underCrashingHolders([join(configDir, 'config.json.lock')], () =>
      Promise.all(keys.map((key) => runDriver(driver.script, ['prefs', key], env))),
    );
    expect(failures(runs)).toEqual([]);
    const stored = readJson(join(configDir, 'config.json')) as Record<string, unknown>;
    expect(keys.filter((key) => stored[key] !== 'set')).toEqual([]);
    expect(stored.warnWithin).toBe('24h');
  }, 60_000);

  it(`${REFRESHERS} processes adding one to a counter under the OAuth refresh lock: it ends at ${REFRESHERS}`, async () => {
    const { home, stateDir } = makeTempHome();
    const lock = oauthRefreshLockPath(stateDir, 'shared-sqlite', 'anthropic', 'anthropic:attack');
    const counter = join(stateDir, 'counter');
    writeFileSync(counter, '0\n');
    const runs = await underCrashingHolders([lock], () =>
      Promise.all(
        Array.from({ length: REFRESHERS }, () =>
          runDriver(driver.script, ['refresh', lock, counter], { HOME: home, ...PATIENT }),
        ),
      ),
    );
    expect(failures(runs)).toEqual([]);
    expect(readFileSync(counter, 'utf8').trim()).toBe(String(REFRESHERS));
  }, 60_000);
});

type Acquire = (options: { waitMs: number; onTakeover?: TakeoverHook }) => Promise<() => Promise<void>>;

/** The store's lock and the OAuth refresh lock, each at a fresh path holding a dead writer's lock. */
async function staleLock(kind: 'file' | 'refresh'): Promise<{ lock: string; acquire: Acquire }> {
  const { mainAgentDir, stateDir } = makeTempHome();
  const stale = JSON.stringify({ pid: await deadPid(), createdAt: new Date().toISOString() });
  if (kind === 'file') {
    mkdirSync(mainAgentDir, { recursive: true });
    const file = join(mainAgentDir, 'auth-profiles.json');
    writeFileSync(`${file}.lock`, stale);
    return { lock: `${file}.lock`, acquire: (options) => acquireFileLock(file, options) };
  }
  const lock = oauthRefreshLockPath(stateDir, 'shared-sqlite', 'anthropic', 'anthropic:race');
  mkdirSync(dirname(lock), { recursive: true });
  writeFileSync(lock, stale);
  return { lock, acquire: (options) => acquireOAuthRefreshLock(lock, options) };
}

describe('a waiter acting on an outdated judgement', () => {
  it.each(['file', 'refresh'] as const)(
    'never removes or frees a fresh lock made after it judged the old one stale (%s lock)',
    async (kind) => {
      const { lock, acquire } = await staleLock(kind);
      let resume!: () => void;
      let stalled!: (yes: boolean) => void;
      const isStalled = new Promise<boolean>((done) => (stalled = done));
      // At every later step of A's takeover, a third writer C tries its luck: the name must
      // never be free while B holds the lock.
      const grabs: string[] = [];
      const a = acquire({
        waitMs: 5_000,
        onTakeover: async (step) => {
          if (step === 'judged-stale' && grabs.length === 0) {
            grabs.push('stalled');
            stalled(true);
            await new Promise<void>((done) => (resume = done));
            return;
          }
          const c = await acquire({ waitMs: 0 }).catch(() => undefined);
          grabs.push(`${step}: ${c ? 'C GOT THE LOCK' : 'C waits'}`);
          await c?.();
        },
      });
      setTimeout(() => stalled(false), 2_000);
      expect(await isStalled).toBe(true);
      // Meanwhile B takes the stale lock over itself and holds a fresh one.
      const releaseB = await acquire({ waitMs: 1_000 });
      const bBody = readFileSync(lock, 'utf8');
      resume();
      await new Promise((done) => setTimeout(done, 200));
      expect(grabs.filter((grab) => grab.includes('GOT'))).toEqual([]);
      expect(readFileSync(lock, 'utf8')).toBe(bBody);
      await releaseB();
      const releaseA = await a;
      await releaseA();
      expect(existsSync(lock)).toBe(false);
    },
  );
});

describe('releasing', () => {
  it.each(['file', 'refresh'] as const)(
    'removes only our own lock: not another file that says the same (%s lock)',
    async (kind) => {
      const { lock, acquire } = await staleLock(kind);
      const release = await acquire({ waitMs: 1_000 });
      // Taken over meanwhile (we held it too long) by a lock that happens to read the same.
      const body = readFileSync(lock, 'utf8');
      unlinkSync(lock);
      writeFileSync(lock, body);
      await release();
      expect(readFileSync(lock, 'utf8')).toBe(body);
    },
  );
});

describe('the temp-file sweep', () => {
  it("leaves a live writer's temp file alone and removes a dead writer's", async () => {
    const { mainAgentDir } = makeTempHome();
    mkdirSync(mainAgentDir, { recursive: true });
    const file = join(mainAgentDir, 'auth-profiles.json');
    // Names as authdeck made them before (pid, time and random run together, 8 + 8 characters
    // after the pid) and as it makes them now (the pid, a dash, the rest).
    const stamp = `${Date.now().toString(36)}abcdefgh`;
    const liveOld = `${file}.${process.pid.toString(36)}${stamp}.tmp`;
    const liveNew = `${file}.${process.pid.toString(36)}-${stamp}.tmp`;
    const dead = await deadPid();
    const deadOld = `${file}.${dead.toString(36)}${stamp}.tmp`;
    const deadNew = `${file}.${dead.toString(36)}-${stamp}.tmp`;
    for (const path of [liveOld, liveNew, deadOld, deadNew]) writeFileSync(path, '{"copy": true}');
    await withFileLock(file, () => writeFileAtomic(file, '{}\n'));
    expect([liveOld, liveNew].filter((path) => !existsSync(path))).toEqual([]);
    expect([deadOld, deadNew].filter((path) => existsSync(path))).toEqual([]);
  });
});
