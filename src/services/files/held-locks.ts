import { lstatSync, unlinkSync } from 'node:fs';
import { fileIdentity } from './lock-instance.js';

// Apart from lock.ts: every command's interrupt handling loads this, and `status` must start fast.

/** The locks this process holds now: lock path → the identity of the file it made (lock.ts keeps it). */
export const held = new Map<string, string>();

/**
 * Removes the locks this process holds, synchronously, as it ends on a signal before its change
 * began (nothing of it written): left, they held the dead pid until taken over as stale. One is
 * removed only while it is still the file we made.
 */
export function releaseHeldLocksSync(): void {
  for (const [lockPath, identity] of held) {
    held.delete(lockPath);
    try {
      if (fileIdentity(lstatSync(lockPath, { bigint: true })) === identity) unlinkSync(lockPath);
    } catch {
      // Gone already: nothing of ours to remove.
    }
  }
}
