#!/usr/bin/env node
// Plain JavaScript that any Node can parse, so an older one gets a sentence instead of a crash.
// The floor is what OpenClaw 2026.9 itself requires (README, "Install").
const FLOOR = '24.16.0';
const [major, minor, patch] = process.versions.node.split('.').map(Number);
const [floorMajor, floorMinor, floorPatch] = FLOOR.split('.').map(Number);
const tooOld =
  major < floorMajor || (major === floorMajor && (minor < floorMinor || (minor === floorMinor && patch < floorPatch)));
// A clone's `npm link` runs this file on whatever `node` is first on PATH; the clone's own
// Node 24 (the `node` devDependency, README "Install") runs it instead when that one is older.
const pinned = new URL('../node_modules/node/bin/node', import.meta.url);
if (tooOld) {
  Promise.all([import('node:fs'), import('node:url'), import('node:child_process'), import('node:tty')])
    .then(([{ existsSync }, { fileURLToPath }, { spawn }, { isatty }]) => {
      if (!existsSync(pinned)) {
        process.stderr.write(
          `authdeck: needs Node ${FLOOR} or later (as OpenClaw 2026.9 does); this is Node ${process.versions.node}\n`,
        );
        process.exit(1);
      }
      const child = spawn(fileURLToPath(pinned), [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
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
  import('node:module')
    .then((module) => {
      // V8's code cache for our chunks, kept by Node in its own cache directory: start-up reads
      // compiled code instead of parsing ~1 MB of JavaScript on every run.
      module.enableCompileCache?.();
      // `status` has a bundle of its own, so a prompt or cron job that asks often starts fast.
      if (process.argv[2] === 'status') return module.createRequire(import.meta.url)('../dist/authdeck-status.cjs');
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
