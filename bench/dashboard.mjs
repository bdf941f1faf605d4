// SPEC §8 dashboard budgets, measured through a real PTY and a headless xterm:
// first frame (50 profiles <= 250 ms; 5,000 <= 600 ms), cursor move re-render <= 30 ms,
// peak memory with 5,000 <= 150 MiB, an outside write on screen within 250 ms.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import xterm from '@xterm/headless';
import pty from 'node-pty';
import { median, printRow } from './lib.mjs';

const { Terminal } = xterm;
const cli = fileURLToPath(new URL('../bin/authdeck.js', import.meta.url));

function makeStore(count) {
  const home = mkdtempSync(join(tmpdir(), 'authdeck-bench-'));
  const agentDir = join(home, '.openclaw', 'agents', 'main', 'agent');
  mkdirSync(agentDir, { recursive: true });
  const now = Date.now();
  const profiles = {};
  for (let i = 0; i < count; i++) {
    const provider = `provider${i % 20}`;
    profiles[`${provider}:profile-${String(i).padStart(5, '0')}`] =
      i % 2
        ? { type: 'token', provider, token: `tok-${'x'.repeat(90)}-${i}`, expires: now + (i + 1) * 3_600_000 }
        : { type: 'api_key', provider, key: `key-${'y'.repeat(40)}-${i}` };
  }
  const store = { version: 1, profiles };
  writeFileSync(join(agentDir, 'auth-profiles.json'), JSON.stringify(store));
  return { home, agentDir, store };
}

function launch(home) {
  const terminal = new Terminal({ cols: 120, rows: 40, allowProposedApi: true });
  const started = performance.now();
  const child = pty.spawn(process.execPath, [cli, 'dashboard'], {
    cols: 120,
    rows: 40,
    cwd: home,
    env: { PATH: process.env.PATH, HOME: home, TERM: 'xterm-256color' },
  });
  child.onData((data) => terminal.write(data));
  const screen = () => {
    const buffer = terminal.buffer.active;
    let text = '';
    for (let i = 0; i < terminal.rows; i++)
      text += `${buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? ''}\n`;
    return text;
  };
  const waitFor = (test, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      const deadline = performance.now() + timeoutMs;
      const poll = () => {
        terminal.write('', () => {
          if (test(screen())) resolve(performance.now());
          else if (performance.now() > deadline) reject(new Error(`timed out; screen:\n${screen()}`));
          else setTimeout(poll, 1);
        });
      };
      poll();
    });
  return { child, started, screen, waitFor };
}

function peakRssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function firstFrame(count, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const { home } = makeStore(count);
    const app = launch(home);
    const seenAt = await app.waitFor((text) => /profile-\d{5}/.test(text));
    samples.push(seenAt - app.started);
    app.child.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  }
  return median(samples);
}

const first50 = await firstFrame(50, 7);
const first5000 = await firstFrame(5000, 5);

const { home, agentDir, store } = makeStore(5000);
const app = launch(home);
await app.waitFor((text) => /profile-\d{5}/.test(text));
// Keys typed before Ink has put the terminal in raw mode wait in the line buffer.
await new Promise((done) => setTimeout(done, 500));
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
const rss = peakRssMiB(app.child.pid);
app.child.kill('SIGKILL');
rmSync(home, { recursive: true, force: true });

console.log('dashboard (PTY + headless xterm, 120x40; medians)');
printRow('first frame, 50 profiles', first50, 250, 'ms');
printRow('first frame, 5,000 profiles', first5000, 600, 'ms');
printRow('cursor move re-render, 5,000 profiles', median(moves), 30, 'ms');
printRow('outside write on screen, 5,000 profiles', median(changes), 250, 'ms');
printRow('peak RSS, 5,000 profiles', rss, 150, 'MiB');
