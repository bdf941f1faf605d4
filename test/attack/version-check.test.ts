import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInstalledOpenclaw } from '../../src/services/openclaw/installed-openclaw.js';
import { gone } from '../helpers/processes.js';
import { makeTempDir } from '../helpers/temp-state.js';

// `openclaw --version` is run only when nothing names the package (volta's and other shims). A
// wrapper that hangs was stopped after 3 s, but only the wrapper: what it had started ran on
// after authdeck had finished.

describe('an openclaw whose --version hangs', () => {
  it('is stopped with everything it started, and its version is unknown', async () => {
    const bin = makeTempDir('authdeck-hanging-');
    const pidFile = join(bin, 'child.pid');
    writeFileSync(join(bin, 'openclaw'), `#!/bin/sh\nsleep 60 &\necho $! > "${pidFile}"\nwait\n`);
    chmodSync(join(bin, 'openclaw'), 0o755);
    expect(findInstalledOpenclaw({ PATH: `${bin}:/usr/bin:/bin` })).toEqual({ bin: join(bin, 'openclaw') });
    expect(await gone(Number(readFileSync(pidFile, 'utf8')))).toBe(true);
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
