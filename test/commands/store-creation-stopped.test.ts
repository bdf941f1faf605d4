import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome } from '../helpers/temp-state.js';

// On a SQLite-era home with no store yet, OpenClaw creates the store with the first secret. When
// that run is stopped (Ctrl+C reaches it too) or fails, nothing is saved, the exit says which, and
// openclaw.json is not left naming a profile the store lacks.
function homeWithOpenclaw(exitWith: number, says = 'stopped') {
  const temp = makeTempHome();
  const bin = join(temp.home, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    join(bin, 'openclaw'),
    `#!/bin/sh\n[ "$1" = "--version" ] && echo "OpenClaw 2026.9.6" && exit 0\necho "${says}" >&2\nexit ${exitWith}\n`,
  );
  chmodSync(join(bin, 'openclaw'), 0o755);
  return { ...temp, env: { PATH: `${bin}:/usr/bin:/bin`, AUTHDECK_STORE_GENERATION: 'sqlite' } };
}

const profilesIn = (configPath: string) =>
  existsSync(configPath) ? Object.keys(JSON.parse(readFileSync(configPath, 'utf8')).auth?.profiles ?? {}) : [];

describe('the first save on a SQLite-era home, when OpenClaw does not create the store', () => {
  // OpenClaw is run to make the store before anything is written: stopped or failing, it leaves
  // nothing of the save behind.
  it('stopped by Ctrl+C: exit 130, and no openclaw.json made', async () => {
    const { home, env, configPath } = homeWithOpenclaw(130);
    const run = await runCommand(['--no-reload', 'add-key', '--provider', 'openai'], {
      home,
      env,
      input: fakeSecrets.openaiKey(),
    });
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('cancelled while `openclaw models auth order clear --provider openai');
    // Said, not only the exit code: the key piped in was not kept.
    expect(run.stderr).toContain('was creating the store. Nothing was saved');
    expect(existsSync(configPath)).toBe(false);
  });

  it('failing: exit 1, says nothing was saved, and no openclaw.json made', async () => {
    const { home, env, configPath } = homeWithOpenclaw(1);
    const run = await runCommand(['--no-reload', 'add-key', '--provider', 'openai'], {
      home,
      env,
      input: fakeSecrets.openaiKey(),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /`openclaw models auth order clear --provider openai` failed: stopped\. Nothing was saved/,
    );
    expect(existsSync(configPath)).toBe(false);
  });

  it('failing on a config that was there: the file is not touched', async () => {
    // It was left with an empty "auth": {"profiles": {}} and its other keys laid out anew (an
    // adversarial parity run: OpenClaw refused the config for an unknown key).
    const { home, env, configPath } = homeWithOpenclaw(1, 'OpenClaw config is invalid');
    // (A section authdeck does not judge: an unknown top-level key it refuses itself, before
    // OpenClaw runs — test/attack/config-shape.test.ts.)
    const before =
      '{"agents":{"defaults":{"model":{"primary":"anthropic/claude-opus-5"}}},\n  "channels":   {"x":1}}\n';
    mkdirSync(dirname(configPath), { recursive: true });
    writeFileSync(configPath, before);
    const run = await runCommand(['--no-reload', 'add-key', '--provider', 'openai'], {
      home,
      env,
      input: fakeSecrets.openaiKey(),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('OpenClaw config is invalid. Nothing was saved');
    expect(readFileSync(configPath, 'utf8')).toBe(before);
  });

  it("failing with a sentence of its own: one full stop between OpenClaw's reason and ours", async () => {
    const { home, env } = homeWithOpenclaw(1, 'Error: run openclaw doctor --fix.');
    const run = await runCommand(['--no-reload', 'add-key', '--provider', 'openai'], {
      home,
      env,
      input: fakeSecrets.openaiKey(),
    });
    expect(run.stderr).toContain('run openclaw doctor --fix. Nothing was saved');
    expect(run.stderr).not.toContain('..');
  });
});

describe('Ctrl+C that comes as OpenClaw finishes making the store', () => {
  it('stops the save there: exit 130, the store OpenClaw made stays empty, the config untouched', async () => {
    // The store OpenClaw makes: a 2026.9.6 home's, with no credential yet.
    const made = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', made.stateDir);
    const { home, env, configPath } = homeWithOpenclaw(130);
    // It makes the store, then dies of the Ctrl+C (exit 130) before it could say so.
    writeFileSync(
      join(home, 'bin', 'openclaw'),
      `#!/bin/sh
[ "$1" = "--version" ] && echo "OpenClaw 2026.9.6" && exit 0
cp -R "${made.stateDir}/state" "$OPENCLAW_STATE_DIR/"
exit 130
`,
    );
    const run = await runCommand(['--no-reload', 'add-key', '--provider', 'openai'], {
      home,
      env,
      input: fakeSecrets.openaiKey('late'),
    });
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('cancelled while `openclaw models auth order clear');
    expect(profilesIn(configPath)).toEqual([]);
  });
});
