// `authdeck status --check` next to `node -e 0` in the same run: 50 profiles (goal ≤ +20 ms and
// ≤ 60 MiB) and 5,000 (≤ 3×). With OPENCLAW_BIN set, OpenClaw's own `models status --check`
// on the same store, side by side.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchHome, goalRow, measureCommand } from './lib.mjs';

const cli = fileURLToPath(new URL('../bin/authdeck.js', import.meta.url));

function makeHome(count) {
  const now = Date.now();
  const profiles = {};
  for (let i = 0; i < count; i++) {
    const type = ['api_key', 'token', 'oauth'][i % 3];
    profiles[`provider${i % 5}:p${i}`] = {
      type,
      provider: `provider${i % 5}`,
      ...(type === 'api_key'
        ? { key: `k-${'x'.repeat(40)}${i}` }
        : type === 'token'
          ? { token: `t-${'y'.repeat(90)}${i}`, expires: now + (i + 2) * 86_400_000 }
          : { access: `a-${i}`, refresh: `r-${i}`, expires: now + (i + 2) * 86_400_000 }),
    };
  }
  const { home } = benchHome(profiles, { pretty: true });
  writeFileSync(
    join(home, '.openclaw', 'openclaw.json'),
    JSON.stringify({ agents: { defaults: { model: 'provider0/model' } } }),
  );
  return home;
}

const small = makeHome(50);
const large = makeHome(5000);
const envFor = (home) => ({ PATH: process.env.PATH, HOME: home, NO_COLOR: '1' });

const floor = measureCommand([process.execPath, '-e', '0'], { env: envFor(small) });
const check50 = measureCommand([process.execPath, cli, 'status', '--check'], { env: envFor(small) });
const check5000 = measureCommand([process.execPath, cli, 'status', '--check'], { env: envFor(large), runs: 7 });
console.log('status --check (median of 11 runs; 7 for 5,000 profiles)');
export const results = [
  goalRow('node -e 0 (yardstick)', floor.wallMs),
  goalRow('status --check, 50 profiles', check50.wallMs, {
    yardstick: floor.wallMs,
    goal: { text: '≤ node -e 0 + 20 ms', met: check50.wallMs <= floor.wallMs + 20 },
  }),
  goalRow('status --check, 5,000 profiles', check5000.wallMs, {
    yardstick: floor.wallMs,
    goal: { text: '≤ 3× node -e 0', met: check5000.wallMs <= 3 * floor.wallMs },
  }),
];
if (check50.rssMiB !== null) {
  results.push(
    goalRow('status --check peak RSS, 50 profiles', check50.rssMiB, {
      unit: 'MiB',
      yardstick: floor.rssMiB,
      goal: { text: '≤ 60 MiB', met: check50.rssMiB <= 60 },
    }),
  );
}
if (process.env.OPENCLAW_BIN) {
  // OpenClaw reads the same JSON store (2026.5.x) or refuses it (SQLite era); its time either way.
  const openclaw = measureCommand([process.env.OPENCLAW_BIN, 'models', 'status', '--check'], {
    env: { ...envFor(small), OPENCLAW_NO_AUTO_UPDATE: '1', OPENCLAW_HIDE_BANNER: '1', OPENCLAW_GATEWAY_PORT: '9' },
    runs: 3,
  });
  results.push(goalRow('OpenClaw models status --check, 50 profiles', openclaw.wallMs, { yardstick: floor.wallMs }));
  if (openclaw.rssMiB !== null) results.push(goalRow('OpenClaw peak RSS', openclaw.rssMiB, { unit: 'MiB' }));
}
// `explain` walks the same store as `status` does, and must grow as it does: 20,000 keys of one
// provider, all in its order (a lookup per profile into the order, and of the order's ids among
// the profiles, once made this quadratic: 5.5 s and 6 s at 40,000).
const oneProvider = {};
for (let i = 0; i < 20_000; i++)
  oneProvider[`anthropic:p${i}`] = { type: 'api_key', provider: 'anthropic', key: `sk-ant-api03-${'k'.repeat(95)}` };
// Each one in the order too: the order's lines are looked up against the profiles.
const { home: wide, agentDir: wideDir, store: wideStore } = benchHome(oneProvider);
writeFileSync(
  join(wideDir, 'auth-profiles.json'),
  JSON.stringify({ ...wideStore, order: { anthropic: Object.keys(oneProvider) } }),
);
const explainWide = measureCommand([process.execPath, cli, 'explain', 'anthropic'], { env: envFor(wide), runs: 3 });
const statusWide = measureCommand([process.execPath, cli, 'status'], { env: envFor(wide), runs: 3 });
results.push(
  goalRow('explain anthropic, 20,000 profiles', explainWide.wallMs, {
    yardstick: statusWide.wallMs,
    goal: { text: '≤ 1.5× status, same store', met: explainWide.wallMs <= 1.5 * statusWide.wallMs },
  }),
);
rmSync(small, { recursive: true, force: true });
rmSync(large, { recursive: true, force: true });
rmSync(wide, { recursive: true, force: true });
