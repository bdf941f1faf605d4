import { main } from './cli.js';

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
