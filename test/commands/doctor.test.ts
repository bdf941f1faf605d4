import { chmodSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeJsonFile, writeText } from '../helpers/temp-state.js';

function setup() {
  const temp = makeTempHome();
  const storePath = join(temp.mainAgentDir, 'auth-profiles.json');
  writeJsonFile(storePath, {
    version: 1,
    profiles: { 'openai:default': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey() } },
  });
  chmodSync(storePath, 0o644);
  return { ...temp, storePath };
}

describe('authdeck doctor', () => {
  it('prints each finding with why and fix, exits 1, and --fix repairs what is safe (exit 0 after)', async () => {
    const { home, storePath } = setup();
    const before = await runCommand(['doctor'], { home });
    expect(before.code).toBe(1);
    expect(before.stdout).toContain(`! ${storePath}: mode 644: readable by other users`);
    expect(before.stdout).toContain(`fix: chmod 600 ${storePath} (\`authdeck doctor --fix\` does this)`);
    const fixed = await runCommand(['doctor', '--fix'], { home });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain(`✔ fixed: chmod 600 ${storePath}`);
    // Not "nothing to fix" right after a fix: that read as if none had been needed.
    expect(fixed.stdout).toMatch(/✔ nothing left to fix/);
    expect(fixed.stdout).not.toMatch(/✔ nothing to fix/);
    expect(statSync(storePath).mode & 0o777).toBe(0o600);
  });

  it('--fix says that what is left is not its to fix, and exits 1 for it', async () => {
    const { home } = makeTempHome();
    // A provider in use with no credential: only the person can add one.
    writeJsonFile(join(home, '.openclaw', 'openclaw.json'), {
      agents: { defaults: { model: { primary: 'groq/llama-3.3-70b' } } },
    });
    const run = await runCommand(['doctor', '--fix'], { home, env: { AUTHDECK_STORE_GENERATION: 'json' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '--fix did what it safely could: what is left above is yours to do, as its fix says (--fix installs nothing, chooses nothing for you and removes nothing you may need)',
    );
  });

  it('says once that --fix does a fix: a stale lock, a temp file, an order entry, a mode', async () => {
    const { home, storePath, configPath } = setup();
    writeJsonFile(configPath, { agents: { defaults: { model: 'openai/gpt-5' } } });
    writeText(`${storePath}.lock`, JSON.stringify({ pid: 999_999_999, createdAt: new Date().toISOString() }));
    writeText(`${storePath}.abcdefghijkl12.tmp`, '{}');
    const store = JSON.parse(readFileSync(storePath, 'utf8'));
    writeJsonFile(storePath, { ...store, order: { openai: ['openai:gone', 'openai:default'] } });
    chmodSync(storePath, 0o644);
    const { stdout } = await runCommand(['doctor'], { home });
    const fixes = stdout.split('\n').filter((line) => line.startsWith('    fix: '));
    expect(fixes.length).toBeGreaterThanOrEqual(4);
    for (const line of fixes) expect(line.match(/doctor --fix/g)?.length ?? 0, line).toBeLessThanOrEqual(1);
    expect(fixes).toContain(
      `    fix: remove ${storePath}.lock: its process is gone, so the lock protocol lets a writer take it over (\`authdeck doctor --fix\` does this)`,
    );
    expect(fixes).toContain('    fix: delete it; the store itself is intact (`authdeck doctor --fix` does this)');
    expect(fixes).toContain(
      '    fix: `authdeck order set --provider openai openai:default` (`authdeck doctor --fix` does this)',
    );
    // After --fix nothing claims --fix would do it.
    const fixed = await runCommand(['doctor', '--fix'], { home });
    expect(fixed.stdout).not.toMatch(/fix: .*doctor --fix/);
  });

  it('--json: one object with every finding; exit 3 when the store does not parse', async () => {
    const { home, storePath } = setup();
    const json = JSON.parse((await runCommand(['doctor', '--json'], { home })).stdout);
    expect(json.schema).toBe('authdeck.doctor/1');
    expect(json.findings.find((f: { subject: string }) => f.subject === storePath)).toMatchObject({
      code: 'permissions',
      severity: 'warning',
      fixable: true,
    });
    writeText(storePath, '{');
    const broken = await runCommand(['doctor', '--json'], { home });
    expect(broken.code).toBe(3);
    expect(JSON.parse(broken.stdout).exitCode).toBe(3);
    expect(`${broken.stdout}${broken.stderr}`).not.toContain(fakeSecrets.openaiKey());
  });

  it("an expired token's fix is one that works: paste-token under the same id (add-key refuses a token's id)", async () => {
    const { home, mainAgentDir, configPath } = makeTempHome();
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'mistral:t': { type: 'token', provider: 'mistral', token: `tok-${'a'.repeat(28)}`, expires: 1000 } },
    });
    writeJsonFile(configPath, { agents: { defaults: { model: 'mistral/mistral-large' } } });
    const doctor = await runCommand(['doctor'], { home });
    const fix = /fix: `(authdeck [^`]+)`/.exec(doctor.stdout)?.[1];
    expect(fix).toBe('authdeck paste-token --provider mistral --profile-id t');
    const run = await runCommand(fix!.split(' ').slice(1), { home, input: `tok-${'b'.repeat(28)}` });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Replaced mistral:t');
  });
});
