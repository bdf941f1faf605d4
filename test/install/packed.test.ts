import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRecording } from '../fake-claude/recordings.mjs';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture, readCell } from '../helpers/openclaw-fixtures.js';
import { FAKE_CLAUDE_DIR, TerminalSession } from '../helpers/pty-driver.js';
import { makeTempHome } from '../helpers/temp-state.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TOKEN = loadRecording('success-500x40').meta.expected.token!;

/** The npm that runs this suite (npm sets npm_execpath for its scripts), else the one on PATH. */
function npmCli(): string {
  if (process.env.npm_execpath?.endsWith('.js')) return process.env.npm_execpath;
  const found = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();
  return realpathSync(found);
}

function npm(args: string[], env: NodeJS.ProcessEnv) {
  const run = spawnSync(process.execPath, [npmCli(), ...args], { env, encoding: 'utf8', timeout: 180_000 });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

// A user's machine as npm 12 leaves it: the packed tarball installed globally with every install
// script skipped, and no compiler anywhere on PATH (only node itself).
let work: string;
let bin: string;
let authdeck: string;
let onlyNodePath: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'authdeck-packed-'));
  onlyNodePath = join(work, 'path');
  mkdirSync(onlyNodePath);
  symlinkSync(process.execPath, join(onlyNodePath, 'node'));
  const globalconfig = npm(['config', 'get', 'globalconfig'], process.env).trim();
  // dist/ as `npm test` built it: "prepare" would rebuild it under the other tests' feet.
  npm(['pack', '--silent', '--ignore-scripts', '--pack-destination', work], process.env);
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))!;
  const prefix = join(work, 'prefix');
  npm(
    [
      'install',
      '--global',
      '--prefix',
      prefix,
      '--globalconfig',
      globalconfig,
      '--ignore-scripts',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      join(work, tarball),
    ],
    { ...process.env, PATH: onlyNodePath },
  );
  bin = join(prefix, 'bin');
  authdeck = join(bin, 'authdeck');
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function runInstalled(args: string[], home: string, input = '') {
  return spawnSync(authdeck, args, {
    input,
    encoding: 'utf8',
    env: { PATH: onlyNodePath, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), NO_COLOR: '1' },
  });
}

describe('installed from the packed tarball with install scripts blocked and no compiler', () => {
  it('runs: --version', () => {
    const { home } = makeTempHome();
    const run = runInstalled(['--version'], home);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('writes a key into a SQLite-era store that OpenClaw 2026.9.6 made', () => {
    const { home, stateDir } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    // Anthropic: a bundled plugin, so nothing else is asked for (OpenAI's models want the Codex plugin too).
    const key = fakeSecrets.anthropicApiKey('packed');
    const run = runInstalled(['--no-reload', 'add-key', '--provider', 'anthropic'], home, key);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const store = readCell(
      join(stateDir, 'state', 'openclaw.sqlite'),
      `select value_json from config_machine_state where state_key = 'authProfiles.store'`,
    ) as { profiles: Record<string, unknown> };
    expect(store.profiles['anthropic:default']).toEqual({ type: 'api_key', provider: 'anthropic', key });
  });

  it('captures a setup-token through the prebuilt PTY', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const session = TerminalSession.launch(['setup-token'], {
      home,
      program: authdeck,
      // The fake claude is a shell script that needs the basic tools; authdeck itself is the installed one.
      env: { PATH: `${FAKE_CLAUDE_DIR}:${onlyNodePath}:/usr/bin:/bin` },
    });
    try {
      await session.waitFor('Paste the code the page shows');
      await session.type('FAKECODE-e2e-0001#FAKESTATE-e2e');
      await session.press('enter');
      await session.waitFor('Saved anthropic:default');
      await session.press('enter');
      expect(await session.waitForExit()).toBe(0);
    } finally {
      session.kill();
    }
    const store = JSON.parse(readFileSync(join(mainAgentDir, 'auth-profiles.json'), 'utf8'));
    expect(store.profiles['anthropic:default'].token).toBe(TOKEN);
  });
});
