import type { CommandIO } from './commands/output.js';
import { listenForInterrupts } from './interrupts.js';

/** What every entry does first: the process's streams as a command's I/O, interrupts heard. */
export function startProcess(): CommandIO {
  // Output that cannot be written (`| head` closed the pipe, a full disk, a closed descriptor)
  // is lost, not a crash: the command finishes and its exit code says what it did (a save that
  // happened exits 0 even if its last line could not be printed).
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
  listenForInterrupts();
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, now: Date.now };
}
