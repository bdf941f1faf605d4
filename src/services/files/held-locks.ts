import { lstatSync, readFileSync, unlinkSync } from 'node:fs';

// Apart from lock.ts: every command's interrupt handling loads this, and `status` must start fast.

/**
 * The locks this process holds now (lock path → its record, and its file identity once made):
 * lock.ts keeps it. The record names this pid and the time it was taken: a file holding it is ours.
 */
export const held = new Map<string, { identity?: string; raw: string }>();

/**
 * Removes the locks this process holds, synchronously, as it ends on a signal before its change
 * began (nothing of it written): left, they held the dead pid until taken over as stale. One is
 * removed only while it is the file we made (its identity, known once it exists) or holds our record.
 */
export function releaseHeldLocksSync(): void {
  for (const [lockPath, own] of held) {
    held.delete(lockPath);
    try {
      const now = lstatSync(lockPath, { bigint: true });
      const identity = `${now.dev}:${now.ino}:${now.birthtimeNs}`;
      // The file we made (its record may not be written yet), else one that holds our record.
      const ours = own.identity !== undefined ? identity === own.identity : readFileSync(lockPath, 'utf8') === own.raw;
      if (ours) unlinkSync(lockPath);
    } catch {
      // Gone already, or unreadable: nothing of ours to remove.
    }
  }
}
