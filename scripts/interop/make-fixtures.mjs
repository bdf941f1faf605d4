#!/usr/bin/env node
// Builds OpenClaw auth-store fixtures with OpenClaw's own CLI on throw-away homes, then copies the
// resulting stores into OUTDIR, one folder per scenario laid out like an OpenClaw state dir:
//   OUTDIR/<scenario>/openclaw.json
//   OUTDIR/<scenario>/state/openclaw.sqlite
//   OUTDIR/<scenario>/agents/main/agent/openclaw-agent.sqlite   (when the scenario has one)
//   OUTDIR/<scenario>/agents/main/agent/auth-profiles.json        (JSON-era scenario)
//   OUTDIR/<scenario>/manifest.json                                (versions, rows, expectations)
// plus OUTDIR/README.md.
//
// Usage (Node 20 is fine; OpenClaw and the SQLite copy step run under the cached Node 24):
//   node make-fixtures.mjs OUTDIR [--only a,b,...] [--keep] [--no-verify] [--readme-only]
//
// How the copies are made: the source DB is opened read-only with node:sqlite (Node 24, SQLite
// 3.53) after the OpenClaw CLI process has exited, and copied with the online backup API
// (page-for-page, so user_version/journal_mode/auto_vacuum are kept). The source's main file is
// hashed before and after to prove it was not modified. In the COPY: PRAGMA secure_delete=ON,
// a scan for secret-scanner-shaped values (rewritten to a masked placeholder if any are found),
// PRAGMA wal_checkpoint(TRUNCATE), integrity_check, close. Each fixture is one self-contained
// .sqlite file (header still says WAL, like OpenClaw's; no -wal/-shm beside it).
//
// Secrets: deterministic fakes derived from the scenario name, e.g.
//   sk-ant-oat01-FAKE.a.manual.<alnum...>   (108 chars; the '.' keeps secret scanners quiet:
//   they look for sk-ant-(api03|oat01|admin01)-[A-Za-z0-9_-]{80})
// OpenClaw accepts these: its setup-token check is only "prefix sk-ant-oat01- and length >= 80".

import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const HERE = path.dirname(SELF);
const SCANNER_RE = /sk-ant-(api03|oat01|admin01)-[A-Za-z0-9_-]{80}/;
const SCANNER_RE_G = /sk-ant-(api03|oat01|admin01)-[A-Za-z0-9_-]{80,}/g;
const PEM_PRIVATE_MARK = ['PRIVATE', 'KEY-----'].join(' '); // built at run time so this file never contains it

// ---------------------------------------------------------------------------------------------
// Worker mode: runs under Node 24 (node:sqlite). Invoked as: node24 make-fixtures.mjs --sqlite-worker OP JSON
// ---------------------------------------------------------------------------------------------
if (process.argv[2] === '--sqlite-worker') {
  const { DatabaseSync, backup } = await import('node:sqlite');
  const op = process.argv[3];
  const a = JSON.parse(process.argv[4]);
  const sha = (f) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
  const one = (db, sql) => {
    const row = db.prepare(sql).get();
    return row ? Object.values(row)[0] : null;
  };
  const parse = (s) => {
    try {
      return JSON.parse(s);
    } catch {
      return s;
    }
  };
  // Auth tables across generations: agent DB auth_profile_store/auth_profile_state (store_key|state_key),
  // old state DB (schema <= 12) auth_profile_stores/auth_profile_state (store_key). Columns are discovered.
  const AUTH_TABLES = ['auth_profile_store', 'auth_profile_state', 'auth_profile_stores'];
  const authCols = (db, t) => {
    const cols = db.prepare(`PRAGMA table_info(${t})`).all();
    return {
      key: cols.find((c) => c.pk)?.name ?? cols[0].name,
      json: cols.find((c) => c.name.endsWith('_json'))?.name,
      ts: cols.find((c) => c.name.startsWith('updated_at'))?.name ?? 'updated_at',
    };
  };
  const describe = (db) => {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
      .all()
      .map((r) => r.name);
    const d = {
      sqliteVersion: one(db, 'select sqlite_version()'),
      user_version: one(db, 'PRAGMA user_version'),
      journal_mode: one(db, 'PRAGMA journal_mode'),
      application_id: one(db, 'PRAGMA application_id'),
      auto_vacuum: one(db, 'PRAGMA auto_vacuum'),
      page_size: one(db, 'PRAGMA page_size'),
      page_count: one(db, 'PRAGMA page_count'),
      freelist_count: one(db, 'PRAGMA freelist_count'),
      tableCount: tables.length,
      schema_meta: tables.includes('schema_meta')
        ? db.prepare('SELECT * FROM schema_meta ORDER BY meta_key').all()
        : null,
      auth: {},
    };
    if (tables.includes('config_machine_state')) {
      d.config_machine_state_keys = db
        .prepare('SELECT state_key FROM config_machine_state ORDER BY state_key')
        .all()
        .map((r) => r.state_key);
      for (const r of db
        .prepare(
          "SELECT state_key, value_json, updated_at_ms FROM config_machine_state WHERE state_key IN ('auth.sharedStore','authProfiles.store','authProfiles.state','state.schema.contentVersion') ORDER BY state_key",
        )
        .all()) {
        d.auth[`config_machine_state/${r.state_key}`] = { value: parse(r.value_json), updated_at_ms: r.updated_at_ms };
      }
    }
    for (const t of AUTH_TABLES) {
      if (!tables.includes(t)) continue;
      const { key, json, ts } = authCols(db, t);
      for (const r of db.prepare(`SELECT * FROM ${t}`).all())
        d.auth[`${t}/${r[key]}`] = { value: parse(r[json]), [ts]: r[ts] };
    }
    if (tables.includes('agent_databases'))
      d.agent_databases = db.prepare('SELECT agent_id, path, schema_version FROM agent_databases').all();
    if (tables.includes('migration_sources'))
      d.migration_sources = db.prepare('SELECT migration_kind, status, target_table FROM migration_sources').all();
    return d;
  };
  const out = {};
  if (op === 'inspect') {
    const db = new DatabaseSync(a.file, { readOnly: true });
    db.exec('PRAGMA busy_timeout=5000');
    Object.assign(out, describe(db));
    db.close();
  } else if (op === 'copy') {
    const before = sha(a.src);
    const src = new DatabaseSync(a.src, { readOnly: true });
    src.exec('PRAGMA busy_timeout=5000');
    fs.rmSync(a.dst, { force: true });
    out.pagesCopied = await backup(src, a.dst);
    src.close();
    out.sourceUnchanged = sha(a.src) === before;
    const db = new DatabaseSync(a.dst);
    db.exec('PRAGMA busy_timeout=5000; PRAGMA secure_delete=ON;');
    // Rewrite any scanner-shaped value inside the auth cells of the COPY (fallback; normally none).
    out.rewritten = [];
    const mask = (s) =>
      s.replace(SCANNER_RE_G, (m) => {
        const prefix = m.slice(0, 13); // sk-ant-xxxxx-
        const body = `FAKE.masked.${'x'.repeat(Math.max(0, m.length - 13 - 12))}`;
        out.rewritten.push({ from: `${prefix}…(${m.length} chars)`, to: `${prefix}FAKE.masked.x…(${m.length} chars)` });
        return prefix + body;
      });
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type='table'")
      .all()
      .map((r) => r.name);
    db.exec('BEGIN IMMEDIATE');
    if (tables.includes('config_machine_state')) {
      for (const r of db.prepare('SELECT state_key, value_json FROM config_machine_state').all()) {
        const nv = mask(r.value_json);
        if (nv !== r.value_json)
          db.prepare('UPDATE config_machine_state SET value_json=? WHERE state_key=?').run(nv, r.state_key);
      }
    }
    for (const t of AUTH_TABLES) {
      if (!tables.includes(t)) continue;
      const { key, json } = authCols(db, t);
      for (const r of db.prepare(`SELECT ${key} AS k, ${json} AS v FROM ${t}`).all()) {
        const nv = mask(r.v);
        if (nv !== r.v) db.prepare(`UPDATE ${t} SET ${json}=? WHERE ${key}=?`).run(nv, r.k);
      }
    }
    // Not auth, but secret scanners flag PEM private keys: OpenClaw >= 2026.9 imports the (throw-away) device
    // identity of an upgraded home into state DB table device_identities. Blank any such value in the copy.
    for (const { name: t, sql } of db.prepare("SELECT name, sql FROM sqlite_master WHERE type='table'").all()) {
      if (/^CREATE VIRTUAL/i.test(sql ?? '') || t.startsWith('sqlite_')) continue;
      for (const c of db.prepare(`PRAGMA table_info("${t}")`).all()) {
        if (!/TEXT/i.test(c.type)) continue;
        const n = db
          .prepare(`UPDATE "${t}" SET "${c.name}" = ? WHERE "${c.name}" LIKE ?`)
          .run('(throw-away device private key removed by make-fixtures.mjs)', `%${PEM_PRIVATE_MARK}%`).changes;
        if (n)
          out.rewritten.push({
            table: t,
            column: c.name,
            rows: Number(n),
            to: '(throw-away device private key removed by make-fixtures.mjs)',
          });
      }
    }
    db.exec('COMMIT');
    out.checkpoint = { ...db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get() };
    out.integrity = one(db, 'PRAGMA integrity_check');
    Object.assign(out, describe(db));
    db.close();
    for (const sfx of ['-wal', '-shm'])
      if (fs.existsSync(a.dst + sfx)) out[`leftover${sfx}`] = fs.statSync(a.dst + sfx).size;
  } else {
    throw new Error(`unknown worker op ${op}`);
  }
  process.stdout.write(JSON.stringify(out, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Orchestrator (Node 20+)
// ---------------------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const OUTDIR = argv.find((x) => !x.startsWith('--') && argv[argv.indexOf(x) - 1] !== '--only');
if (!OUTDIR) {
  process.stderr.write('usage: node make-fixtures.mjs OUTDIR [--only a,b] [--keep] [--no-verify]\n');
  process.exit(64);
}
const ONLY = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : null;
const KEEP = argv.includes('--keep');
const VERIFY = !argv.includes('--no-verify');
const README_ONLY = argv.includes('--readme-only'); // only rebuild index.json + README.md from the manifests

const installer = spawnSync(process.execPath, [path.join(HERE, 'install-openclaw.mjs'), '--quiet'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
if (installer.status !== 0) throw new Error('install-openclaw.mjs failed');
const INST = JSON.parse(installer.stdout);
const NODE24 = INST.node;

const log = (m) => process.stderr.write(`[make-fixtures] ${m}\n`);

function fakeSecret(kind, tag) {
  // alnum stream derived from the tag: varied characters, deterministic across runs
  let stream = '';
  for (let i = 0; stream.length < 200; i++)
    stream += crypto
      .createHash('sha256')
      .update(`${kind}:${tag}:${i}`)
      .digest('base64')
      .replace(/[^A-Za-z0-9]/g, '');
  if (kind === 'oat') {
    const head = `sk-ant-oat01-FAKE.${tag}.`;
    return head + stream.slice(0, 108 - head.length);
  }
  if (kind === 'api') {
    const head = `sk-ant-api03-FAKE.${tag}.`;
    return `${head + stream.slice(0, 106 - head.length)}AA`;
  }
  if (kind === 'openai') {
    // OpenClaw's paste-api-key for openai requires ^sk-[A-Za-z0-9_-]{8,}$ (no '.')
    return `sk-FAKE-openai-${tag.replace(/[^A-Za-z0-9_-]/g, '-')}-${stream.slice(0, 40)}`;
  }
  throw new Error(kind);
}

function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => res(p));
    });
    s.on('error', rej);
  });
}

const QUIET_ENV = {
  OPENCLAW_NO_AUTO_UPDATE: '1',
  OPENCLAW_NO_RESPAWN: '1',
  OPENCLAW_HIDE_BANNER: '1',
  DO_NOT_TRACK: '1',
  NO_COLOR: '1',
  OPENCLAW_DISABLE_BONJOUR: '1',
  OPENCLAW_OFFLINE: '1',
};

const PTY_DRIVER = String.raw`
import os, pty, sys, select, time, struct, fcntl, termios
secret = os.environ.pop('PTY_SECRET', '')
trigger = os.environ.pop('PTY_TRIGGER', 'Paste').encode()
argv = sys.argv[1:]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 50, 220, 0, 0))
    os.execvp(argv[0], argv)
buf = b''; sent = False; deadline = time.time() + 180
while True:
    r, _, _ = select.select([fd], [], [], 0.2)
    if fd in r:
        try: data = os.read(fd, 65536)
        except OSError: break
        if not data: break
        buf += data
    if not sent and trigger in buf:
        time.sleep(0.3); os.write(fd, secret.encode()); time.sleep(0.3); os.write(fd, b'\r'); sent = True
    if time.time() > deadline:
        os.kill(pid, 9); break
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
`;

const HOMES = new Set();
process.on('exit', () => {
  if (!KEEP) for (const h of HOMES) fs.rmSync(h, { recursive: true, force: true });
});
class Home {
  constructor(name, port) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `authdeck-fixture-${name}-`));
    fs.chmodSync(this.dir, 0o700);
    HOMES.add(this.dir);
    this.state = path.join(this.dir, '.openclaw');
    this.port = port;
    this.commands = [];
  }
  env(extra = {}) {
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (k.startsWith('OPENCLAW_') || k.startsWith('npm_')) delete env[k];
    for (const k of ['ANTHROPIC_API_KEY', 'ANTHROPIC_OAUTH_TOKEN', 'OPENAI_API_KEY']) delete env[k];
    return {
      ...env,
      ...QUIET_ENV,
      HOME: this.dir,
      OPENCLAW_GATEWAY_PORT: String(this.port),
      PATH: `${path.dirname(NODE24)}:${env.PATH}`,
      ...extra,
    };
  }
  // Runs `openclaw <args>` with the given version; secret (if any) goes to stdin or a PTY.
  run(version, args, { secret, pty = false, redactAs, env, allowFail = false } = {}) {
    const entry = INST.openclaw[version];
    const t0 = Date.now();
    const r = pty
      ? spawnSync('python3', ['-c', PTY_DRIVER, NODE24, entry, ...args], {
          env: { ...this.env(env), PTY_SECRET: secret, PTY_TRIGGER: 'Paste' },
          encoding: 'utf8',
          timeout: 240_000,
        })
      : spawnSync(NODE24, [entry, ...args], {
          env: this.env(env),
          input: secret ? `${secret}\n` : '',
          encoding: 'utf8',
          timeout: 240_000,
        });
    const ms = Date.now() - t0;
    const shown = `openclaw@${version} ${args.join(' ')}${secret ? (pty ? `  # secret ${redactAs} typed into a PTY` : `  # secret ${redactAs} on stdin`) : ''}`;
    this.commands.push({
      command: shown,
      rc: r.status,
      ms,
      ...(allowFail && r.status !== 0 ? { note: 'non-zero exit expected (see layout)' } : {}),
    });
    log(`${shown} -> rc=${r.status} ${ms}ms`);
    if (r.status !== 0 && !allowFail) {
      const scrub = (s) =>
        secret
          ? String(s ?? '')
              .split(secret)
              .join(`<${redactAs}>`)
          : String(s ?? '');
      throw new Error(
        `command failed (${r.status}): ${shown}\n${scrub(r.stdout).slice(-2000)}\n${scrub(r.stderr).slice(-2000)}`,
      );
    }
    return r;
  }
  cleanup() {
    if (KEEP) log(`kept ${this.dir}`);
    else {
      fs.rmSync(this.dir, { recursive: true, force: true });
      HOMES.delete(this.dir);
    }
  }
}

function worker(op, args) {
  const r = spawnSync(NODE24, ['--no-warnings', SELF, '--sqlite-worker', op, JSON.stringify(args)], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`sqlite worker ${op} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function scanFileForScannerShapes(file) {
  const text = fs.readFileSync(file).toString('latin1');
  return SCANNER_RE.test(text) || text.includes(PEM_PRIVATE_MARK);
}

/** With 2026.9.6: a token, a second one (365 d) as anthropic:work, and an order putting work first. */
function twoTokensWithOrder(h, tag) {
  const t1 = fakeSecret('oat', `${tag}.manual`);
  const t2 = fakeSecret('oat', `${tag}.work`);
  h.run(V9, ['models', 'auth', 'paste-token', '--provider', 'anthropic'], {
    secret: t1,
    redactAs: `token ${tag}.manual`,
  });
  h.run(
    V9,
    [
      'models',
      'auth',
      'paste-token',
      '--provider',
      'anthropic',
      '--profile-id',
      'anthropic:work',
      '--expires-in',
      '365d',
    ],
    { secret: t2, redactAs: `token ${tag}.work` },
  );
  h.run(V9, ['models', 'auth', 'order', 'set', '--provider', 'anthropic', 'anthropic:work', 'anthropic:manual']);
  return {
    profiles: {
      'anthropic:manual': { type: 'token', provider: 'anthropic', token: t1 },
      'anthropic:work': { type: 'token', provider: 'anthropic', token: t2, expires: 'now+365d at creation' },
    },
    order: { anthropic: ['anthropic:work', 'anthropic:manual'] },
    verifyIds: ['anthropic:manual', 'anthropic:work'],
  };
}

// Copies the state dir's stores of `home` into OUTDIR/<name>.
function collect(home, name, { expect }) {
  const dest = path.join(OUTDIR, name);
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  const files = {};
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(home.state, p);
      if (e.isDirectory()) {
        if (['workspace', 'logs', 'identity', 'sessions', 'tmp', 'npm'].includes(e.name)) continue;
        walk(p);
        continue;
      }
      const out = path.join(dest, rel);
      if (e.name.endsWith('.sqlite')) {
        fs.mkdirSync(path.dirname(out), { recursive: true });
        const info = worker('copy', { src: p, dst: out });
        if (!info.sourceUnchanged) throw new Error(`source DB changed while copying: ${p}`);
        if (info.integrity !== 'ok') throw new Error(`integrity_check failed for copy of ${p}: ${info.integrity}`);
        if (info['leftover-wal'] !== undefined || info['leftover-shm'] !== undefined)
          throw new Error(`copy of ${p} left sidecars`);
        files[rel] = info;
      } else if (e.name === 'openclaw.json' || /^auth(-profiles|-state)?\.json$/.test(e.name)) {
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.copyFileSync(p, out);
        files[rel] = { copied: true, bytes: fs.statSync(out).size };
      }
    }
  };
  walk(home.state);
  for (const rel of Object.keys(files)) {
    if (scanFileForScannerShapes(path.join(dest, rel))) throw new Error(`scanner-shaped secret left in ${name}/${rel}`);
  }
  return { dest, files, expect };
}

// Verifies a fixture by letting OpenClaw read a throw-away copy of it.
function verify(version, fixture, expectedIds) {
  if (!VERIFY) return null;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'authdeck-fixture-verify-'));
  fs.cpSync(fixture.dest, path.join(tmp, '.openclaw'), { recursive: true });
  fs.rmSync(path.join(tmp, '.openclaw', 'manifest.json'), { force: true });
  const env = {
    ...process.env,
    ...QUIET_ENV,
    HOME: tmp,
    OPENCLAW_GATEWAY_PORT: '9',
    PATH: `${path.dirname(NODE24)}:${process.env.PATH}`,
  };
  for (const k of Object.keys(env)) if (k.startsWith('OPENCLAW_STATE') || k.startsWith('OPENCLAW_AGENT')) delete env[k];
  const r = spawnSync(NODE24, [INST.openclaw[version], 'models', 'auth', 'list', '--json'], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  fs.rmSync(tmp, { recursive: true, force: true });
  let ids = null;
  try {
    ids = JSON.parse(r.stdout)
      .profiles.map((p) => p.id)
      .sort();
  } catch {}
  const ok = r.status === 0 && JSON.stringify(ids) === JSON.stringify([...expectedIds].sort());
  log(
    `verify ${path.basename(fixture.dest)} with openclaw@${version} models auth list --json -> rc=${r.status} ids=${JSON.stringify(ids)} ${ok ? 'OK' : 'MISMATCH'}`,
  );
  return { version, command: 'openclaw models auth list --json (on a temp copy)', rc: r.status, ids, ok };
}

const V9 = '2026.9.6';
const V7 = Object.keys(INST.openclaw).find((v) => v.startsWith('2026.7.'));
const V5 = '2026.5.20';

const SCENARIOS = {
  // (a) 2026.9.6 fresh home after one paste-token: shared store in the state DB with the marker.
  async 'a-v9-shared-fresh'(name) {
    const h = new Home(name, await freePort());
    const t = fakeSecret('oat', 'a.manual');
    h.run(V9, ['models', 'auth', 'paste-token', '--provider', 'anthropic'], { secret: t, redactAs: 'token a.manual' });
    const fx = collect(h, name, {});
    h.cleanup();
    return {
      fx,
      version: V9,
      commands: h.commands,
      layout: 'state-db (auth.sharedStore marker present); no agent DB',
      profiles: { 'anthropic:manual': { type: 'token', provider: 'anthropic', token: t } },
      verifyIds: ['anthropic:manual'],
    };
  },
  // (b) 2026.9.6: shared store + order set -> main agent DB with a local order override.
  async 'b-v9-shared-with-agent-override'(name) {
    const h = new Home(name, await freePort());
    const made = twoTokensWithOrder(h, 'b');
    const fx = collect(h, name, {});
    h.cleanup();
    return {
      fx,
      version: V9,
      commands: h.commands,
      layout:
        'state-db shared store (2 tokens) + agents/main/agent/openclaw-agent.sqlite holding the local order override and an empty local store',
      ...made,
    };
  },
  // (c) 2026.7.x: per-agent DB with a token and an API key.
  async 'c-v7-agent-db'(name) {
    const h = new Home(name, await freePort());
    const t = fakeSecret('oat', 'c.manual');
    const k = fakeSecret('openai', 'c.openai');
    const ak = fakeSecret('api', 'c.key');
    h.run(V7, ['models', 'auth', 'paste-token', '--provider', 'anthropic'], { secret: t, redactAs: 'token c.manual' });
    h.run(V7, ['models', 'auth', 'paste-api-key', '--provider', 'openai'], { secret: k, redactAs: 'openai key' });
    h.run(V7, ['models', 'auth', 'paste-api-key', '--provider', 'anthropic', '--profile-id', 'anthropic:key'], {
      secret: ak,
      redactAs: 'anthropic api key',
    });
    const fx = collect(h, name, {});
    h.cleanup();
    return {
      fx,
      version: V7,
      commands: h.commands,
      layout:
        'per-agent store: agents/main/agent/openclaw-agent.sqlite auth_profile_store/primary; state DB has no auth rows',
      profiles: {
        'anthropic:manual': { type: 'token', provider: 'anthropic', token: t },
        'openai:manual': { type: 'api_key', provider: 'openai', key: k },
        'anthropic:key': { type: 'api_key', provider: 'anthropic', key: ak },
      },
      verifyIds: ['anthropic:key', 'anthropic:manual', 'openai:manual'],
    };
  },
  // (d) 2026.9.6 legacy-main: the shared store is the main agent DB because auth.sharedStore was never written.
  // OpenClaw 2026.9.6 skips writing the marker on the first shared write when a retired JSON-era file exists
  // in the main agent dir (initializeFreshSharedAuthStore). Starting condition (made by this script, the
  // only hand-made file): agents/main/agent/auth-state.json = {"version":1}, which 2026.9.6 merely warns about.
  async 'd-v9-legacy-main'(name) {
    const h = new Home(name, await freePort());
    const agentDir = path.join(h.state, 'agents', 'main', 'agent');
    fs.mkdirSync(agentDir, { recursive: true, mode: 0o700 });
    fs.chmodSync(h.state, 0o700);
    fs.writeFileSync(path.join(agentDir, 'auth-state.json'), '{"version":1}\n', { mode: 0o600 });
    h.commands.push({
      command: '(by hand) agents/main/agent/auth-state.json <- {"version":1}  # retired JSON-era state file',
      rc: 0,
      ms: 0,
    });
    const made = twoTokensWithOrder(h, 'd');
    const fx = collect(h, name, {});
    h.cleanup();
    return {
      fx,
      version: V9,
      commands: h.commands,
      layout:
        'legacy-main: state DB WITHOUT the auth.sharedStore row; the shared store AND the order are in agents/main/agent/openclaw-agent.sqlite (schema 23) auth_profile_store/primary + auth_profile_state/primary; a retired agents/main/agent/auth-state.json ({"version":1}) is present (it is why OpenClaw did not write the marker)',
      ...made,
    };
  },
  // (f) Real upgrade path 2026.7.x -> 2026.9.6, caught in the middle: one `doctor --fix` run migrates the state DB
  // to schema 18 and stops at the shared-auth relocation (the 2026.7 agent DB is schema 1). Legacy-main layout
  // with an agent DB that 2026.9.6 cannot write; the 2026.7 config is also rejected by 2026.9.6 until doctor finishes.
  async 'f-v7-to-v9-doctor-interrupted'(name) {
    const h = new Home(name, await freePort());
    const t = fakeSecret('oat', 'f.manual');
    h.run(V7, ['models', 'auth', 'paste-token', '--provider', 'anthropic'], {
      secret: t,
      redactAs: 'token f.manual (written by 2026.7.x)',
    });
    h.run(V9, ['doctor', '--fix', '--non-interactive'], { allowFail: true });
    const fx = collect(h, name, {});
    h.cleanup();
    return {
      fx,
      version: `${V7} then ${V9} doctor --fix (1st run, exits 1)`,
      commands: h.commands,
      layout:
        'mid-upgrade legacy-main: state DB at schema 18 without auth.sharedStore; agents/main/agent/openclaw-agent.sqlite still schema 1 (2026.7) holding the credentials; openclaw.json from 2026.7 (2026.9.6 rejects meta.lastTouchedAt). A 2nd `doctor --fix` relocates to the state DB (see g-).',
      profiles: { 'anthropic:manual': { type: 'token', provider: 'anthropic', token: t } },
      verifyIds: null,
    };
  },
  // (g) The same upgrade after a second `doctor --fix`: relocated into the state DB (marker + migration receipts).
  async 'g-v7-to-v9-doctor-complete'(name) {
    const h = new Home(name, await freePort());
    const t = fakeSecret('oat', 'g.manual');
    h.run(V7, ['models', 'auth', 'paste-token', '--provider', 'anthropic'], {
      secret: t,
      redactAs: 'token g.manual (written by 2026.7.x)',
    });
    h.run(V9, ['doctor', '--fix', '--non-interactive'], { allowFail: true });
    h.run(V9, ['doctor', '--fix', '--non-interactive']);
    const fx = collect(h, name, {});
    h.cleanup();
    return {
      fx,
      version: `${V7} then ${V9} doctor --fix x2`,
      commands: h.commands,
      layout:
        'state-db after relocation: auth.sharedStore marker + authProfiles.store in the state DB; the agent DB (migrated to schema 23) has no auth rows left',
      profiles: { 'anthropic:manual': { type: 'token', provider: 'anthropic', token: t } },
      verifyIds: ['anthropic:manual'],
    };
  },
  // (e) JSON era (2026.5.20): auth-profiles.json (+ order), for comparison.
  async 'e-v5-json'(name) {
    const h = new Home(name, await freePort());
    const t1 = fakeSecret('oat', 'e.manual');
    const t2 = fakeSecret('oat', 'e.work');
    h.run(V5, ['models', 'auth', 'paste-token', '--provider', 'anthropic'], {
      secret: t1,
      pty: true,
      redactAs: 'token e.manual',
    });
    h.run(
      V5,
      [
        'models',
        'auth',
        'paste-token',
        '--provider',
        'anthropic',
        '--profile-id',
        'anthropic:work',
        '--expires-in',
        '365d',
      ],
      { secret: t2, pty: true, redactAs: 'token e.work' },
    );
    h.run(V5, ['models', 'auth', 'order', 'set', '--provider', 'anthropic', 'anthropic:work', 'anthropic:manual']);
    const fx = collect(h, name, {});
    h.cleanup();
    return {
      fx,
      version: V5,
      commands: h.commands,
      layout: 'JSON era: agents/main/agent/auth-profiles.json (+ order as written by 2026.5.20)',
      profiles: {
        'anthropic:manual': { type: 'token', provider: 'anthropic', token: t1 },
        'anthropic:work': { type: 'token', provider: 'anthropic', token: t2, expires: 'now+365d at creation' },
      },
      order: { anthropic: ['anthropic:work', 'anthropic:manual'] },
      verifyIds: ['anthropic:manual', 'anthropic:work'],
    };
  },
};

function renderReadme(all) {
  const L = [];
  L.push('# OpenClaw auth-store fixtures', '');
  L.push("Made by `make-fixtures.mjs` (next to this folder's parent) with OpenClaw's own CLI on throw-away homes;");
  L.push(
    'regenerate with `node make-fixtures.mjs <outdir>` (needs the cached installs from `openclaw-install.mjs`, ~5 min).',
    '',
  );
  L.push(
    'Each folder is laid out like an OpenClaw **state dir** (`~/.openclaw`), so a test can copy it to a temp dir and',
  );
  L.push('point `--state-dir`/`OPENCLAW_STATE_DIR` at the copy. **Always copy first**: opening a WAL-mode DB creates');
  L.push('`-wal`/`-shm` files next to it and any write changes it.', '');
  L.push('## How the .sqlite files were copied', '');
  L.push("- After the OpenClaw CLI process had exited, each DB was opened **read-only** with Node 24's `node:sqlite`");
  L.push('  (SQLite 3.53.x) and copied with the online backup API (`backup(src, dst)`), page for page, so');
  L.push(
    "  `user_version`, `auto_vacuum`, page size and the WAL flag in the header are OpenClaw's. The source's main file",
  );
  L.push("  was hashed before and after (unchanged; SQLite may touch the source's `-shm`).");
  L.push('- In the **copy**: `PRAGMA secure_delete=ON`, a scan of the auth cells for secret-scanner-shaped values,');
  L.push('  `PRAGMA wal_checkpoint(TRUNCATE)`, `PRAGMA integrity_check` (= ok), close. No `-wal`/`-shm` is needed or');
  L.push(
    "  shipped: every file is self-contained. `PRAGMA journal_mode` still reports `wal` (as OpenClaw's files do).",
  );
  L.push(
    '- `openclaw.json` (config; no secrets) and JSON auth files are copied as they are. `config-journal-fingerprint.key`,',
  );
  L.push('  `identity/`, `logs/` and workspaces are not copied.', '');
  L.push('## Fake secrets', '');
  L.push(
    'All secrets are fake, deterministic (derived from the scenario name, so regenerating gives the same values) and',
  );
  L.push(
    "were entered through OpenClaw's own commands (`paste-token`/`paste-api-key` on stdin, or a PTY for 2026.5.20):",
  );
  L.push('- setup-tokens: `sk-ant-oat01-FAKE.<tag>.<alnum>` — 108 characters like a real one;');
  L.push('- Anthropic API keys: `sk-ant-api03-FAKE.<tag>.<alnum>AA` — 108 characters;');
  L.push(
    '- OpenAI keys: `sk-FAKE-openai-<tag>-<alnum>` (OpenClaw requires `^sk-[A-Za-z0-9_-]{8,}$` for OpenAI keys).',
    '',
  );
  L.push(
    "The `.` right after `FAKE` keeps them from matching secret scanners' `sk-ant-(api03|oat01|admin01)-[A-Za-z0-9_-]{80}`.",
  );
  L.push(
    'OpenClaw accepts them as entered: its setup-token check is only *starts with `sk-ant-oat01-` and is at least 80',
  );
  L.push(
    'characters long* (2026.5.20, 2026.7.35 and 2026.9.6 alike), and it does not validate Anthropic API keys. So **no',
  );
  L.push(
    'value was rewritten** after creation. The copy step would rewrite any scanner-shaped value in the auth cells to',
  );
  L.push(
    '`sk-ant-xxxxx-FAKE.masked.xxx…` (same length) with `secure_delete` on, and list it under `rewrittenValues` in',
  );
  L.push(
    '`index.json`; every file (DBs included, scanned as bytes) is checked against the regex before the run succeeds.',
    '',
  );
  L.push(
    'One non-auth value *is* rewritten: an upgraded 2026.7 home (f-, g-) has its throw-away device identity imported',
  );
  L.push(
    'into the state DB table `device_identities`; its `private_key_pem` (a PEM private key, which scanners flag) is',
  );
  L.push(
    'replaced in the copy by `(throw-away device private key removed by make-fixtures.mjs)` (see `rewrittenValues`).',
    '',
  );
  L.push(
    "Authdeck's own shape rules (SPEC §3: `[A-Za-z0-9_-]` only) will call these tokens malformed — that is expected:",
  );
  L.push('tests that need a *well-formed* token should generate one at run time and never write it to the repo.', '');
  L.push('## Things these files show (worth a test each)', '');
  L.push(
    "- Select `schema_meta` by `meta_key='primary'`: 2026.9.6 state DBs may also have `state-migrations|global|3` whose",
  );
  L.push(
    '  `app_version` is a multi-line fingerprint, and migrated agent DBs have `historical-transcript-directives-v1|agent|1`.',
  );
  L.push(
    '- 2026.7.x DBs are schema **1** (state and agent) with `app_version` NULL and `auto_vacuum` 0; 2026.9.6 is state 18 /',
  );
  L.push('  agent 23 with `auto_vacuum` 2 (fresh) — a migrated DB keeps `auto_vacuum` 0.');
  L.push(
    '- `agent_databases.path` is absolute in 2026.7.x (it points at the temp home the fixture was made in) and relative',
  );
  L.push('  (`agents/main/agent/openclaw-agent.sqlite`) in 2026.9.6.');
  L.push(
    '- 2026.9.6 also creates `state/openclaw-quarantine.sqlite` (user_version 2, rollback journal, no auth data).',
  );
  L.push('- `d-`: legacy-main with a 2026.9.6 (schema 23) agent DB. The only hand-made file is the retired');
  L.push(
    '  `agents/main/agent/auth-state.json` (`{"version":1}`); 2026.9.6 only warns about it at run time, but its presence',
  );
  L.push(
    '  stops `initializeFreshSharedAuthStore` from writing `auth.sharedStore`, so every later shared write (paste-token,',
  );
  L.push(
    '  order set) lands in the main agent DB. A real 2026.7 upgrade reaches legacy-main only between the two `doctor --fix`',
  );
  L.push('  runs (`f-`), with a schema-1 agent DB that 2026.9.6 will not write, and `g-` shows where it ends.');
  L.push(
    '- `f-`: 2026.9.6 refuses the 2026.7 `openclaw.json` (`meta.lastTouchedAt` is an unknown key) until doctor completes;',
  );
  L.push(
    '  `doctor --fix` exits 1 on the first run ("Failed relocating the shared auth store … uses schema version 1").',
    '',
  );
  L.push('## Using them in tests', '');
  L.push('```js');
  L.push("const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-'));");
  L.push("fs.cpSync('fixtures/b-v9-shared-with-agent-override', path.join(dir, '.openclaw'), { recursive: true });");
  L.push(
    '// HOME=dir (or OPENCLAW_STATE_DIR=dir/.openclaw); manifest.json lists the expected profiles, tokens and order',
  );
  L.push('```', '');
  L.push('## Fixtures', '');
  for (const [name, m] of Object.entries(all)) {
    L.push(`### \`${name}\``, '');
    L.push(`- Created with: OpenClaw ${m.createdWith} (${m.createdAt})`);
    L.push(`- Layout: ${m.layout}`);
    L.push('- Commands (on a fresh temp HOME, in order):');
    for (const c of m.commands) L.push(`  - \`${c.command}\` → rc ${c.rc}, ${c.ms} ms`);
    L.push('- Files:');
    for (const [f, i] of Object.entries(m.files)) {
      if (i.copied) {
        L.push(`  - \`${f}\` (${i.bytes} bytes, copied as is)`);
        continue;
      }
      const av = (v) => (v == null ? '' : /[\n|]/.test(String(v)) ? JSON.stringify(v) : String(v));
      const meta = (i.schema_meta ?? [])
        .map((x) => `${x.meta_key}|${x.role}|${x.schema_version}|${x.agent_id ?? ''}|${av(x.app_version)}`)
        .join('; ');
      L.push(
        `  - \`${f}\`: user_version ${i.user_version}, journal_mode ${i.journal_mode}, auto_vacuum ${i.auto_vacuum}, page_size ${i.page_size}, ${i.page_count} pages, ${i.tableCount} tables; schema_meta: ${meta || '(none)'}`,
      );
      const rows = Object.entries(i.auth ?? {});
      if (!rows.length) L.push('    - auth rows: none');
      for (const [k, v] of rows) {
        const val = JSON.stringify(v.value, (_kk, vv) =>
          typeof vv === 'string' && /^sk-/.test(vv) ? `${vv.slice(0, 22)}…` : vv,
        );
        L.push(`    - \`${k}\` = \`${val}\``);
      }
    }
    const ids = Object.keys(m.expectedProfiles ?? {});
    L.push(
      `- Profiles: ${ids.map((x) => `\`${x}\``).join(', ')}${m.expectedOrder ? `; order override: \`${JSON.stringify(m.expectedOrder)}\`` : ''}`,
    );
    if (m.verify)
      L.push(
        `- Verified: OpenClaw ${m.verify.version} \`models auth list --json\` on a temp copy listed ${JSON.stringify(m.verify.ids)} (${m.verify.ok ? 'as expected' : 'MISMATCH'}).`,
      );
    L.push('');
  }
  return `${L.join('\n')}\n`;
}

fs.mkdirSync(OUTDIR, { recursive: true });
const results = {};
for (const [name, fn] of Object.entries(SCENARIOS)) {
  if (README_ONLY || (ONLY && !ONLY.some((o) => name.startsWith(o)))) continue;
  log(`--- ${name}`);
  const t0 = Date.now();
  const r = await fn(name);
  const verifyVersion = name.startsWith('c-') ? V7 : name.startsWith('e-') ? V5 : V9;
  r.verify = r.verifyIds ? verify(verifyVersion, r.fx, r.verifyIds) : null;
  r.buildMs = Date.now() - t0;
  const manifest = {
    scenario: name,
    createdWith: r.version,
    createdAt: new Date().toISOString(),
    layout: r.layout,
    commands: r.commands,
    expectedProfiles: r.profiles,
    expectedOrder: r.order ?? null,
    files: r.fx.files,
    verify: r.verify,
    note: "All secrets are fake (deterministic, derived from the scenario name) and contain a '.', so they do not match sk-ant-(api03|oat01|admin01)-[A-Za-z0-9_-]{80}. Copy this folder to a temp dir before opening any .sqlite in it (opening a WAL-mode DB creates -wal/-shm; writing changes it).",
  };
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  if (SCANNER_RE.test(text)) throw new Error('scanner-shaped value in manifest');
  fs.writeFileSync(path.join(r.fx.dest, 'manifest.json'), text);
  results[name] = manifest;
  log(`${name} done in ${(r.buildMs / 1000).toFixed(1)} s`);
}
// index.json + README.md describe every fixture present in OUTDIR (also ones from earlier runs).
const all = {};
for (const d of fs.readdirSync(OUTDIR).sort()) {
  const mf = path.join(OUTDIR, d, 'manifest.json');
  if (fs.existsSync(mf)) all[d] = JSON.parse(fs.readFileSync(mf, 'utf8'));
}
const summarize = (m) => ({
  createdWith: m.createdWith,
  layout: m.layout,
  verified: m.verify?.ok ?? null,
  files: Object.fromEntries(
    Object.entries(m.files).map(([f, i]) => [
      f,
      i.copied
        ? 'json (copied as is)'
        : {
            user_version: i.user_version,
            journal_mode_in_header: i.journal_mode,
            schema_meta_primary: i.schema_meta?.find((x) => x.meta_key === 'primary') ?? null,
            other_schema_meta: (i.schema_meta ?? [])
              .filter((x) => x.meta_key !== 'primary')
              .map((x) => `${x.meta_key}:${x.role}:${x.schema_version}`),
            tables: i.tableCount,
            authRows: Object.keys(i.auth ?? {}),
            rewrittenValues: i.rewritten ?? [],
          },
    ]),
  ),
});
fs.writeFileSync(
  path.join(OUTDIR, 'index.json'),
  `${JSON.stringify(Object.fromEntries(Object.entries(all).map(([k, m]) => [k, summarize(m)])), null, 2)}\n`,
);
fs.writeFileSync(path.join(OUTDIR, 'README.md'), renderReadme(all));
log(`wrote ${Object.keys(results).length} fixture(s) to ${OUTDIR}`);
