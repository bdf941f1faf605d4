import { describe, expect, it } from 'vitest';
import { interopHome } from './interop-home.js';
import { type OpenclawVersion, openclaw } from './openclaw-harness.js';

// A custom endpoint on this machine that takes no key, set up by authdeck: OpenClaw 2026.9.6
// calls it without one (`models status --check` passes), 2026.5.20 counts the provider missing.
// authdeck's `status --check` gives the same exit code as the home's OpenClaw.

const SKIP = ['--skip-health', '--skip-channels', '--skip-skills', '--skip-search', '--skip-daemon'];

describe.each([
  ['2026.9.6', 0],
  ['2026.5.20', 1],
] as Array<[OpenclawVersion, number]>)('a keyless endpoint on this machine, OpenClaw %s', (version, expected) => {
  it(`status --check exits ${expected}, as openclaw models status --check does`, async () => {
    const h = interopHome(version);
    const made = await openclaw(version, h.home, [
      'onboard',
      '--non-interactive',
      '--accept-risk',
      '--auth-choice',
      'skip',
      ...SKIP,
    ]);
    expect(made.code).toBe(0);
    const args = [
      '--auth-choice',
      'custom-api-key',
      '--custom-base-url',
      'http://127.0.0.1:9/v1',
      '--custom-model-id',
      'llama3',
    ];
    expect((await h.authdeck(['onboard', '--non-interactive', ...args], '')).code).toBe(0);
    const theirs = await openclaw(version, h.home, ['models', 'status', '--check']);
    expect(theirs.code).toBe(expected);
    expect((await h.authdeck(['status', '--check'])).code).toBe(expected);
  }, 120_000);
});
