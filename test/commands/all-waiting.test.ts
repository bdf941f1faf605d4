import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeJsonFile } from '../helpers/temp-state.js';
import { layOutV9Home } from '../helpers/v9-layers.js';

// Every profile of the provider in use cooling down or disabled: OpenClaw 2026.9.6's `models
// status --check` calls the provider missing and exits 1 (even with ANTHROPIC_API_KEY set), as
// `explain` says; 2026.5.20's exits 0. status --check, doctor and the dashboard said all was well.

const MIN = 60_000;
const config = { agents: { defaults: { model: 'anthropic/claude-sonnet-4-6' } } };
const profiles = {
  'anthropic:default': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey('d') },
  'anthropic:work': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken('w') },
};
const usageStats = (now: number) => ({
  'anthropic:default': { cooldownUntil: now + 20 * MIN, cooldownReason: 'rate_limit' },
  'anthropic:work': { disabledUntil: now + 180 * MIN, disabledReason: 'auth_permanent' },
});
const env = { AUTHDECK_STORE_GENERATION: undefined, NO_COLOR: '1' };

describe('a provider in use whose every profile waits', () => {
  it('on an OpenClaw 2026.9 home: status --check exits 1 saying when one is back; doctor says to wait', async () => {
    const temp = makeTempHome();
    layOutV9Home(temp.stateDir, temp.configPath, { profiles, usageStats: usageStats(Date.now()) }, {}, config);
    const check = await runCommand(['status', '--check'], { home: temp.home, env });
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(
      /every profile in its order is cooling down or disabled, so the gateway skips its models until one is back in 19m \d+s \(anthropic:default cooldown 19m \d+s left; anthropic:work disabled (2h 59m|3h) left\)/,
    );
    const withKey = await runCommand(['status', '--check'], {
      home: temp.home,
      env: { ...env, ANTHROPIC_API_KEY: fakeSecrets.anthropicApiKey('env') },
    });
    expect(withKey.code).toBe(1);
    const doctor = await runCommand(['doctor'], { home: temp.home, env });
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain('clear the window with `c` in `authdeck dashboard`');
    expect(doctor.stdout).not.toMatch(/fix: `authdeck setup-token/);
  });

  it('a cooldown for another model holds back that model only: 0, as OpenClaw 2026.9.6 judges it', async () => {
    const now = Date.now();
    const forModel = (model: string) => ({
      'anthropic:default': { cooldownUntil: now + 20 * MIN, cooldownReason: 'rate_limit', cooldownModel: model },
      'anthropic:work': { cooldownUntil: now + 20 * MIN, cooldownReason: 'timeout', cooldownModel: model },
    });
    const other = makeTempHome();
    layOutV9Home(other.stateDir, other.configPath, { profiles, usageStats: forModel('claude-opus-5') }, {}, config);
    expect((await runCommand(['status', '--check'], { home: other.home, env })).code).toBe(0);
    const same = makeTempHome();
    layOutV9Home(same.stateDir, same.configPath, { profiles, usageStats: forModel('claude-sonnet-4-6') }, {}, config);
    expect((await runCommand(['status', '--check'], { home: same.home, env })).code).toBe(1);
  });

  it('on a JSON-era home (OpenClaw ≤ 2026.6.1): 0, as that OpenClaw judges it', async () => {
    const temp = makeTempHome();
    writeJsonFile(join(temp.mainAgentDir, 'auth-profiles.json'), { version: 1, profiles });
    writeJsonFile(join(temp.mainAgentDir, 'auth-state.json'), { version: 1, usageStats: usageStats(Date.now()) });
    writeJsonFile(temp.configPath, config);
    const check = await runCommand(['status', '--check'], { home: temp.home, env });
    expect([check.code, check.stderr]).toEqual([0, '']);
  });
});
