// `authdeck __complete`, what shell completion runs on each Tab that needs values, next to
// `node -e 0` in the same run: the profile ids of a 50-profile store, and the providers (the
// catalog). Goal: a Tab that feels immediate, ≤ node -e 0 + 50 ms.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchHome, goalRow, measureCommand } from './lib.mjs';

const cli = fileURLToPath(new URL('../bin/authdeck.js', import.meta.url));
const profiles = {};
for (let i = 0; i < 50; i++)
  profiles[`provider${i % 5}:p${i}`] = {
    type: 'api_key',
    provider: `provider${i % 5}`,
    key: `k-${'x'.repeat(40)}${i}`,
  };
const { home } = benchHome(profiles);
const env = { PATH: process.env.PATH, HOME: home, NO_COLOR: '1' };

const floor = measureCommand([process.execPath, '-e', '0'], { env, runs: 21 });
const ids = measureCommand([process.execPath, cli, '__complete', 'profiles', 'remove'], { env, runs: 21 });
const providers = measureCommand([process.execPath, cli, '__complete', 'providers', 'add-key'], { env, runs: 21 });
console.log('__complete (median of 21 runs)');
const goal = (value) => ({ text: '≤ node -e 0 + 50 ms', met: value <= floor.wallMs + 50 });
export const results = [
  goalRow('node -e 0 (yardstick)', floor.wallMs),
  goalRow('__complete profiles, 50 profiles', ids.wallMs, { yardstick: floor.wallMs, goal: goal(ids.wallMs) }),
  goalRow('__complete providers', providers.wallMs, { yardstick: floor.wallMs, goal: goal(providers.wallMs) }),
];
rmSync(home, { recursive: true, force: true });
