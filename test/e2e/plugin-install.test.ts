import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { PATH_WITHOUT_CLAUDE, TerminalSession } from '../helpers/pty-driver.js';
import { makeTempHome, readJson } from '../helpers/temp-state.js';

// In a terminal, adding a key for a provider whose plugin comes from npm offers to run the install
// OpenClaw's onboarding runs (onboarding itself runs it without asking); offline it says why in one
// line and keeps the key (README "Providers").

const sessions: TerminalSession[] = [];
afterEach(() => {
  while (sessions.length > 0) sessions.pop()!.kill();
});

/** A stand-in `openclaw` whose `plugins install` puts the plugin where OpenClaw does, or fails as npm offline does. */
function fakeOpenclaw(home: string, works: boolean): string {
  const bin = join(home, 'bin');
  mkdirSync(bin, { recursive: true });
  const script = works
    ? '#!/bin/sh\n[ "$1 $2" = "plugins install" ] && mkdir -p "$OPENCLAW_STATE_DIR/extensions/deepseek" && echo installed && exit 0\nexit 2\n'
    : '#!/bin/sh\necho "npm error code ENOTFOUND" >&2\necho "npm error network request to https://registry.npmjs.org failed" >&2\nexit 1\n';
  writeFileSync(join(bin, 'openclaw'), script);
  chmodSync(join(bin, 'openclaw'), 0o755);
  return `${bin}:${PATH_WITHOUT_CLAUDE}`;
}

async function addDeepseekKey(home: string, works: boolean) {
  // A home of OpenClaw 2026.9.6: plugins serve providers there (older ones build them in).
  installOpenclawFixture('a-v9-shared-fresh', join(home, '.openclaw'));
  const session = TerminalSession.launch(['--no-reload', 'add-key', '--provider', 'deepseek'], {
    home,
    env: { PATH: fakeOpenclaw(home, works), AUTHDECK_STORE_GENERATION: undefined },
  });
  sessions.push(session);
  await session.waitFor('API key:');
  await session.type(fakeSecrets.deepseekKey());
  await session.press('enter');
  await session.waitFor('now? [y/N]');
  await session.type('y');
  await session.press('enter');
  return session;
}

describe('a plugin from npm, in a terminal', () => {
  it('runs the install when asked: the plugin lands (exit 0)', async () => {
    const { home, configPath } = makeTempHome();
    const session = await addDeepseekKey(home, true);
    await session.waitFor('installed the deepseek plugin; a running gateway loads it after a restart');
    expect(await session.waitForExit()).toBe(0);
    expect(readJson(configPath).plugins.entries.deepseek.enabled).toBe(true);
  });

  it('offline: one line says why and the key stays saved (add-key did what it was asked: exit 0)', async () => {
    const { home, configPath } = makeTempHome();
    const session = await addDeepseekKey(home, false);
    const screen = await session.waitFor('could not install the');
    expect(screen).toContain('ENOTFOUND');
    expect(screen).toContain('the credential is kept');
    expect(await session.waitForExit()).toBe(0);
    expect(readJson(configPath).auth.profiles['deepseek:default']).toMatchObject({ provider: 'deepseek' });
  });
});

describe('OpenClaw creating the store, in a terminal', () => {
  // OpenClaw exits 130 on SIGINT once it is running; interrupted while it starts, it can die of
  // another signal, which is still the person's cancel.
  it.each([
    ['exits 130', 'exit 130'],
    ['dies of another signal', 'kill -TERM $$'],
  ])(
    'says what it waits for, and a SIGINT sent to authdeck alone stops OpenClaw at once (exit 130): OpenClaw %s',
    async (_, ending) => {
      const { home, stateDir } = makeTempHome();
      const bin = join(home, 'bin');
      const stopped = join(home, 'openclaw-stopped');
      mkdirSync(bin, { recursive: true });
      // Answers its version, then takes its time over the store, as OpenClaw offline does.
      writeFileSync(
        join(bin, 'openclaw'),
        `#!/bin/sh\n[ "$1" = "--version" ] && echo "OpenClaw 2026.9.6" && exit 0\nsleep 30 &\ntrap 'kill $!; echo stopped > "${stopped}"; ${ending}' INT\nwait $!\n`,
      );
      chmodSync(join(bin, 'openclaw'), 0o755);
      const session = TerminalSession.launch(['--no-reload', 'add-key', '--provider', 'deepseek'], {
        home,
        env: { PATH: `${bin}:${PATH_WITHOUT_CLAUDE}`, AUTHDECK_STORE_GENERATION: 'sqlite' },
      });
      sessions.push(session);
      await session.waitFor('API key:');
      await session.type(fakeSecrets.deepseekKey());
      await session.press('enter');
      await session.waitFor('(OpenClaw can take a minute)');
      process.kill(session.pid, 'SIGINT');
      expect(await session.waitForExit()).toBe(130);
      expect(session.screen()).toContain('cancelled while');
      expect(existsSync(stopped)).toBe(true);
      expect(existsSync(join(stateDir, 'state', 'openclaw.sqlite'))).toBe(false);
    },
  );
});
