import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { AuthdeckError, fsFailure } from '../errors.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { readTextIfExists } from '../files/fs-read.js';
import { withFileLock } from '../files/lock.js';
import { validateNtfyUrl } from './monitor-target.js';

/**
 * A notify target with its credential — an ntfy URL with a password or token, a command with a
 * key in it — kept apart (0600) from the unit or crontab line: a command line is readable by
 * every local user (`ps`, /proc/<pid>/cmdline) on every run.
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
  const text = await readTextIfExists(path, 64 * 1024);
  if (text === undefined) throw new AuthdeckError(`${path} is gone; run \`authdeck monitor install\` again`);
  const command = text.replace(/\r?\n$/, '');
  if (command.trim() === '')
    throw new AuthdeckError(`${path} holds no command; run \`authdeck monitor install\` again`);
  return command;
}

/** The URL `monitor install` kept; failures name the file, never what it holds. */
export async function readNtfyFile(path: string): Promise<string> {
  const text = await readTextIfExists(path, 64 * 1024);
  if (text === undefined) throw new AuthdeckError(`${path} is gone; run \`authdeck monitor install\` again`);
  try {
    return validateNtfyUrl(text.trim());
  } catch {
    throw new AuthdeckError(`${path} holds no usable ntfy URL; run \`authdeck monitor install\` again`);
  }
}
