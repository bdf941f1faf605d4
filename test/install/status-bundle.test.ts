import { chmodSync, lstatSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectProxy } from '../helpers/connect-proxy.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempHome, writeJsonFile } from '../helpers/temp-state.js';

// `authdeck status` runs from a bundle of its own (scripts/build.mjs); `models status` and
// `models auth list` run the same command from the whole tree. Both must answer alike.
let server: Server;
let origin = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const auth = String(req.headers.authorization ?? '');
    res.writeHead(auth === `Bearer ${fakeSecrets.openaiKey('good')}` ? 200 : 401, {
      'content-type': 'application/json',
    });
    res.end('{"data":[]}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((done) => server.close(done)));

function homeWithProfiles(): string {
  const { home, mainAgentDir } = makeTempHome();
  writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
    version: 1,
    profiles: {
      'openai:good': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey('good') },
      'openai:bad': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey('bad') },
      'opneai:typo': { type: 'api_key', provider: 'opneai', key: fakeSecrets.openaiKey('typo') },
      'anthropic:tok': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken(), expires: 1 },
    },
  });
  return home;
}

describe('the status bundle', () => {
  it('answers as the whole command tree does: text, JSON, --check, probes, help and usage errors', async () => {
    const home = homeWithProfiles();
    const env = { AUTHDECK_PROBE_BASE_URL_OPENAI: origin };
    for (const args of [['--json'], ['--check'], ['--check', '--all'], ['--probe', '--json'], ['--help'], ['--jsn']]) {
      const alone = await runCli(['status', ...args], { home, env });
      const inTree = await runCli(['models', 'status', ...args], { home, env });
      // The same words; times and durations measured a moment apart may differ.
      const shown = (text: string) =>
        text
          .replaceAll('authdeck models status', 'authdeck status')
          .replace(/"(\w*(?:Ms|At))": (?:"[^"]*"|-?\d+)/g, '"$1": …');
      expect(alone.code, args.join(' ')).toBe(inTree.code);
      expect(shown(alone.stdout), args.join(' ')).toBe(shown(inTree.stdout));
      expect(shown(alone.stderr), args.join(' ')).toBe(shown(inTree.stderr));
    }
    // The probe's HTTP client is loaded on demand from node_modules: it ran and found the bad key.
    const probes = JSON.parse((await runCli(['status', '--probe', '--json'], { home, env })).stdout).probes;
    expect(probes).toContainEqual(expect.objectContaining({ id: 'openai:bad', result: 'auth', httpStatus: 401 }));
    expect(probes).toContainEqual(expect.objectContaining({ id: 'openai:good', result: 'ok' }));
    const text = await runCli(['status'], { home });
    expect(text.stdout).toContain('a typo of openai?');
    expect(text.stdout).toMatch(/anthropic:tok\s+token\s+.*expired/);
  });

  it('`status` loads its one file and nothing of the command tree', async () => {
    const hook = `import{registerHooks}from'node:module';registerHooks({load(u,c,n){if(u.includes('/dist/'))process.stderr.write('LOADED '+u.slice(u.indexOf('/dist/'))+'\\n');return n(u,c)}})`;
    const env = { NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(hook)}` };
    const loaded = async (args: string[], more: Record<string, string> = {}) =>
      (await runCli(args, { home: homeWithProfiles(), env: { ...env, ...more } })).stderr.match(/^LOADED \S+/gm) ?? [];
    // Run from its own code cache (bin/authdeck.js): the bundle is compiled by V8 directly, so the
    // loader sees no file of dist/ at all.
    expect(await loaded(['status', '--check'])).toEqual([]);
    expect(await loaded(['status', '--check'], { NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual([
      'LOADED /dist/authdeck-status.cjs',
    ]);
    const tree = await loaded(['models', 'status', '--check']);
    expect(tree[0]).toBe('LOADED /dist/authdeck.js');
    expect(tree.some((line) => line.includes('/dist/chunks/'))).toBe(true);
  });

  it("`status` into a pipe loads none of Node's stream, socket or promise file modules", async () => {
    // Each costs start-up time on every run (bench/status.mjs); the output is written straight
    // through the pipe's descriptor (src/process-io.ts), the files read synchronously.
    // A --require hook: an --import one would load the ES module hooks, and those load them.
    const hook = join(makeTempHome().home, 'modules-hook.cjs');
    writeFileSync(
      hook,
      `process.on('exit',()=>require('fs').writeSync(2,'MODULES '+process.moduleLoadList.filter(m=>/^NativeModule (stream|net|fs\\/promises|internal\\/fs\\/promises)$/.test(m)).join(',')+'\\n'))`,
    );
    const env = { NODE_OPTIONS: `--require=${hook}` };
    const home = homeWithProfiles();
    const run = await runCli(['status', '--check'], { home, env });
    expect(run.stdout).toContain('openai:good');
    expect(run.stderr).toMatch(/^MODULES \n/m);
    // The whole command tree's first frame for comparison: it does load them (the hook works).
    expect((await runCli(['doctor'], { home, env })).stderr).toMatch(/^MODULES \S/m);
  });

  it('runs from a code cache its first run made, and never from a file it did not write', async () => {
    const home = homeWithProfiles();
    const cacheRoot = join(makeTempHome().home, 'compile-cache');
    const env = { NODE_COMPILE_CACHE: cacheRoot };
    const expected = await runCli(['status', '--check'], { home, env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
    const cacheFile = () => {
      const [versioned] = readdirSync(cacheRoot);
      const names = readdirSync(join(cacheRoot, versioned!)).filter((name) => name.startsWith('authdeck-status-'));
      expect(names).toHaveLength(1);
      return join(cacheRoot, versioned!, names[0]!);
    };
    const same = async () => {
      const run = await runCli(['status', '--check'], { home, env });
      expect(run.code).toBe(expected.code);
      expect(run.stdout.replace(/expires in \S+/g, '')).toBe(expected.stdout.replace(/expires in \S+/g, ''));
    };
    // Help and usage errors compile little of it: no cache is made from those.
    for (const args of [['--help'], ['--jsn']]) await runCli(['status', ...args], { home, env });
    expect(readdirSync(cacheRoot).flatMap((dir) => readdirSync(join(cacheRoot, dir)))).not.toContainEqual(
      expect.stringMatching(/^authdeck-status-/),
    );
    await same();
    const made = lstatSync(cacheFile());
    expect(made.mode & 0o777).toBe(0o600);
    expect(made.size).toBeGreaterThan(100_000);
    // Taken as it is: a run that could not use it would write a new one.
    await same();
    expect(lstatSync(cacheFile()).ino).toBe(made.ino);
    // Junk V8 refuses; a file others can write, or a link, is not read at all. Each is replaced.
    const junk = Buffer.from('not a code cache');
    for (const plant of [
      (path: string) => writeFileSync(path, junk, { mode: 0o600 }),
      (path: string) => {
        const good = readFileSync(path);
        rmSync(path);
        writeFileSync(path, good);
        chmodSync(path, 0o620);
      },
      (path: string) => {
        rmSync(path);
        writeFileSync(`${path}.elsewhere`, junk);
        symlinkSync(`${path}.elsewhere`, path);
      },
    ]) {
      const path = cacheFile();
      plant(path);
      await same();
      const replaced = lstatSync(path);
      expect(replaced.isFile()).toBe(true);
      expect(replaced.mode & 0o777).toBe(0o600);
      expect(readFileSync(path).length).toBeGreaterThan(100_000);
      rmSync(`${path}.elsewhere`, { force: true });
    }
  });

  it('is ASCII, so Node reads it as one-byte text', () => {
    const text = readFileSync(fileURLToPath(new URL('../../dist/authdeck-status.cjs', import.meta.url)), 'utf8');
    expect(text.match(/[^\u0000-\u007f]/g) ?? []).toEqual([]);
  });

  it('probes through HTTP(S)_PROXY from either bundle', async () => {
    const proxy = await startConnectProxy();
    const { tunnels } = proxy;
    try {
      const home = homeWithProfiles();
      const env = { AUTHDECK_PROBE_BASE_URL_OPENAI: origin, HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url };
      for (const command of [['status'], ['models', 'status']]) {
        tunnels.length = 0;
        const run = await runCli([...command, '--probe', '--json'], { home, env });
        const probes = JSON.parse(run.stdout).probes;
        expect(probes, command.join(' ')).toContainEqual(expect.objectContaining({ id: 'openai:good', result: 'ok' }));
        expect(tunnels.length, command.join(' ')).toBeGreaterThan(0);
      }
    } finally {
      await proxy.close();
    }
  });
});
