import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates missing directories as 0700; existing ones keep their mode (they are the user's). */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Replaces `path` so that a reader (the gateway) sees either the old or the new content, never
 * a torn file, and a crash leaves no half-written file behind: tmp file 0600, fsync, rename,
 * then fsync the directory so the rename itself survives power loss.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const dir = dirname(path);
  await ensurePrivateDir(dir);
  const tmpPath = join(dir, `${basename(path)}.${uniqueSuffix()}.tmp`);
  const handle = await open(tmpPath, 'wx', PRIVATE_FILE_MODE);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.chmod(PRIVATE_FILE_MODE);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(tmpPath, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(tmpPath, path);
  } catch (error) {
    await rm(tmpPath, { force: true });
    throw error;
  }
  await fsyncDir(dir);
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
 * node:crypto would cost more start-up time than the whole read path.
 */
function uniqueSuffix(): string {
  return `${process.pid.toString(36)}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}
