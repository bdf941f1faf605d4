// A stand-in for `claude setup-token` that replays the real program's recorded byte streams
// under a PTY and reacts to input the way it does: the code and Enter, "bad…" codes that are
// refused, Enter to retry after an error, Ctrl-C ignored. FAKE_CLAUDE_SCENARIO picks the story.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadRecording } from './recordings.mjs';

const scenario = process.env.FAKE_CLAUDE_SCENARIO || 'success';
const realtime = process.env.FAKE_CLAUDE_REALTIME === '1';

if (process.argv[2] !== 'setup-token') {
  process.stderr.write('fake claude: only `claude setup-token` is implemented\n');
  process.exit(2);
}
if (!process.stdin.isTTY || !process.stdout.isTTY) {
  process.stderr.write('Error: setup-token needs an interactive terminal\n');
  process.exit(1);
}
if (process.env.FAKE_CLAUDE_PIDFILE) writeFileSync(process.env.FAKE_CLAUDE_PIDFILE, String(process.pid));
if (process.env.FAKE_CLAUDE_ENVFILE) writeFileSync(process.env.FAKE_CLAUDE_ENVFILE, JSON.stringify(process.env));

// The recorded bytes already went through the terminal's output processing once.
try {
  execFileSync('stty', ['-opost'], { stdio: ['inherit', 'ignore', 'ignore'] });
} catch {
  // Without stty the line ends gain a \r; the parser takes /\r+\n/ anyway.
}
process.stdin.setRawMode(true);
process.on('SIGINT', () => {});

const cols = process.stdout.columns || 80;
const width = cols <= 60 ? 40 : cols <= 200 ? 80 : 500;

let input = '';
let waiter = null;
process.stdin.on('data', (chunk) => {
  input += chunk.toString('utf8');
  if (waiter) waiter();
});

function nextLine() {
  return new Promise((resolve) => {
    const check = () => {
      const end = input.indexOf('\r');
      if (end === -1) return;
      waiter = null;
      const line = input.slice(0, end);
      input = input.slice(end + 1);
      resolve(line);
    };
    waiter = check;
    check();
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes bytes [from, to) of a recording, with the recorded chunking and pauses if realtime. */
async function play(recording, from = 0, to = recording.raw.length) {
  if (!realtime) {
    process.stdout.write(recording.raw.subarray(from, to));
    return;
  }
  let offset = 0;
  let lastAt = null;
  for (const [atMs, bytes] of recording.meta.chunks) {
    const start = offset;
    offset += bytes;
    if (offset <= from || start >= to) continue;
    if (lastAt !== null) await sleep(Math.max(0, atMs - lastAt));
    lastAt = atMs;
    process.stdout.write(recording.raw.subarray(Math.max(start, from), Math.min(offset, to)));
  }
}

function finish(code) {
  process.stdout.write('', () => process.exit(code));
}

async function signInLoop(signin, errorRecording) {
  const success = loadRecording(`success-${width}x40`);
  await play(signin, 0, signin.meta.writes[0]?.afterBytes ?? signin.raw.length);
  // For the benchmark: when the sign-in URL went out to the terminal.
  if (process.env.FAKE_CLAUDE_URL_TIMEFILE) writeFileSync(process.env.FAKE_CLAUDE_URL_TIMEFILE, String(Date.now()));
  for (;;) {
    const code = await nextLine();
    if (code.startsWith('bad') || errorRecording) {
      const error = loadRecording(errorRecording ?? 'error-badcode-80x40');
      await play(error, error.meta.writes[0].afterBytes);
      await nextLine();
      errorRecording = undefined;
      const again = loadRecording(`signin-${width}x40`);
      await play(again);
      continue;
    }
    await play(success, success.meta.writes[0].afterBytes);
    return finish(0);
  }
}

// The real claude takes about a second to boot before it prints anything (the benchmark sets this).
if (process.env.FAKE_CLAUDE_BOOT_MS) await sleep(Number(process.env.FAKE_CLAUDE_BOOT_MS));

switch (scenario) {
  case 'success':
    await signInLoop(loadRecording(`success-${width}x40`));
    break;
  case 'nonetwork-then-success':
    await signInLoop(loadRecording(`success-${width}x40`), 'error-nonetwork-80x40');
    break;
  case 'browser':
    await play(loadRecording('success-browser-80x40'));
    finish(0);
    break;
  case 'browser-slow': {
    const signin = loadRecording('signin-browser-80x40');
    await play(signin);
    await signInLoop({ ...signin, raw: Buffer.alloc(0), meta: { ...signin.meta, writes: [] } });
    break;
  }
  case 'unknown': {
    process.stdout.write('\x1b[1mClaude Code 99\x1b[22m\r\n\r\nType the word "token" and press Enter:\r\n> ');
    let typed = '';
    for (;;) {
      const line = await nextLine();
      typed += line;
      if (typed.includes('token')) break;
      process.stdout.write('\r\nNo. Try again:\r\n> ');
    }
    const token = loadRecording('success-80x40').meta.expected.token;
    process.stdout.write(`\r\n\r\nHere it is:\r\n\r\n  ${token.slice(0, 50)}\r\n  ${token.slice(50)}\r\n\r\nBye.\r\n`);
    finish(0);
    break;
  }
  case 'exit':
    process.stdout.write('Error: your organisation has disabled setup-token\r\n');
    finish(1);
    break;
  default:
    process.stderr.write(`fake claude: unknown scenario ${scenario}\n`);
    process.exit(2);
}
