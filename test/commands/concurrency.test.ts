import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempHome, readJson, writeJsonFile } from '../helpers/temp-state.js';

const ADDER = fileURLToPath(new URL('../helpers/add-profiles.ts', import.meta.url));

function runAdder(home: string, worker: number, count: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ADDER, String(worker), String(count)], {
      env: { ...process.env, HOME: home, OPENCLAW_STATE_DIR: '', OPENCLAW_AGENT_DIR: '' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
}

describe('writers at the same time', () => {
  it('two authdeck processes adding profiles at once lose nothing', async () => {
    const { home, mainAgentDir, configPath } = makeTempHome();
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), { version: 1, profiles: {}, keep: 'me' });
    const loop = async (worker: string) => {
      for (let i = 0; i < 8; i++) {
        const result = await runCli(['paste-token', '--provider', 'anthropic', '--profile-id', `${worker}${i}`], {
          home,
          input: fakeSecrets.setupToken(`${worker}${i}`),
        });
        expect(result.code).toBe(0);
      }
    };
    await Promise.all([loop('a'), loop('b')]);
    const store = readJson(join(mainAgentDir, 'auth-profiles.json'));
    expect(Object.keys(store.profiles)).toHaveLength(16);
    expect(store.keep).toBe('me');
    expect(Object.keys(readJson(configPath).auth.profiles)).toHaveLength(16);
  });

  it('four processes adding 40 profiles each through the services all land, in store and config', async () => {
    const { home, mainAgentDir, configPath } = makeTempHome();
    const codes = await Promise.all([1, 2, 3, 4].map((worker) => runAdder(home, worker, 40)));
    expect(codes).toEqual([0, 0, 0, 0]);
    const ids = Object.keys(readJson(join(mainAgentDir, 'auth-profiles.json')).profiles);
    expect(ids).toHaveLength(160);
    expect(Object.keys(readJson(configPath).auth.profiles)).toHaveLength(160);
  }, 60_000);
});
