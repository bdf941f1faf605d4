import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInstalledOpenclaw } from '../../src/services/openclaw/installed-openclaw.js';
import { makeTempDir } from '../helpers/temp-state.js';

// `openclaw --version` is run only when nothing names the package (volta's and other shims). A
// wrapper that hangs was stopped after 3 s, but only the wrapper: what it had started ran on
// after authdeck had finished.

/** Running (a zombie no init reaps, in a container, is not). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('an openclaw whose --version hangs', () => {
  it('is stopped with everything it started, and its version is unknown', async () => {
    const bin = makeTempDir('authdeck-hanging-');
    const pidFile = join(bin, 'child.pid');
    writeFileSync(join(bin, 'openclaw'), `#!/bin/sh\nsleep 60 &\necho $! > "${pidFile}"\nwait\n`);
    chmodSync(join(bin, 'openclaw'), 0o755);
    expect(findInstalledOpenclaw({ PATH: `${bin}:/usr/bin:/bin` })).toEqual({ bin: join(bin, 'openclaw') });
    // SIGKILL lands a moment after it is sent; a child left running is still there 5 s on.
    const child = Number(readFileSync(pidFile, 'utf8'));
    for (let waited = 0; alive(child) && waited < 5_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(alive(child)).toBe(false);
  });

  it('one that answers is still read', () => {
    const bin = makeTempDir('authdeck-shim-');
    writeFileSync(join(bin, 'openclaw'), '#!/bin/sh\necho "OpenClaw 2026.9.6 (abc1234)"\n');
    chmodSync(join(bin, 'openclaw'), 0o755);
    expect(findInstalledOpenclaw({ PATH: `${bin}:/usr/bin:/bin` })).toMatchObject({
      version: '2026.9.6',
      foundBy: 'run',
    });
  });
});
