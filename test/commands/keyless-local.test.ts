import { describe, expect, it } from 'vitest';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeJsonFile } from '../helpers/temp-state.js';

// A custom endpoint that takes no key (the wizard offers "enter with nothing"): OpenClaw 2026.9.6
// calls an endpoint on this machine or network without one and its `models status --check`
// passes; 2026.5.20 counts the provider as missing. authdeck answers as the home's OpenClaw does.

const V9 = { AUTHDECK_STORE_GENERATION: undefined, PATH: '/nonexistent' };

async function keylessHome(baseUrl: string, v9: boolean) {
  const temp = makeTempHome();
  if (v9) installOpenclawFixture('a-v9-shared-fresh', temp.stateDir);
  writeJsonFile(temp.configPath, { gateway: { mode: 'local' } });
  const env = v9 ? V9 : {};
  const args = ['--auth-choice', 'custom-api-key', '--custom-base-url', baseUrl, '--custom-model-id', 'llama3'];
  const made = await runCommand(['onboard', '--non-interactive', ...args], { home: temp.home, env, input: '' });
  expect(made.code).toBe(0);
  // No profile is saved, yet the output opens with what was done, as a save's does.
  expect(made.stdout).toMatch(/^✔ Custom Provider set up for the gateway\n {2}in /);
  const run = (line: string[]) => runCommand(line, { home: temp.home, env });
  return { ...temp, run };
}

describe('a keyless custom endpoint', () => {
  it.each(['http://127.0.0.1:8080/v1', 'http://192.168.1.20:8000/v1', 'http://gpu-box.local:8000/v1'])(
    'on this machine or network (%s), on a 2026.9 home: usable, status --check passes, explain names it',
    async (baseUrl) => {
      const home = await keylessHome(baseUrl, true);
      const check = await home.run(['status', '--check']);
      expect([check.code, check.stdout + check.stderr]).not.toContain(1);
      expect(check.stdout).toMatch(/· in use · no key needed \(an endpoint on this machine or network\)/);
      expect(check.stdout + check.stderr).not.toMatch(/· missing|· no credential|no working credential/);
      const json = JSON.parse((await home.run(['status', '--json'])).stdout);
      const provider = json.providers.find((entry: { inUse: boolean }) => entry.inUse);
      expect(provider.effectiveSource).toBe('local');
      const explained = (await home.run(['explain'])).stdout.replace(/\s+/g, ' ');
      expect(explained).toContain('an endpoint on this machine or network, called with no key');
      expect(explained).toContain('If the keyless endpoint fails, the request fails');
      expect(explained).toMatch(/A request now goes to custom-\S+\/llama3 with no key/);
    },
  );

  it('elsewhere, or on a home of OpenClaw before 2026.8: missing, as that OpenClaw says', async () => {
    const remote = await keylessHome('https://llm.example.com/v1', true);
    expect((await remote.run(['status', '--check'])).code).toBe(1);
    const older = await keylessHome('http://127.0.0.1:8080/v1', false);
    expect((await older.run(['status', '--check'])).code).toBe(1);
  });
});
