import { access, readFile } from 'node:fs/promises';
import { fsFailure, isNodeError } from './errors.js';

/** A file's text, or undefined when it does not exist; other failures name the file. */
export async function readTextIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return undefined;
    throw fsFailure(error, path, 'read');
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
