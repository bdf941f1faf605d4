import { isUtf8 } from 'node:buffer';
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readFileSync, readlinkSync } from 'node:fs';
import { fsFailure, isNodeError, UnreadableStateError } from '../errors.js';

/**
 * The most authdeck reads of one file. The largest real files it reads are stores of a few
 * thousand profiles (a few MB); a link to /dev/zero or a runaway file must not fill memory.
 */
export const MAX_READ_BYTES = 32 * 1024 * 1024;

// O_NONBLOCK: a FIFO (or a device) put where a file belongs must not block the open; what was
// opened is then checked to be a regular file, on the descriptor itself (no race with a swap).
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

function notAFile(path: string, what: string): UnreadableStateError {
  return new UnreadableStateError(`${path} is ${what}, not a regular file; authdeck reads only regular files`, path);
}

function describeKind(stats: {
  isFIFO(): boolean;
  isSocket(): boolean;
  isDirectory(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'a special file';
}

function tooLarge(path: string, maxBytes: number): UnreadableStateError {
  return new UnreadableStateError(
    `${path} is larger than ${maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${Math.round(maxBytes / 1024)} KB`}; authdeck will not read it (is it the right file?)`,
    path,
  );
}

/**
 * A file's text, or undefined when it does not exist; a FIFO, device or directory, a file past
 * `maxBytes`, or any other failure is a one-line reason that names the file, never a hang.
 * Read synchronously under the promise: the files are local and small, and Node's promise file
 * API costs every command's start-up more (it loads readline and the file watchers) than the
 * read itself takes.
 */
export async function readTextIfExists(path: string, maxBytes = MAX_READ_BYTES): Promise<string | undefined> {
  return readTextIfExistsSync(path, maxBytes);
}

/** The same, for a caller that cannot wait (preferences). */
export function readTextIfExistsSync(path: string, maxBytes = MAX_READ_BYTES): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return undefined;
    throw fsFailure(error, path, 'read');
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw notAFile(path, describeKind(stats));
    if (stats.size > maxBytes) throw tooLarge(path, maxBytes);
    return readFileSync(fd, 'utf8');
  } catch (error) {
    throw fsFailure(error, path, 'read');
  } finally {
    closeSync(fd);
  }
}

export async function pathExists(path: string): Promise<boolean> {
  return existsSync(path);
}

/**
 * `text` (as read from `path`, or made from what was) holds U+FFFD where the file's bytes are
 * not UTF-8: written back, every other line of it would change.
 */
export function isLossyRead(path: string, text: string): boolean {
  if (!text.includes('\uFFFD')) return false;
  try {
    return !isUtf8(readFileSync(path));
  } catch {
    return false;
  }
}

/** The target of a link at `path` that points at nothing; undefined for a file, a live link or nothing. */
export function danglingLinkTarget(path: string): string | undefined {
  try {
    if (!lstatSync(path).isSymbolicLink() || existsSync(path)) return undefined;
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}
