import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOpenclaw } from '../../src/services/openclaw/openclaw-cli.js';
import { fakeWorkspace } from '../helpers/fake-services.js';
import { makeTempDir } from '../helpers/temp-state.js';

describe('runOpenclaw (only to have OpenClaw create its database)', () => {
  it('runs it for the same state dir, with npm offline: no plugin install, no minute of npm retries', async () => {
    const bin = makeTempDir('authdeck-bin-');
    writeFileSync(
      join(bin, 'openclaw'),
      '#!/bin/sh\necho "offline=$npm_config_offline state=$OPENCLAW_STATE_DIR args=$*"\n',
    );
    chmodSync(join(bin, 'openclaw'), 0o755);
    const workspace = fakeWorkspace({ stateDir: '/tmp/some-state' });
    workspace.env = { ...workspace.env, PATH: `${bin}:/usr/bin:/bin` };
    const run = await runOpenclaw(workspace, ['models', 'auth', 'order', 'set', '--provider', 'anthropic', 'a:b']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `offline=true state=/tmp/some-state args=models auth order set --provider anthropic a:b --agent ${workspace.agentId}\n`,
    );
  });
});
