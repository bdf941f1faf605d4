import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveStateDir } from '../../src/services/config/paths.js';
import { lockWaitMs } from '../../src/services/files/lock.js';
import { makeTempHome } from '../helpers/temp-state.js';

// Settings from the environment as a shell or an env file leaves them: `~`, empty values.

describe('OPENCLAW_HOME as a shell leaves it', () => {
  it('"~" and "~/x" are the home, as the gateway expands them, never a folder named ~ under the current one', () => {
    const { home } = makeTempHome();
    expect(resolveStateDir({ HOME: home, OPENCLAW_HOME: '~' })).toBe(join(home, '.openclaw'));
    expect(resolveStateDir({ HOME: home, OPENCLAW_HOME: '~/oc' })).toBe(join(home, 'oc', '.openclaw'));
    expect(resolveStateDir({ HOME: home, OPENCLAW_HOME: ' ~ ' })).toBe(join(home, '.openclaw'));
    // "undefined" and "null" (leftovers of a script) count as unset, as they do for OpenClaw.
    expect(resolveStateDir({ HOME: home, OPENCLAW_HOME: 'undefined' })).toBe(join(home, '.openclaw'));
    expect(resolveStateDir({ HOME: home, OPENCLAW_HOME: 'null' })).toBe(join(home, '.openclaw'));
    // No HOME: USERPROFILE, as the gateway takes it.
    expect(resolveStateDir({ USERPROFILE: home, OPENCLAW_HOME: '~' })).toBe(join(home, '.openclaw'));
  });
});

describe('AUTHDECK_LOCK_TIMEOUT_MS set but empty', () => {
  const before = process.env.AUTHDECK_LOCK_TIMEOUT_MS;
  afterEach(() => {
    if (before === undefined) delete process.env.AUTHDECK_LOCK_TIMEOUT_MS;
    else process.env.AUTHDECK_LOCK_TIMEOUT_MS = before;
  });

  it('waits the default 10 s, as unset does, not 0 ms', () => {
    process.env.AUTHDECK_LOCK_TIMEOUT_MS = '';
    expect(lockWaitMs()).toBe(10_000);
    process.env.AUTHDECK_LOCK_TIMEOUT_MS = '  ';
    expect(lockWaitMs()).toBe(10_000);
    process.env.AUTHDECK_LOCK_TIMEOUT_MS = '250';
    expect(lockWaitMs()).toBe(250);
  });
});
