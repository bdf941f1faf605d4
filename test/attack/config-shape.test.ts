import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCEPTED, type Config, REFUSED, withDefaults } from '../helpers/config-shape-cases.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, readJson, writeJsonFile } from '../helpers/temp-state.js';

// From an adversarial run: a setting of a type OpenClaw's schema rejects (`openclaw config
// validate`: "auth.order.anthropic: expected array, received string") keeps the gateway from
// starting, yet explain said "A request now goes to …" (exit 0), status --check exited 0 and
// doctor found nothing; add-key saved the key, then failed with "unexpected error: Can not add
// index to parent of type array" and `--json` said ok:false.

function v9HomeWith(change: (config: Config) => void) {
  const temp = makeTempHome();
  installOpenclawFixture('a-v9-shared-fresh', temp.stateDir);
  const config = readJson(temp.configPath) as Config;
  change(config);
  writeJsonFile(temp.configPath, config);
  return temp;
}

describe('a setting of a type OpenClaw refuses', () => {
  it.each(REFUSED)(
    '%s: explain and status --check exit 1 with the setting named, doctor errs',
    async (path, change, expected) => {
      const { home } = v9HomeWith(change);
      const explain = await runCommand(['explain'], { home });
      expect(explain.code).toBe(1);
      const said = explain.stdout.replace(/\s+/g, ' ');
      expect(said).toContain('Nothing can serve a request now: OpenClaw will not start on');
      expect(said).toContain(`${path}: `);
      expect(said).toContain(expected);
      const check = await runCommand(['status', '--check'], { home });
      expect(check.code).toBe(1);
      const doctor = JSON.parse((await runCommand(['doctor', '--json'], { home })).stdout);
      expect(doctor.findings).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: 'config-invalid', severity: 'error', subject: path })]),
      );
    },
  );

  it('add-key into agents.defaults.models: [] saves nothing and says why (it saved, then failed)', async () => {
    const { home, configPath, stateDir } = v9HomeWith((c) => withDefaults(c, { models: [] }));
    const before = readFileSync(configPath, 'utf8');
    const saved = await runCommand(['add-key', '--provider', 'anthropic', '--profile-id', 'anthropic:n', '--json'], {
      home,
      input: fakeSecrets.anthropicApiKey(),
    });
    expect(saved.code).toBe(1);
    const error = JSON.parse(saved.stdout).error.message as string;
    expect(error).toContain('nothing saved:');
    expect(error).toContain('agents.defaults.models: a list, not an object of models');
    expect(error).not.toContain('unexpected error');
    expect(readFileSync(configPath, 'utf8')).toBe(before);
    const status = await runCommand(['status', '--json', '--state-dir', stateDir], { home });
    expect(JSON.stringify(JSON.parse(status.stdout).profiles)).not.toContain('anthropic:n');
  });

  it.each(ACCEPTED)('%s: no problem', async (_, change) => {
    const { home } = v9HomeWith(change);
    const doctor = JSON.parse((await runCommand(['doctor', '--json'], { home })).stdout);
    expect(doctor.findings.filter((finding: { code: string }) => finding.code === 'config-invalid')).toEqual([]);
  });
});

describe('an edit through a setting that cannot hold it', () => {
  it('is refused with the setting named and the file untouched (it failed half-way with the parser’s words)', async () => {
    const { editConfigFile } = await import('../../src/services/config/config-edit.js');
    const { configPath } = makeTempHome();
    const text = '{\n  // mine\n  "auth": { "profiles": [] }\n}\n';
    writeFileSync(configPath, text);
    await expect(
      editConfigFile(configPath, undefined, [{ path: ['auth', 'profiles', 'groq:x'], value: { provider: 'groq' } }]),
    ).rejects.toThrow(`${configPath} has auth.profiles: a list, not an object`);
    expect(readFileSync(configPath, 'utf8')).toBe(text);
  });
});

describe('what keeps OpenClaw 2026.9 from starting, beyond a setting of the wrong type', () => {
  it('an unknown top-level key: a save refuses it, as status --check fails on it (it said "Saved")', async () => {
    const { home, configPath } = v9HomeWith((c) => (c.foo = 1));
    const before = readFileSync(configPath, 'utf8');
    const saved = await runCommand(['add-key', '--provider', 'groq'], { home, input: fakeSecrets.groqKey() });
    expect(saved.code).toBe(1);
    // One sentence: where OpenClaw will not start, and why (it read "… has the top-level key … is not one").
    expect(saved.stderr).toContain(
      `nothing saved: OpenClaw 2026.9 will not start on ${configPath}: the top-level key "foo" is not one OpenClaw 2026.9 knows`,
    );
    expect(readFileSync(configPath, 'utf8')).toBe(before);
  });

  it('agents.defaults.cliBackends (a 2026.5 key) on a 2026.9 home: explain exits 1 and doctor errs', async () => {
    const { home } = v9HomeWith((c) =>
      withDefaults(c, { model: 'claude-cli/opus', cliBackends: { 'claude-cli': { command: 'claude' } } }),
    );
    const explain = await runCommand(['explain'], { home });
    expect(explain.code).toBe(1);
    expect(explain.stdout.replace(/\s+/g, ' ')).toContain(
      'agents.defaults.cliBackends is not a key OpenClaw 2026.9 knows',
    );
    const doctor = JSON.parse((await runCommand(['doctor', '--json'], { home })).stdout);
    expect(doctor.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'config-unknown-keys', severity: 'error' })]),
    );
    // Empty, it is refused all the same.
    const { home: empty } = v9HomeWith((c) => withDefaults(c, { cliBackends: {} }));
    expect((await runCommand(['status', '--check'], { home: empty })).code).toBe(1);
  });
});

describe('settings one release takes and the other does not are not refused', () => {
  it.each([
    // 2026.9's secret store, which its own onboarding writes refs to.
    [
      'a store SecretRef',
      { models: { providers: { groq: { apiKey: { source: 'store', provider: 'default', id: 'GROQ_API_KEY' } } } } },
    ],
    // 2026.5's Codex adapter, which 2026.9 dropped: each release judges its own.
    [
      'the openai-codex-responses adapter',
      { models: { providers: { p: { baseUrl: 'https://x.example/v1', api: 'openai-codex-responses', models: [] } } } },
    ],
  ])('%s', async (_, doc) => {
    const { configShapeProblems } = await import('../../src/services/config/config-shape.js');
    expect(configShapeProblems(doc)).toEqual([]);
  });

  it('an API OpenClaw knows in neither is named by its word', async () => {
    const { configShapeProblems } = await import('../../src/services/config/config-shape.js');
    expect(configShapeProblems({ models: { providers: { p: { api: 'bogus' } } } })).toEqual([
      'models.providers.p.api: "bogus", not an API OpenClaw knows',
    ]);
  });
});
