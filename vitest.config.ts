import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // End-to-end tests spawn the built CLI and PTYs; two workers match the 2-core CI machine.
    maxWorkers: 2,
    env: { NO_COLOR: '1' },
  },
});
