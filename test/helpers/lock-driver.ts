// A writer process for the lock attack tests and bench/lock-proof.mjs, bundled by them with
// esbuild (a bundle starts in node's time; tsx would take longer than the whole write):
//   prefs <key>                      sets <key> in authdeck's preferences (AUTHDECK_CONFIG_DIR)
//   refresh <lock path> <counter>    takes the OAuth refresh lock, adds one to <counter> inside it
// Prints "saved" once the write is done; any failure exits non-zero with one line.
import { readFileSync, writeFileSync } from 'node:fs';
import { acquireOAuthRefreshLock } from '../../src/services/oauth/refresh-lock.js';
import { editPreferenceFile } from '../../src/services/prefs.js';

const [mode, first, second] = process.argv.slice(2);
const wait = Number(process.env.AUTHDECK_LOCK_TIMEOUT_MS ?? 60_000);
try {
  if (mode === 'prefs' && first) {
    await editPreferenceFile(process.env, (store) => {
      store[first] = 'set';
    });
  } else if (mode === 'refresh' && first && second) {
    const release = await acquireOAuthRefreshLock(first, { waitMs: wait });
    try {
      // Read, then write apart: two holders at once would both write the same count.
      const count = Number(readFileSync(second, 'utf8').trim() || '0');
      await new Promise((done) => setImmediate(done));
      writeFileSync(second, `${count + 1}\n`);
    } finally {
      await release();
    }
  } else {
    throw new Error('usage: lock-driver prefs <key> | refresh <lock path> <counter file>');
  }
  process.stdout.write('saved\n');
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
