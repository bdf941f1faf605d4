import { closeSync, openSync } from 'node:fs';
import { ReadStream, WriteStream } from 'node:tty';
import { CommandContext } from './context.js';

/**
 * The terminal the user sits at even when stdout is a pipe (`id=$(authdeck pick --print)`):
 * `/dev/tty`, as fzf and git's prompts use it. Undefined when there is none (cron, CI).
 */
export function openControllingTerminal(ctx: CommandContext): { ctx: CommandContext; close(): void } | undefined {
  let readFd: number | undefined;
  let writeFd: number | undefined;
  try {
    readFd = openSync('/dev/tty', 'r');
    writeFd = openSync('/dev/tty', 'w');
  } catch {
    for (const fd of [readFd, writeFd]) if (fd !== undefined) closeSync(fd);
    return undefined;
  }
  const stdin = new ReadStream(readFd);
  const stdout = new WriteStream(writeFd);
  if (!stdin.isTTY || !stdout.isTTY) {
    stdin.destroy();
    stdout.destroy();
    return undefined;
  }
  const ttyCtx = new CommandContext({ ...ctx.io, stdin, stdout }, ctx.globals);
  return {
    ctx: ttyCtx,
    close: () => {
      stdin.destroy();
      stdout.destroy();
    },
  };
}
