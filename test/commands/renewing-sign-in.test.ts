import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeJsonFile } from '../helpers/temp-state.js';

const HOUR = 3_600_000;

/** A ChatGPT sign-in as `login` leaves it: an access token for an hour and a refresh token. */
function signedIn(options: { refresh: boolean }) {
  const temp = makeTempHome();
  writeJsonFile(join(temp.mainAgentDir, 'auth-profiles.json'), {
    version: 1,
    profiles: {
      'openai-codex:me@example.com': {
        type: 'oauth',
        provider: 'openai-codex',
        access: 'eyJhbGciOiJub25lIn0.e30.fake-access',
        ...(options.refresh ? { refresh: 'fake-refresh-token' } : {}),
        expires: Date.now() + HOUR - 60_000,
      },
    },
  });
  writeJsonFile(temp.configPath, { agents: { defaults: { model: { primary: 'openai-codex/gpt-5.5' } } } });
  // Private files, so that doctor has nothing else to say.
  chmodSync(temp.stateDir, 0o700);
  chmodSync(temp.configPath, 0o600);
  chmodSync(join(temp.mainAgentDir, 'auth-profiles.json'), 0o600);
  return temp;
}

describe('a sign-in the gateway renews itself', () => {
  it('is ok in status, and doctor and monitor say nothing about it', async () => {
    const { home } = signedIn({ refresh: true });
    const status = await runCommand(['status'], { home });
    expect(status.stdout).toMatch(
      /openai-codex:me@example\.com\s+oauth\s+\S+\s+ok\s+expires in 5\dm.*the gateway renews it/,
    );
    expect(status.stdout).toMatch(/^1 ok · /m);
    expect(status.stdout).not.toContain('refreshable');

    const doctor = await runCommand(['doctor'], { home });
    expect(`${doctor.stdout}${doctor.stderr}`).not.toContain('openai-codex:me@example.com');
    expect(doctor.stdout).toMatch(/0 warnings|no warnings|^(?!.*warning)/m);
    expect(doctor.code).toBe(0);
    const fix = await runCommand(['doctor', '--fix'], { home });
    expect(fix.stdout).not.toContain('fixed');
    expect(fix.code).toBe(0);

    const out = join(home, 'notified.txt');
    const monitor = await runCommand(['monitor', 'run', '--within', '2h', '--notify', `cat > ${out}`], { home });
    expect(monitor.code).toBe(0);
    expect(existsSync(out)).toBe(false);
  });

  it('status --check exits 2 as OpenClaw’s `models status --check` does, and says the gateway renews it', async () => {
    const { home } = signedIn({ refresh: true });
    const check = await runCommand(['status', '--check'], { home });
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/expires in 5\dm.*the gateway renews it with its refresh token/);
    // The counts say why it is not 0: ok, and renewing soon (not "0 expiring" alone).
    expect(check.stdout).toMatch(/^1 ok · 0 expiring · 0 expired · 0 missing · 1 renewing soon$/m);
  });

  it('without a refresh token it still alarms: monitor notifies, doctor warns', async () => {
    const { home } = signedIn({ refresh: false });
    const out = join(home, 'notified.txt');
    const monitor = await runCommand(['monitor', 'run', '--within', '2h', '--notify', `cat > ${out}`], { home });
    expect(monitor.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('openai-codex:me@example.com');
    const doctor = await runCommand(['doctor'], { home });
    expect(doctor.stdout).toContain('openai-codex:me@example.com');
  });
});
