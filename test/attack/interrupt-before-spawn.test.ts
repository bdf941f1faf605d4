import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { passInterrupt } from '../../src/interrupts.js';
import { runOpenclaw } from '../../src/services/openclaw/openclaw-cli.js';
import { findChoice } from '../../src/services/providers/catalog.js';
import { installPlugin } from '../../src/services/providers/plugin-install.js';
import { fakeWorkspace } from '../helpers/fake-services.js';
import { makeTempDir, makeTempHome } from '../helpers/temp-state.js';

// A SIGINT sent to authdeck just after it said "running openclaw…" but before the child was
// spawned went unanswered: nothing had taken Ctrl+C yet, so OpenClaw ran its whole minute and
// authdeck waited for it (the e2e "OpenClaw creating the store" test failed 1 run in 6 on an
// idle machine). Now Ctrl+C is taken before anything is awaited.

/** An `openclaw` that would take a minute, leaving `started` behind if it ever ran. */
function slowOpenclaw(): { PATH: string; started: string } {
  const bin = makeTempDir('authdeck-bin-');
  const started = join(bin, 'started');
  writeFileSync(join(bin, 'openclaw'), `#!/bin/sh\ntouch "${started}"\nsleep 60\n`);
  chmodSync(join(bin, 'openclaw'), 0o755);
  return { PATH: `${bin}:/usr/bin:/bin`, started };
}

describe('Ctrl+C before OpenClaw is spawned', () => {
  it('creating the store: OpenClaw is not started and the run says it was interrupted', async () => {
    const { PATH, started } = slowOpenclaw();
    const workspace = fakeWorkspace();
    workspace.env = { ...workspace.env, PATH };
    const running = runOpenclaw(workspace, ['models', 'auth', 'paste-api-key']);
    expect(passInterrupt()).toBe(true);
    expect(await running).toMatchObject({ code: null, interrupted: true });
    expect(existsSync(started)).toBe(false);
  });

  it('installing a plugin: the install is not started and it says so', async () => {
    const { PATH, started } = slowOpenclaw();
    const { stateDir, configPath } = makeTempHome();
    const running = installPlugin({ env: { PATH }, stateDir, configPath }, findChoice('groq-api-key')!.plugin!);
    expect(passInterrupt()).toBe(true);
    expect(await running).toBe('stopped by Ctrl+C');
    expect(existsSync(started)).toBe(false);
  });
});
