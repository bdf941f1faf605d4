import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome } from '../helpers/temp-state.js';

describe('the same secret saved under a second id', () => {
  it('is saved, with a warning naming the profile that already holds it', async () => {
    const { home } = makeTempHome();
    const key = fakeSecrets.openaiKey();
    expect((await runCommand(['--no-reload', 'add-key', '--provider', 'openai'], { home, input: key })).code).toBe(0);
    const second = await runCommand(['--no-reload', 'add-key', '--provider', 'openai', '--profile-id', 'work'], {
      home,
      input: key,
    });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('warning: the same secret is also saved as openai:default');
    expect(second.stderr).not.toContain(key);
    const json = await runCommand(
      ['--no-reload', 'add-key', '--provider', 'openai', '--profile-id', 'third', '--json'],
      {
        home,
        input: key,
      },
    );
    expect(JSON.parse(json.stdout).sameSecretAs).toEqual(['openai:default', 'openai:work']);
  });

  it('says nothing for a different secret, or when a profile is renewed with its own', async () => {
    const { home } = makeTempHome();
    await runCommand(['--no-reload', 'add-key', '--provider', 'openai'], { home, input: fakeSecrets.openaiKey('a') });
    const other = await runCommand(['--no-reload', 'add-key', '--provider', 'openai', '--profile-id', 'b'], {
      home,
      input: fakeSecrets.openaiKey('b'),
    });
    const again = await runCommand(['--no-reload', 'add-key', '--provider', 'openai'], {
      home,
      input: fakeSecrets.openaiKey('a'),
    });
    expect(other.stderr + again.stderr).not.toContain('same secret');
  });
});

describe('a near expiry', () => {
  it('is said with its time, not a bare date ("expires 2026-12-04, in 1m" read as wrong)', async () => {
    const { home } = makeTempHome();
    const run = await runCommand(['--no-reload', 'paste-token', '--provider', 'anthropic', '--expires-in', '90m'], {
      home,
      input: fakeSecrets.setupToken('soon'),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/expires \d{4}-\d\d-\d\d \d\d:\d\d UTC, in 1h ?30m/);
  });
});
