import { main } from './cli.js';
import { listenForInterrupts } from './interrupts.js';

// Output that cannot be written (`| head` closed the pipe, a full disk, a closed descriptor)
// is lost, not a crash: the command finishes and its exit code says what it did (a save that
// happened exits 0 even if its last line could not be printed).
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

listenForInterrupts();

// The entry owns the exit code; it lets the event loop drain instead of calling process.exit
// so that buffered stdout (a pipe) is never cut short.
const code = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  now: Date.now,
});
process.exitCode = code;
