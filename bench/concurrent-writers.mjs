// SPEC §8: 8 processes each adding 100 profiles at once through authdeck: all 800 present after.
// Each process runs `authdeck add-key` 100 times (a fresh CLI per profile, as a script would),
// so every add is a locked read-modify-write of the store and of openclaw.json.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printRow } from './lib.mjs';

const cli = fileURLToPath(new URL('../bin/authdeck.js', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'authdeck-bench-'));
const agentDir = join(home, '.openclaw', 'agents', 'main', 'agent');
mkdirSync(agentDir, { recursive: true });
const env = { PATH: process.env.PATH, HOME: home };

function addOne(worker, index) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'add-key', '--provider', 'custom', '--profile-id', `w${worker}-${index}`], { env, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`worker ${worker} #${index}: exit ${code}: ${stderr}`))));
    child.stdin.end(`secret-${worker}-${index}`);
  });
}

async function worker(id) {
  for (let i = 0; i < 100; i++) await addOne(id, i);
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
printRow('wall time', elapsed / 1000, undefined, 's');
rmSync(home, { recursive: true, force: true });
if (inStore !== 800 || inConfig !== 800) process.exitCode = 1;
