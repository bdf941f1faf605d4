import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInGroup } from '../../src/services/process-group.js';
import { gone } from '../helpers/processes.js';
import { makeTempDir } from '../helpers/temp-state.js';

/** A shell script as a program to run. */
function program(body: string): string {
  const bin = join(makeTempDir('authdeck-group-'), 'run');
  writeFileSync(bin, `#!/bin/sh\n${body}\n`);
  chmodSync(bin, 0o755);
  return bin;
}

const run = (bin: string, more: Partial<Parameters<typeof runInGroup>[0]> = {}) =>
  runInGroup({ bin, args: [], env: { PATH: '/usr/bin:/bin' }, timeoutMs: 60_000, ctrlC: 'SIGINT', ...more });

describe('runInGroup', () => {
  it('keeps the end of a flood of output, not all of it (700 MB overflowed a string mid-save)', async () => {
    const result = await run(
      program('head -c 5000000 /dev/zero | tr "\\0" A; echo; echo "error: the last line"; exit 1'),
    );
    expect(result.code).toBe(1);
    expect(result.stdout.length).toBeLessThanOrEqual(65_536);
    expect(result.stdout).toContain('error: the last line');
  });

  it('a child left holding the pipes after a normal exit goes with the group', async () => {
    const dir = makeTempDir('authdeck-group-');
    const pidFile = join(dir, 'straggler.pid');
    const result = await run(program(`(trap '' INT TERM HUP; sleep 120) & echo $! > "${pidFile}"; exit 0`));
    expect(result.code).toBe(0);
    expect(await gone(Number(readFileSync(pidFile, 'utf8')))).toBe(true);
  });

  it('decodes a character split across two reads as one character', async () => {
    // "é" is two bytes: the first ends one write, the second begins the next.
    const result = await run(program(`printf 'cl\\303'; sleep 0.2; printf '\\251 était\\n'`));
    expect(result.stdout).toBe('clé était\n');
  });

  it('says a run stopped at its timeout was stopped so', async () => {
    const result = await run(program('sleep 30'), { timeoutMs: 100 });
    expect(result.stopped).toBe('timeout');
  });
});
