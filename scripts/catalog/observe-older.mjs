#!/usr/bin/env node
// Runs an older OpenClaw's `openclaw onboard --non-interactive` for the key and token choices of
// the committed catalog, offline, each on a throw-away home, and records the default model it
// sets in observations-older.json — and, for a choice the catalog never saw set up, the provider
// block (endpoint) it writes. A home of that OpenClaw knows those models (the current
// catalog's may be newer than it), and it ships the plugins the current release moved to ClawHub
// (whose defaults the catalog never saw). The generator's --older-observations merges them. See
// README.md.
//
//   node scripts/catalog/observe-older.mjs <older openclaw package dir> [--node <node 24 binary>]
//        [--out <file>] [--jobs 2]

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeLocalServer } from './fake-local-server.mjs';
import { stableJson } from './gen-provider-catalog.mjs';
import { runChoice, setupTokenShape } from './observe-run.mjs';
import { readDefaultModelAliases } from './read-openclaw.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const CATALOG = path.join(here, '../../src/services/providers/catalog.json');
/** Flags a run may be told it misses (the generic ones; every choice's secret flag is added). */
const GENERIC_FLAGS = ['--custom-base-url', '--custom-model-id', '--custom-compatibility', '--token-provider'];
/** Choices whose model comes from what is typed (an endpoint, a deployment, account ids). */
const TYPED_SETUPS = new Set([
  'custom-api-key',
  'vllm',
  'sglang',
  'cloudflare-ai-gateway-api-key',
  'microsoft-foundry-apikey',
]);

function parseArgs(argv) {
  const options = { out: path.join(here, 'observations-older.json'), node: process.execPath, jobs: 2 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--node') options.node = argv[++i];
    else if (arg === '--out') options.out = argv[++i];
    else if (arg === '--jobs') options.jobs = Math.max(1, Number(argv[++i]) || 1);
    else if (!options.pkgDir && !arg.startsWith('-')) options.pkgDir = path.resolve(arg);
    else throw new Error(`unknown argument: ${arg}`);
  }
  if (!options.pkgDir) throw new Error('usage: observe-older.mjs <openclaw package dir> [--node bin] [--out file]');
  return options;
}

/** Key and token choices set up from a secret alone: what an older OpenClaw's onboarding can show. */
function selectChoices(catalog) {
  return catalog.choices.filter(
    (choice) =>
      choice.provider &&
      (choice.credential.kind === 'api_key' || choice.credential.kind === 'token') &&
      choice.onboarding.nonInteractive &&
      choice.onboarding.needs.every((need) => need === 'plugin-install') &&
      !TYPED_SETUPS.has(choice.id) &&
      (!choice.platforms || choice.platforms.includes(process.platform)),
  );
}

/**
 * Choices whose onboarding finds the endpoint by trying the key on each (2026.5.20's Z.AI plugin,
 * detectZaiEndpoint): offline it writes its fallback, which says nothing of the key's endpoint.
 */
const DETECTS_ENDPOINT = new Set(['zai-api-key']);

function providerBlockOf(choice, models) {
  const block = models?.providers?.[choice.provider];
  if (choice.setup || DETECTS_ENDPOINT.has(choice.id)) return {};
  if (!block?.baseUrl || JSON.stringify(block).includes('<secret>')) return {};
  return { models: { ...(models.mode ? { mode: models.mode } : {}), providers: { [choice.provider]: block } } };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const catalog = JSON.parse(fs.readFileSync(CATALOG, 'utf8'));
  const { version } = JSON.parse(fs.readFileSync(path.join(options.pkgDir, 'package.json'), 'utf8'));
  const server = await startFakeLocalServer();
  const flags = catalog.choices.flatMap((choice) => (choice.credential.flag ? [choice.credential.flag] : []));
  const context = {
    node: options.node,
    entry: path.join(options.pkgDir, 'openclaw.mjs'),
    staticFlags: new Set([...GENERIC_FLAGS, ...flags]),
    tokenShape: setupTokenShape(options.pkgDir),
    tokenProvider: 'anthropic',
    serverOrigin: server.origin,
    network: false,
    setupOnly: true,
  };
  const queue = selectChoices(catalog);
  const results = {};
  const worker = async () => {
    for (let choice = queue.shift(); choice; choice = queue.shift()) {
      const record = await runChoice(choice, context);
      const entry = record.writes?.defaultModelEntry ?? (record.alias ? { alias: record.alias } : {});
      // Only what that OpenClaw set up on its own: a failed or flag-fed run says nothing of its defaults.
      if (record.outcome === 'configured' && record.defaultModel && record.requiredFlags.length === 0)
        results[choice.id] = {
          defaultModel: record.defaultModel,
          defaultModelEntry: entry,
          // The provider block (its endpoint) of a choice today's catalog never saw set up (a
          // ClawHub plugin's, such as a region's): what that OpenClaw wrote, with no secret in it.
          ...providerBlockOf(choice, record.writes?.models),
        };
      process.stderr.write(`${choice.id}: ${record.outcome} ${record.defaultModel ?? '-'}\n`);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.jobs }, worker));
  } finally {
    await server.close();
  }
  // The aliases its config loader gives default models: a home of that OpenClaw reads them.
  const defaultModelAliases = readDefaultModelAliases(options.pkgDir);
  fs.writeFileSync(options.out, stableJson({ openclawVersion: version, choices: results, defaultModelAliases }));
  process.stderr.write(`${Object.keys(results).length} defaults observed on OpenClaw ${version} → ${options.out}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
});
