import { defineConfig } from 'vitest/config';

// The interop suite: authdeck beside real OpenClaw (installed and cached by
// scripts/interop/install-openclaw.mjs). OpenClaw's CLI takes seconds per command.
export default defineConfig({
  test: {
    include: ['test/interop/**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    maxWorkers: 2,
    env: { NO_COLOR: '1' },
  },
});
