// The dashboard through a real PTY and a headless xterm (120x40), next to a bare `node` printing
// a line in the same harness: first useful frame (goal: within 150 ms of that yardstick, for 50
// and 5,000 profiles), cursor move re-render (≤ 30 ms at 5,000), an outside write on screen
// (≤ 250 ms), peak memory with 5,000 profiles (≤ 150 MiB).
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchHome, goalRow, median } from './lib.mjs';
import { launchInPty, timeToScreen } from './pty-timing.mjs';

const cli = fileURLToPath(new URL('../bin/authdeck.js', import.meta.url));

function makeStore(count) {
  const now = Date.now();
  const profiles = {};
  for (let i = 0; i < count; i++) {
    const provider = `provider${i % 20}`;
    profiles[`${provider}:profile-${String(i).padStart(5, '0')}`] =
      i % 2
        ? { type: 'token', provider, token: `tok-${'x'.repeat(90)}-${i}`, expires: now + (i + 1) * 3_600_000 }
        : { type: 'api_key', provider, key: `key-${'y'.repeat(40)}-${i}` };
  }
  return benchHome(profiles);
}

const envFor = (home) => ({ PATH: process.env.PATH, HOME: home, TERM: 'xterm-256color' });
const rowVisible = (text) => /profile-\d{5}/.test(text);

function dashboardLaunch(count) {
  return () => {
    const { home } = makeStore(count);
    return {
      app: launchInPty(process.execPath, [cli, 'dashboard'], { cwd: home, env: envFor(home) }),
      cleanup: () => rmSync(home, { recursive: true, force: true }),
    };
  };
}

const yardstick = await timeToScreen(
  () => ({
    app: launchInPty(process.execPath, ['-e', "console.log('profile-00000')"], {
      cwd: tmpdir(),
      env: envFor(tmpdir()),
    }),
  }),
  rowVisible,
  7,
);
const first50 = await timeToScreen(dashboardLaunch(50), rowVisible, 7);
const first5000 = await timeToScreen(dashboardLaunch(5000), rowVisible, 5);

const { home, agentDir, store } = makeStore(5000);
const app = launchInPty(process.execPath, [cli, 'dashboard'], { cwd: home, env: envFor(home) });
await app.waitFor((text) => text.includes('q quit'));
await new Promise((done) => setTimeout(done, 300));
const selectedRow = (text) => /▸.*?(profile-\d{5})/.exec(text)?.[1];
const moves = [];
for (let i = 0; i < 25; i++) {
  const before = selectedRow(app.screen());
  const pressed = performance.now();
  app.child.write('j');
  const seen = await app.waitFor((text) => selectedRow(text) !== before, 2000);
  moves.push(seen - pressed);
  await new Promise((done) => setTimeout(done, 40));
}
const changes = [];
for (let i = 0; i < 5; i++) {
  const id = `aaa-outside:written-${i}`;
  store.profiles[id] = { type: 'api_key', provider: 'aaa-outside', key: `k-${i}-${'z'.repeat(30)}` };
  const tmp = join(agentDir, `auth-profiles.json.bench${i}.tmp`);
  writeFileSync(tmp, JSON.stringify(store));
  const written = performance.now();
  renameSync(tmp, join(agentDir, 'auth-profiles.json'));
  const seen = await app.waitFor((text) => text.includes(id), 5000);
  changes.push(seen - written);
  await new Promise((done) => setTimeout(done, 300));
}
const rss = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${app.child.pid}/status`, 'utf8'))[1]) / 1024;
app.child.kill('SIGKILL');
rmSync(home, { recursive: true, force: true });

console.log('dashboard (PTY + headless xterm, 120x40; medians, spread in brackets)');
const floor = median(yardstick);
export const results = [
  goalRow('yardstick: node prints a line', floor, { samples: yardstick }),
  goalRow('first frame, 50 profiles', median(first50), {
    yardstick: floor,
    samples: first50,
    goal: { text: '≤ yardstick + 150 ms', met: median(first50) <= floor + 150 },
  }),
  goalRow('first frame, 5,000 profiles', median(first5000), {
    yardstick: floor,
    samples: first5000,
    goal: { text: '≤ yardstick + 150 ms', met: median(first5000) <= floor + 150 },
  }),
  goalRow('cursor move re-render, 5,000 profiles', median(moves), {
    samples: moves,
    goal: { text: '≤ 30 ms', met: median(moves) <= 30 },
  }),
  goalRow('outside write on screen, 5,000 profiles', median(changes), {
    samples: changes,
    goal: { text: '≤ 250 ms', met: median(changes) <= 250 },
  }),
  goalRow('peak RSS, 5,000 profiles', rss, { unit: 'MiB', goal: { text: '≤ 150 MiB', met: rss <= 150 } }),
];
