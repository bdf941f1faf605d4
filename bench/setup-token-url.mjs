// setup-token: from launch until claude's sign-in link is on screen, authdeck against `claude
// setup-token` alone in the same PTY harness. The fake claude (test/fake-claude) replays a real
// recording with its real timing (FAKE_CLAUDE_REALTIME=1), once with claude's boot before its
// first output (about a second on this machine: FAKE_CLAUDE_BOOT_MS) and once without any.
// Goal: authdeck ≤ claude alone + 150 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goalRow, median } from './lib.mjs';
import { launchInPty, timeToScreen } from './pty-timing.mjs';

const cli = fileURLToPath(new URL('../bin/authdeck.js', import.meta.url));
const fakeDir = fileURLToPath(new URL('../test/fake-claude', import.meta.url));
const linkVisible = (text) => text.replace(/\n/g, '').includes('https://claude.ai/oauth/authorize?');

function launch(file, args, bootMs) {
  return () => {
    const home = mkdtempSync(join(tmpdir(), 'authdeck-bench-'));
    const env = {
      PATH: `${fakeDir}:${dirname(process.execPath)}:/usr/bin:/bin`,
      HOME: home,
      TERM: 'xterm-256color',
      FAKE_CLAUDE_REALTIME: '1',
      FAKE_CLAUDE_BOOT_MS: String(bootMs),
      // An empty home with no openclaw: say which store, or authdeck asks first (README "Where it reads and writes").
      AUTHDECK_STORE_GENERATION: 'json',
    };
    return {
      app: launchInPty(file, args, { cols: 100, rows: 40, cwd: home, env }),
      cleanup: () => rmSync(home, { recursive: true, force: true }),
    };
  };
}

// Alternate the two so that load changes hit both alike.
async function compare(bootMs, label) {
  const alone = [];
  const ours = [];
  for (let i = 0; i < 5; i++) {
    alone.push(...(await timeToScreen(launch(join(fakeDir, 'claude'), ['setup-token'], bootMs), linkVisible, 1)));
    ours.push(...(await timeToScreen(launch(process.execPath, [cli, 'setup-token'], bootMs), linkVisible, 1)));
  }
  const claudeAlone = median(alone);
  return [
    goalRow(`claude alone (${label})`, claudeAlone, { samples: alone }),
    goalRow(`authdeck setup-token (${label})`, median(ours), {
      yardstick: claudeAlone,
      samples: ours,
      goal: { text: '≤ claude alone + 150 ms', met: median(ours) <= claudeAlone + 150 },
    }),
  ];
}
console.log('setup-token: launch → sign-in link on screen (medians, spread in brackets)');
export const results = [...(await compare(900, 'claude boots 900 ms')), ...(await compare(0, 'instant claude'))];
