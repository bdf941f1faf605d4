import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { CLI_PATH } from '../helpers/run-cli.js';
import { makeTempDir, makeTempHome, writeJsonFile } from '../helpers/temp-state.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

interface Manifest {
  name: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** Where Node would find `name` from `from`: the nearest node_modules up the tree (exports aside). */
function findPackageDir(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Every package a user's install brings (dependencies, transitively), with where it lies. */
function runtimePackages(): Array<{ dir: string; manifest: Manifest }> {
  const seen = new Map<string, Manifest>();
  const visit = (name: string, from: string) => {
    const dir = findPackageDir(name, from);
    if (!dir) return; // an optional dependency for another platform
    const manifestPath = join(dir, 'package.json');
    if (seen.has(dir)) return;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    seen.set(dir, manifest);
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(dep, dir);
  };
  for (const name of Object.keys(pkg.dependencies)) visit(name, ROOT);
  return [...seen].map(([dir, manifest]) => ({ dir, manifest }));
}

describe('the runtime authdeck installs', () => {
  it('has no dependency that runs an install script or builds native code', () => {
    const packages = runtimePackages();
    expect(packages.map((entry) => entry.manifest.name)).toEqual(
      expect.arrayContaining(['ink', 'react', '@lydell/node-pty']),
    );
    const building = packages
      .filter(
        ({ dir, manifest }) =>
          ['preinstall', 'install', 'postinstall'].some((script) => manifest.scripts?.[script]) ||
          existsSync(join(dir, 'binding.gyp')),
      )
      .map((entry) => entry.manifest.name);
    expect(building).toEqual([]);
  });

  it('names one Node floor, in package.json and in the launcher', () => {
    const launcher = readFileSync(CLI_PATH, 'utf8');
    const floor = /const FLOOR = '([\d.]+)'/.exec(launcher)?.[1];
    expect(pkg.engines.node).toBe(`>=${floor}`);
  });

  const asNode20 = `data:text/javascript,Object.defineProperty(process.versions,'node',{value:'20.20.2'})`;

  it('below the floor, with no Node of its own beside it (a global install), says so in one line and exits 1', () => {
    // The same Node, told it is older: the launcher reads process.versions.node.
    const dir = makeTempDir();
    mkdirSync(join(dir, 'bin'));
    // The launcher's folder as published (package.json "files"): bin/package.json makes it CommonJS.
    for (const name of ['authdeck.js', 'package.json'])
      copyFileSync(join(dirname(CLI_PATH), name), join(dir, 'bin', name));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    const run = spawnSync(process.execPath, ['--import', asNode20, join(dir, 'bin', 'authdeck.js'), 'status'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('authdeck: needs Node 24.16.0 or later (as OpenClaw 2026.9 does); this is Node 20.20.2\n');
  });

  it("below the floor in a clone (`npm link` on Node 20), runs on the clone's own Node 24 with its exit code", () => {
    const home = makeTempHome().home;
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['--import', asNode20, CLI_PATH, ...args], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: home, NO_COLOR: '1', AUTHDECK_STORE_GENERATION: 'json' },
      });
    const version = run(['--version']);
    expect(version.stderr).toBe('');
    expect(version.stdout).toBe(`${pkg.version}\n`);
    expect(version.status).toBe(0);
    const usage = run(['status', '--jsn']);
    expect(usage.status).toBe(64);
    expect(usage.stderr).toContain("unknown option '--jsn'");
  });

  it('on a Node built without node:sqlite, reads the JSON era and says in one line what it cannot read', () => {
    const withoutSqlite = `data:text/javascript,${encodeURIComponent(
      "const get = process.getBuiltinModule; process.getBuiltinModule = (id) => (id === 'node:sqlite' ? undefined : get.call(process, id));",
    )}`;
    const status = (home: string) =>
      spawnSync(process.execPath, ['--import', withoutSqlite, CLI_PATH, 'status'], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: home, NO_COLOR: '1' },
      });
    const json = makeTempHome();
    writeJsonFile(join(json.mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'openai:default': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey() } },
    });
    const jsonRun = status(json.home);
    expect(jsonRun.stderr).toBe('');
    expect(jsonRun.stdout).toContain('openai:default');
    const sqlite = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', sqlite.stateDir);
    const sqliteRun = status(sqlite.home);
    expect(sqliteRun.status).toBe(3);
    expect(sqliteRun.stdout).toBe('');
    expect(sqliteRun.stderr.trim().split('\n')).toHaveLength(1);
    expect(sqliteRun.stderr).toContain('was built without node:sqlite');
  });
});
