import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeText } from '../helpers/temp-state.js';

// README "doctor": a store or config that does not parse is exit 3, and the file checks still run.

describe('doctor beside an openclaw.json that does not parse', () => {
  it('names it (exit 3), still checks the files, and --fix fixes their modes, leaving the config as it was', async () => {
    const { home, stateDir, configPath } = makeTempHome();
    mkdirSync(stateDir, { recursive: true });
    writeText(configPath, '{ "auth": {\n');
    chmodSync(stateDir, 0o755);
    chmodSync(configPath, 0o644);
    const shown = await runCommand(['doctor', '--json'], { home });
    expect(shown.code).toBe(3);
    const report = JSON.parse(shown.stdout) as { schema: string; findings: Array<{ code: string; subject: string }> };
    expect(report.schema).toBe('authdeck.doctor/1');
    expect(report.findings).toContainEqual(expect.objectContaining({ code: 'unreadable', subject: configPath }));
    expect(report.findings).toContainEqual(expect.objectContaining({ code: 'permissions', subject: stateDir }));
    // Said once: "<path>: not valid JSON5 …", not the path twice.
    const text = await runCommand(['doctor'], { home });
    const line = text.stdout.split('\n').find((entry) => entry.startsWith('✘')) ?? '';
    expect(line.split(configPath)).toHaveLength(2);
    expect(line).toMatch(/^✘ .*openclaw\.json: not valid JSON5 at line 2/);

    const fixed = await runCommand(['doctor', '--fix'], { home });
    expect(fixed.code).toBe(3);
    expect(fixed.stdout).toContain(`✔ fixed: chmod 700 ${stateDir}`);
    expect(statSync(stateDir).mode & 0o777).toBe(0o700);
    expect(readFileSync(configPath, 'utf8')).toBe('{ "auth": {\n');
  });
});
