#!/usr/bin/env node
// Plain JavaScript that any Node can parse, so an older one gets a sentence instead of a crash.
// The floor is what OpenClaw 2026.9 itself requires (README, "Install").
const FLOOR = '24.16.0';
const [major, minor, patch] = process.versions.node.split('.').map(Number);
const [floorMajor, floorMinor, floorPatch] = FLOOR.split('.').map(Number);
if (
  major < floorMajor ||
  (major === floorMajor && (minor < floorMinor || (minor === floorMinor && patch < floorPatch)))
) {
  process.stderr.write(
    `authdeck: needs Node ${FLOOR} or later (as OpenClaw 2026.9 does); this is Node ${process.versions.node}\n`,
  );
  process.exit(1);
}

// The bundle is built by `npm run build` (also run by `npm install` through "prepare").
import('node:module')
  .then((module) => {
    // V8's code cache for our chunks, kept by Node in its own cache directory: start-up reads
    // compiled code instead of parsing ~1 MB of JavaScript on every run.
    module.enableCompileCache?.();
    // `status` has a bundle of its own, so a prompt or cron job that asks often starts fast.
    return process.argv[2] === 'status' ? import('../dist/authdeck-status.js') : import('../dist/authdeck.js');
  })
  .catch((error) => {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND' && /dist\/authdeck(-status)?\.js/.test(String(error.message))) {
      process.stderr.write('authdeck: dist/ is missing; run `npm run build` first\n');
      process.exit(1);
    }
    throw error;
  });
