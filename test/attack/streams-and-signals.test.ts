import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeAuthServer } from '../helpers/fake-oauth-server.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture, readCell } from '../helpers/openclaw-fixtures.js';
import { CLI_PATH } from '../helpers/run-cli.js';
import { makeTempHome, writeJsonFile } from '../helpers/temp-state.js';

const servers: Server[] = [];
afterEach(() => {
  while (servers.length > 0) servers.pop()!.close();
});

function shell(line: string, home: string, input = '') {
  return spawnSync('bash', ['-c', line], {
    input,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      NO_COLOR: '1',
      AUTHDECK_STORE_GENERATION: 'json',
      AUTHDECK: `${process.execPath} ${CLI_PATH}`,
    },
  });
}

function homeWithProfiles() {
  const temp = makeTempHome();
  const profiles: Record<string, unknown> = {};
  for (let i = 0; i < 200; i++)
    profiles[`openai:p${i}`] = { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey(`${i}`) };
  writeJsonFile(join(temp.mainAgentDir, 'auth-profiles.json'), { version: 1, profiles });
  return temp;
}

describe('output that cannot be written ends quietly', () => {
  it('a closed pipe, a full disk, a closed stdout: no stack trace, the exit code is the command’s', () => {
    const { home } = homeWithProfiles();
    const doctorCode = shell('$AUTHDECK doctor > /dev/null', home).status;
    for (const [line, code] of [
      ['set -o pipefail; $AUTHDECK status | head -c1 >/dev/null', 0],
      ['$AUTHDECK status > /dev/full', 0],
      ['$AUTHDECK status >&-', 0],
      ['set -o pipefail; $AUTHDECK doctor | head -n1 > /dev/null', doctorCode],
    ] as const) {
      const run = shell(line, home);
      expect(run.stderr, line).not.toMatch(/\n\s+at |Error: (write|EPIPE)|ERR_STREAM/);
      expect(run.status, line).toBe(code);
    }
  });

  it('a save whose report cannot be written still exits 0, and is saved', () => {
    const { home, mainAgentDir } = makeTempHome();
    const run = shell('$AUTHDECK add-key --provider groq > /dev/full', home, fakeSecrets.groqKey());
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.status).toBe(0);
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(true);
  });
});

describe('Ctrl+C', () => {
  function start(args: string[], home: string, input: string, env: Record<string, string> = {}) {
    const child = spawn(process.execPath, [CLI_PATH, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: home, NO_COLOR: '1', AUTHDECK_STORE_GENERATION: 'json', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdin.end(input);
    // Killed by the signal itself (its handler not yet set up) is not authdeck answering it.
    const exited = new Promise<number | string | null>((done) =>
      child.on('close', (code, signal) => done(code ?? signal)),
    );
    return { child, exited, output: () => ({ stdout, stderr }) };
  }

  it('before anything is written (waiting for a lock): stops at once with 130, nothing written', async () => {
    const { home, mainAgentDir, configPath } = makeTempHome();
    // A live process (this one) holds the store's lock.
    writeJsonFile(join(mainAgentDir, 'keep.json'), {});
    writeFileSync(
      join(mainAgentDir, 'auth-profiles.json.lock'),
      JSON.stringify({ pid: process.pid, createdAt: new Date().toISOString() }),
    );
    const run = start(['add-key', '--provider', 'groq'], home, fakeSecrets.groqKey());
    // Waiting for the lock: its waiter's mark is beside it.
    while (!readdirSync(mainAgentDir).some((name) => name.startsWith('auth-profiles.json.lock.wait-')))
      await new Promise((done) => setTimeout(done, 20));
    const sent = Date.now();
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(Date.now() - sent).toBeLessThan(2_000);
    expect(existsSync(configPath)).toBe(false);
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(false);
  });

  it('during a refresh the provider has not answered: says it waits, and a second Ctrl+C leaves at once, lock removed', async () => {
    const server = await startFakeAuthServer();
    const { home, mainAgentDir, stateDir } = makeTempHome();
    const tokens = (await (
      await fetch(`${server.origin}/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'authorization_code', code: 'device-code-1' }),
      })
    ).json()) as { access_token: string; refresh_token: string };
    const id = 'openai-codex:me@example.com';
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: {
        [id]: {
          type: 'oauth',
          provider: 'openai-codex',
          access: tokens.access_token,
          refresh: tokens.refresh_token,
          expires: Date.now() + 10 * 60_000,
          accountId: 'acct-123',
        },
      },
    });
    // The provider takes the request and answers only after the test is over.
    server.refreshDelayMs = 60_000;
    const run = start(['--no-reload', 'refresh', '--force', id], home, '', server.env);
    while (server.refreshCalls === 0) await new Promise((done) => setTimeout(done, 20));
    run.child.kill('SIGINT');
    // It said nothing for 30 s and held the refresh lock: now it says why it waits, and how not to.
    while (!run.output().stderr.includes('Ctrl+C again leaves now')) await new Promise((done) => setTimeout(done, 20));
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    const locks = join(stateDir, 'locks', 'oauth-refresh');
    expect(existsSync(locks) ? readdirSync(locks).filter((name) => name.endsWith('.lock')) : []).toEqual([]);
  });

  it('after the save (while the gateway is asked to reload): the save is reported and exits 0', async () => {
    const { home, stateDir } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    // A "gateway" that takes the connection and never answers: the reload waits.
    const server = createServer(() => {});
    servers.push(server);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as { port: number }).port;
    const run = start(['add-key', '--provider', 'groq'], home, fakeSecrets.groqKey(), {
      OPENCLAW_GATEWAY_URL: `ws://127.0.0.1:${port}`,
      OPENCLAW_GATEWAY_TOKEN: 'test-token',
    });
    const stateDb = join(stateDir, 'state', 'openclaw.sqlite');
    const stored = () =>
      (
        readCell(stateDb, `select value_json from config_machine_state where state_key = 'authProfiles.store'`) as {
          profiles: Record<string, unknown>;
        }
      ).profiles['groq:default'];
    const deadline = Date.now() + 10_000;
    while (!stored() && Date.now() < deadline) await new Promise((done) => setTimeout(done, 20));
    expect(stored()).toBeDefined();
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output().stdout).toContain('Saved groq:default');
  });
});

/** A store of `count` Anthropic keys: a long `order set` line, or megabytes of `status --json`. */
function homeWithAnthropicKeys(count: number) {
  const temp = makeTempHome();
  const profiles: Record<string, unknown> = {};
  for (let i = 0; i < count; i++)
    profiles[`anthropic:p${i}`] = { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey(`${i}`) };
  writeJsonFile(join(temp.mainAgentDir, 'auth-profiles.json'), { version: 1, profiles });
  return temp;
}

// A pipe read by a slow reader, written by authdeck's stdout and stderr both (`2>&1`), made
// non-blocking the way another program may leave it (python sets O_NONBLOCK on it); or a pipe
// nobody reads, and Ctrl+C. Prints the merged output, then the exit status, as JSON.
const SLOW_READER = `
import fcntl, json, os, signal, subprocess, sys, time
argv, mode = json.loads(sys.argv[1]), sys.argv[2]
r, w = os.pipe()
if mode == 'nonblocking':
    fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)
child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=w, stderr=w)
os.close(w)
out = b''
if mode == 'nonblocking':
    time.sleep(0.5)
    while True:
        chunk = os.read(r, 65536)
        if not chunk:
            break
        out += chunk
    code = child.wait()
else:
    time.sleep(1.5)
    child.send_signal(signal.SIGINT)
    try:
        code = child.wait(timeout=5)
    except subprocess.TimeoutExpired:
        code = 'still running'
        child.kill()
print(json.dumps({'code': code, 'out': out.decode('utf8', 'replace')}))
`;

function slowReader(args: string[], home: string, mode: 'nonblocking' | 'interrupt') {
  const run = spawnSync('python3', ['-c', SLOW_READER, JSON.stringify([process.execPath, CLI_PATH, ...args]), mode], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: home, NO_COLOR: '1', AUTHDECK_STORE_GENERATION: 'json' },
  });
  return JSON.parse(run.stdout) as { code: number | string; out: string };
}

describe('stdout and stderr into a pipe that waits for its reader', () => {
  it('2>&1 into a non-blocking pipe read late: all of stdout, then the note, none inside the other', () => {
    const { home } = homeWithAnthropicKeys(5000);
    const ids = Array.from({ length: 4500 }, (_, i) => `anthropic:p${i}`);
    const args = ['--no-reload', 'order', 'set', '--provider', 'anthropic', ...ids];
    const alone = shell(`$AUTHDECK ${args.join(' ')}`, home);
    expect(alone.status).toBe(0);
    expect(alone.stdout.length).toBeGreaterThan(65_536);
    expect(alone.stderr).toContain('note:');
    const merged = slowReader(args, home, 'nonblocking');
    expect(merged.code).toBe(0);
    expect(merged.out).toBe(alone.stdout + alone.stderr);
  });

  it('Ctrl+C while a pipe nobody reads holds megabytes of --json: exit 130 at once, as before', () => {
    const { home } = homeWithAnthropicKeys(5000);
    const result = slowReader(['status', '--json'], home, 'interrupt');
    expect(result.code).toBe(130);
  });
});
