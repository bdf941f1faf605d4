import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, readJson, writeJsonFile } from '../helpers/temp-state.js';

// From an adversarial parity run: a top-level key OpenClaw 2026.9.6 does not know ("myUnknown")
// makes it refuse openclaw.json — `openclaw models status --check` exits 1, the gateway will not
// start — while `authdeck status --check` exited 0 and doctor found nothing to fix.

function v9HomeWith(extra: Record<string, unknown>) {
  const temp = makeTempHome();
  installOpenclawFixture('a-v9-shared-fresh', temp.stateDir);
  writeJsonFile(temp.configPath, { ...(readJson(temp.configPath) as object), ...extra });
  return temp;
}

describe('an openclaw.json OpenClaw 2026.9 refuses for an unknown top-level key', () => {
  it('is said by status, fails status --check (exit 1) and is an error for doctor', async () => {
    const { home } = v9HomeWith({ myUnknown: { x: 1 } });
    const check = await runCommand(['status', '--check'], { home });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('OpenClaw 2026.9 will not start on');
    expect(check.stderr).toContain('the top-level key "myUnknown" is not one OpenClaw 2026.9 knows');
    const json = JSON.parse((await runCommand(['status', '--check', '--json'], { home })).stdout);
    expect(json.check.reasons[0]).toMatchObject({ exitCode: 1, provider: '', profileId: null });
    const doctor = JSON.parse((await runCommand(['doctor', '--json'], { home })).stdout);
    expect(doctor.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'config-unknown-keys', severity: 'error' })]),
    );
  });

  it('its own top-level keys are not taken for unknown ones', async () => {
    const { home } = v9HomeWith({ gateway: { mode: 'local' }, cloudWorkers: {} });
    const status = await runCommand(['status'], { home });
    expect(status.stdout).not.toContain('top-level key');
  });

  it('explain says nothing can serve a request, and exits 1 (it said "A request now goes to …", exit 0)', async () => {
    const { home } = v9HomeWith({ myUnknown: 1 });
    const explain = await runCommand(['explain'], { home });
    expect(explain.code).toBe(1);
    expect(explain.stdout.replace(/\s+/g, ' ')).toContain(
      'Nothing can serve a request now: OpenClaw 2026.9 will not start on',
    );
    expect(explain.stdout).not.toContain('A request now goes to');
    const json = JSON.parse((await runCommand(['explain', '--json'], { home })).stdout);
    expect(json).toMatchObject({ servedBy: null, notStarting: expect.stringContaining('"myUnknown"') });
  });

  it('"__proto__" is not refused: OpenClaw drops it before it validates (it was flagged)', async () => {
    const temp = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', temp.stateDir);
    const text = JSON.stringify(readJson(temp.configPath), null, 2);
    writeFileSync(
      temp.configPath,
      `${text.slice(0, text.lastIndexOf('}')).trimEnd()},\n  "__proto__": { "x": 1 }\n}\n`,
    );
    const check = await runCommand(['status', '--check', '--json'], { home: temp.home });
    // Read (not an unparsable file), and nothing said of the key.
    expect(JSON.parse(check.stdout).configPath).toBe(temp.configPath);
    expect(check.stdout + check.stderr).not.toContain('top-level key');
  });
});

describe('an agent roster OpenClaw 2026.9 refuses', () => {
  it('fails status --check as the unknown key does (it was only a warning)', async () => {
    const { home } = v9HomeWith({ agents: { entries: { main: { default: true }, coder: { default: true } } } });
    const check = await runCommand(['status', '--check'], { home });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('at most one default=true entry');
  });
});
