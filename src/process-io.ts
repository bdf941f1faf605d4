import { fstatSync, writeSync } from 'node:fs';
import type { CommandIO } from './commands/output.js';
import { listenForInterrupts } from './interrupts.js';

/**
 * What every entry does first: the process's streams as a command's I/O, interrupts heard.
 * Each stream is made when first used: Node builds `process.stdin`/`stdout` from its stream and
 * socket modules, milliseconds of start-up that `status` in a prompt or cron job pays on every
 * run for streams it never touches (bench/status.mjs).
 */
export function startProcess(): CommandIO {
  listenForInterrupts();
  let stdout: NodeJS.WriteStream | undefined;
  let stderr: NodeJS.WriteStream | undefined;
  return {
    get stdin() {
      return process.stdin;
    },
    get stdout() {
      stdout ??= outputStream(1);
      return stdout;
    },
    get stderr() {
      stderr ??= outputStream(2);
      return stderr;
    },
    env: process.env,
    now: Date.now,
  };
}

// Output that cannot be written (`| head` closed the pipe, a full disk, a closed descriptor) is
// lost, not a crash: the command finishes and its exit code says what it did (a save that
// happened exits 0 even if its last line could not be printed).
function outputStream(fd: 1 | 2): NodeJS.WriteStream {
  const plain = plainOutput(fd);
  if (plain) return plain;
  const stream = fd === 1 ? process.stdout : process.stderr;
  stream.on('error', () => {});
  return stream;
}

/**
 * A pipe, socket or file written straight through its descriptor, as Node itself writes them on
 * Linux (synchronously), without loading its stream modules. A terminal or anything else gets
 * Node's own stream: only that knows a terminal's width and modes.
 */
function plainOutput(fd: 1 | 2): NodeJS.WriteStream | null {
  let kind: 'pipe' | 'file';
  try {
    const stats = fstatSync(fd);
    // A socket too: what Node's child_process (and so most programs run from Node) gives.
    if (stats.isFIFO() || stats.isSocket()) kind = 'pipe';
    else if (stats.isFile()) kind = 'file';
    else return null;
  } catch {
    return null;
  }
  let broken = false;
  // Once Node's stream holds output, everything goes through it, in order.
  let stream: NodeJS.WriteStream | undefined;
  const output = {
    isTTY: false as const,
    write(chunk: string | Uint8Array): boolean {
      if (stream) return stream.write(chunk);
      if (broken) return true;
      let bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      try {
        while (bytes.length > 0) bytes = bytes.subarray(writeSync(fd, bytes));
      } catch (error) {
        // A pipe another program left non-blocking and full: Node's stream waits for it.
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN' && kind === 'pipe') {
          stream = fd === 1 ? process.stdout : process.stderr;
          stream.on('error', () => {});
          stream.write(bytes);
        } else broken = true;
      }
      return true;
    },
    on() {
      return output;
    },
  };
  return output as unknown as NodeJS.WriteStream;
}
