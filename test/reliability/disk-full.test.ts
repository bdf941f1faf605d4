import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';

/** A small tmpfs to fill, where this machine lets us mount one (root, as CI and here). */
function smallDisk(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'authdeck-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

describe('a full disk', () => {
  it('leaves no empty lock behind (OpenClaw 2026.5 never clears one): one line, exit 1', async (context) => {
    const disk = smallDisk();
    if (disk === undefined) return context.skip();
    const home = join(disk, 'home');
    try {
      const agentDir = join(home, '.openclaw', 'agents', 'main', 'agent');
      mkdirSync(agentDir, { recursive: true });
      writeFileSync(join(agentDir, 'auth-profiles.json'), '{"version":1,"profiles":{}}\n');
      // Every block taken: the lock file can be made (an inode), its record cannot be written.
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${join(disk, 'fill')}`, 'bs=4k'], { stdio: 'ignore' });
      } catch {
        // dd ends with "no space left", as wanted.
      }
      const run = await runCommand(['add-key', '--provider', 'openai'], { home, input: fakeSecrets.openaiKey() });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^authdeck: no space left on the device that holds .*auth-profiles\.json\.lock\n$/);
      expect(readdirSync(agentDir)).toEqual(['auth-profiles.json']);
    } finally {
      execFileSync('umount', [disk]);
      rmSync(disk, { recursive: true, force: true });
    }
  });
});
