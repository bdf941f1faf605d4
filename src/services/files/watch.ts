import { type Stats, unwatchFile, watchFile } from 'node:fs';
import type { Workspace } from '../config/workspace.js';
import { storeFilesOf } from '../store/agent-store.js';

export const WATCH_INTERVAL_MS = 100;
const DEBOUNCE_MS = 40;

/**
 * The files whose change changes what the dashboard shows, in every generation: the JSON
 * files, and the SQLite databases with their write-ahead logs (a commit by the gateway lands
 * in the -wal file first; a checkpoint changes the database file).
 */
export function watchedFiles(workspace: Workspace): string[] {
  return [...storeFilesOf(workspace), workspace.configPath, workspace.daemonEnvPath];
}

/**
 * Calls `onChange` when any of the agent's files changes on disk, whoever wrote it (the gateway
 * writes them too). Stat polling rather than fs.watch: it sees files that do not exist yet and
 * atomic renames (a new inode) alike, on every platform; a burst of writes makes one call.
 */
export function watchAgentFiles(
  workspace: Workspace,
  onChange: () => void,
  intervalMs = WATCH_INTERVAL_MS,
): () => void {
  const files = watchedFiles(workspace);
  let timer: NodeJS.Timeout | undefined;
  const listener = (current: Stats, previous: Stats) => {
    if (current.mtimeMs === previous.mtimeMs && current.ino === previous.ino && current.size === previous.size) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, DEBOUNCE_MS);
  };
  for (const file of files) watchFile(file, { interval: intervalMs, persistent: false }, listener);
  return () => {
    if (timer) clearTimeout(timer);
    for (const file of files) unwatchFile(file, listener);
  };
}
