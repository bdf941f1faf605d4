#!/usr/bin/env node
// The README's provider table, made from the catalog (src/services/providers/catalog.json): one row
// per group of OpenClaw's onboarding picker, spliced in between the providers:start/end markers.
// Plain ESM, no dependencies. test/readme-providers.test.ts fails when the README's table is stale.
//
//   node scripts/readme-providers.mjs           # rewrite the table in README.md
//   node scripts/readme-providers.mjs --check   # exit 1 when README.md's table differs

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const START = '<!-- providers:start -->';
export const END = '<!-- providers:end -->';

const root = fileURLToPath(new URL('..', import.meta.url));
const README = path.join(root, 'README.md');
const CATALOG = path.join(root, 'src/services/providers/catalog.json');

const code = (text) => `\`${text}\``;
const unique = (items) => [...new Set(items)];

/** How the credential is had: what a person does for the choice. */
export function howOf(choice) {
  if (choice.id === 'custom-api-key') return 'custom';
  switch (choice.credential.kind) {
    case 'api_key':
      return 'key';
    case 'token':
      return 'token';
    case 'oauth':
      return 'sign-in';
    default:
      return choice.method === 'cli' ? 'CLI login' : 'local server';
  }
}

/** The plugin a choice needs: bundled (on by default), bundled but to enable, or the install command. */
export function pluginOf(choice) {
  const plugin = choice.plugin;
  if (!plugin) return '—';
  if (plugin.status === 'bundled-enabled-by-default') return 'bundled';
  if (plugin.status === 'bundled-needs-enable') return 'enable';
  return code(plugin.installCommand ?? `openclaw plugins install ${plugin.npmSpec ?? plugin.clawhubSpec}`);
}

/**
 * Distinct values of a group's choices, in picker order; where the choices differ, each value
 * names the choices it belongs to (values of "—" are left out when a real one exists).
 */
function column(choices, read, { dropEmpty = false } = {}) {
  const values = choices.map((choice) => ({ id: choice.id, value: read(choice) }));
  const kept =
    dropEmpty && values.some((entry) => entry.value !== '—') ? values.filter((e) => e.value !== '—') : values;
  const distinct = unique(kept.map((entry) => entry.value));
  if (distinct.length <= 1) return distinct[0] ?? '—';
  return distinct
    .map((value) => {
      const ids = kept.filter((entry) => entry.value === value).map((entry) => entry.id);
      return `${value} (${ids.join(', ')})`;
    })
    .join('; ');
}

/** One row per picker group: provider, `--auth-choice` ids, how, plugin, default model. */
export function providerRows(catalog) {
  const byId = new Map(catalog.choices.map((choice) => [choice.id, choice]));
  return catalog.groups.map((group) => {
    const choices = group.choiceIds.map((id) => {
      const choice = byId.get(id);
      if (!choice) throw new Error(`group ${group.id} names ${id}, which the catalog lacks`);
      return choice;
    });
    return [
      group.label,
      choices.map((choice) => code(choice.id)).join(', '),
      unique(choices.map(howOf)).join(', '),
      column(choices, pluginOf),
      column(choices, (choice) => (choice.defaultModel ? code(choice.defaultModel.ref) : '—'), { dropEmpty: true }),
    ];
  });
}

const width = (text) => [...text].length;
const cell = (text) => text.replaceAll('|', '\\|');

/** A Markdown table laid out as the README's other tables are (cells padded to the column). */
export function markdownTable(header, rows) {
  const all = [header, ...rows].map((row) => row.map(cell));
  const widths = header.map((_, index) => Math.max(3, ...all.map((row) => width(row[index]))));
  const line = (row) => `| ${row.map((text, index) => text + ' '.repeat(widths[index] - width(text))).join(' | ')} |`;
  return [line(all[0]), line(widths.map((size) => '-'.repeat(size))), ...all.slice(1).map(line)].join('\n');
}

/** What goes between the markers: the table and the choices no picker group shows. */
export function providersSection(catalog) {
  const table = markdownTable(['provider', '`--auth-choice`', 'how', 'plugin', 'default model'], providerRows(catalog));
  const inPicker = new Set(catalog.groups.flatMap((group) => group.choiceIds));
  const outside = catalog.choices.filter((choice) => !inPicker.has(choice.id));
  const media = outside.filter((choice) => !choice.scopes.includes('text-inference') && choice.groupId);
  const detected = outside.filter((choice) => choice.visibility === 'detected-only');
  const rest = outside.filter((choice) => !media.includes(choice) && !detected.includes(choice));
  const list = (choices) => choices.map((choice) => code(choice.id)).join(', ');
  const notes = [
    `${catalog.groups.length} groups, ${inPicker.size} choices in OpenClaw ${catalog.openclawVersion}'s picker; ` +
      `${catalog.choices.length} \`--auth-choice\` ids in all. Not in the picker: ` +
      [
        media.length > 0 ? `image and music generation keys (${list(media)})` : undefined,
        detected.length > 0 ? `${list(detected)}, shown only where OpenClaw detects it` : undefined,
        rest.length > 0 ? `the generic ${list(rest)} (with \`--token-provider\`)` : undefined,
      ]
        .filter(Boolean)
        .join('; ') +
      '.',
  ];
  return [
    START,
    '<!-- made by `npm run readme:providers` from src/services/providers/catalog.json: edit the script, not the table -->',
    '',
    table,
    '',
    ...notes,
    END,
  ].join('\n');
}

/** The README with its providers section replaced; throws when the markers are missing or out of order. */
export function spliceReadme(readme, section) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs ${START} … ${END}`);
  return readme.slice(0, start) + section + readme.slice(end + END.length);
}

/** The section as it stands in the README, markers included. */
export function currentSection(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start, end + END.length);
}

function main(argv) {
  const catalog = JSON.parse(readFileSync(CATALOG, 'utf8'));
  const readme = readFileSync(README, 'utf8');
  const next = spliceReadme(readme, providersSection(catalog));
  if (argv.includes('--check')) {
    if (next !== readme) {
      process.stderr.write('README.md: the providers table is out of date; run `npm run readme:providers`\n');
      process.exitCode = 1;
    }
    return;
  }
  if (next !== readme) writeFileSync(README, next);
  process.stdout.write(`README.md: ${catalog.groups.length} provider rows${next === readme ? ', unchanged' : ''}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`readme-providers: ${error.message}\n`);
    process.exitCode = 1;
  }
}
