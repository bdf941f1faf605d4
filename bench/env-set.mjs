// `authdeck env set` on a large daemon `.env`, next to the same command on a small one in the
// same run. Each variable's line was once matched against a copy of every line (quadratic:
// 20,000 lines took 36 s, and Ctrl+C waited for it). Goal: 50,000 lines (~700 KB, near OpenClaw's
// 1 MiB limit) cost ≤ ×5 a 100-line file: writing and syncing the larger file is most of the
// difference (a CPU profile is idle for it), and a quadratic pass would take minutes.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goalRow, measureCommand } from './lib.mjs';

const cli = fileURLToPath(new URL('../bin/authdeck.js', import.meta.url));
const key = `gsk_${'k'.repeat(30)}0123456789abcdefghij`;

/** A home whose `.env` holds `lines` lines made by `line(i)`. */
function envHome(lines, line) {
  const home = join(tmpdir(), `authdeck-bench-env-${process.pid}-${lines}-${line(0).length}`);
  mkdirSync(join(home, '.openclaw'), { recursive: true });
  writeFileSync(join(home, '.openclaw', '.env'), Array.from({ length: lines }, (_, i) => `${line(i)}\n`).join(''));
  return home;
}

const run = (home) =>
  measureCommand([process.execPath, cli, 'env', 'set', 'GROQ_API_KEY'], {
    env: { PATH: process.env.PATH, HOME: home, NO_COLOR: '1', AUTHDECK_STORE_GENERATION: 'json' },
    input: key,
    runs: 7,
  });
const homes = {
  small: envHome(100, (i) => `VAR_${i}=value${i}`),
  plain: envHome(50_000, (i) => `VAR_${i}=value${i}`),
  unclosed: envHome(50_000, (i) => `VAR_${i}="open${i}`),
};
const small = run(homes.small);
const plain = run(homes.plain);
const unclosed = run(homes.unclosed);
console.log('env set (median of 7 runs)');
const goal = (value) => ({ text: '≤ ×5 the 100-line file', met: value <= 5 * small.wallMs });
export const results = [
  goalRow('env set, 100 lines (yardstick)', small.wallMs),
  goalRow('env set, 50,000 lines', plain.wallMs, { yardstick: small.wallMs, goal: goal(plain.wallMs) }),
  goalRow('env set, 50,000 unclosed quotes', unclosed.wallMs, { yardstick: small.wallMs, goal: goal(unclosed.wallMs) }),
];
for (const home of Object.values(homes)) rmSync(home, { recursive: true, force: true });
