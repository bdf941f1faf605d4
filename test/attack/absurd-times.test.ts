import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempHome, writeJsonFile } from '../helpers/temp-state.js';

// Times in the store are whatever a file says. OpenClaw reads one no Date can hold (past ±8.64e15
// ms) as absent (asDateTimestampMs) and uses the profile; authdeck must agree, and never fail
// formatting one ("Invalid time value" from toISOString).
describe('absurd times in the store', () => {
  it('a cooldown, block or disabled window past year 275760 is ignored by explain and status, not a crash', async () => {
    const temp = makeTempHome();
    writeJsonFile(join(temp.mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: {
        'anthropic:default': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey('d') },
        'anthropic:far': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken('f'), expires: 1e16 },
      },
    });
    writeJsonFile(join(temp.mainAgentDir, 'auth-state.json'), {
      version: 1,
      usageStats: {
        'anthropic:default': {
          cooldownUntil: 1e16,
          cooldownReason: 'overloaded',
          blockedUntil: 1e300,
          disabledUntil: -1e17,
          lastUsed: 1e16,
          lastFailureAt: 1e20,
        },
      },
    });
    writeJsonFile(temp.configPath, { agents: { defaults: { model: 'anthropic/claude-opus-5' } } });
    for (const args of [['explain'], ['explain', '--json'], ['status'], ['status', '--json'], ['doctor']]) {
      const run = await runCli(args, { home: temp.home });
      expect([args, run.stderr]).toEqual([args, '']);
      expect(run.stdout).not.toMatch(/Invalid time|cooldown \d+d|115719948d/);
    }
    const report = JSON.parse((await runCli(['explain', '--json'], { home: temp.home })).stdout);
    expect(report.models[0]).toMatchObject({ order: ['anthropic:default'], next: 'anthropic:default', skipped: null });
    const far = report.models[0].profiles.find((profile: { id: string }) => profile.id === 'anthropic:far');
    expect(far).toMatchObject({ reason: 'invalid-expires', status: 'missing' });
  });
});
