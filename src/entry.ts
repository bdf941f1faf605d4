import { fstatSync } from 'node:fs';
import { holdEarlyKeys, opensScreen, releaseEarlyKeys } from './early-keys.js';
import { startProcess } from './process-io.js';

const argv = process.argv.slice(2);
const io = startProcess();
// The entry owns the exit code; it lets the event loop drain instead of calling process.exit
// so that buffered stdout (a pipe) is never cut short. Shell completion asks on every Tab:
// its helper loads only what its answer needs, not the command tree.
// Terminals are character devices: only then are Node's stdin/stdout streams made to ask. Made
// for a pipe, Node's stdout would make that pipe non-blocking for the whole command's output.
const screenFirst =
  characterDevice(0) &&
  characterDevice(1) &&
  process.stdin.isTTY &&
  process.stdout.isTTY &&
  argv[0] !== '__complete' &&
  opensScreen(argv);
if (screenFirst) holdEarlyKeys(process.stdin);
process.exitCode =
  argv[0] === '__complete'
    ? await (await import('./commands/complete.js')).runComplete(argv.slice(1), io)
    : await (await import('./cli.js')).main(argv, io);
// Refused before any screen opened (an unknown agent, no terminal): the terminal as it was.
if (screenFirst) {
  releaseEarlyKeys();
  process.stdin.setRawMode(false);
}
// Once all is written (the loop has drained: no output is pending), exit at once: Node's own
// teardown gives Ctrl+C back its default action first, and one landing then ended a command that
// had printed "Saved" with 130 (2 of 58 in a sweep of its last 180 ms). process.exit skips it.
process.once('beforeExit', () => process.exit());

function characterDevice(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}
