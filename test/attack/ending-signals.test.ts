import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireFileLock } from '../../src/services/files/lock.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { gone } from '../helpers/processes.js';
import { CLI_PATH } from '../helpers/run-cli.js';
import { makeTempHome, writeJsonFile } from '../helpers/temp-state.js';

// SIGTERM (a supervisor's stop) or SIGHUP (a closed terminal) sent to authdeck while it ran
// OpenClaw ended authdeck alone: OpenClaw ran on with no parent (a plugin install in a group of
// its own, a store being created), and openclaw.json kept the entry of a profile the store never
// got. Now the program is stopped first, the half-made change undone, and authdeck ends.

/** An `openclaw` that ignores Ctrl+C and takes a minute, its pid in `pidFile` (its child's beside it); --version says 2026.9.6. */
function stubbornOpenclaw(home: string, pidFile: string): string {
  const bin = join(home, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    join(bin, 'openclaw'),
    `#!/bin/sh\n[ "$1" = "--version" ] && echo "OpenClaw 2026.9.6" && exit 0\ntrap '' INT TERM\nsleep 60 &\necho $! > "${pidFile}.child"\necho $$ > "${pidFile}"\nwait\n`,
  );
  chmodSync(join(bin, 'openclaw'), 0o755);
  return `${bin}:/usr/bin:/bin`;
}

async function ended(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => child.on('close', resolve));
}

async function startedAs(pidFile: string): Promise<number> {
  for (let i = 0; i < 200 && !existsSync(pidFile); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return Number(readFileSync(pidFile, 'utf8'));
}

describe('a signal that ends authdeck while it runs OpenClaw', () => {
  it.each(['SIGTERM', 'SIGHUP'] as const)(
    '%s while OpenClaw creates the store: OpenClaw is stopped and openclaw.json names no profile the store lacks',
    async (signal) => {
      const { home, configPath } = makeTempHome();
      const pidFile = join(home, 'openclaw.pid');
      const child = spawn(process.execPath, [CLI_PATH, '--no-reload', 'add-key', '--provider', 'openai'], {
        env: { PATH: stubbornOpenclaw(home, pidFile), HOME: home, NO_COLOR: '1', AUTHDECK_STORE_GENERATION: 'sqlite' },
        stdio: ['pipe', 'ignore', 'ignore'],
      });
      child.stdin?.end(fakeSecrets.openaiKey());
      const openclaw = await startedAs(pidFile);
      child.kill(signal);
      await ended(child);
      expect(await gone(openclaw)).toBe(true);
      expect(await gone(Number(readFileSync(`${pidFile}.child`, 'utf8')))).toBe(true);
      const profiles = existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')).auth?.profiles : undefined;
      expect(profiles?.['openai:default']).toBeUndefined();
      // Ended by that signal, as it would have been: not "cancelled" (130) to the supervisor.
      expect(child.signalCode).toBe(signal);
    },
    20_000,
  );

  it('SIGHUP during a plugin install: the whole install is stopped', async () => {
    const { home, stateDir } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    const pidFile = join(home, 'openclaw.pid');
    const child = spawn(
      process.execPath,
      [CLI_PATH, '--no-reload', 'onboard', '--non-interactive', '--auth-choice', 'groq-api-key'],
      {
        env: { PATH: stubbornOpenclaw(home, pidFile), HOME: home, NO_COLOR: '1' },
        stdio: ['pipe', 'ignore', 'ignore'],
      },
    );
    child.stdin?.end(fakeSecrets.groqKey());
    const openclaw = await startedAs(pidFile);
    child.kill('SIGHUP');
    await ended(child);
    expect(await gone(openclaw)).toBe(true);
    expect(await gone(Number(readFileSync(`${pidFile}.child`, 'utf8')))).toBe(true);
    expect(child.signalCode).toBe('SIGHUP');
  }, 20_000);
});

/**
 * As OpenClaw's launcher runs a command: in a child with a session of its own (`openclaw-models`),
 * out of reach of a signal to the launcher's group. Both ignore Ctrl+C and SIGTERM.
 */
function launcherOpenclaw(home: string, pidFile: string): string {
  const bin = join(home, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    join(bin, 'openclaw'),
    `#!/bin/sh\n[ "$1" = "--version" ] && echo "OpenClaw 2026.9.6" && exit 0\ntrap '' INT TERM\nsetsid sh -c 'trap "" INT TERM; echo $$ > "${pidFile}.child"; sleep 60' &\nwhile [ ! -s "${pidFile}.child" ]; do sleep 0.05; done\necho $$ > "${pidFile}"\nwait\n`,
  );
  chmodSync(join(bin, 'openclaw'), 0o755);
  return `${bin}:/usr/bin:/bin`;
}

describe('what OpenClaw started in a session of its own', () => {
  // It went on after authdeck had stopped the launcher's group: a real one saved the key after
  // authdeck had said "Nothing was saved" (SIGTERM 2.5–3 s into a first save, 13 of 20 runs).
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'is stopped too when authdeck gets %s',
    async (signal) => {
      const { home } = makeTempHome();
      const pidFile = join(home, 'openclaw.pid');
      const child = spawn(process.execPath, [CLI_PATH, '--no-reload', 'add-key', '--provider', 'openai'], {
        env: { PATH: launcherOpenclaw(home, pidFile), HOME: home, NO_COLOR: '1', AUTHDECK_STORE_GENERATION: 'sqlite' },
        stdio: ['pipe', 'ignore', 'ignore'],
      });
      child.stdin?.end(fakeSecrets.openaiKey());
      const launcher = await startedAs(pidFile);
      const command = Number(readFileSync(`${pidFile}.child`, 'utf8'));
      child.kill(signal);
      await ended(child);
      expect(await gone(launcher)).toBe(true);
      expect(await gone(command)).toBe(true);
    },
    20_000,
  );
});

describe("Ctrl+C between a save's config entry and the OpenClaw run that creates its store", () => {
  it('is not lost: OpenClaw does not run on unasked, the entry is taken back, exit 130', async () => {
    const { home, configPath } = makeTempHome();
    const started = join(home, 'openclaw.started');
    const bin = join(home, 'bin');
    mkdirSync(bin, { recursive: true });
    // One whose first run (the order clear that makes the store) ends at once having made nothing,
    // so the save writes its config entry and runs it again to store the key: that run would take
    // its time and succeed — run to its end, it made the Ctrl+C a failure (exit 1).
    writeFileSync(
      join(bin, 'openclaw'),
      `#!/bin/sh\n[ "$1" = "--version" ] && echo "OpenClaw 2026.9.6" && exit 0\n[ "$3" = "order" ] && exit 0\ntouch "${started}"\nsleep 5\nexit 0\n`,
    );
    chmodSync(join(bin, 'openclaw'), 0o755);
    const child = spawn(process.execPath, [CLI_PATH, '--no-reload', 'add-key', '--provider', 'openai'], {
      env: { PATH: `${bin}:/usr/bin:/bin`, HOME: home, NO_COLOR: '1', AUTHDECK_STORE_GENERATION: 'sqlite' },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    child.stdin?.end(fakeSecrets.openaiKey());
    // The moment the config entry lands: before, or as, OpenClaw is started.
    const entered = () => existsSync(configPath) && readFileSync(configPath, 'utf8').includes('openai:default');
    for (let i = 0; i < 5_000 && !entered(); i++) await new Promise((resolve) => setTimeout(resolve, 2));
    // Sent before the entry landed it would test nothing (a silent 130 before any write).
    expect(entered()).toBe(true);
    child.kill('SIGINT');
    await ended(child);
    expect(child.exitCode, stderr).toBe(130);
    // Taken before OpenClaw ran, or by its run: either way it stops there.
    expect(stderr).toMatch(/cancelled (before|while) `openclaw/);
    // Taken back: the entry, or the file this save created for it.
    const profiles = existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')).auth?.profiles : undefined;
    expect(profiles?.['openai:default']).toBeUndefined();
  }, 20_000);
});

describe('a signal that ends authdeck while it writes, with nothing else running', () => {
  // It ended authdeck at once: a migration stopped between archiving the JSON files and recording
  // the profiles in openclaw.json left them stored but not listed (10 of 10 runs) — the half the
  // write order is there to avoid.
  it('SIGTERM once migrate has archived the JSON files: it records them in openclaw.json first', async () => {
    const { home, stateDir, mainAgentDir, configPath } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    const jsonFile = join(mainAgentDir, 'auth-profiles.json');
    writeJsonFile(jsonFile, {
      version: 1,
      profiles: { 'groq:moved': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey('moved') } },
    });
    // Held here, the config's lock keeps the migration waiting after its archive.
    const release = await acquireFileLock(configPath);
    const child = spawn(process.execPath, [CLI_PATH, '--no-reload', 'migrate', '--apply', '--yes'], {
      env: { PATH: '/usr/bin:/bin', HOME: home, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    try {
      for (let i = 0; i < 400 && existsSync(jsonFile); i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(existsSync(jsonFile)).toBe(false);
      child.kill('SIGTERM');
    } finally {
      await release();
    }
    await ended(child);
    expect(JSON.parse(readFileSync(configPath, 'utf8')).auth?.profiles?.['groq:moved']).toEqual({
      provider: 'groq',
      mode: 'api_key',
    });
    expect(child.signalCode).toBe('SIGTERM');
  }, 20_000);
});

describe('a signal before anything of a save is written, its locks held', () => {
  // A save that held the store's lock and waited for the config's, ended by SIGTERM, SIGHUP or
  // Ctrl+C, left its lock files with the dead pid in them (8 of 30 runs of an adversarial try),
  // for the next writer to wait on and take over as stale.
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s: its lock files go with it',
    async (signal) => {
      const { home, configPath, mainAgentDir } = makeTempHome();
      const storePath = join(mainAgentDir, 'auth-profiles.json');
      writeJsonFile(storePath, { version: 1, profiles: {} });
      writeJsonFile(configPath, { auth: {} });
      const release = await acquireFileLock(configPath);
      const child = spawn(process.execPath, [CLI_PATH, '--no-reload', 'add-key', '--provider', 'openai'], {
        env: { PATH: '/usr/bin:/bin', HOME: home, NO_COLOR: '1', AUTHDECK_STORE_GENERATION: 'json' },
        stdio: ['pipe', 'ignore', 'ignore'],
      });
      child.stdin?.end(fakeSecrets.openaiKey());
      try {
        const storeLock = `${storePath}.lock`;
        // Taken: the file is there with its record (the pid that holds it).
        const taken = () => existsSync(storeLock) && readFileSync(storeLock, 'utf8').includes(`"pid":${child.pid}`);
        for (let i = 0; i < 400 && !taken(); i++) await new Promise((done) => setTimeout(done, 25));
        expect(taken()).toBe(true);
        child.kill(signal);
        await ended(child);
        expect(existsSync(storeLock)).toBe(false);
        expect(JSON.parse(readFileSync(storePath, 'utf8')).profiles).toEqual({});
      } finally {
        await release();
      }
    },
    20_000,
  );
});
