import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { AuthdeckError, errorMessage, fsFailure } from '../errors.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { readTextIfExists } from '../files/fs-read.js';
import { withFileLock } from '../files/lock.js';
import { type NotifyTarget, type RunTarget, validateNtfyUrl } from './monitor-target.js';

/** The most a kept target's file holds (and so the longest target install keeps). */
export const MAX_KEPT_BYTES = 64 * 1024;

/**
 * A notify target that may hold a credential — an ntfy URL with a password or token, any notify
 * command — kept apart (0600) from the unit or crontab line: a command line is readable by every
 * local user (`ps`, /proc/<pid>/cmdline) on every run.
 */
export async function writeKeptTarget(path: string, target: string): Promise<void> {
  await withFileLock(path, () => writeFileAtomic(path, `${target}\n`));
}

export async function removeKeptTarget(path: string): Promise<void> {
  // The lock would make a state dir that does not exist.
  if (!existsSync(path)) return;
  try {
    await withFileLock(path, () => rm(path, { force: true }));
  } catch (error) {
    throw fsFailure(error, path, 'write');
  }
}

/** The command `monitor install` kept; failures name the file, never what it holds. */
export async function readNotifyFile(path: string): Promise<string> {
  const text = await readTextIfExists(path, MAX_KEPT_BYTES);
  if (text === undefined) throw new AuthdeckError(`${path} is gone; run \`authdeck monitor install\` again`);
  const command = text.replace(/\r?\n$/, '');
  if (command.trim() === '')
    throw new AuthdeckError(`${path} holds no command; run \`authdeck monitor install\` again`);
  if (command.includes('\0')) throw new AuthdeckError(`${path} holds a NUL byte, which no shell command can`);
  return command;
}

/** The URL `monitor install` kept; failures name the file, never what it holds. */
export async function readNtfyFile(path: string): Promise<string> {
  const text = await readTextIfExists(path, MAX_KEPT_BYTES);
  if (text === undefined) throw new AuthdeckError(`${path} is gone; run \`authdeck monitor install\` again`);
  try {
    return validateNtfyUrl(text.trim());
  } catch {
    throw new AuthdeckError(`${path} holds no usable ntfy URL; run \`authdeck monitor install\` again`);
  }
}

/**
 * The target a run sends to, a kept one read from its file; a file that cannot be read is a run
 * that did not notify, said in words that name the file, never what it holds.
 */
export async function readKeptTarget(
  target: RunTarget,
): Promise<{ target: NotifyTarget; file?: string } | { unreadable: string }> {
  if ('command' in target || 'ntfyUrl' in target) return { target };
  const [file, what, read] =
    'ntfyFile' in target
      ? [target.ntfyFile, 'the ntfy URL', async (path: string) => ({ ntfyUrl: await readNtfyFile(path) })]
      : [target.notifyFile, 'the notify command', async (path: string) => ({ command: await readNotifyFile(path) })];
  try {
    return { target: await read(file), file };
  } catch (error) {
    return { unreadable: `could not read ${what}: ${errorMessage(error)}` };
  }
}
