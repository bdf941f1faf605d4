import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  currentSection,
  END,
  providerRows,
  providersSection,
  START,
  spliceReadme,
} from '../scripts/readme-providers.mjs';
import catalog from '../src/services/providers/catalog.json' with { type: 'json' };

const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

describe("the README's provider table", () => {
  it('is what scripts/readme-providers.mjs makes of the catalog (on a difference: npm run readme:providers)', () => {
    expect(currentSection(readme)).toBe(providersSection(catalog));
  });

  it('sits under "### Providers", once', () => {
    expect(readme.split(START)).toHaveLength(2);
    expect(readme.split(END)).toHaveLength(2);
    const heading = readme.lastIndexOf('\n### ', readme.indexOf(START));
    expect(readme.slice(heading + 1, readme.indexOf('\n', heading + 1))).toBe('### Providers');
  });

  it('has one row per picker group, naming each of its choices, the install command of each external plugin', () => {
    const rows = providerRows(catalog);
    expect(rows).toHaveLength(catalog.groups.length);
    for (const [index, group] of catalog.groups.entries()) {
      const [label, ids, , plugin] = rows[index]!;
      expect(label).toBe(group.label);
      expect(ids!.split(', ')).toEqual(group.choiceIds.map((id) => `\`${id}\``));
      for (const id of group.choiceIds) {
        const command = catalog.choices.find((choice) => choice.id === id)?.plugin?.installCommand;
        if (command) expect(plugin).toContain(command);
      }
    }
  });

  it('replaces only what is between the markers', () => {
    const text = `before\n${START}\nold\n${END}\nafter\n`;
    expect(spliceReadme(text, `${START}\nnew\n${END}`)).toBe(`before\n${START}\nnew\n${END}\nafter\n`);
    expect(() => spliceReadme('no markers', 'x')).toThrow('README.md needs');
  });
});
