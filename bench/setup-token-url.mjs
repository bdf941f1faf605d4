// SPEC §8: claude's sign-in URL on authdeck's screen within 300 ms of claude showing it.
// The fake claude (test/fake-claude) notes when it wrote the sign-in screen; this script reads
// authdeck's screen through a headless xterm and notes when the URL appears there.
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import xterm from '@xterm/headless';
import pty from 'node-pty';
import { median, printRow } from './lib.mjs';

const { Terminal } = xterm;
const cli = fileURLToPath(new URL('../bin/authdeck.js', import.meta.url));
const fakeDir = fileURLToPath(new URL('../test/fake-claude', import.meta.url));

async function once() {
  const home = mkdtempSync(join(tmpdir(), 'authdeck-bench-'));
  const timeFile = join(home, 'url-at');
  const terminal = new Terminal({ cols: 100, rows: 40, allowProposedApi: true });
  const child = pty.spawn(process.execPath, [cli, 'setup-token'], {
    cols: 100,
    rows: 40,
    cwd: home,
    env: {
      PATH: `${fakeDir}:${dirname(process.execPath)}:/usr/bin:/bin`,
      HOME: home,
      TERM: 'xterm-256color',
      FAKE_CLAUDE_URL_TIMEFILE: timeFile,
    },
  });
  child.onData((data) => terminal.write(data));
  const seenAt = await new Promise((resolve, reject) => {
    const deadline = Date.now() + 15_000;
    const poll = setInterval(() => {
      const buffer = terminal.buffer.active;
      let screen = '';
      for (let i = 0; i < terminal.rows; i++) screen += buffer.getLine(i)?.translateToString(true) ?? '';
      if (screen.includes('https://claude.ai/oauth/authorize?')) {
        clearInterval(poll);
        resolve(Date.now());
      } else if (Date.now() > deadline) {
        clearInterval(poll);
        reject(new Error('URL never appeared'));
      }
    }, 2);
  });
  child.kill('SIGKILL');
  const wroteAt = existsSync(timeFile) ? Number(readFileSync(timeFile, 'utf8')) : NaN;
  rmSync(home, { recursive: true, force: true });
  return seenAt - wroteAt;
}

const samples = [];
for (let i = 0; i < 7; i++) samples.push(await once());
console.log(
  `setup-token sign-in URL latency (median of ${samples.length}; samples ${samples.map((s) => s.toFixed(0)).join(', ')} ms)`,
);
printRow('claude wrote the URL → on authdeck screen', median(samples), 300, 'ms');
