#!/usr/bin/env node
// Packs what make-fixtures.mjs made into test/fixtures/openclaw-sqlite: databases gzipped (they
// are mostly empty pages), everything else as is. Usage:
//   node scripts/interop/make-fixtures.mjs /tmp/oc-fixtures && node scripts/interop/pack-fixtures.mjs /tmp/oc-fixtures
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const [source] = process.argv.slice(2);
if (!source) {
  process.stderr.write('usage: pack-fixtures.mjs <dir made by make-fixtures.mjs>\n');
  process.exit(64);
}
const target = fileURLToPath(new URL('../../test/fixtures/openclaw-sqlite/', import.meta.url));
const scanner = /sk-ant-(api03|oat01|admin01)-[A-Za-z0-9_-]{80}/;
for (const scenario of readdirSync(source)) {
  const from = join(source, scenario);
  if (!statSync(from).isDirectory()) continue;
  rmSync(join(target, scenario), { recursive: true, force: true });
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const bytes = readFileSync(path);
      if (scanner.test(bytes.toString('latin1')))
        throw new Error(`${path} holds a string shaped like a real Anthropic secret`);
      const out = join(target, scenario, relative(from, path));
      mkdirSync(dirname(out), { recursive: true });
      if (entry.endsWith('.sqlite')) writeFileSync(`${out}.gz`, gzipSync(bytes, { level: 9 }));
      else copyFileSync(path, out);
    }
  };
  walk(from);
  process.stdout.write(`packed ${scenario}\n`);
}
