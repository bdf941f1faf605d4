// README "Budgets": 8 processes each adding 100 profiles at once through authdeck: all 800 present after.
// Each process runs `authdeck add-key` 100 times (a fresh CLI per profile, as a script would),
// so every add is a locked read-modify-write of the store and of openclaw.json.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goalRow } from './lib.mjs';

const cli = fileURLToPath(new URL('../bin/authdeck.js', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'authdeck-bench-'));
const agentDir = join(home, '.openclaw', 'agents', 'main', 'agent');
mkdirSync(agentDir, { recursive: true });
const env = { PATH: process.env.PATH, HOME: home, AUTHDECK_STORE_GENERATION: 'json' };

/** One add-key; a failure is counted and reported, never thrown (the run goes on). */
function addOne(worker, index) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [cli, '--no-reload', 'add-key', '--provider', 'custom', '--custom', '--profile-id', `w${worker}-${index}`],
      { env, stdio: ['pipe', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) =>
      resolve(code === 0 ? undefined : `worker ${worker} #${index}: exit ${code}: ${stderr.trim()}`),
    );
    child.stdin.end(`secret-${worker}-${index}`);
  });
}

const failures = [];
async function worker(id) {
  for (let i = 0; i < 100; i++) {
    const failure = await addOne(id, i);
    if (failure) failures.push(failure);
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: 8 }, (_, id) => worker(id)));
const elapsed = performance.now() - started;
const store = JSON.parse(readFileSync(join(agentDir, 'auth-profiles.json'), 'utf8'));
const config = JSON.parse(readFileSync(join(home, '.openclaw', 'openclaw.json'), 'utf8'));
console.log('8 processes × 100 add-key each, all at once');
const inStore = Object.keys(store.profiles).length;
const inConfig = Object.keys(config.auth.profiles).length;
console.log(`profiles in auth-profiles.json: ${inStore} of 800 ${inStore === 800 ? '(none lost)' : 'LOST SOME'}`);
console.log(`profiles in openclaw.json:      ${inConfig} of 800 ${inConfig === 800 ? '(none lost)' : 'LOST SOME'}`);
console.log(`commands that failed:          ${failures.length} of 800`);
for (const failure of failures.slice(0, 5)) console.log(`  ${failure}`);
const row = goalRow('8 × 100 add-key at once: wall time', elapsed / 1000, {
  unit: 's',
  goal: { text: '800 of 800, no failure', met: inStore === 800 && inConfig === 800 && failures.length === 0 },
});
rmSync(home, { recursive: true, force: true });
export const results = [row];
