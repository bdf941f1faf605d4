import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Real OpenClaw runs in its own suite: `npm run test:interop` (vitest.interop.config.ts).
    exclude: ['test/interop/**', '**/node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // End-to-end tests spawn the built CLI and PTYs; two workers match the 2-core CI machine.
    maxWorkers: 2,
    setupFiles: ['test/setup/terminal-ink.ts'],
    env: { NO_COLOR: '1', AUTHDECK_STORE_GENERATION: 'json' },
  },
});
