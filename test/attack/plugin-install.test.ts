import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChoice } from '../../src/services/providers/catalog.js';
import { installedDefaultModel, installPlugin } from '../../src/services/providers/plugin-install.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { alive } from '../helpers/processes.js';
import { CLI_PATH, runCli } from '../helpers/run-cli.js';
import { makeTempHome } from '../helpers/temp-state.js';

/** A home of OpenClaw 2026.9.6: plugins serve its providers (older ones build them in). */
function pluginEraHome() {
  const temp = makeTempHome();
  installOpenclawFixture('a-v9-shared-fresh', temp.stateDir);
  return temp;
}

/** The store generation comes from the home's files; the gateway is not told. */
const FROM_FILES = { AUTHDECK_STORE_GENERATION: undefined };

/** Whether `groq:default` holds this key, as `authdeck status --json` reads the store. */
async function savedKeyEnds(home: string, PATH: string): Promise<string> {
  const run = await runCli(['status', '--json'], { home, env: { ...FROM_FILES, PATH } });
  return run.stdout;
}

const groq = () => findChoice('groq-api-key')!.plugin!;

/** A stand-in `openclaw` whose `plugins install` runs `body` (sh); `--version` says 2026.9.6. */
function fakeOpenclaw(home: string, body: string): string {
  const bin = join(home, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    join(bin, 'openclaw'),
    `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "OpenClaw 2026.9.6"; exit 0; fi\n${body}\n`,
  );
  chmodSync(join(bin, 'openclaw'), 0o755);
  return `${bin}:/usr/bin:/bin`;
}

/** A plugin dir with this manifest, where `openclaw plugins install` puts a path install. */
const WRITE_MANIFEST = (json: string) =>
  `mkdir -p "$OPENCLAW_STATE_DIR/extensions/groq"\ncat > "$OPENCLAW_STATE_DIR/extensions/groq/openclaw.plugin.json" <<'J'\n${json}\nJ`;

/** An `openclaw` that ignores SIGTERM and leaves a child holding its output (as npm does under it), its pid in `pidFile`. */
const stragglerScript = (pidFile: string) => `trap '' TERM INT\necho working\nsleep 60 &\necho $! > "${pidFile}"\nwait`;

/** The child `stragglerScript` left is gone: the whole process group was stopped. */
async function expectGone(pidFile: string): Promise<void> {
  const straggler = Number(readFileSync(pidFile, 'utf8'));
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(alive(straggler)).toBe(false);
}

describe('an install that does not end', () => {
  it('the timeout ends the wait and the whole install, even while npm (a child of openclaw) holds its output open', async () => {
    const { home, stateDir, configPath } = makeTempHome();
    const pidFile = join(home, 'straggler.pid');
    // openclaw ignores SIGTERM and leaves a child holding stdout/stderr (as npm does under it).
    const PATH = fakeOpenclaw(home, stragglerScript(pidFile));
    const started = Date.now();
    const reason = await installPlugin({ env: { PATH }, stateDir, configPath }, groq(), { timeoutMs: 1000 });
    expect(Date.now() - started).toBeLessThan(8000);
    expect(reason).toBe('stopped after 1 s without finishing');
    await expectGone(pidFile);
  }, 15_000);

  it("the screen's stop (an abort signal) ends the whole install at once", async () => {
    const { home, stateDir, configPath } = makeTempHome();
    const pidFile = join(home, 'straggler.pid');
    const PATH = fakeOpenclaw(home, stragglerScript(pidFile));
    const stop = new AbortController();
    const running = installPlugin({ env: { PATH }, stateDir, configPath }, groq(), { signal: stop.signal });
    while (!existsSync(pidFile)) await new Promise((resolve) => setTimeout(resolve, 20));
    stop.abort();
    expect(await running).toBe('stopped');
    await expectGone(pidFile);
  }, 15_000);

  it('stopped just as it had put the plugin in place: installed, not stopped', async () => {
    const { home, stateDir, configPath } = makeTempHome();
    const PATH = fakeOpenclaw(home, `${WRITE_MANIFEST('{"id":"groq"}')}\ntrap '' TERM INT\nsleep 60 &\nwait`);
    const stop = new AbortController();
    const running = installPlugin({ env: { PATH }, stateDir, configPath }, groq(), { signal: stop.signal });
    const manifest = join(stateDir, 'extensions', 'groq', 'openclaw.plugin.json');
    while (!existsSync(manifest)) await new Promise((resolve) => setTimeout(resolve, 20));
    stop.abort();
    expect(await running).toBeUndefined();
  }, 15_000);

  it('Ctrl+C during `onboard --auth-choice` stops the install at once: the key stays, one line says why, exit 1', async () => {
    const { home } = pluginEraHome();
    const started = join(home, 'started');
    const PATH = fakeOpenclaw(home, `trap '' INT TERM\necho working\ntouch "${started}"\nsleep 60 &\nwait`);
    const child = spawn(
      process.execPath,
      [CLI_PATH, '--no-reload', 'onboard', '--non-interactive', '--auth-choice', 'groq-api-key'],
      {
        env: { PATH, HOME: home, NO_COLOR: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stdin.end(fakeSecrets.groqKey());
    for (let i = 0; i < 100 && !existsSync(started); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(started)).toBe(true);
    const sent = Date.now();
    // Only authdeck gets it (kill -INT <pid>): it must end the install itself.
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(Date.now() - sent).toBeLessThan(6000);
    expect(code).toBe(1);
    expect(stderr).toContain('could not be installed now (stopped by Ctrl+C)');
    expect(stdout).toContain('Saved groq:default');
    expect(await savedKeyEnds(home, PATH)).toContain('groq:default');
  }, 20_000);
});

describe('an install that says it worked', () => {
  it('offline, the reason is the network failure, not the notes OpenClaw printed before it', async () => {
    const { home, stateDir, configPath } = makeTempHome();
    const PATH = fakeOpenclaw(
      home,
      [
        `echo '[state-migrations] Plugin "groq" data/settings upgrade is unfinished: npm view failed' >&2`,
        "echo 'npm error code ECONNREFUSED' >&2",
        "echo 'npm error request to https://registry.npmjs.org/x failed, reason: connect ECONNREFUSED 127.0.0.1:9' >&2",
        'exit 1',
      ].join('\n'),
    );
    const reason = await installPlugin({ env: { PATH }, stateDir, configPath }, groq());
    expect(reason).toBe(
      'could not reach 127.0.0.1:9: check your internet connection (or proxy) (connection refused, ECONNREFUSED)',
    );
    expect(reason).not.toContain('state-migrations');
  });

  it("the reason is OpenClaw's words without the colours it adds even under NO_COLOR", async () => {
    const { stateDir, configPath, home } = makeTempHome();
    const PATH = fakeOpenclaw(
      home,
      `printf '\\033[32m[state-migrations]\\033[39m \\033[33mPlugin "groq" failed to install: not found\\033[39m\\n' >&2\nexit 1`,
    );
    const reason = await installPlugin({ env: { PATH }, stateDir, configPath }, groq());
    expect(reason).toBe('[state-migrations] Plugin "groq" failed to install: not found');
  });

  it('exit 0 with no plugin where the gateway loads it names that, not the last line it printed', async () => {
    const { home, stateDir, configPath } = makeTempHome();
    const PATH = fakeOpenclaw(home, 'echo "all good"; exit 0');
    const reason = await installPlugin({ env: { PATH }, stateDir, configPath }, groq());
    expect(reason).toMatch(/^openclaw exited with 0 but the plugin is not in /);
  });
});

describe("an installed plugin's manifest", () => {
  it('a default model with an escape, a control or a bidi mark (or thousands of characters) is not taken', async () => {
    for (const model of ['x\u001b]52;c;aGVsbG8=\u0007', 'a\u202eb', 'a\u0085b', 'a\u200bb', 'm'.repeat(5000)]) {
      const { stateDir, configPath } = makeTempHome();
      mkdirSync(join(stateDir, 'extensions', 'groq'), { recursive: true });
      writeFileSync(
        join(stateDir, 'extensions', 'groq', 'openclaw.plugin.json'),
        JSON.stringify({ modelCatalog: { providers: { groq: { defaultModel: model } } } }),
      );
      expect(await installedDefaultModel(groq(), 'groq', { stateDir, configPath }), JSON.stringify(model)).toBe(
        undefined,
      );
    }
  });

  it('the CLI writes no such default into the config', async () => {
    const { home, configPath } = pluginEraHome();
    const PATH = fakeOpenclaw(
      home,
      WRITE_MANIFEST('{"modelCatalog":{"providers":{"groq":{"defaultModel":"x\\u001b]52;c;aGVsbG8=\\u0007"}}}}'),
    );
    const run = await runCli(
      ['--no-reload', 'onboard', '--non-interactive', '--auth-choice', 'groq-api-key', '--json'],
      {
        home,
        input: fakeSecrets.groqKey(),
        env: { ...FROM_FILES, PATH },
      },
    );
    expect(run.code).toBe(0);
    expect(readFileSync(configPath, 'utf8')).not.toContain('\\u001b');
    expect(JSON.parse(run.stdout).defaultModel.status).toBe('none');
  });
});

describe('a config the install leaves unreadable', () => {
  it('the saved key is still reported (and the JSON is the report), the file is not overwritten', async () => {
    for (const json of [false, true]) {
      const { home, configPath } = pluginEraHome();
      const PATH = fakeOpenclaw(
        home,
        `${WRITE_MANIFEST('{"modelCatalog":{"providers":{"groq":{"defaultModel":"llama-x"}}}}')}\necho '{broken' > "$OPENCLAW_CONFIG_PATH"`,
      );
      const run = await runCli(
        ['--no-reload', 'onboard', '--non-interactive', '--auth-choice', 'groq-api-key', ...(json ? ['--json'] : [])],
        { home, input: fakeSecrets.groqKey(), env: { ...FROM_FILES, PATH } },
      );
      expect(readFileSync(configPath, 'utf8')).toBe('{broken\n');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.code).toBe(0);
      if (json) {
        const report = JSON.parse(run.stdout);
        expect(report.profiles[0].profileId).toBe('groq:default');
        expect(report.plugin.installed).toBe(true);
        expect(report.warnings.join('\n')).toMatch(
          /default model the groq plugin names was not set: .*not valid JSON5/,
        );
      } else {
        expect(run.stdout).toContain('Saved groq:default');
        expect(run.stderr).toMatch(/warning: the default model the groq plugin names was not set: .*not valid JSON5/);
      }
    }
  });
});
