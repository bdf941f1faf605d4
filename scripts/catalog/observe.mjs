#!/usr/bin/env node
// Runs `openclaw onboard --non-interactive` for every auth choice that needs no plugin download,
// each on a throw-away home under /tmp with fake secrets and the network blocked, and records
// what OpenClaw did in observations.json: the facts it keeps only in plugin code (default model
// and alias, profile ids, which flags a plugin reads, what a choice needs). See README.md.
//
//   node scripts/catalog/observe.mjs <openclaw package dir> [--node <node 24 binary>]
//        [--out <file>] [--only id,id] [--network] [--jobs 2]
//
// --network lets the --only choices reach npm/ClawHub (external plugins install from there);
// it never applies to the whole list, so no run looks up packages in bulk.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeLocalServer } from './fake-local-server.mjs';
import { generate, stableJson } from './gen-provider-catalog.mjs';
import { runChoice, setupTokenShape } from './observe-run.mjs';
import { readOpenclaw } from './read-openclaw.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const options = { out: path.join(here, 'observations.json'), node: process.execPath, jobs: 2, only: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--node') options.node = argv[++i];
    else if (arg === '--out') options.out = argv[++i];
    else if (arg === '--only')
      options.only = new Set(
        String(argv[++i] ?? '')
          .split(',')
          .filter(Boolean),
      );
    else if (arg === '--network') options.network = true;
    else if (arg === '--jobs') options.jobs = Math.max(1, Number(argv[++i]) || 1);
    else if (!options.pkgDir && !arg.startsWith('-')) options.pkgDir = path.resolve(arg);
    else throw new Error(`unknown argument: ${arg}`);
  }
  if (!options.pkgDir)
    throw new Error('usage: observe.mjs <openclaw package dir> [--node bin] [--out file] [--only ids]');
  if (options.network && !options.only) throw new Error('--network needs --only: it installs plugins from npm');
  return options;
}

function selectChoices(catalog, options) {
  const runsHere = (choice) => !choice.platforms || choice.platforms.includes(process.platform);
  return catalog.choices.filter((choice) => {
    if (!runsHere(choice)) return false;
    if (options.only && !options.only.has(choice.id)) return false;
    // External plugins come from npm or ClawHub: observed only when asked for by name.
    return options.network || choice.plugin?.status !== 'external-catalog';
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const openclaw = readOpenclaw(options.pkgDir);
  const catalog = generate(options.pkgDir);
  const server = await startFakeLocalServer();
  const context = {
    node: options.node,
    entry: path.join(options.pkgDir, 'openclaw.mjs'),
    staticFlags: openclaw.core.staticFlags,
    tokenShape: setupTokenShape(options.pkgDir),
    // The generic `token` choice is bound to the provider that has a setup-token method.
    tokenProvider: catalog.choices.find((choice) => choice.method === 'setup-token')?.provider ?? 'anthropic',
    serverOrigin: server.origin,
    network: Boolean(options.network),
  };
  const queue = selectChoices(catalog, options);
  const results = {};
  const worker = async () => {
    for (let choice = queue.shift(); choice; choice = queue.shift()) {
      const started = Date.now();
      results[choice.id] = await runChoice(choice, context);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stderr.write(`${choice.id}: ${results[choice.id].outcome} (${seconds}s)\n`);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.jobs }, worker));
  } finally {
    await server.close();
  }

  // Earlier observations of the same OpenClaw (e.g. a --network run) stay; a new version starts afresh.
  let previous = {};
  if (fs.existsSync(options.out)) {
    const old = JSON.parse(fs.readFileSync(options.out, 'utf8'));
    if (old.openclawVersion === openclaw.version) previous = old.choices ?? {};
  }
  const out = { openclawVersion: openclaw.version, choices: { ...previous, ...results } };
  fs.writeFileSync(options.out, stableJson(out));
  process.stderr.write(`${Object.keys(results).length} choices observed → ${options.out}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
});
