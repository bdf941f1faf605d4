#!/usr/bin/env node
// Holds a catalog to OpenClaw's own functions: the picker's groups and order from
// buildAuthChoiceGroups, and the ids `--auth-choice` accepts from formatAuthChoiceChoicesForCli.
// It imports OpenClaw's dist, so it needs OpenClaw's Node (24) and a throw-away HOME and
// OPENCLAW_STATE_DIR (the functions read config and plugin state).
//
//   HOME=/tmp/x OPENCLAW_STATE_DIR=/tmp/x/.openclaw node24 scripts/catalog/verify-runtime.mjs <openclaw package dir> <catalog.json>
//
// Prints {"ok": bool, "problems": [...]}; exits 1 when they differ.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [pkgDir, catalogFile] = process.argv.slice(2);
if (!pkgDir || !catalogFile) {
  process.stderr.write('usage: verify-runtime.mjs <openclaw package dir> <catalog.json>\n');
  process.exit(2);
}
if (!process.env.HOME?.startsWith('/tmp/')) {
  process.stderr.write('refusing: HOME must be a throw-away directory under /tmp\n');
  process.exit(2);
}

const dist = path.join(pkgDir, 'dist');
const chunk = fs
  .readdirSync(dist)
  .filter((name) => name.startsWith('auth-choice-options-') && name.endsWith('.mjs'))
  .find((name) => /function buildAuthChoiceGroups/.test(fs.readFileSync(path.join(dist, name), 'utf8')));
if (!chunk) throw new Error('no dist/auth-choice-options-*.mjs defines buildAuthChoiceGroups');
const exported = Object.values(await import(pathToFileURL(path.join(dist, chunk)).href));
// Export names are minified: tell the functions apart by their source.
const functions = exported.filter((value) => typeof value === 'function');
const buildAuthChoiceGroups = functions.find((fn) => /groupsById/.test(String(fn)));
const formatForCli = functions.find((fn) => /formatStaticAuthChoiceChoicesForCli/.test(String(fn)));
if (!buildAuthChoiceGroups || !formatForCli) throw new Error(`${chunk}: the group and CLI functions were not found`);

const catalog = JSON.parse(fs.readFileSync(catalogFile, 'utf8'));
const problems = [];

const runtime = buildAuthChoiceGroups({ config: {}, env: process.env, includeSkip: true, assistantVisibleOnly: false });
const theirs = runtime.groups.map((group) => ({
  id: group.value,
  label: group.label,
  hint: group.hint ?? null,
  choiceIds: group.options.map((option) => option.value),
}));
const ours = catalog.groups.map(({ id, label, hint, choiceIds }) => ({ id, label, hint, choiceIds }));
for (let i = 0; i < Math.max(theirs.length, ours.length); i++) {
  if (JSON.stringify(theirs[i]) !== JSON.stringify(ours[i])) {
    problems.push({ group: i, openclaw: theirs[i] ?? null, catalog: ours[i] ?? null });
  }
}

const byId = new Map(catalog.choices.map((choice) => [choice.id, choice]));
for (const [position, id] of theirs.flatMap((group) => group.choiceIds).entries()) {
  if (byId.get(id)?.pickerOrder !== position) problems.push({ choice: id, openclawPosition: position });
}

const accepted = formatForCli({ includeSkip: false, config: {}, env: process.env }).split('|').sort();
const here = catalog.choices
  .filter((choice) => !choice.platforms || choice.platforms.includes(process.platform))
  .map((choice) => choice.id)
  .sort();
const missing = accepted.filter((id) => !here.includes(id));
const extra = here.filter((id) => !accepted.includes(id));
if (missing.length > 0 || extra.length > 0) problems.push({ acceptedByOpenclawOnly: missing, inCatalogOnly: extra });

process.stdout.write(
  `${JSON.stringify({ ok: problems.length === 0, groups: theirs.length, accepted: accepted.length, problems }, null, 2)}\n`,
);
process.exitCode = problems.length === 0 ? 0 : 1;
