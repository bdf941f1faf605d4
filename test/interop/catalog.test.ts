import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OPENCLAW_ROOT_KEYS } from '../../src/services/config/root-keys.js';
import { NODE24, openclawPackageDir } from './openclaw-harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const generator = join(root, 'scripts/catalog/gen-provider-catalog.mjs');
const observations = join(root, 'scripts/catalog/observations.json');
const olderObservations = join(root, 'scripts/catalog/observations-older.json');
const committed = join(root, 'src/services/providers/catalog.json');
const pkg = openclawPackageDir('2026.9.6');
const biome = join(root, 'node_modules/@biomejs/biome/bin/biome');

describe('the provider catalog against OpenClaw 2026.9.6', () => {
  it('is exactly what the generator makes of the installed package and the committed observations', () => {
    const args = [generator, pkg, '--observations', observations, '--older-observations', olderObservations];
    const generated = execFileSync(process.execPath, args, {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', LANG: 'C' },
    });
    // The committed file is Biome-formatted like every other JSON file in the repo.
    const formatted = execFileSync(process.execPath, [biome, 'format', `--stdin-file-path=${committed}`], {
      cwd: root,
      input: generated,
      encoding: 'utf8',
    });
    // On a difference, regenerate as scripts/catalog/README.md says and review the diff.
    expect(formatted).toBe(readFileSync(committed, 'utf8'));
  });

  it("has OpenClaw's own picker groups, picker order and accepted --auth-choice ids", () => {
    const home = mkdtempSync(join(tmpdir(), 'authdeck-catalog-'));
    try {
      const run = spawnSync(NODE24, [join(root, 'scripts/catalog/verify-runtime.mjs'), pkg, committed], {
        encoding: 'utf8',
        // No provider keys from this machine's env: a detected provider would change the picker.
        env: { PATH: process.env.PATH ?? '', HOME: home, OPENCLAW_STATE_DIR: join(home, '.openclaw'), NO_COLOR: '1' },
      });
      const report = JSON.parse(run.stdout) as { ok: boolean; groups: number; accepted: number; problems: unknown[] };
      expect(report.problems).toEqual([]);
      expect(report).toMatchObject({ ok: true, groups: 50, accepted: 93 });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe("openclaw.json's top-level keys against OpenClaw 2026.9.6", () => {
  it("are the keys of the installed package's root schema (OpenClawSchemaShape), no more, no fewer", () => {
    const dist = join(pkg, 'dist');
    const file = readdirSync(dist)
      .filter((name) => name.endsWith('.mjs'))
      .map((name) => readFileSync(join(dist, name), 'utf8'))
      .find((text) => text.includes('const OpenClawSchemaShape = {'));
    expect(file, 'no dist file holds OpenClawSchemaShape').toBeDefined();
    const body = file!.slice(file!.indexOf('const OpenClawSchemaShape = {'));
    const shape = body.slice(0, body.indexOf('\n};'));
    // The shape's own keys sit one tab in; nested schemas are deeper.
    const keys = [...shape.matchAll(/^\t([$A-Za-z_][\w$]*)[:,]/gm)].map((match) => match[1]);
    expect([...keys].sort()).toEqual([...OPENCLAW_ROOT_KEYS].sort());
  });
});
