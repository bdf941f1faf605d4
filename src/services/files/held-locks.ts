import { lstatSync, readFileSync, unlinkSync } from 'node:fs';

// Apart from lock.ts: every command's interrupt handling loads this, and `status` must start fast.

/** The locks this process holds now (lock path → its file identity and record): lock.ts keeps it. */
export const held = new Map<string, { identity: string; raw: string }>();

/**
 * Removes the locks this process holds, synchronously, as it ends on a signal before its change
 * began (nothing of it written): left, they held the dead pid until taken over as stale. One is
 * removed only while it is still our file (lock-instance.ts's identity) with our record.
 */
export function releaseHeldLocksSync(): void {
  for (const [lockPath, own] of held) {
    held.delete(lockPath);
    try {
      const now = lstatSync(lockPath, { bigint: true });
      const identity = `${now.dev}:${now.ino}:${now.birthtimeNs}`;
      if (identity === own.identity && readFileSync(lockPath, 'utf8') === own.raw) unlinkSync(lockPath);
    } catch {
      // Gone already, or unreadable: nothing of ours to remove.
    }
  }
}
