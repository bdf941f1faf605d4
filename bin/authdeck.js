#!/usr/bin/env node
// Plain JavaScript that any Node can parse, so an older one gets a sentence instead of a crash.
// The floor is what OpenClaw 2026.9 itself requires (README, "Install"). CommonJS (bin/package.json):
// Node starts a CommonJS file without its ES module loader, ~2 ms of every start.
const FLOOR = '24.16.0';
const [major, minor, patch] = process.versions.node.split('.').map(Number);
const [floorMajor, floorMinor, floorPatch] = FLOOR.split('.').map(Number);
const tooOld =
  major < floorMajor || (major === floorMajor && (minor < floorMinor || (minor === floorMinor && patch < floorPatch)));
// A clone's `npm link` runs this file on whatever `node` is first on PATH; the clone's own
// Node 24 (the `node` devDependency, README "Install") runs it instead when that one is older.
const pinned = require('node:path').join(__dirname, '..', 'node_modules', 'node', 'bin', 'node');
if (tooOld) {
  Promise.resolve()
    .then(() => {
      const { existsSync } = require('node:fs');
      const { spawn } = require('node:child_process');
      const { isatty } = require('node:tty');
      if (!existsSync(pinned)) {
        process.stderr.write(
          `authdeck: needs Node ${FLOOR} or later (as OpenClaw 2026.9 does); this is Node ${process.versions.node}\n`,
        );
        process.exit(1);
      }
      const child = spawn(pinned, [__filename, ...process.argv.slice(2)], {
        stdio: 'inherit',
      });
      // Ctrl+C at a terminal reaches the child itself (one process group): not sent twice.
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
        process.on(signal, () => (signal === 'SIGINT' && isatty(0) ? undefined : child.kill(signal)));
      child.on('exit', (code, signal) => {
        if (signal) {
          process.removeAllListeners(signal);
          process.kill(process.pid, signal);
        } else process.exit(code ?? 1);
      });
    })
    .catch(() => process.exit(1));
} else start();

// The bundle is built by `npm run build` (also run by `npm install` through "prepare").
function start() {
  Promise.resolve()
    .then(() => {
      const module = require('node:module');
      // V8's code cache for our chunks, kept by Node in its own cache directory: start-up reads
      // compiled code instead of parsing ~1 MB of JavaScript on every run.
      module.enableCompileCache?.();
      // `status` has a bundle of its own, so a prompt or cron job that asks often starts fast.
      if (process.argv[2] === 'status') return runStatusBundle(module);
      return import('../dist/authdeck.js');
    })
    .catch((error) => {
      const missing = error && (error.code === 'ERR_MODULE_NOT_FOUND' || error.code === 'MODULE_NOT_FOUND');
      if (missing && /dist\/authdeck(-status)?\.c?js/.test(String(error.message))) {
        process.stderr.write('authdeck: dist/ is missing; run `npm run build` first\n');
        process.exit(1);
      }
      throw error;
    });
}

// `status` from a V8 code cache of its own. Node's compile cache keeps only what V8 compiles as a
// file loads, and most of our functions compile later, on their first call: ~13 ms of CPU on
// every `status` (bench/status.mjs). This cache is made after a run, so it holds what ran. It
// sits in Node's cache directory (NODE_COMPILE_CACHE and NODE_DISABLE_COMPILE_CACHE apply), and
// is read only when it is a plain file of ours that no one else can write.
function runStatusBundle(module) {
  const file = require.resolve('../dist/authdeck-status.cjs');
  const cacheDir = module.getCompileCacheDir?.();
  if (!cacheDir) return require(file);
  const fs = require('node:fs');
  const { basename, dirname, join } = require('node:path');
  const fd = fs.openSync(file, 'r');
  const stat = fs.fstatSync(fd);
  const source = fs.readFileSync(fd, 'utf8');
  fs.closeSync(fd);
  // One cache per checkout (a hash of the path); a rebuilt bundle gets a new name.
  let pathHash = 2166136261;
  for (let i = 0; i < file.length; i++) pathHash = Math.imul(pathHash ^ file.charCodeAt(i), 16777619) >>> 0;
  const prefix = `authdeck-status-${pathHash.toString(36)}-`;
  const cachePath = join(cacheDir, `${prefix}${stat.ino}-${stat.size}-${Math.trunc(stat.mtimeMs)}.bin`);
  const cachedData = readOwnFile(fs, cachePath);
  const vm = require('node:vm');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
    // The few modules it imports on demand (undici for a proxy) load as they would from the file.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  // Made from a run that built a report (not help or a usage error), so it holds what most runs need.
  const reports = !process.argv.slice(3).some((arg) => arg === '--help' || arg === '-h');
  if (reports && (!cachedData || script.cachedDataRejected))
    process.once('exit', (code) => {
      if (code > 2) return;
      try {
        const temp = `${cachePath}.${process.pid}.tmp`;
        fs.writeFileSync(temp, script.createCachedData(), { mode: 0o600, flag: 'wx' });
        fs.renameSync(temp, cachePath);
        for (const name of fs.readdirSync(cacheDir))
          if (name.startsWith(prefix) && name !== basename(cachePath)) fs.rmSync(join(cacheDir, name), { force: true });
      } catch {
        // A cache is only a speed-up: a run that cannot write one is still a good run.
      }
    });
  const bundle = { exports: {}, id: file, filename: file, loaded: false };
  script
    .runInThisContext()
    .call(bundle.exports, bundle.exports, module.createRequire(file), bundle, file, dirname(file));
}

function readOwnFile(fs, path) {
  let fd;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    const stat = fs.fstatSync(fd);
    const ours = stat.isFile() && stat.uid === process.getuid?.() && (stat.mode & 0o022) === 0;
    return ours ? fs.readFileSync(fd) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
