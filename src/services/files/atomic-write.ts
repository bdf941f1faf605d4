import { readdirSync, type Stats } from 'node:fs';
import { type FileHandle, lstat, mkdir, open, readdir, readlink, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AuthdeckError, fsFailure, isNodeError } from '../errors.js';
import { isLossyRead } from './fs-read.js';
import { isDeadPid, lockFileName } from './lock-owner.js';
import { removeTakeoverLeftovers } from './lock-takeover.js';
import { countedWrite } from './write-activity.js';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates missing directories as 0700; existing ones keep their mode (they are the user's). */
export async function ensurePrivateDir(dir: string): Promise<void> {
  try {
    await makeDirs(resolve(dir));
  } catch (error) {
    throw fsFailure(error, dir, 'write');
  }
}

/**
 * `mkdir -p`, each level tried once. Not Node's `recursive: true`: where mkdir answers ENOENT
 * with the parent there (under /proc), it retries for ever at full CPU.
 */
async function makeDirs(dir: string): Promise<void> {
  try {
    await mkdir(dir, { mode: PRIVATE_DIR_MODE });
  } catch (error) {
    if (isNodeError(error, 'EEXIST') && (await stat(dir)).isDirectory()) return;
    const parent = dirname(dir);
    if (!isNodeError(error, 'ENOENT') || parent === dir) throw error;
    await makeDirs(parent);
    try {
      await mkdir(dir, { mode: PRIVATE_DIR_MODE });
    } catch (again) {
      if (!isNodeError(again, 'EEXIST') || !(await stat(dir)).isDirectory()) throw again;
    }
  }
}

/**
 * The file a write to `path` should replace: a symlink (a dotfiles setup) is written through
 * to its target, in the target's directory, so the link stays a link.
 */
export async function resolveWriteTarget(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 16; hops++) {
    let stats: Stats;
    try {
      stats = await lstat(current);
    } catch (error) {
      if (isNodeError(error, 'ENOENT')) return current;
      throw fsFailure(error, current, 'read');
    }
    if (!stats.isSymbolicLink()) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw new AuthdeckError(`${path}: too many symbolic links`);
}

/**
 * Our temp files are `<name>.<pid>-<time><random>.tmp` (base 36), so a sweep can tell whose a
 * temp file is. Before, the pid ran on into the rest — `<name>.<pid><8 time><8 random>.tmp` —
 * which still gives it back; a name of ours too short to hold a pid is taken for a leftover.
 */
function tempFileWriter(entry: string, name: string): { pid?: number } | undefined {
  if (!entry.startsWith(`${name}.`) || !entry.endsWith('.tmp')) return undefined;
  const middle = entry.slice(name.length + 1, -'.tmp'.length);
  const current = /^([0-9a-z]+)-[0-9a-z]{12,}$/.exec(middle);
  if (current) return { pid: Number.parseInt(current[1]!, 36) };
  if (!/^[0-9a-z]{12,}$/.test(middle)) return undefined;
  return middle.length > 16 ? { pid: Number.parseInt(middle.slice(0, -16), 36) } : {};
}

/** A temp file a killed writer left: one whose writer is gone (a live one is mid-write). */
function isLeftoverTempFile(entry: string, name: string): boolean {
  const writer = tempFileWriter(entry, name);
  return writer !== undefined && (writer.pid === undefined || isDeadPid(writer.pid));
}

/**
 * Temp files a killed authdeck left beside `path` (between writing and renaming). They hold a
 * copy of the file — secrets, for a store. Listed by `status`; removed by the next write.
 */
export async function findLeftoverTempFiles(path: string): Promise<string[]> {
  const dir = dirname(path);
  const name = basename(path);
  try {
    // Synchronously: `status` asks on every run (fs-read.ts says why that is cheaper).
    return readdirSync(dir)
      .filter((entry) => isLeftoverTempFile(entry, name))
      .map((entry) => join(dir, entry));
  } catch {
    return [];
  }
}

/**
 * What killed writers left beside `target`, removed under its lock in one pass over the
 * directory: temp files of dead writers (copies of the file) and what killed lock takers left.
 */
async function removeLeftovers(target: string): Promise<void> {
  const dir = dirname(target);
  const name = basename(target);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const entry of names) if (isLeftoverTempFile(entry, name)) await rm(join(dir, entry), { force: true });
  await removeTakeoverLeftovers(join(dir, lockFileName(name)), names);
}

/**
 * A file read as UTF-8 that is not (a comment in Latin-1) comes back with U+FFFD where its bytes
 * were: written back, every other line would change. Such a write is refused, the file kept.
 */
function refuseLossyRewrite(target: string, content: string): void {
  if (isLossyRead(target, content))
    throw new AuthdeckError(
      `${target} is not UTF-8 text, and writing it back would change the bytes of what else it holds; make it UTF-8 (or edit it by hand) and run this again (nothing was written)`,
    );
}

/**
 * Replaces `path` so that a reader (the gateway) sees either the old or the new content, never
 * a torn file, and a crash leaves no half-written file behind: tmp file 0600, fsync, rename,
 * then fsync the directory so the rename itself survives power loss. Callers hold the file's
 * lock, so leftovers of a killed earlier write are removed here. A file the user made
 * read-only is left alone.
 */
export function writeFileAtomic(path: string, content: string): Promise<void> {
  return countedWrite(() => replaceFile(path, content));
}

async function replaceFile(path: string, content: string): Promise<void> {
  const target = await resolveWriteTarget(path);
  const dir = dirname(target);
  await ensurePrivateDir(dir);
  await refuseReadOnly(target);
  refuseLossyRewrite(target, content);
  await removeLeftovers(target);
  const tmpPath = join(dir, `${basename(target)}.${uniqueSuffix()}.tmp`);
  let handle: FileHandle;
  try {
    handle = await open(tmpPath, 'wx', PRIVATE_FILE_MODE);
  } catch (error) {
    throw fsFailure(error, tmpPath, 'write');
  }
  try {
    await handle.writeFile(content, 'utf8');
    await handle.chmod(PRIVATE_FILE_MODE);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(tmpPath, { force: true });
    throw fsFailure(error, target, 'write');
  }
  await handle.close();
  try {
    await rename(tmpPath, target);
  } catch (error) {
    await rm(tmpPath, { force: true });
    throw fsFailure(error, target, 'write');
  }
  await fsyncDir(dir);
}

/**
 * A file whose owner-write bit is off was protected on purpose: it is not replaced (a rename
 * would succeed whatever its mode, and root would be let through anyway).
 */
export async function refuseReadOnly(target: string): Promise<void> {
  let stats: Stats;
  try {
    stats = await stat(target);
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return;
    throw fsFailure(error, target, 'write');
  }
  if ((stats.mode & 0o200) === 0) {
    throw new AuthdeckError(
      `${target} is read-only (mode ${(stats.mode & 0o777).toString(8)}); authdeck will not change a file you protected — \`chmod u+w\` it first`,
    );
  }
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some filesystems refuse fsync on a directory; the rename has still happened.
  } finally {
    await handle.close();
  }
}

/**
 * Unique enough for a temp name that is opened with `wx` (a clash fails, it never overwrites);
 * node:crypto would cost more start-up time than the whole read path. The pid comes first, on
 * its own, for the sweep (tempFileWriter).
 */
function uniqueSuffix(): string {
  return `${process.pid.toString(36)}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10).padEnd(8, '0')}`;
}
