// Bundles the CLI with esbuild: one entry plus lazily loaded chunks, so plain commands never
// parse Ink or React, and start-up does not walk node_modules. The PTY module is native (prebuilt
// binaries): external.

import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

// Chunk names carry hashes: start clean so old chunks do not pile up.
rmSync(`${root}/dist`, { recursive: true, force: true });

// Our own data files (the provider catalog, ~240 KB) as one JSON.parse of a string: V8 reads JSON
// several times faster than it runs an object literal of the same size, even from its code cache
// (measured here: 7.7 ms → 2 ms on every start of a command that reads the catalog).
const jsonAsParse = {
  name: 'json-as-parse',
  setup(build) {
    // Ours only (a dependency's JSON keeps esbuild's loader, named exports and all), wherever
    // the checkout sits (a parent folder may be called src too).
    const ours = join(root, 'src') + sep;
    build.onLoad({ filter: /\.json$/ }, ({ path }) =>
      path.startsWith(ours)
        ? {
            contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(readFileSync(path, 'utf8'))))});`,
            loader: 'js',
          }
        : undefined,
    );
  },
};

// Node's own modules through require(), not import: an ESM import of a built-in makes Node build
// its ES module facade, which reads every export — `fs` then loads its stream modules and `util`
// its worker threads, milliseconds on every start for code we never call (bench/status.mjs). Each
// importer gets a stand-in that reads just the names it imports; a namespace import, or one this
// cannot read, stays a plain import.
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const require = createRequire(import.meta.url);
const importerText = new Map();
function importedNames(importer, specifier) {
  if (!importerText.has(importer)) importerText.set(importer, readFileSync(importer, 'utf8'));
  const quoted = specifier.replace(/[/]/g, '\\/');
  const clauses = [
    ...importerText.get(importer).matchAll(new RegExp(`import\\s+([^'";]*?)\\s*from\\s*['"]${quoted}['"]`, 'g')),
  ];
  if (clauses.length === 0) return null;
  const names = new Set();
  for (const [, clause] of clauses) {
    const parts = /^(?:([\w$]+)\s*,?\s*)?(?:\{([^}]*)\})?$/.exec(clause.trim());
    if (!parts || clause.trim().startsWith('type ')) return null;
    if (parts[1]) names.add('default');
    for (const item of (parts[2] ?? '').split(',')) {
      const name = item
        .trim()
        .split(/\s+as\s+/)[0]
        .trim();
      if (name === '' || name.startsWith('type ')) continue;
      if (!/^[\w$]+$/.test(name)) return null;
      names.add(name);
    }
  }
  return [...names].sort();
}
const LOADED_WHEN_CALLED = new Set(['node:fs/promises', 'fs/promises']);
const builtinsAsRequire = {
  name: 'builtins-as-require',
  setup(build) {
    build.onResolve({ filter: /^[a-z:_/]+$/ }, ({ path, kind, importer }) => {
      if (!builtins.has(path) || kind !== 'import-statement') return undefined;
      const names = importedNames(importer, path);
      if (!names) return undefined;
      return { path: `${path}#${names.join(',')}`, namespace: 'builtin-as-require' };
    });
    build.onResolve({ filter: /.*/, namespace: 'builtin-as-require' }, ({ path }) => ({ path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'builtin-as-require' }, ({ path }) => {
      const [specifier, list] = path.split('#');
      const names = list.split(',').filter((name) => name !== 'default');
      // An ESM import of a name the module lacks fails when it links; this stand-in would give
      // undefined instead, so the build fails as the import would have.
      const real = require(specifier);
      const missing = names.filter((name) => !(name in real));
      if (missing.length > 0) return { errors: [{ text: `${specifier} has no export ${missing.join(', ')}` }] };
      if (LOADED_WHEN_CALLED.has(specifier) && !list.split(',').includes('default')) {
        // Functions that load their module on the first call: `node:fs/promises` brings readline
        // and the file watchers with it, ~1.5 ms of every start for the commands that only read.
        const lines = names.map((name) =>
          typeof real[name] === 'function'
            ? `export function ${name}(...args) { return load().${name}(...args); }`
            : `export const ${name} = load().${name};`,
        );
        return {
          contents: [
            `let builtin;`,
            `const load = () => (builtin ??= require(${JSON.stringify(specifier)}));`,
            ...lines,
          ].join('\n'),
          loader: 'js',
        };
      }
      const lines = names.map((name) => `export const ${name} = builtin.${name};`);
      return {
        contents: [`const builtin = require(${JSON.stringify(specifier)});`, 'export default builtin;', ...lines].join(
          '\n',
        ),
        loader: 'js',
      };
    });
  },
};

// Ink's wrap-text.js replaced by ours (src/components/ink-wrap-text.ts says why); the tests
// replace it the same way (vitest.config.ts).
const inkWrapText = {
  name: 'ink-wrap-text',
  setup(build) {
    build.onResolve({ filter: /^\.\/wrap-text\.js$/ }, ({ importer }) =>
      /[\\/]node_modules[\\/]ink[\\/]build[\\/]/.test(importer)
        ? { path: join(root, 'src', 'components', 'ink-wrap-text.ts') }
        : undefined,
    );
  },
};

const shared = {
  absWorkingDir: root,
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  external: ['@lydell/node-pty', 'bufferutil', 'utf-8-validate'],
  // jsonc-parser's UMD build requires its own files at run time; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  // Ink imports react-devtools-core only when DEV is set; the stub keeps the bundle loadable.
  alias: { 'react-devtools-core': './scripts/react-devtools-stub.mjs' },
  define: { __AUTHDECK_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': '"production"' },
  banner: {
    js: "import { createRequire as __authdeckCreateRequire } from 'node:module'; const require = __authdeckCreateRequire(import.meta.url);",
  },
  plugins: [jsonAsParse, builtinsAsRequire, inkWrapText],
  legalComments: 'none',
  logLevel: 'warning',
};

await build({ ...shared, entryPoints: { authdeck: 'src/entry.ts' }, chunkNames: 'chunks/[name]-[hash]' });
// `status` alone as a second bundle, in one file: esbuild splits a build's modules by which
// entries share them, which gave `status` some seventy chunks to load. No process loads both.
await build({
  ...shared,
  splitting: false,
  // CommonJS: Node's CommonJS loader takes a file from the compile cache ~1.5 ms sooner than its
  // ES module loader does, on every run of the command most often run from scripts.
  format: 'cjs',
  banner: {},
  outExtension: { '.js': '.cjs' },
  entryPoints: { 'authdeck-status': 'src/entry-status.ts' },
  // `--probe`'s HTTP client comes from node_modules when asked for: the file stays small.
  external: [...shared.external, 'undici'],
});

// Our output as ASCII: esbuild escapes every other character of the code but keeps comments as
// written, and one "—" in a comment makes Node decode and V8 hold the whole file as two-byte
// text (~2 ms of every `status` start, bench/status.mjs). In a comment the escape is only text.
for (const name of readdirSync(join(root, 'dist'), { recursive: true })) {
  const path = join(root, 'dist', String(name));
  if (!/\.c?js$/.test(path)) continue;
  const text = readFileSync(path, 'utf8');
  if (/[^\u0000-\u007f]/.test(text))
    writeFileSync(
      path,
      text.replace(/[^\u0000-\u007f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
    );
}
