import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeJsonFile } from '../helpers/temp-state.js';

function setup(expiresInMs: number) {
  const temp = makeTempHome();
  writeJsonFile(join(temp.mainAgentDir, 'auth-profiles.json'), {
    version: 1,
    profiles: {
      'anthropic:work': {
        type: 'token',
        provider: 'anthropic',
        token: fakeSecrets.setupToken(),
        expires: Date.now() + expiresInMs,
      },
    },
  });
  writeJsonFile(temp.configPath, { agents: { defaults: { model: 'anthropic/claude-opus-4-6' } } });
  return temp;
}

describe('authdeck monitor', () => {
  it('without systemd prints the crontab line that runs the check', async () => {
    const { home, stateDir } = setup(30 * 86_400_000);
    const result = await runCommand(['monitor', 'install', '--every', '15m', '--within', '3h', '--notify', 'true'], {
      home,
      env: { XDG_RUNTIME_DIR: '' },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /\*\/15 \* \* \* \* .*monitor run --every 15m --within 3h --notify true --state-dir /,
    );
    expect(result.stdout).toContain(`--state-dir ${stateDir}`);
    expect(result.stdout).not.toContain(fakeSecrets.setupToken());
  });

  it('monitor run notifies with the reasons when something expires soon, records the run, and status shows it', async () => {
    const { home } = setup(3_600_000);
    const out = join(home, 'notified.txt');
    const run = await runCommand(['monitor', 'run', '--within', '2h', '--notify', `cat > ${out}`], { home });
    expect(run.code).toBe(0);
    const message = readFileSync(out, 'utf8');
    expect(message).toContain('anthropic:work');
    expect(message).toMatch(/expires in (59m|1h)/);
    expect(message).not.toContain(fakeSecrets.setupToken());
    const status = await runCommand(['monitor', 'status'], { home });
    expect(status.stdout).toMatch(/last run: .*exit 2/);
  });

  it('monitor run stays quiet when all is well', async () => {
    const { home } = setup(30 * 86_400_000);
    const out = join(home, 'notified.txt');
    expect((await runCommand(['monitor', 'run', '--within', '2h', '--notify', `cat > ${out}`], { home })).code).toBe(0);
    expect(existsSync(out)).toBe(false);
  });
});
