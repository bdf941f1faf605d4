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
  return plainOutput(fd) ?? nodeStream(fd);
}

function nodeStream(fd: 1 | 2): NodeJS.WriteStream {
  const stream = fd === 1 ? process.stdout : process.stderr;
  if (!quietened.has(stream)) {
    quietened.add(stream);
    stream.on('error', () => {});
  }
  return stream;
}
/** Node's streams whose write errors are already swallowed (once each). */
const quietened = new Set<NodeJS.WriteStream>();

/**
 * What a pipe takes before a write could wait for its reader: under Linux's 64 KB pipe buffer.
 * Past it, output goes through Node's stream, which waits for the reader without holding the
 * event loop: a write held in the kernel would keep Ctrl+C from being heard until the reader
 * (a pager) read on.
 */
const DIRECT_PIPE_BYTES = 32 * 1024;

/** Shared by stdout and stderr: `2>&1` is one pipe, and its output must stay in order. */
const direct = { bytes: 0, handedOver: false, samePipe: undefined as boolean | undefined };

function samePipe(): boolean {
  if (direct.samePipe === undefined) {
    try {
      const [out, err] = [fstatSync(1), fstatSync(2)];
      direct.samePipe = out.dev === err.dev && out.ino === err.ino;
    } catch {
      direct.samePipe = false;
    }
  }
  return direct.samePipe;
}

/**
 * A pipe, socket or file written straight through its descriptor, as Node itself writes them on
 * Linux (synchronously), without loading its stream modules: the few lines most commands print.
 * A terminal or anything else gets Node's own stream (only that knows a terminal's width and
 * modes); so does a pipe once it has taken DIRECT_PIPE_BYTES, or once a write would wait (a
 * pipe another program made non-blocking) — and then stdout and stderr both, through one
 * stream when they are one pipe, so that nothing overtakes what is queued.
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
  const viaNode = () => (fd === 2 && samePipe() ? nodeStream(1) : nodeStream(fd));
  const output = {
    isTTY: false as const,
    write(chunk: string | Uint8Array): boolean {
      if (kind === 'pipe' && direct.handedOver) return viaNode().write(chunk);
      if (broken) return true;
      let bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (kind === 'pipe' && direct.bytes + bytes.length > DIRECT_PIPE_BYTES) {
        direct.handedOver = true;
        return viaNode().write(bytes);
      }
      try {
        while (bytes.length > 0) {
          const written = writeSync(fd, bytes);
          direct.bytes += written;
          bytes = bytes.subarray(written);
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN' && kind === 'pipe') {
          direct.handedOver = true;
          viaNode().write(bytes);
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
