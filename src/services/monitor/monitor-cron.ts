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
  /**
   * `monitor uninstall` ran where it could not look in a crontab: the line is kept (with what
   * it reads) for one added by hand, no longer as a line to add.
   */
  uninstalled?: boolean;
}

/** The first line of a cron record that `monitor uninstall` left for a line it could not see. */
const UNINSTALLED = '# uninstalled';

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

async function readCronRecord(path: string): Promise<{ line?: string; uninstalled: boolean }> {
  try {
    let text = (await readTextIfExists(path, 64 * 1024))?.trim() ?? '';
    const uninstalled = text.startsWith(`${UNINSTALLED}\n`);
    if (uninstalled) text = text.slice(UNINSTALLED.length).trim();
    return text === '' ? { uninstalled } : { line: text, uninstalled };
  } catch {
    // Not a file we could have written (a FIFO, a directory): as if there were none.
    return { uninstalled: false };
  }
}

export async function monitorCron(where: MonitorLocation, readCrontab: CrontabReader): Promise<MonitorCron> {
  const [crontab, { line, uninstalled }] = await Promise.all([readCrontab(), readCronRecord(where.cronPath)]);
  // Shown and printed as JSON: a line an older install gave holds the ntfy URL whole.
  const entries = cronEntries(crontab ?? '', where).map(hideUrlSecrets);
  return {
    crontab: crontab !== undefined,
    entries,
    ...(line ? { line: hideUrlSecrets(line) } : {}),
    ...(line && uninstalled ? { uninstalled: true } : {}),
  };
}

/** Marks the record uninstalled, keeping its line (only ever where no crontab can be read). */
export async function markCronRecordUninstalled(where: MonitorLocation): Promise<void> {
  const text = (await readTextIfExists(where.cronPath, 64 * 1024))?.trim();
  if (text && !text.startsWith(UNINSTALLED)) await writeFileAtomic(where.cronPath, `${UNINSTALLED}\n${text}\n`);
}

/** Kept only in a state dir that exists: the monitor has nothing to check in one that does not. */
export async function writeCronRecord(where: MonitorLocation, line: string): Promise<boolean> {
  if (!existsSync(where.stateDir)) return false;
  await writeFileAtomic(where.cronPath, `${line}\n`);
  return true;
}
