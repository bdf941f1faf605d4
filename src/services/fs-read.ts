import { access, readFile } from 'node:fs/promises';
import { isNodeError, UnreadableStateError } from './errors.js';

/** A file's text, or undefined when it does not exist; other failures name the file. */
export async function readTextIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return undefined;
    if (isNodeError(error, 'EACCES')) throw new UnreadableStateError(`${path}: permission denied`, path);
    if (isNodeError(error, 'EISDIR')) throw new UnreadableStateError(`${path}: is a directory, not a file`, path);
    throw error;
  }
}

export async function pathExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
