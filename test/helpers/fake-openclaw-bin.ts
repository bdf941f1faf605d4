import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempHome } from './temp-state.js';

/**
 * A directory to put on PATH holding an `openclaw` as npm links it (a symlink into the package),
 * so its version is read from package.json without running it; running it does nothing.
 */
export function fakeOpenclawBin(version: string): string {
  const dir = makeTempHome().home;
  const pkg = join(dir, 'node_modules', 'openclaw');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'openclaw', version }));
  writeFileSync(join(pkg, 'openclaw.mjs'), '');
  chmodSync(join(pkg, 'openclaw.mjs'), 0o755);
  mkdirSync(join(dir, 'bin'));
  symlinkSync(join(pkg, 'openclaw.mjs'), join(dir, 'bin', 'openclaw'));
  return join(dir, 'bin');
}
