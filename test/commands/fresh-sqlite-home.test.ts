import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeJsonFile } from '../helpers/temp-state.js';

// OpenClaw 2026.8+ puts a fresh home's shared store in the state database (and marks it there);
// only a home with older auth files keeps it in the main agent's database until doctor --fix.
const SQLITE = { AUTHDECK_STORE_GENERATION: 'sqlite' };

describe('a SQLite-era home with no store yet', () => {
  it('is shown where OpenClaw will create it, and status and doctor agree that nothing needs moving', async () => {
    const { home, stateDir } = makeTempHome();
    const json = JSON.parse((await runCommand(['status', '--json'], { home, env: SQLITE })).stdout);
    expect(json.store.layout).toBe('state-db');
    expect(json.store.layers.map((layer: { path: string }) => layer.path)).toContain(
      join(stateDir, 'state', 'openclaw.sqlite'),
    );
    const text = (await runCommand(['status'], { home, env: SQLITE })).stdout;
    expect(text).not.toContain('doctor --fix` moves it');
    expect(text).toContain(`Shared store ${join(stateDir, 'state', 'openclaw.sqlite')}`);
  });

  it('keeps the legacy-main layout when older auth files are there for OpenClaw to carry over', async () => {
    const { home, stateDir } = makeTempHome();
    writeJsonFile(join(stateDir, 'credentials', 'oauth.json'), {});
    const json = JSON.parse((await runCommand(['status', '--json'], { home, env: SQLITE })).stdout);
    expect(json.store.layout).toBe('legacy-main');
  });
});
