// The lock loses nothing: 100 and 500 writers at once against every file authdeck locks, each
// writing something of its own, while a process takes the lock the way writers do and is
// SIGKILLed holding it, a few times over (every queued writer then finds it stale at once).
// Counts writers, saves reported (exit 0), found on disk, lost (reported but not there): 0 lost.
// LOCK_PROOF_SIZES=100 runs one size. Writers of the preferences and the OAuth refresh lock go
// through the services with test/helpers/lock-driver.ts, bundled here with esbuild.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'bin', 'authdeck.js');
const sizes = (process.env.LOCK_PROOF_SIZES ?? '100,500').split(',').map(Number);
const scratch = mkdtempSync(join(tmpdir(), 'authdeck-lock-proof-'));
const driver = join(scratch, 'lock-driver.mjs');
await build({
  entryPoints: [join(root, 'test', 'helpers', 'lock-driver.ts')],
  outfile: driver,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
});

/** One process; its exit code and stdout. Never throws: a failure is counted, the run goes on. */
function run(args, env, input) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      env: { PATH: process.env.PATH, NO_COLOR: '1', AUTHDECK_LOCK_TIMEOUT_MS: '600000', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => resolve({ code: -1, stdout, stderr: String(error) }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Takes `lock` for a process that is then killed, `waves` times, while `burst` runs. */
async function crashingHolders(lock, burst, waves = 5) {
  let done = false;
  let killed = 0;
  const running = burst().finally(() => (done = true));
  mkdirSync(dirname(lock), { recursive: true });
  for (let wave = 0; wave < waves && !done; wave++) {
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 60_000)'], { stdio: 'ignore' });
    await new Promise((spawned) => holder.once('spawn', spawned));
    const body = JSON.stringify({ pid: holder.pid, createdAt: new Date().toISOString() });
    let held = false;
    while (!done && !held) {
      try {
        writeFileSync(lock, body, { flag: 'wx' });
        held = true;
      } catch {
        await sleep(2);
      }
    }
    await sleep(wave === 0 ? 1_500 : 300);
    holder.kill('SIGKILL');
    await new Promise((exited) => holder.once('exit', exited));
    if (held) killed++;
    await sleep(700);
  }
  return { results: await running, killed };
}

/** A JSON-era home (no store yet: the first add-key creates it). */
function jsonHome() {
  const home = mkdtempSync(join(scratch, 'home-'));
  const agentDir = join(home, '.openclaw', 'agents', 'main', 'agent');
  mkdirSync(agentDir, { recursive: true });
  // An existing JSON store says which OpenClaw this is (else a first write asks).
  writeFileSync(join(agentDir, 'auth-profiles.json'), '{"version":1,"profiles":{}}\n', { mode: 0o600 });
  return home;
}

/** An OpenClaw 2026.9 home (SQLite store, made by OpenClaw itself): the config's lock is the contended one. */
function sqliteHome() {
  const home = mkdtempSync(join(scratch, 'home-'));
  const source = join(root, 'test', 'fixtures', 'openclaw-sqlite', 'a-v9-shared-fresh');
  const copy = (relative) => {
    for (const entry of readdirSync(join(source, relative))) {
      const from = join(source, relative, entry);
      const to = join(home, '.openclaw', relative, entry);
      if (statSync(from).isDirectory()) {
        mkdirSync(to, { recursive: true, mode: 0o700 });
        copy(join(relative, entry));
      } else if (entry.endsWith('.sqlite.gz'))
        writeFileSync(to.slice(0, -3), gunzipSync(readFileSync(from)), { mode: 0o600 });
      else if (entry !== 'manifest.json') writeFileSync(to, readFileSync(from), { mode: 0o600 });
    }
  };
  mkdirSync(join(home, '.openclaw'), { recursive: true, mode: 0o700 });
  copy('');
  return home;
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const addKey = (home, i) =>
  run(
    [cli, '--no-reload', 'add-key', '--provider', 'custom', '--custom', '--profile-id', `w${i}`],
    { HOME: home },
    `secret-${i}`,
  );

const targets = [
  {
    name: 'store (add-key)',
    home: jsonHome,
    lock: (home) => join(home, '.openclaw', 'agents', 'main', 'agent', 'auth-profiles.json.lock'),
    write: addKey,
    found(home) {
      const { profiles } = readJson(join(home, '.openclaw', 'agents', 'main', 'agent', 'auth-profiles.json'));
      return (i) => profiles[`custom:w${i}`]?.key === `secret-${i}`;
    },
  },
  {
    name: 'config (add-key, SQLite era)',
    home: sqliteHome,
    lock: (home) => join(home, '.openclaw', 'openclaw.json.lock'),
    write: addKey,
    found(home) {
      const { profiles } = readJson(join(home, '.openclaw', 'openclaw.json')).auth;
      const db = new DatabaseSync(join(home, '.openclaw', 'state', 'openclaw.sqlite'), { readOnly: true });
      const row = db
        .prepare(`select value_json from config_machine_state where state_key = 'authProfiles.store'`)
        .get();
      db.close();
      const stored = JSON.parse(row.value_json).profiles;
      return (i) => Boolean(profiles[`custom:w${i}`]) && stored[`custom:w${i}`]?.key === `secret-${i}`;
    },
  },
  {
    name: '.env (env set)',
    home: jsonHome,
    lock: (home) => join(home, '.openclaw', '.env.lock'),
    write: (home, i) => run([cli, 'env', 'set', `PROOF_${i}`], { HOME: home }, `value-${i}\n`),
    found(home) {
      const text = readFileSync(join(home, '.openclaw', '.env'), 'utf8');
      const lines = new Set(text.split('\n'));
      return (i) => lines.has(`PROOF_${i}=value-${i}`);
    },
  },
  {
    name: 'preferences (driver)',
    home: jsonHome,
    lock: (home) => join(home, '.config', 'authdeck', 'config.json.lock'),
    write: (home, i) =>
      run([driver, 'prefs', `proof${i}`], { HOME: home, AUTHDECK_CONFIG_DIR: join(home, '.config', 'authdeck') }),
    found(home) {
      const stored = readJson(join(home, '.config', 'authdeck', 'config.json'));
      return (i) => stored[`proof${i}`] === 'set';
    },
  },
  {
    name: 'OAuth refresh lock (driver, counter)',
    home() {
      const home = jsonHome();
      writeFileSync(join(home, 'counter'), '0\n');
      return home;
    },
    lock: (home) => join(home, '.openclaw', 'locks', 'oauth-refresh', 'lock-proof.lock'),
    write: (home) =>
      run(
        [
          driver,
          'refresh',
          join(home, '.openclaw', 'locks', 'oauth-refresh', 'lock-proof.lock'),
          join(home, 'counter'),
        ],
        {
          HOME: home,
        },
      ),
    // Each increment is anonymous: the count on disk is what was found.
    count: (home) => Number(readFileSync(join(home, 'counter'), 'utf8').trim()),
  },
];

const rows = [];
console.log('target                                 writers  reported  on disk  lost  failed  holders killed  wall');
for (const size of sizes) {
  for (const target of targets) {
    const home = target.home();
    const started = performance.now();
    const { results, killed } = await crashingHolders(target.lock(home), () =>
      Promise.all(Array.from({ length: size }, (_, i) => target.write(home, i))),
    );
    const wall = (performance.now() - started) / 1000;
    const reported = results.filter((result) => result.code === 0);
    let onDisk;
    let lost;
    if (target.count) {
      onDisk = target.count(home);
      lost = Math.max(0, reported.length - onDisk);
    } else {
      const isThere = target.found(home);
      onDisk = results.filter((_, i) => isThere(i)).length;
      lost = results.filter((result, i) => result.code === 0 && !isThere(i)).length;
    }
    const failed = results.length - reported.length;
    console.log(
      `${target.name.padEnd(38)} ${String(size).padStart(7)}  ${String(reported.length).padStart(8)}  ${String(onDisk).padStart(7)}  ${String(lost).padStart(4)}  ${String(failed).padStart(6)}  ${String(killed).padStart(14)}  ${wall.toFixed(1)} s`,
    );
    for (const result of results.filter((r) => r.code !== 0).slice(0, 3))
      console.log(`  failed: ${result.stderr.trim()}`);
    // The table above is the printout; this row goes to bench/RESULTS.md.
    rows.push({
      name: `${target.name}: ${size} at once, wall time`,
      value: wall,
      unit: 's',
      goal: '0 lost, 0 failed',
      met: lost === 0 && failed === 0,
      detail: `${reported.length} reported, ${onDisk} on disk, ${lost} lost, ${failed} failed, ${killed} holders killed`,
    });
    rmSync(home, { recursive: true, force: true });
  }
}
rmSync(scratch, { recursive: true, force: true });
export const results = rows;
