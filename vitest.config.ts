import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Ink's wrap-text.js replaced by ours, as the build does (src/components/ink-wrap-text.ts): Ink
// and what imports it are run through Vite for that (server.deps.inline: one Ink, its import
// reaching this hook).
const inkWrapText = fileURLToPath(new URL('./src/components/ink-wrap-text.ts', import.meta.url));
const INLINED = /[\\/]node_modules[\\/](?:ink|@inkjs[\\/]ui|ink-testing-library)[\\/]/;

export default defineConfig({
  plugins: [
    {
      name: 'ink-wrap-text',
      enforce: 'pre',
      resolveId(source, importer) {
        return source === './wrap-text.js' && importer && /[\\/]node_modules[\\/]ink[\\/]build[\\/]/.test(importer)
          ? inkWrapText
          : null;
      },
      // Their source maps name sources the packages do not ship: Vite would warn of each file.
      load(id) {
        return INLINED.test(id) && id.endsWith('.js')
          ? readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '')
          : null;
      },
    },
  ],
  test: {
    server: { deps: { inline: ['ink', 'ink-testing-library', '@inkjs/ui'] } },
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Real OpenClaw runs in its own suite: `npm run test:interop` (vitest.interop.config.ts).
    exclude: ['test/interop/**', '**/node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Four workers on the 2-core CI machine: most of a slow test's time is waiting (a spawned CLI,
    // a PTY, a lock, a timeout), not computing; two workers left the cores idle (94 s → 63 s).
    maxWorkers: 4,
    // Test files share a worker's loaded modules: each file importing Ink, React and the command
    // tree afresh was most of the suite's time (imports 72 s → 10 s of 158 files). Nothing here
    // mocks a module, and a test that changes the process (env, timers, cwd) puts it back.
    isolate: false,
    setupFiles: ['test/setup/terminal-ink.ts'],
    env: { NO_COLOR: '1', AUTHDECK_STORE_GENERATION: 'json' },
  },
});
