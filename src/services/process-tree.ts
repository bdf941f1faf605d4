import { readdirSync, readFileSync } from 'node:fs';

/**
 * The processes a program started, however deep, found by parent id. A process group does not
 * hold them all: OpenClaw's launcher runs the command in a child with a session of its own, and
 * npm under a plugin install does the same, so a kill sent to the group left them running (one
 * went on to save a key after authdeck had said nothing was saved).
 */
export interface ProcessTree {
  /** Adds what runs under `pid` now; those found stay known after their parent has gone. */
  collect(pid: number): void;
  /** Sends `signal` to each known process still the same one (a pid taken again is spared). */
  signal(signal: NodeJS.Signals): void;
}

export function processTree(): ProcessTree {
  // pid → its start time (Linux), so a pid reused later is never signalled.
  const known = new Map<number, string | undefined>();
  return {
    collect(pid) {
      for (const [child, started] of descendants(pid)) if (!known.has(child)) known.set(child, started);
    },
    signal(signal) {
      for (const [pid, started] of known) {
        if (started !== undefined && startTime(pid) !== started) {
          known.delete(pid);
          continue;
        }
        try {
          process.kill(pid, signal);
        } catch {
          known.delete(pid);
        }
      }
    },
  };
}

interface Row {
  pid: number;
  ppid: number;
  started: string | undefined;
}

function descendants(root: number): Map<number, string | undefined> {
  const rows = readProc() ?? readPs();
  const children = new Map<number, Row[]>();
  for (const row of rows) {
    const siblings = children.get(row.ppid);
    if (siblings) siblings.push(row);
    else children.set(row.ppid, [row]);
  }
  const found = new Map<number, string | undefined>();
  const queue = [root];
  while (queue.length > 0) {
    for (const row of children.get(queue.shift() as number) ?? []) {
      if (found.has(row.pid)) continue;
      found.set(row.pid, row.started);
      queue.push(row.pid);
    }
  }
  return found;
}

/** `/proc/<pid>/stat`: the fields after the command name (which may hold spaces and parentheses). */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Field 22 of stat (the 20th after the name): when the process started, in clock ticks since boot. */
function startTime(pid: number): string | undefined {
  return statFields(pid)?.[19];
}

function readProc(): Row[] | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const rows: Row[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields) rows.push({ pid: Number(entry), ppid: Number(fields[1]), started: fields[19] });
  }
  return rows;
}

/** Where there is no /proc (macOS): `ps`, with no start time to check (a stop is seconds long). */
function readPs(): Row[] {
  try {
    const { execFileSync } = process.getBuiltinModule('node:child_process');
    const text = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8', timeout: 2_000 });
    return text
      .split('\n')
      .map((line) => line.trim().split(/\s+/).map(Number))
      .filter(([pid, ppid]) => Number.isInteger(pid) && Number.isInteger(ppid))
      .map(([pid, ppid]) => ({ pid: pid as number, ppid: ppid as number, started: undefined }));
  } catch {
    return [];
  }
}
