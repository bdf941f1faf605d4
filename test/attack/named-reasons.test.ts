import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeText } from '../helpers/temp-state.js';

describe('bad settings get one line that names them', () => {
  it('a callback port that is not a port', async () => {
    const { home } = makeTempHome();
    for (const port of ['99999', 'abc', '-1']) {
      const run = await runCommand(['--no-reload', 'login', '--provider', 'openai', '--method', 'browser'], {
        home,
        env: { AUTHDECK_OAUTH_CALLBACK_PORT: port },
      });
      expect(run.code, port).toBe(64);
      expect(run.stderr.trim()).toBe(`authdeck: AUTHDECK_OAUTH_CALLBACK_PORT="${port}" is not a port number (1–65535)`);
    }
  });

  it('corrupt preferences name the file, for reading and for writing', async () => {
    const { home } = makeTempHome();
    const path = join(home, '.config', 'authdeck', 'config.json');
    writeText(path, '{"warnWithin": "2h"');
    for (const args of [['status'], ['prefs', 'set', 'warnWithin', '3h']]) {
      const run = await runCommand(args, { home });
      expect(run.code, args.join(' ')).toBe(3);
      expect(run.stderr.trim()).toBe(
        `authdeck: ${path}: authdeck's preferences are not valid JSON; fix or remove the file`,
      );
    }
  });

  it('an openclaw.json nested 200,000 deep is named, not "unexpected error", and nothing is written', async () => {
    const { home, configPath, mainAgentDir } = makeTempHome();
    writeText(configPath, `${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}`);
    const run = await runCommand(['add-key', '--provider', 'openai'], { home, input: fakeSecrets.openaiKey() });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${configPath} is nested too deeply for authdeck to edit`);
    expect(run.stderr).not.toContain('unexpected error');
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(false);
  });
});

describe('prefs set warnWithin with a number alone', () => {
  it('says the number is read as hours (30 is 30h, not 30m)', async () => {
    const { home } = makeTempHome();
    const run = await runCommand(['prefs', 'set', 'warnWithin', '30'], { home });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('warnWithin = 30 (a number alone is hours: 30h)\n');
  });
});
