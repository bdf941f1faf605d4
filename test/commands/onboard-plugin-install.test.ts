import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, readJson } from '../helpers/temp-state.js';

// Onboarding a provider whose plugin comes from npm installs it, as `openclaw onboard` does
// (README "Providers": external plugins); `--skip-plugin-install` leaves it to the person.

const INSTALL = 'openclaw plugins install @openclaw/deepseek-provider';

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
    env: { PATH },
  });
}

describe('onboard --auth-choice with a plugin from npm', () => {
  it('installs it for the same state dir, as OpenClaw does, and exits 0', async () => {
    const { home, stateDir, configPath } = makeTempHome();
    const openclaw = fakeOpenclaw(home, true);
    const result = await onboardDeepseek(home, openclaw.PATH);
    expect(result.code).toBe(0);
    expect(readFileSync(openclaw.calls, 'utf8')).toBe(
      `plugins install @openclaw/deepseek-provider state=${stateDir}\n`,
    );
    expect(result.stderr).toContain(`installing the deepseek plugin: ${INSTALL} (from npm or ClawHub)…\n`);
    expect(result.stderr).toContain(
      '✔ installed the deepseek plugin; restart the gateway so it loads it (`openclaw gateway restart`)\n',
    );
    expect(result.stderr).not.toContain('warning');
    expect(readJson(configPath).plugins.entries.deepseek.enabled).toBe(true);
  });

  it('--json: ok, and the plugin reported installed', async () => {
    const { home } = makeTempHome();
    const openclaw = fakeOpenclaw(home, true);
    const result = await onboardDeepseek(home, openclaw.PATH, ['--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.ok).toBe(true);
    expect(report.plugin).toEqual({ id: 'deepseek', installed: true, installCommand: INSTALL, reason: null });
  });

  it('an install that fails: one line says why (no terminal codes), the key stays, exit 1', async () => {
    const { home, configPath } = makeTempHome();
    const openclaw = fakeOpenclaw(home, false);
    const result = await onboardDeepseek(home, openclaw.PATH);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('it could not be installed now (fetch failed | getaddrinfo ENOTFOUND clawhub.ai');
    expect(result.stderr).toContain(`the credential is kept — run it again later:\n  ${INSTALL}\n`);
    expect(result.stderr).not.toContain('\u001b]52');
    expect(readJson(configPath).auth.profiles['deepseek:default']).toMatchObject({ provider: 'deepseek' });
  });

  it('--skip-plugin-install: openclaw is not run; the command is printed, exit 1', async () => {
    const { home } = makeTempHome();
    const openclaw = fakeOpenclaw(home, true);
    const result = await onboardDeepseek(home, openclaw.PATH, ['--skip-plugin-install']);
    expect(result.code).toBe(1);
    expect(existsSync(openclaw.calls)).toBe(false);
    expect(result.stderr).toContain(
      `warning: the gateway cannot use deepseek until its plugin is installed (it comes from npm, not with OpenClaw):\n  ${INSTALL}\n`,
    );
  });

  it('a plugin already installed is not installed again', async () => {
    const { home, stateDir } = makeTempHome();
    const openclaw = fakeOpenclaw(home, true);
    mkdirSync(join(stateDir, 'extensions', 'deepseek'), { recursive: true });
    const result = await onboardDeepseek(home, openclaw.PATH);
    expect(result.code).toBe(0);
    expect(existsSync(openclaw.calls)).toBe(false);
    expect(result.stderr).not.toContain('plugin');
  });
});
