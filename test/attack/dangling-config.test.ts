import { existsSync, renameSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome } from '../helpers/temp-state.js';

// openclaw.json a link to a file that was moved (a dotfiles repo): a save made a new config at
// the link's target holding only what it wrote, and status never said the config was gone.
describe('openclaw.json a link to nothing', () => {
  it('a save refuses to write through it and keeps nothing; status says so first', async () => {
    const { home, stateDir, configPath } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    renameSync(configPath, join(home, 'moved.json'));
    const target = join(home, 'dotfiles', 'openclaw.json');
    symlinkSync(target, configPath);
    const env = { AUTHDECK_STORE_GENERATION: undefined };
    const save = await runCommand(['add-key', '--provider', 'groq'], { home, env, input: fakeSecrets.groqKey() });
    expect(save.code).toBe(1);
    expect(save.stderr).toContain(`is a link to ${target}, which does not exist`);
    expect(existsSync(target)).toBe(false);
    const status = await runCommand(['status'], { home, env });
    expect(status.stdout).not.toContain('groq:default');
    expect(status.stdout.split('\n').find((line) => line.startsWith('!'))).toContain(
      `is a link to ${target}, which does not exist: the gateway reads no config`,
    );
  });
});
