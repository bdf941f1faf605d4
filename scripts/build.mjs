// Bundles the CLI with esbuild: one entry plus lazily loaded chunks, so plain commands never
// parse Ink or React, and start-up does not walk node_modules. The PTY module is native (prebuilt
// binaries): external.

import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

// Chunk names carry hashes: start clean so old chunks do not pile up.
rmSync(`${root}/dist`, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { authdeck: 'src/entry.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  chunkNames: 'chunks/[name]-[hash]',
  external: ['@lydell/node-pty', 'bufferutil', 'utf-8-validate'],
  // jsonc-parser's UMD build requires its own files at run time; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  // Ink imports react-devtools-core only when DEV is set; the stub keeps the bundle loadable.
  alias: { 'react-devtools-core': './scripts/react-devtools-stub.mjs' },
  define: { __AUTHDECK_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': '"production"' },
  banner: {
    js: "import { createRequire as __authdeckCreateRequire } from 'node:module'; const require = __authdeckCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
});
