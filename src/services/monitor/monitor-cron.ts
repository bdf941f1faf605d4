import { existsSync } from 'node:fs';
import { writeFileAtomic } from '../files/atomic-write.js';
import { readTextIfExists } from '../files/fs-read.js';
import type { MonitorLocation } from './monitor-location.js';
import type { CrontabReader } from './monitor-system.js';
import { hideUrlSecrets } from './monitor-target.js';
import { optionArgs, shellWord } from './monitor-units.js';

/**
 * The monitor where there is no systemd: authdeck never edits a crontab, so it gives the line
 * to add, keeps it (`cronPath`) to show it again, and finds it in `crontab -l` once added.
 */
export interface MonitorCron {
  /** Whether there is a `crontab` program to read (and edit) the user's crontab with. */
  crontab: boolean;
  /** The lines of the user's crontab that run this agent's monitor (secrets in URLs masked). */
  entries: string[];
  /** The line `monitor install` gave to add (secrets in URLs masked). */
  line?: string;
}

/** How a line renderCrontabLine made names its agent (the last words before the redirect). */
function targetWords(where: Pick<MonitorLocation, 'stateDir' | 'agentId'>): string {
  return [...optionArgs('state-dir', where.stateDir), ...optionArgs('agent', where.agentId)]
    .map(shellWord)
    .join(' ')
    .replace(/%/g, '\\%');
}

/** The crontab lines that run `monitor run` for this agent and state dir, however their schedule was edited. */
export function cronEntries(crontab: string, where: Pick<MonitorLocation, 'stateDir' | 'agentId'>): string[] {
  const target = ` ${targetWords(where)} `;
  return crontab
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .filter((line) => line.includes(' monitor run ') && `${line} `.includes(target));
}

async function readCronRecord(path: string): Promise<string | undefined> {
  try {
    const line = (await readTextIfExists(path, 64 * 1024))?.trim();
    return line === '' ? undefined : line;
  } catch {
    // Not a file we could have written (a FIFO, a directory): as if there were none.
    return undefined;
  }
}

export async function monitorCron(where: MonitorLocation, readCrontab: CrontabReader): Promise<MonitorCron> {
  const [crontab, line] = await Promise.all([readCrontab(), readCronRecord(where.cronPath)]);
  // Shown and printed as JSON: a line an older install gave holds the ntfy URL whole.
  const entries = cronEntries(crontab ?? '', where).map(hideUrlSecrets);
  return { crontab: crontab !== undefined, entries, ...(line ? { line: hideUrlSecrets(line) } : {}) };
}

/** Kept only in a state dir that exists: the monitor has nothing to check in one that does not. */
export async function writeCronRecord(where: MonitorLocation, line: string): Promise<boolean> {
  if (!existsSync(where.stateDir)) return false;
  await writeFileAtomic(where.cronPath, `${line}\n`);
  return true;
}
