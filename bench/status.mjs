// SPEC §8: `authdeck status --check` on a 50-profile store: <= 100 ms wall, <= 60 MiB peak.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureCommand, printRow } from './lib.mjs';

const cli = fileURLToPath(new URL('../bin/authdeck.js', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'authdeck-bench-'));
const agentDir = join(home, '.openclaw', 'agents', 'main', 'agent');
mkdirSync(agentDir, { recursive: true });
const now = Date.now();
const profiles = {};
for (let i = 0; i < 50; i++) {
  const type = ['api_key', 'token', 'oauth'][i % 3];
  profiles[`provider${i % 5}:p${i}`] = {
    type,
    provider: `provider${i % 5}`,
    ...(type === 'api_key'
      ? { key: `k-${'x'.repeat(40)}${i}` }
      : type === 'token'
        ? { token: `t-${'y'.repeat(90)}${i}`, expires: now + (i + 2) * 86_400_000 }
        : { access: `a-${i}`, refresh: `r-${i}`, expires: now + (i + 2) * 86_400_000 }),
  };
}
writeFileSync(join(agentDir, 'auth-profiles.json'), JSON.stringify({ version: 1, profiles }, null, 2));
const env = { PATH: process.env.PATH, HOME: home, NO_COLOR: '1' };

const floor = measureCommand([process.execPath, '-e', '0'], { env });
const status = measureCommand([process.execPath, cli, 'status', '--check'], { env });
const version = measureCommand([process.execPath, cli, '--version'], { env });
console.log('status --check, 50 profiles (median of 11 runs)');
printRow('node -e 0 (floor)', floor.wallMs, undefined, 'ms');
printRow('authdeck --version', version.wallMs, undefined, 'ms');
printRow('authdeck status --check', status.wallMs, 100, 'ms');
printRow('authdeck status --check minus floor', status.wallMs - floor.wallMs, undefined, 'ms');
if (status.rssMiB !== null) printRow('authdeck status --check peak RSS', status.rssMiB, 60, 'MiB');
rmSync(home, { recursive: true, force: true });
