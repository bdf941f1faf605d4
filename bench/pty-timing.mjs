// A command in a real PTY read through a headless xterm: the time from launch until its
// screen shows something, the way a person sees it (shared by the dashboard and setup-token benches).

import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';

const { Terminal } = xterm;

export function launchInPty(file, args, { cols = 120, rows = 40, env, cwd }) {
  const terminal = new Terminal({ cols, rows, allowProposedApi: true });
  const started = performance.now();
  const child = pty.spawn(file, args, { cols, rows, cwd, env });
  child.onData((data) => terminal.write(data));
  const screen = () => {
    const buffer = terminal.buffer.active;
    let text = '';
    for (let i = 0; i < terminal.rows; i++)
      text += `${buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? ''}\n`;
    return text;
  };
  const waitFor = (test, timeoutMs = 15_000) =>
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

/** Median time from launch until `test(screen)` holds, over `runs` launches. */
export async function timeToScreen(makeLaunch, test, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const { app, cleanup } = makeLaunch();
    const seenAt = await app.waitFor(test);
    samples.push(seenAt - app.started);
    app.child.kill('SIGKILL');
    cleanup?.();
  }
  return samples;
}
