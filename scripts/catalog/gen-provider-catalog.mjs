#!/usr/bin/env node
// Prints authdeck's provider catalog (src/services/providers/catalog.json) for an installed
// OpenClaw package. Plain ESM, no dependencies, Node 20 and 24; see README.md.
//
//   node scripts/catalog/gen-provider-catalog.mjs <openclaw package dir> [--observations <file>]
//        [--older-observations <file>]

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCatalog } from './build-catalog.mjs';
import { readOpenclaw } from './read-openclaw.mjs';

/** Keys sorted at every level, so the output changes only when a fact does. */
export function stableJson(value) {
  const sortKeys = (item) => {
    if (Array.isArray(item)) return item.map(sortKeys);
    if (item && typeof item === 'object') {
      const out = {};
      for (const key of Object.keys(item).sort()) if (item[key] !== undefined) out[key] = sortKeys(item[key]);
      return out;
    }
    return item;
  };
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

export function generate(pkgDir, observationsFile, olderFile) {
  const read = (file) => (file ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined);
  return buildCatalog(readOpenclaw(path.resolve(pkgDir)), read(observationsFile), read(olderFile));
}

function main(argv) {
  const usage =
    'usage: gen-provider-catalog.mjs <openclaw package dir> [--observations <file>] [--older-observations <file>]\n';
  let pkgDir;
  let observationsFile;
  let olderFile;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--observations') observationsFile = argv[++i];
    else if (argv[i] === '--older-observations') olderFile = argv[++i];
    else if (argv[i] === '-h' || argv[i] === '--help') return process.stdout.write(usage);
    else if (!pkgDir && !argv[i].startsWith('-')) pkgDir = argv[i];
    else {
      process.stderr.write(`unknown argument: ${argv[i]}\n${usage}`);
      process.exitCode = 2;
      return;
    }
  }
  if (
    !pkgDir ||
    (argv.includes('--observations') && !observationsFile) ||
    (argv.includes('--older-observations') && !olderFile)
  ) {
    process.stderr.write(usage);
    process.exitCode = 2;
    return;
  }
  try {
    process.stdout.write(stableJson(generate(pkgDir, observationsFile, olderFile)));
  } catch (error) {
    process.stderr.write(`gen-provider-catalog: ${error.message}\n`);
    process.exitCode = 1;
  }
}

// Also imported by observe.mjs, which wants the functions without the CLI.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
