import { chmodSync, chownSync, existsSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveWorkspace } from '../../src/services/config/workspace.js';
import type { Finding } from '../../src/services/doctor/doctor-types.js';
import { applySafeFixes, doctorExitCode, runDoctor } from '../../src/services/doctor/run-doctor.js';
import { loadAgentState } from '../../src/services/profiles/agent-state.js';
import { buildStatusReport } from '../../src/services/status/report.js';
import { fakeOpenclawBin } from '../helpers/fake-openclaw-bin.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { execOn, installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { makeTempHome, readJson, writeJsonFile, writeText } from '../helpers/temp-state.js';

const DAY = 86_400_000;
const NOW = Date.now();
const OPTIONS = { nowMs: NOW, warnWithinMs: DAY };

async function setup(store: Record<string, unknown>, config?: unknown, env: Record<string, string> = {}) {
  const temp = makeTempHome();
  const storePath = join(temp.mainAgentDir, 'auth-profiles.json');
  writeJsonFile(storePath, { version: 1, ...store });
  chmodSync(storePath, 0o600);
  if (config) writeJsonFile(temp.configPath, config);
  if (config) chmodSync(temp.configPath, 0o600);
  chmodSync(temp.stateDir, 0o700);
  const workspace = await resolveWorkspace({ env: { HOME: temp.home, PATH: '/nonexistent', ...env } });
  return { ...temp, storePath, workspace };
}

const key = { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey() };
const withCodes = (findings: Finding[], code: string) => findings.filter((finding) => finding.code === code);
const inUse = { agents: { defaults: { model: 'anthropic/claude-opus-4-6' } } };

describe('doctor', () => {
  it('is clean (notes only, exit 0) for a healthy home', async () => {
    const { workspace } = await setup({ profiles: { 'anthropic:default': key } }, inUse);
    const report = await runDoctor(workspace, OPTIONS);
    expect(report.findings.filter((finding) => finding.severity !== 'info')).toEqual([]);
    expect(doctorExitCode(report)).toBe(0);
    expect(withCodes(report.findings, 'claude-missing')).toHaveLength(1);
  });

  it('finds open permissions and fixes them', async () => {
    const { workspace, storePath, stateDir } = await setup({ profiles: { 'anthropic:default': key } }, inUse);
    chmodSync(storePath, 0o644);
    chmodSync(stateDir, 0o755);
    const report = await runDoctor(workspace, OPTIONS);
    expect(withCodes(report.findings, 'permissions').map((f) => f.subject)).toEqual([stateDir, storePath]);
    expect(doctorExitCode(report)).toBe(1);
    const fixed = await applySafeFixes(workspace, report.findings);
    expect(fixed.map((entry) => entry.done)).toContain(`chmod 600 ${storePath}`);
    expect(statSync(storePath).mode & 0o777).toBe(0o600);
    expect(statSync(stateDir).mode & 0o777).toBe(0o700);
    expect(doctorExitCode(await runDoctor(workspace, OPTIONS))).toBe(0);
  });

  it.skipIf(process.getuid?.() !== 0)('finds a credential file owned by someone else', async () => {
    const { workspace, storePath } = await setup({ profiles: { 'anthropic:default': key } }, inUse);
    chownSync(storePath, 12345, 12345);
    const [owner] = withCodes((await runDoctor(workspace, OPTIONS)).findings, 'owner');
    expect(owner?.problem).toMatch(/owned by uid 12345/);
  });

  it('takes over a stale lock, removes a temp file of ours, and reports a lock path that is not a file', async () => {
    const { workspace, storePath, configPath } = await setup({ profiles: { 'anthropic:default': key } }, inUse);
    writeFileSync(`${storePath}.lock`, JSON.stringify({ pid: 999_999_999, createdAt: new Date(NOW).toISOString() }));
    const temp = `${storePath}.abcdefghijkl12.tmp`;
    writeFileSync(temp, '{"secret": "copy"}');
    symlinkSync('/dev/null', `${configPath}.lock`);
    const report = await runDoctor(workspace, OPTIONS);
    expect(withCodes(report.findings, 'stale-lock')).toHaveLength(1);
    expect(withCodes(report.findings, 'temp-file').map((f) => f.subject)).toEqual([temp]);
    expect(withCodes(report.findings, 'foreign-lock')[0]).toMatchObject({ severity: 'error' });
    await applySafeFixes(workspace, report.findings);
    expect(existsSync(`${storePath}.lock`)).toBe(false);
    expect(existsSync(temp)).toBe(false);
    // Not ours to remove while something might use it.
    expect(existsSync(`${configPath}.lock`)).toBe(true);
  });

  it('reports an unparsable store with exit 3 and still checks the files', async () => {
    const { workspace, storePath } = await setup({ profiles: {} }, inUse);
    writeText(storePath, '{ "version": 1, "profiles": {');
    chmodSync(storePath, 0o644);
    const report = await runDoctor(workspace, OPTIONS);
    expect(doctorExitCode(report)).toBe(3);
    expect(withCodes(report.findings, 'unreadable')[0]?.problem).toMatch(/auth-profiles\.json/);
    expect(withCodes(report.findings, 'permissions')).toHaveLength(1);
  });

  it('finds entries the gateway ignores: no provider, an unknown type, an invalid expires', async () => {
    const { workspace } = await setup(
      {
        profiles: {
          'anthropic:default': key,
          'x:noprov': { type: 'api_key', key: 'k' },
          'bedrock:iam': { type: 'aws-sdk', provider: 'bedrock' },
          'anthropic:bad': {
            type: 'token',
            provider: 'anthropic',
            token: fakeSecrets.setupToken(),
            expires: '2027-01-01',
          },
        },
      },
      inUse,
    );
    const ignored = withCodes((await runDoctor(workspace, OPTIONS)).findings, 'ignored-entry');
    expect(ignored.map((f) => [f.subject, f.severity])).toEqual(
      expect.arrayContaining([
        ['x:noprov', 'error'],
        ['bedrock:iam', 'warning'],
        ['anthropic:bad', 'error'],
      ]),
    );
    expect(ignored.find((f) => f.subject === 'anthropic:bad')?.problem).toContain('invalid_expires');
  });

  it('finds config entries without a secret and a configured mode that differs from the stored type', async () => {
    const { workspace } = await setup(
      { profiles: { 'anthropic:default': key } },
      {
        ...inUse,
        auth: {
          profiles: {
            'anthropic:default': { provider: 'anthropic', mode: 'token' },
            'anthropic:gone': { provider: 'anthropic', mode: 'api_key' },
          },
        },
      },
    );
    const { findings } = await runDoctor(workspace, OPTIONS);
    expect(withCodes(findings, 'mode-mismatch')[0]).toMatchObject({ subject: 'anthropic:default', severity: 'error' });
    expect(withCodes(findings, 'config-without-secret')[0]?.subject).toBe('anthropic:gone');
  });

  it('drops order entries that name no profile, and says which profiles an explicit order leaves out', async () => {
    const { workspace, storePath } = await setup(
      {
        profiles: { 'anthropic:default': key, 'anthropic:spare': { ...key, key: fakeSecrets.anthropicApiKey('s') } },
        // As an order OpenClaw wrote can be: one id twice. The fix keeps it once.
        order: { anthropic: ['anthropic:default', 'anthropic:ghost', 'anthropic:default'] },
      },
      inUse,
    );
    const report = await runDoctor(workspace, OPTIONS);
    expect(withCodes(report.findings, 'dangling-order')[0]?.problem).toContain('anthropic:ghost');
    expect(withCodes(report.findings, 'dangling-order')[0]?.fix).toBe(
      '`authdeck order set --provider anthropic anthropic:default`',
    );
    expect(withCodes(report.findings, 'left-out-of-order')[0]?.problem).toContain('anthropic:spare');
    expect(withCodes(report.findings, 'left-out-of-order')[0]?.fix).toBe(
      '`authdeck order set --provider anthropic anthropic:default anthropic:spare` (or `order clear`)',
    );
    await applySafeFixes(workspace, report.findings);
    expect(readJson(storePath).order.anthropic).toEqual(['anthropic:default']);
  });

  it('clears an order of only missing profiles kept under a key spelled another way ("Anthropic"), as the gateway reads it', async () => {
    const { workspace, storePath } = await setup(
      { profiles: { 'anthropic:default': key }, order: { Anthropic: ['anthropic:gone'] } },
      inUse,
    );
    const report = await runDoctor(workspace, OPTIONS);
    expect(withCodes(report.findings, 'dangling-order')).toHaveLength(1);
    await applySafeFixes(workspace, report.findings);
    // "fixed" was said while the list stayed: the next doctor found it again.
    expect(readJson(storePath).order).toEqual({});
    expect(withCodes((await runDoctor(workspace, OPTIONS)).findings, 'dangling-order')).toHaveLength(0);
  });

  it('reports an auth.order in openclaw.json that names a missing profile, with the edit that fixes it', async () => {
    const { workspace } = await setup(
      { profiles: { 'anthropic:default': key } },
      { ...inUse, auth: { order: { anthropic: ['anthropic:gone', 'anthropic:default'] } } },
    );
    const [finding] = withCodes((await runDoctor(workspace, OPTIONS)).findings, 'dangling-order');
    expect(finding?.subject).toBe(`anthropic order in ${workspace.configPath} (auth.order)`);
    expect(finding?.problem).toBe('names anthropic:gone, which is not a profile');
    expect(finding?.fix).toBe(`set auth.order["anthropic"] to ["anthropic:default"] in ${workspace.configPath}`);
    expect(finding?.safeFix).toBeUndefined();
  });

  it("offers `order clear` for a left-out profile only where the order is the agent's own", async () => {
    const { workspace } = await setup(
      { profiles: { 'anthropic:default': key, 'anthropic:spare': { ...key, key: fakeSecrets.anthropicApiKey('s') } } },
      { ...inUse, auth: { order: { anthropic: ['anthropic:default'] } } },
    );
    const [finding] = withCodes((await runDoctor(workspace, OPTIONS)).findings, 'left-out-of-order');
    expect(finding?.problem).toContain('(config)');
    expect(finding?.fix).toBe('`authdeck order set --provider anthropic anthropic:default anthropic:spare`');
  });

  it('names auth-state.json as the file of an order kept there, and fixes it there', async () => {
    const { workspace, mainAgentDir } = await setup({ profiles: { 'anthropic:default': key } }, inUse);
    const statePath = join(mainAgentDir, 'auth-state.json');
    writeJsonFile(statePath, { version: 1, order: { anthropic: ['anthropic:default', 'anthropic:gone'] } });
    chmodSync(statePath, 0o600);
    const report = await runDoctor(workspace, OPTIONS);
    expect(withCodes(report.findings, 'dangling-order')[0]?.subject).toBe(`anthropic order in ${statePath}`);
    await applySafeFixes(workspace, report.findings);
    expect(readJson(statePath).order.anthropic).toEqual(['anthropic:default']);
  });

  it('an expiring first token with keys behind it says where requests go, not that they fail', async () => {
    // It said "requests fail once it expires" while explain said "If anthropic:sub fails:
    // anthropic:default, then anthropic:backup" (a newcomer's walk).
    const key = (suffix: string) => ({
      type: 'api_key',
      provider: 'anthropic',
      key: fakeSecrets.anthropicApiKey(suffix),
    });
    const { workspace } = await setup(
      {
        profiles: {
          'anthropic:sub': {
            type: 'token',
            provider: 'anthropic',
            token: fakeSecrets.setupToken(),
            expires: NOW + 3_600_000,
          },
          'anthropic:default': key('d'),
          'anthropic:backup': key('b'),
        },
        order: { anthropic: ['anthropic:sub', 'anthropic:default', 'anthropic:backup'] },
      },
      { agents: { defaults: { model: { primary: 'anthropic/claude-opus-4-6' } } } },
    );
    const { findings } = await runDoctor(workspace, OPTIONS);
    expect(withCodes(findings, 'credential-expiring')[0]).toMatchObject({
      subject: 'anthropic:sub',
      why: 'once it expires, requests go to anthropic:default, then anthropic:backup',
    });
  });

  it('says what follows a failing profile as explain does: the env key, then the fallback model', async () => {
    // Doctor said "requests fail once it expires" while explain said "If anthropic:tok fails:
    // env ANTHROPIC_API_KEY, then …" — the two computed the same fact apart.
    const { workspace } = await setup(
      {
        profiles: {
          'anthropic:tok': {
            type: 'token',
            provider: 'anthropic',
            token: fakeSecrets.setupToken(),
            expires: NOW + 3_600_000,
          },
          'openai:default': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey() },
        },
      },
      { agents: { defaults: { model: { primary: 'anthropic/claude-opus-4-6', fallbacks: ['openai/gpt-5'] } } } },
      { ANTHROPIC_API_KEY: fakeSecrets.anthropicApiKey('e') },
    );
    const { findings } = await runDoctor(workspace, OPTIONS);
    expect(withCodes(findings, 'credential-expiring')[0]).toMatchObject({
      subject: 'anthropic:tok',
      why: 'once it expires, requests go to env ANTHROPIC_API_KEY, then openai/gpt-5',
    });
  });

  it('says that requests go on to the fallback model when nothing of the provider is left', async () => {
    const { workspace } = await setup(
      {
        profiles: {
          'anthropic:old': {
            type: 'token',
            provider: 'anthropic',
            token: fakeSecrets.setupToken(),
            expires: NOW - DAY,
          },
          'openai:default': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey() },
        },
      },
      { agents: { defaults: { model: { primary: 'anthropic/claude-opus-4-6', fallbacks: ['openai/gpt-5'] } } } },
    );
    const { findings } = await runDoctor(workspace, OPTIONS);
    expect(withCodes(findings, 'credential-fails')[0]).toMatchObject({
      subject: 'anthropic:old',
      why: 'requests to this provider fail and go on to the fallback openai/gpt-5',
    });
  });

  it('reports credentials as status --check judges them, and leftovers as notes', async () => {
    const { workspace } = await setup(
      {
        profiles: {
          'anthropic:soon': {
            type: 'token',
            provider: 'anthropic',
            token: fakeSecrets.setupToken(),
            expires: NOW + 3_600_000,
          },
          'anthropic:old': {
            type: 'token',
            provider: 'anthropic',
            token: fakeSecrets.setupToken('o'),
            expires: NOW - DAY,
          },
        },
      },
      { agents: { defaults: { model: { primary: 'anthropic/claude-opus-4-6', fallbacks: ['groq/llama'] } } } },
    );
    const { findings } = await runDoctor(workspace, OPTIONS);
    expect(withCodes(findings, 'credential-expiring')[0]?.subject).toBe('anthropic:soon');
    // Made again under its own id, so the order and the config still name it.
    expect(withCodes(findings, 'credential-expiring')[0]?.fix).toContain('`authdeck setup-token --profile-id soon`');
    // A token is renewed by a token: add-key would make an API key beside it (it was offered as a renewal).
    expect(withCodes(findings, 'credential-expiring')[0]?.fix).toContain(
      '`authdeck paste-token --provider anthropic --profile-id soon`',
    );
    expect(withCodes(findings, 'credential-expiring')[0]?.fix).not.toContain('add-key');
    expect(withCodes(findings, 'credential-fails')[0]?.subject).toBe('groq');
    expect(withCodes(findings, 'unused-broken-profile')[0]).toMatchObject({
      subject: 'anthropic:old',
      severity: 'info',
    });
  });

  it('says which of a variable and a profile the gateway uses, and when the shell and .env disagree', async () => {
    const { workspace, stateDir } = await setup({ profiles: { 'anthropic:default': key } }, inUse, {
      OPENAI_API_KEY: fakeSecrets.openaiKey('shell'),
    });
    writeText(
      join(stateDir, '.env'),
      `ANTHROPIC_API_KEY=${fakeSecrets.anthropicApiKey('env')}\nOPENAI_API_KEY=${fakeSecrets.openaiKey('file')}\n`,
    );
    chmodSync(join(stateDir, '.env'), 0o600);
    const { findings } = await runDoctor(workspace, OPTIONS);
    expect(withCodes(findings, 'env-shadowed')[0]?.why).toContain(
      'the gateway uses the profiles first (anthropic:default next)',
    );
    // Shown under the variable's name ("ANTHROPIC_API_KEY: set in the daemon .env, …"): not said twice.
    expect(withCodes(findings, 'env-shadowed')[0]).toMatchObject({
      subject: 'ANTHROPIC_API_KEY',
      problem: 'set in the daemon .env, and anthropic profiles exist too',
    });
    expect(withCodes(findings, 'env-differs')[0]?.subject).toBe('OPENAI_API_KEY');
    expect(JSON.stringify(findings)).not.toContain(fakeSecrets.openaiKey('file'));
  });

  it('finds an old flat store, and JSON files a SQLite-era gateway does not read', async () => {
    const flat = await setup({ openrouter: { apiKey: fakeSecrets.openrouterKey() } } as never, inUse);
    expect(withCodes((await runDoctor(flat.workspace, OPTIONS)).findings, 'flat-store')).toHaveLength(1);

    const temp = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', temp.stateDir);
    mkdirSync(join(temp.mainAgentDir), { recursive: true });
    writeJsonFile(join(temp.mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'groq:old': { type: 'api_key', provider: 'groq', key: 'x' } },
    });
    const workspace = await resolveWorkspace({ env: { HOME: temp.home, PATH: '/nonexistent' } });
    const { findings } = await runDoctor(workspace, OPTIONS);
    expect(withCodes(findings, 'legacy-file')[0]?.problem).toContain('1 profile');
    expect(withCodes(findings, 'store-generation')[0]?.problem).toContain('SQLite');
  });
});

describe('doctor on a home a JSON-era OpenClaw set up, now under a SQLite-era one', () => {
  it('says the profiles wait in the JSON file and that `openclaw doctor --fix` imports them, not to add them again', async () => {
    // As 2026.9.6 leaves a home it failed to start on: its state database, no credential store yet.
    const { home, mainAgentDir, configPath, stateDir } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    execOn(join(stateDir, 'state', 'openclaw.sqlite'), `delete from config_machine_state where state_key like 'auth%'`);
    writeJsonFile(configPath, {
      auth: { profiles: { 'anthropic:default': { provider: 'anthropic', mode: 'api_key' } } },
      agents: { defaults: { model: { primary: 'anthropic/claude-opus-4-7' } } },
    });
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      // Spelled as a hand-made file may spell it: the gateway reads it as anthropic.
      profiles: { 'anthropic:default': { type: 'api_key', provider: 'Anthropic', key: fakeSecrets.anthropicApiKey() } },
    });
    const workspace = await resolveWorkspace({ env: { HOME: home, PATH: '/nonexistent' } });
    const { findings } = await runDoctor(workspace, OPTIONS);
    const doctorFix = '`openclaw doctor --fix` creates the SQLite store and imports them';
    const [noCredential] = withCodes(findings, 'credential-fails');
    expect(noCredential?.problem).toContain('anthropic:default waits in a JSON file this OpenClaw no longer reads');
    expect(noCredential?.fix).toContain(doctorFix);
    const [listed] = withCodes(findings, 'config-without-secret');
    expect(listed?.problem).toContain(`it is in ${join(mainAgentDir, 'auth-profiles.json')}, not imported yet`);
    expect(listed?.fix).toContain(doctorFix);
    expect(withCodes(findings, 'legacy-file')[0]?.fix).toContain(doctorFix);
    expect(withCodes(findings, 'store-generation')[0]?.fix).toContain(doctorFix);
    // Nowhere the advice to make the credential again.
    expect(findings.map((finding) => finding.fix ?? '').join('\n')).not.toMatch(/add-key|setup-token/);
  });
});

describe('doctor on a home OpenClaw was never set up on', () => {
  it('says there is no store yet and what makes one, not "nothing to do"', async () => {
    const { home } = makeTempHome();
    const workspace = await resolveWorkspace({ env: { HOME: home, PATH: '/nonexistent' } });
    const { findings } = await runDoctor(workspace, OPTIONS);
    const [store] = withCodes(findings, 'store-generation');
    expect(store?.problem).toMatch(/^no credential store yet/);
    expect(store?.fix).toBe('`authdeck onboard` adds a first credential (or `openclaw onboard`)');
  });
});

describe('doctor for another agent that sees the main agent’s profiles (JSON era)', () => {
  it('does not say there is no store: the agent has credentials through main’s', async () => {
    const { home, mainAgentDir, configPath } = makeTempHome();
    writeJsonFile(configPath, { agents: { list: [{ id: 'main' }, { id: 'coder' }] } });
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'anthropic:default': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey() } },
    });
    const workspace = await resolveWorkspace({ env: { HOME: home, PATH: '/nonexistent' }, agent: 'coder' });
    const { findings } = await runDoctor(workspace, OPTIONS);
    expect(withCodes(findings, 'store-generation')[0]?.problem).not.toMatch(/no credential store/);
  });
});

describe('doctor --fix when a fix cannot be done', () => {
  it('says which and why, and still does the others (a read-only file system crashed the run)', async () => {
    const { home, stateDir } = makeTempHome();
    const workspace = await resolveWorkspace({ env: { HOME: home, AUTHDECK_STORE_GENERATION: 'json' } });
    const kept = join(stateDir, 'kept.txt');
    writeText(kept, 'x');
    chmodSync(kept, 0o644);
    const finding = (path: string): Finding => ({
      code: 'file-mode',
      severity: 'warning',
      subject: path,
      problem: 'readable by others',
      why: 'it holds a secret',
      fix: `chmod 600 ${path}`,
      safeFix: { kind: 'chmod', path, mode: 0o600 },
    });
    const gone = join(stateDir, 'gone.txt');
    const applied = await applySafeFixes(workspace, [finding(gone), finding(kept)]);
    expect(applied.map(({ done, failed }) => ({ done: done.replace(/:.*ENOENT.*/, ': ENOENT'), failed }))).toEqual([
      { done: `could not chmod 600 ${gone}: ENOENT`, failed: true },
      { done: `chmod 600 ${kept}`, failed: undefined },
    ]);
    expect(statSync(kept).mode & 0o777).toBe(0o600);
  });
});

describe('doctor beside a newer openclaw on PATH', () => {
  // A home OpenClaw 2026.5.20 wrote, with 2026.9.6 installed: that one refuses the old config
  // ("Unrecognized key": meta.lastTouchedAt, gateway.tailscale.resetOnExit) until its doctor
  // upgrades the home, while authdeck said "nothing to fix" (a newcomer's walk).
  it('says the home waits for `openclaw doctor --fix`, and nothing once the installed one is as old', async () => {
    const withOpenclaw = fakeOpenclawBin;
    const home = makeTempHome();
    writeJsonFile(join(home.mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'anthropic:default': key },
    });
    writeJsonFile(home.configPath, { ...inUse, meta: { lastTouchedVersion: '2026.5.20' } });
    const doctorWith = async (bin: string) =>
      runDoctor(await resolveWorkspace({ env: { HOME: home.home, PATH: bin } }), OPTIONS);
    const [pending] = withCodes((await doctorWith(withOpenclaw('2026.9.6'))).findings, 'openclaw-upgrade-pending');
    expect(pending).toMatchObject({
      severity: 'warning',
      problem: 'the openclaw on PATH is 2026.9.6, and this home was last written by OpenClaw 2026.5.20 (JSON files)',
      fix: '`openclaw doctor --fix` (it upgrades the config and imports the JSON credential files), then restart the gateway',
    });
    expect(withCodes((await doctorWith(withOpenclaw('2026.5.20'))).findings, 'openclaw-upgrade-pending')).toEqual([]);
    // status (and the dashboard, explain) say it too: not only doctor.
    const warningsWith = async (bin: string) =>
      buildStatusReport(await loadAgentState(await resolveWorkspace({ env: { HOME: home.home, PATH: bin } })), OPTIONS)
        .warnings;
    expect(await warningsWith(withOpenclaw('2026.9.6'))).toContain(
      'the openclaw on PATH is 2026.9.6, and this home was last written by OpenClaw 2026.5.20 (JSON files): 2026.9.6 will not start on it until `openclaw doctor --fix` upgrades it; authdeck writes for 2026.5.20 until then',
    );
    expect((await warningsWith(withOpenclaw('2026.5.20'))).join('\n')).not.toContain('the openclaw on PATH');
  });
});
