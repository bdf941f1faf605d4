import { readFileSync } from 'node:fs';

/** Running (a zombie no init reaps, in a container, is not). */
export function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Whether the process has gone within 5 s: a kill lands a moment after it is sent; one left running is still there. */
export async function gone(pid: number): Promise<boolean> {
  for (let waited = 0; alive(pid) && waited < 5_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  return !alive(pid);
}
