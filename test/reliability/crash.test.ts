import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture, readCell } from '../helpers/openclaw-fixtures.js';
import { CLI_PATH, runCli } from '../helpers/run-cli.js';
import { makeTempHome, readJson } from '../helpers/temp-state.js';

// kill -9 at random points of many saves, then check what a user relies on. The suite runs a
// bounded number; AUTHDECK_CRASH_KILLS=1100 runs the long version (about half the saves are
// killed mid-run; figures in the README).
const KILLS = Number(process.env.AUTHDECK_CRASH_KILLS ?? 48);

interface Attempt {
  id: string;
  secret: string;
  reportedSaved: boolean;
}

/** One save, killed with SIGKILL after `delayMs` unless it finished first. */
function saveAndMaybeKill(home: string, id: string, secret: string, delayMs: number): Promise<Attempt> {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH ?? '', HOME: home, NO_COLOR: '1', XDG_CONFIG_HOME: `${home}/.config` };
    const child = spawn(
      process.execPath,
      [CLI_PATH, '--no-reload', 'add-key', '--provider', 'openai', '--profile-id', id],
      { env, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ id: `openai:${id}`, secret, reportedSaved: code === 0 && stdout.includes('Saved') });
    });
    child.stdin.end(secret);
  });
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

async function crashRun(home: string, count: number): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  // Two at a time, so kills also land while the other one holds or waits for a lock.
  for (let i = 0; i < count; i += 2) {
    const pair = [i, i + 1].map((n) =>
      saveAndMaybeKill(home, `crash-${n}`, fakeSecrets.openaiKey(`crash-${n}`), 30 + Math.random() * 170),
    );
    attempts.push(...(await Promise.all(pair)));
  }
  return attempts;
}

describe('crash consistency (kill -9 during saves)', () => {
  it(`JSON store: after ${KILLS} saves killed at random points every file parses, every reported save is there, no temp file or secret is left`, async () => {
    const { home, mainAgentDir, configPath, stateDir } = makeTempHome();
    const attempts = await crashRun(home, KILLS);
    const store = join(mainAgentDir, 'auth-profiles.json');
    // On a loaded machine every save may be killed before it writes: then there is no file yet.
    const profiles = (existsSync(store) ? readJson(store).profiles : {}) as Record<string, { key: string }>;
    const config = (existsSync(configPath) ? readJson(configPath).auth.profiles : {}) as Record<string, unknown>;
    const lost = attempts.filter(
      (attempt) => attempt.reportedSaved && (profiles[attempt.id]?.key !== attempt.secret || !config[attempt.id]),
    );
    expect(lost).toEqual([]);
    // The next write cleans up after the killed ones.
    expect(
      (
        await runCli(['--no-reload', 'add-key', '--provider', 'openai', '--profile-id', 'after'], {
          home,
          input: fakeSecrets.openaiKey('after'),
        })
      ).code,
    ).toBe(0);
    const files = allFiles(stateDir);
    expect(files.filter((path) => path.endsWith('.tmp'))).toEqual([]);
    const secrets = attempts.map((attempt) => attempt.secret);
    const leaks = files.filter(
      (path) => path !== store && secrets.some((secret) => readFileSync(path, 'latin1').includes(secret)),
    );
    expect(leaks).toEqual([]);
    const killed = attempts.filter((attempt) => !attempt.reportedSaved);
    const configOnly = killed.filter((attempt) => config[attempt.id] && !profiles[attempt.id]).length;
    const stored = killed.filter((attempt) => profiles[attempt.id]).length;
    console.log(
      `crash run: ${KILLS} saves, ${killed.length} killed (${configOnly} after the config write, ${stored} after the store write), 0 lost, 0 corrupt, 0 temp files, 0 secrets outside the store`,
    );
  }, 600_000);

  it('SQLite store (OpenClaw 2026.9): kills leave an intact database with every reported save', async () => {
    const { home, stateDir } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    const attempts = await crashRun(home, Math.max(16, Math.round(KILLS / 3)));
    const stateDb = join(stateDir, 'state', 'openclaw.sqlite');
    expect(readCell(stateDb, 'pragma integrity_check')).toBe('ok');
    const store = readCell(
      stateDb,
      `select value_json from config_machine_state where state_key = 'authProfiles.store'`,
    ) as { profiles: Record<string, { key?: string }> };
    expect(
      attempts.filter((attempt) => attempt.reportedSaved && store.profiles[attempt.id]?.key !== attempt.secret),
    ).toEqual([]);
    expect(store.profiles['anthropic:manual']).toBeDefined();
  }, 600_000);
});
