import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { passInterrupt } from '../../src/interrupts.js';
import { openclawFailure, runOpenclaw } from '../../src/services/openclaw/openclaw-cli.js';
import { createStoreWithOpenclaw } from '../../src/services/profiles/profile-actions.js';
import { StoreMissingError } from '../../src/services/store/layer.js';
import { fakeWorkspace } from '../helpers/fake-services.js';
import { gone } from '../helpers/processes.js';
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

  it('Ctrl+C: an OpenClaw that ignores it is killed with what it started, not waited on for its 3 minutes', async () => {
    const bin = makeTempDir('authdeck-bin-');
    const pidFile = join(bin, 'child.pid');
    // Deaf to SIGINT, as a command in the middle of its work can be, with a child of its own.
    writeFileSync(join(bin, 'openclaw'), `#!/bin/sh\ntrap '' INT\nsleep 120 &\necho $! > "${pidFile}"\nwait\n`);
    chmodSync(join(bin, 'openclaw'), 0o755);
    const workspace = fakeWorkspace();
    workspace.env = { ...workspace.env, PATH: `${bin}:/usr/bin:/bin` };
    const running = runOpenclaw(workspace, ['models', 'auth', 'paste-api-key']);
    while (!existsSync(pidFile) || readFileSync(pidFile, 'utf8').trim() === '')
      await new Promise((done) => setTimeout(done, 20));
    expect(passInterrupt()).toBe(true);
    expect(await running).toMatchObject({ interrupted: true, signal: 'SIGKILL' });
    expect(await gone(Number(readFileSync(pidFile, 'utf8')))).toBe(true);
  });

  it('a failure line never repeats the secret it was given on stdin', () => {
    const secret = 'sk-test1234567890abcdef';
    const line = openclawFailure({ code: 1, stdout: '', stderr: `error: invalid API key ${secret}\n` }, secret);
    expect(line).toBe('error: invalid API key [the secret]');
  });

  it('nor most of it: the secret less its prefix, or cut in two', () => {
    // "rejected aaaa…" — the key without sk-ant-api03- — was shown in full (an adversarial run).
    const secret = `sk-ant-api03-${'a1B2c3D4e5'.repeat(9)}AA`;
    const body = secret.slice(13);
    const line = openclawFailure({ code: 2, stdout: '', stderr: `error: rejected ${body}\n` }, secret);
    expect(line).toBe('error: rejected [part of the secret]');
    const split = openclawFailure(
      { code: 2, stdout: '', stderr: `error: invalid ${secret.slice(0, 40)} / ${secret.slice(50)} here\n` },
      secret,
    );
    expect(split).toBe('error: invalid [part of the secret] / [part of the secret] here');
    // Words that only share a few characters with it stay.
    expect(openclawFailure({ code: 1, stdout: '', stderr: 'error: invalid sk-ant-api03 key\n' }, secret)).toBe(
      'error: invalid sk-ant-api03 key',
    );
  });

  it('Ctrl+C that OpenClaw answers by exiting 0 with nothing made is a cancel, not "the store does not exist"', async () => {
    const { creating, bin } = creatingStore((ran) => `trap 'exit 0' INT\ntouch "${ran}"\nsleep 30 & wait`);
    while (!existsSync(join(bin, 'ran'))) await new Promise((done) => setTimeout(done, 20));
    expect(passInterrupt()).toBe(true);
    await expect(creating).rejects.toThrow('cancelled while `openclaw models auth paste-api-key --provider openai`');
  });

  it('a Ctrl+C let pass since the save began stops it before OpenClaw runs (it ran on unasked to its end)', async () => {
    const { creating, bin } = creatingStore(
      (ran) => `touch "${ran}"`,
      () => true,
    );
    await expect(creating).rejects.toThrow(
      'cancelled before `openclaw models auth paste-api-key --provider openai` ran',
    );
    expect(existsSync(join(bin, 'ran'))).toBe(false);
  });
});

/** createStoreWithOpenclaw with an `openclaw` of `script` (given the path it may touch to say it ran). */
function creatingStore(script: (ran: string) => string, cancelledMeanwhile?: () => boolean) {
  const bin = makeTempDir('authdeck-bin-');
  writeFileSync(join(bin, 'openclaw'), `#!/bin/sh\n${script(join(bin, 'ran'))}\n`);
  chmodSync(join(bin, 'openclaw'), 0o755);
  const workspace = fakeWorkspace();
  workspace.env = { ...workspace.env, PATH: `${bin}:/usr/bin:/bin` };
  const creating = createStoreWithOpenclaw(
    workspace,
    ['models', 'auth', 'paste-api-key', '--provider', 'openai'],
    'sk-secret',
    new StoreMissingError({ path: '/tmp/no/openclaw.sqlite' } as never),
    async () => false,
    cancelledMeanwhile,
  );
  return { creating, bin };
}
