import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, readJson } from '../helpers/temp-state.js';

// Onboarding a provider whose plugin comes from npm installs it, as `openclaw onboard` does
// (README "Providers": external plugins); `--skip-plugin-install` leaves it to the person.

const INSTALL = 'openclaw plugins install @openclaw/deepseek-provider';

/** A home of OpenClaw 2026.9.6 (plugins serve providers from 2026.8 on; older ones build them in). */
function pluginEraHome() {
  const temp = makeTempHome();
  installOpenclawFixture('a-v9-shared-fresh', temp.stateDir);
  return temp;
}

/** The store generation comes from the home's files, as it does for a person. */
const FROM_FILES = { AUTHDECK_STORE_GENERATION: undefined };

/**
 * A stand-in `openclaw` that records how it was run; its `plugins install` puts the package where
 * OpenClaw's npm install does, or fails as one missing from npm does here (OpenClaw then asks ClawHub, which is unreachable).
 */
function fakeOpenclaw(home: string, works: boolean): { PATH: string; calls: string } {
  const bin = join(home, 'bin');
  const calls = join(home, 'openclaw-calls');
  mkdirSync(bin, { recursive: true });
  const install = works
    ? 'mkdir -p "$OPENCLAW_STATE_DIR/npm/projects/openclaw-deepseek-provider-1/node_modules/@openclaw/deepseek-provider"; echo "Installed plugin: deepseek"; exit 0'
    : 'echo "@openclaw/deepseek-provider unavailable; using clawhub:@openclaw/deepseek-provider instead."; printf "fetch failed | getaddrinfo ENOTFOUND clawhub.ai \\033]52;c;cHduZWQ=\\a\\n" >&2; exit 1';
  writeFileSync(
    join(bin, 'openclaw'),
    // authdeck also asks `openclaw --version` (which store generation to write): not recorded.
    `#!/bin/sh\n[ "$1 $2" = "plugins install" ] || exit 2\necho "$* state=$OPENCLAW_STATE_DIR" >> '${calls}'\n${install}\n`,
  );
  chmodSync(join(bin, 'openclaw'), 0o755);
  return { PATH: `${bin}:/usr/bin:/bin`, calls };
}

async function onboardDeepseek(home: string, PATH: string, extra: string[] = []) {
  return runCommand(['--no-reload', 'onboard', '--non-interactive', '--auth-choice', 'deepseek-api-key', ...extra], {
    home,
    input: fakeSecrets.deepseekKey('install'),
    env: { ...FROM_FILES, PATH },
  });
}

describe('onboard --auth-choice with a plugin from npm', () => {
  it('installs it for the same state dir, as OpenClaw does, and exits 0', async () => {
    const { home, stateDir, configPath } = pluginEraHome();
    const openclaw = fakeOpenclaw(home, true);
    const result = await onboardDeepseek(home, openclaw.PATH);
    expect(result.code).toBe(0);
    expect(readFileSync(openclaw.calls, 'utf8')).toBe(
      `plugins install @openclaw/deepseek-provider state=${stateDir}\n`,
    );
    expect(result.stderr).toContain(`installing the deepseek plugin: ${INSTALL} (from npm or ClawHub)…\n`);
    // The wait offline is said, with the way out.
    expect(result.stderr).toContain(
      '  this can take minutes offline (at most 5); Ctrl+C stops it and keeps the credential\n',
    );
    expect(result.stderr).toContain(
      '✔ installed the deepseek plugin; a running gateway loads it after a restart (`openclaw gateway restart`)\n',
    );
    expect(result.stderr).not.toContain('warning');
    expect(readJson(configPath).plugins.entries.deepseek.enabled).toBe(true);
  });

  it('--json: ok, and the plugin reported installed', async () => {
    const { home } = pluginEraHome();
    const openclaw = fakeOpenclaw(home, true);
    const result = await onboardDeepseek(home, openclaw.PATH, ['--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.ok).toBe(true);
    expect(report.plugin).toEqual({ id: 'deepseek', installed: true, installCommand: INSTALL, reason: null });
  });

  it('an install that fails: one line says why (no terminal codes), the key stays, exit 1', async () => {
    const { home, configPath } = pluginEraHome();
    const openclaw = fakeOpenclaw(home, false);
    const result = await onboardDeepseek(home, openclaw.PATH);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'it could not be installed now (could not reach clawhub.ai: check your internet connection (or proxy) (host name not found, ENOTFOUND))',
    );
    expect(result.stderr).toContain(`the credential is kept — run it again later:\n  ${INSTALL}\n`);
    expect(result.stderr).not.toContain('\u001b]52');
    expect(readJson(configPath).auth.profiles['deepseek:default']).toMatchObject({ provider: 'deepseek' });
  });

  it('no openclaw on PATH: saved, the reason and the command printed, exit 1 (--json: why)', async () => {
    const { home, configPath } = pluginEraHome();
    const run = (extra: string[]) =>
      onboardDeepseek(home, '/nonexistent', ['--profile-id', extra[0] ?? 'a', ...extra.slice(1)]);
    const text = await run(['a']);
    expect(text.code).toBe(1);
    expect(text.stderr).toBe(
      'warning: the gateway cannot use deepseek until its plugin is installed; it could not be installed now (openclaw is not on PATH), the credential is kept — run it again later:\n' +
        `  ${INSTALL}\n`,
    );
    expect(readJson(configPath).auth.profiles['deepseek:a']).toMatchObject({ provider: 'deepseek' });
    const json = await run(['b', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      plugin: { id: 'deepseek', installed: false, installCommand: INSTALL, reason: 'openclaw is not on PATH' },
    });
  });

  it('--skip-plugin-install: openclaw is not run; the command is printed, exit 1', async () => {
    const { home } = pluginEraHome();
    const openclaw = fakeOpenclaw(home, true);
    const result = await onboardDeepseek(home, openclaw.PATH, ['--skip-plugin-install']);
    expect(result.code).toBe(1);
    expect(existsSync(openclaw.calls)).toBe(false);
    expect(result.stderr).toContain(
      `warning: the gateway cannot use deepseek until its plugin is installed (it comes from npm or ClawHub, not with OpenClaw):\n  ${INSTALL}\n`,
    );
  });

  it('a plugin already installed is not installed again', async () => {
    const { home, stateDir } = pluginEraHome();
    const openclaw = fakeOpenclaw(home, true);
    mkdirSync(join(stateDir, 'extensions', 'deepseek'), { recursive: true });
    const result = await onboardDeepseek(home, openclaw.PATH);
    expect(result.code).toBe(0);
    expect(existsSync(openclaw.calls)).toBe(false);
    expect(result.stderr).not.toContain('plugin');
  });
});

describe('onboard --auth-choice: the default model of a plugin the catalog never saw installed', () => {
  /** A stand-in `openclaw` whose install lands Groq's plugin with this manifest. */
  function groqOpenclaw(home: string, manifest: Record<string, unknown>): string {
    const bin = join(home, 'bin');
    mkdirSync(bin, { recursive: true });
    const dir = '"$OPENCLAW_STATE_DIR/npm/projects/openclaw-groq-provider-1/node_modules/@openclaw/groq-provider"';
    writeFileSync(join(home, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(
      join(bin, 'openclaw'),
      `#!/bin/sh\n[ "$1 $2" = "plugins install" ] || exit 2\nmkdir -p ${dir} && cp '${join(home, 'manifest.json')}' ${dir}/openclaw.plugin.json\n`,
    );
    chmodSync(join(bin, 'openclaw'), 0o755);
    return `${bin}:/usr/bin:/bin`;
  }
  const manifest = (defaultModel?: string) => ({
    id: 'groq',
    modelCatalog: { providers: { groq: { api: 'openai-completions', ...(defaultModel ? { defaultModel } : {}) } } },
  });
  const onboardGroq = (home: string, PATH: string) =>
    runCommand(['--no-reload', 'onboard', '--non-interactive', '--auth-choice', 'groq-api-key'], {
      home,
      input: fakeSecrets.groqKey('install'),
      env: { ...FROM_FILES, PATH },
    });

  it('is the one its manifest names, set once the plugin is installed', async () => {
    const { home, configPath } = pluginEraHome();
    const result = await onboardGroq(home, groqOpenclaw(home, manifest('llama-4-maverick')));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('default model: groq/llama-4-maverick\n');
    expect(readJson(configPath).agents.defaults).toEqual({
      model: { primary: 'groq/llama-4-maverick' },
      models: { 'groq/llama-4-maverick': {} },
    });
  });

  it("keeps another provider's default, as for any choice", async () => {
    const { home, configPath } = pluginEraHome();
    writeFileSync(
      configPath,
      JSON.stringify({ agents: { defaults: { model: { primary: 'anthropic/claude-opus-5' } } } }),
    );
    const result = await onboardGroq(home, groqOpenclaw(home, manifest('llama-4-maverick')));
    expect(result.stdout).toContain(
      'default model: anthropic/claude-opus-5 kept; --set-default-model makes it groq/llama-4-maverick\n',
    );
    expect(readJson(configPath).agents.defaults.model).toEqual({ primary: 'anthropic/claude-opus-5' });
  });

  it('a manifest that names none (or a hostile name) sets none', async () => {
    for (const named of [undefined, 'bad model\u001b]52;c;x\u0007']) {
      const { home, configPath } = pluginEraHome();
      const result = await onboardGroq(home, groqOpenclaw(home, manifest(named)));
      expect(result.code).toBe(0);
      expect(result.stdout).not.toContain('default model');
      expect(readJson(configPath).agents).toBeUndefined();
    }
  });
});

describe('onboard --auth-choice: a region of a plugin never seen set up', () => {
  it('says authdeck does not know the endpoint it picks, and where to set it (text and --json)', async () => {
    const { home } = pluginEraHome();
    const args = [
      '--no-reload',
      'onboard',
      '--non-interactive',
      '--auth-choice',
      'xiaomi-token-plan-cn',
      '--skip-plugin-install',
    ];
    const env = { ...FROM_FILES, PATH: '/nonexistent' };
    const text = await runCommand(args, { home, input: 'xiaomi-key-0123456789abcdef', env });
    expect(text.stderr).toContain(
      "warning: xiaomi-token-plan-cn (Xiaomi: Xiaomi Token Plan (China)) picks one of xiaomi-token-plan's endpoints, and authdeck does not know which: its plugin comes from ClawHub and was never seen set up. The gateway uses the provider's default one; if your account is on another, set models.providers.xiaomi-token-plan.baseUrl to it",
    );
    const json = await runCommand([...args, '--json', '--profile-id', 'two'], {
      home,
      input: 'xiaomi-key-0123456789abcdef',
      env,
    });
    expect(JSON.parse(json.stdout).warnings).toEqual([
      expect.stringContaining('set models.providers.xiaomi-token-plan.baseUrl'),
    ]);
  });

  it('writes the endpoint of a region OpenClaw 2026.5.20 was seen set up (Z.AI CN), with its model', async () => {
    const { home, configPath } = pluginEraHome();
    const result = await runCommand(
      ['--no-reload', 'onboard', '--non-interactive', '--auth-choice', 'zai-coding-cn', '--skip-plugin-install'],
      { home, input: 'zai-key-0123456789abcdef', env: { ...FROM_FILES, PATH: '/nonexistent' } },
    );
    // Exit 1: the plugin itself is still to install (--skip-plugin-install).
    expect(result.stdout).toContain('wrote models.providers.zai');
    expect(result.stderr).not.toContain('picks one of');
    const config = readJson(configPath);
    expect(config.models.providers.zai.baseUrl).toBe('https://open.bigmodel.cn/api/coding/paas/v4');
    expect(config.agents.defaults.model.primary).toBe('zai/glm-5.1');
    expect(config.models.providers.zai.models.map((model: { id: string }) => model.id)).toContain('glm-5.1');
  });

  it('says nothing of the kind for a choice whose endpoint was observed (Qwen China)', async () => {
    const { home } = pluginEraHome();
    const result = await runCommand(
      ['--no-reload', 'onboard', '--non-interactive', '--auth-choice', 'qwen-api-key-cn', '--skip-plugin-install'],
      { home, input: 'qwen-key-0123456789abcdef', env: { ...FROM_FILES, PATH: '/nonexistent' } },
    );
    expect(result.stderr).not.toContain('endpoints');
    expect(result.stdout).toContain('wrote models.providers.qwen');
  });
});

describe('add-key: a plugin installed before the key is saved', () => {
  it("sets the default model the installed plugin's manifest names", async () => {
    const { home, stateDir, configPath } = pluginEraHome();
    const plugin = join(stateDir, 'extensions', 'groq');
    mkdirSync(plugin, { recursive: true });
    writeFileSync(
      join(plugin, 'openclaw.plugin.json'),
      JSON.stringify({ id: 'groq', modelCatalog: { providers: { groq: { defaultModel: 'llama-4-maverick' } } } }),
    );
    const result = await runCommand(['--no-reload', 'add-key', '--provider', 'groq'], {
      home,
      input: fakeSecrets.groqKey('before'),
      env: { ...FROM_FILES, PATH: '/nonexistent' },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('default model: groq/llama-4-maverick');
    expect(readJson(configPath).agents.defaults.model).toEqual({ primary: 'groq/llama-4-maverick' });
  });
});

describe('a home of OpenClaw ≤ 2026.6 (JSON files: providers built in)', () => {
  it('installs no plugin and warns of none: that OpenClaw would not load it', async () => {
    const { home } = makeTempHome();
    const openclaw = fakeOpenclaw(home, true);
    const result = await runCommand(
      ['--no-reload', 'onboard', '--non-interactive', '--auth-choice', 'deepseek-api-key'],
      { home, input: fakeSecrets.deepseekKey('json'), env: { PATH: openclaw.PATH } },
    );
    expect(result.code).toBe(0);
    expect(existsSync(openclaw.calls)).toBe(false);
    expect(result.stderr).not.toContain('plugin');
  });
});
