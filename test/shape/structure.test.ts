import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every relative import of a file (static, dynamic, type-only), as the file it names. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    const target = resolve(dirname(file), match[1]!.replace(/\.js$/, ''));
    for (const candidate of [`${target}.ts`, `${target}.tsx`]) {
      try {
        if (statSync(candidate).isFile()) found.push(candidate);
      } catch {
        // not this extension
      }
    }
  }
  return found;
}

const name = (file: string) => relative(SRC, file);

describe('the shape of the code', () => {
  it('has no import circle (type imports count too)', () => {
    const graph = new Map(sourceFiles().map((file) => [file, importsOf(file)]));
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].map(name).join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('keeps the store generations inside services/store/: nothing else imports a backend or compares a generation', () => {
    const outside = sourceFiles().filter((file) => !name(file).startsWith('services/store/'));
    const backendImports = outside.flatMap((file) =>
      importsOf(file)
        .map(name)
        .filter((target) => /^services\/store\/(json-layer|layers|layer|sqlite\/|generation)/.test(target))
        .map((target) => `${name(file)} imports ${target}`),
    );
    expect(backendImports).toEqual([]);
    const branching = outside.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, index) => ({ line, index }))
        .filter(({ line }) =>
          /\bera\s*[!=]==|[!=]==\s*'(json|agent-sqlite|shared-sqlite)'|\.backend\s*[!=]==|layout\s*[!=]==|case '(agent-sqlite|shared-sqlite)'/.test(
            line,
          ),
        )
        .map(({ index }) => `${name(file)}:${index + 1}`),
    );
    expect(branching).toEqual([]);
  });

  it('has no comment that points at a file outside the repository', () => {
    const citing = sourceFiles().filter((file) => /SPEC §|SPEC\.md/.test(readFileSync(file, 'utf8')));
    expect(citing.map(name)).toEqual([]);
  });

  it('gives a screen that takes keys itself its hint bar from the same key table (no hand-written hints to drift)', () => {
    const screens = sourceFiles(join(SRC, 'screens')).filter((file) => file.endsWith('.tsx'));
    // A hint pair written by hand (`['esc', 'back']`) beside a handler of its own: the two drift
    // (the local server's "r look again" was hinted where r did nothing).
    const byHand = screens.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return /\buseKeys\(|\buseKeyTable\(/.test(text) && /hints=\{\[[\s\S]{0,200}?\[\s*'[^']+',\s*'/.test(text);
    });
    expect(byHand.map(name)).toEqual([]);
    // And the screens that do take keys read a table.
    const taking = screens.filter((file) => /\buseKeys\(|useKeyTable\(/.test(readFileSync(file, 'utf8')));
    expect(taking.filter((file) => !/useKeyTable\(|actionFor\(/.test(readFileSync(file, 'utf8'))).map(name)).toEqual(
      [],
    );
  });
});
