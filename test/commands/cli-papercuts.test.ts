import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/services/durations.js';
import { OAUTH_PROVIDERS } from '../../src/services/oauth/oauth-providers.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempDir, makeTempHome, readJson, writeJsonFile } from '../helpers/temp-state.js';

const run = (args: string[], input?: string) =>
  runCommand(args, { home: makeTempHome().home, ...(input !== undefined ? { input } : {}) });
const optionLines = (help: string) => help.split('\n').filter((line) => /^\s+(-\w, )?--[a-z]/.test(line));

describe('the command line’s small words', () => {
  it('--no-reload is an option only of commands that write', async () => {
    for (const args of [[], ['status'], ['order'], ['env'], ['monitor'], ['models'], ['order', 'get'], ['token']]) {
      const help = (await run([...args, '--help'])).stdout;
      expect({ args, listed: optionLines(help).some((line) => line.includes('--no-reload')) }).toEqual({
        args,
        listed: false,
      });
    }
    expect((await run(['order', '--help'])).stdout).toContain('Commands that write (set, clear) also take --no-reload');
    for (const args of [['add-key'], ['order', 'set'], ['login']])
      expect(optionLines((await run([...args, '--help'])).stdout).some((line) => line.includes('--no-reload'))).toBe(
        true,
      );
  });

  it('no help says a line break as the two characters \\n', async () => {
    const root = (await run(['--help'])).stdout;
    expect(root).not.toContain('\\n');
    const commands = [...root.matchAll(/^ {2}([a-z][a-z-]+)\s/gm)].map((match) => match[1]!);
    expect(commands.length).toBeGreaterThan(10);
    for (const name of commands) expect((await run([name, '--help'])).stdout, name).not.toContain('\\n');
  });

  it('login --help lists the sign-ins, one a line', async () => {
    const help = (await run(['login', '--help'])).stdout;
    expect(help).toContain('Sign-ins (--provider');
    for (const entry of OAUTH_PROVIDERS)
      expect(help).toMatch(new RegExp(`^  ${entry.id}\\s+${entry.label.replace(/[()]/g, '\\$&')}`, 'm'));
  });

  it('a did-you-mean ends its sentence before pointing at the help', async () => {
    const result = await run(['status', '--josn']);
    expect(result.code).toBe(64);
    expect(result.stderr).toBe(
      "authdeck: unknown option '--josn'; did you mean --json? (see `authdeck status --help`)\n",
    );
  });

  it('a value that starts with - gets one line that says how to pass it, not parseArgs’ text', async () => {
    const result = await run(
      ['paste-token', '--provider', 'anthropic', '--expires-in', '-1d'],
      fakeSecrets.setupToken(),
    );
    expect(result.code).toBe(64);
    expect(result.stderr).not.toMatch(/ambiguous|\\n|Did you forget/);
    expect(result.stderr).toBe(
      'authdeck: option \'--expires-in\' needs a value; one that starts with "-" is written --expires-in=-… (see `authdeck paste-token --help`)\n',
    );
  });

  it('OpenClaw’s models auth list, paste-api-key, add and login are authdeck’s status, add-key, onboard and login', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const list = await runCommand(['models', 'auth', 'list'], { home });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^Agent main/);
    const key = fakeSecrets.openaiKey();
    const pasted = await runCommand(['--no-reload', 'models', 'auth', 'paste-api-key', '--provider', 'openai'], {
      home,
      input: key,
    });
    expect(pasted.code).toBe(0);
    expect(readJson(join(mainAgentDir, 'auth-profiles.json')).profiles['openai:default']).toMatchObject({ key });
    expect((await runCommand(['models', 'auth', 'add', '--help'], { home })).stdout).toContain('as `authdeck onboard`');
    expect((await runCommand(['models', 'auth', 'login', '--help'], { home })).stdout).toContain('Sign-ins');
  });

  it('--state-dir that does not exist: one line and exit 64, not an empty state', async () => {
    const result = await run(['--state-dir', '/nonexistent/openclaw', 'status']);
    expect(result.code).toBe(64);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'authdeck: --state-dir /nonexistent/openclaw: no such directory; nothing to read there\n',
    );
    const file = join(makeTempDir('authdeck-file-'), 'openclaw');
    writeFileSync(file, '');
    expect((await run(['--state-dir', file, 'status'])).stderr).toBe(
      `authdeck: --state-dir ${file}: not a directory; nothing to read there\n`,
    );
    // A probe timeout no timer can hold is refused, not turned into 20 ms.
    expect((await run(['status', '--probe', '--probe-timeout', '30d'])).stderr).toBe(
      'authdeck: --probe-timeout: at most 10m (a probe is one model-list request)\n',
    );
    // A bare number is milliseconds, as in OpenClaw's `models status --probe-timeout <ms>`.
    expect(parseDuration('5000', '--probe-timeout', 'ms')).toBe(5000);
    expect((await run(['models', 'status', '--probe', '--probe-timeout', '5000'])).stderr).not.toContain('at most 10m');
    // A mistyped --probe-profile probed nothing and said nothing: it is named, exit 64.
    const { home } = makeTempHome();
    const key = fakeSecrets.groqKey('probe');
    expect(
      (
        await runCommand(['--no-reload', '--store-generation', 'json', 'add-key', '--provider', 'groq'], {
          home,
          input: key,
        })
      ).code,
    ).toBe(0);
    const typo = await runCommand(['status', '--probe', '--probe-profile', 'groq:defualt'], { home });
    expect(typo.code).toBe(64);
    expect(typo.stderr).toBe(
      'authdeck: --probe-profile: groq:defualt is not a profile of this agent (nor env:VAR of a key it sees); `authdeck status` lists them\n',
    );
    // So is a mistyped --probe-provider (it said "nothing to probe", exit 0), and a probe option
    // alone probes (it was ignored), and a timeout of 0 is refused (it meant the 8 s default).
    const provider = await runCommand(['status', '--probe-provider', 'gorq'], { home });
    expect(provider.code).toBe(64);
    expect(provider.stderr).toBe('authdeck: "gorq" is not a provider OpenClaw knows; did you mean groq?\n');
    const alone = await runCommand(['status', '--probe-profile', 'groq:default', '--probe-timeout', '2s', '--json'], {
      home,
    });
    expect(JSON.parse(alone.stdout).probes).toHaveLength(1);
    // At a terminal it says what it waits for (up to the timeout each): silence looked like a hang.
    const told = await runCommand(['status', '--probe', '--probe-timeout', '2s'], { home, stderrIsTerminal: true });
    expect(told.stderr).toContain('authdeck: checking 1 key live (free, read-only; Ctrl+C stops it)…');
    const zero = await runCommand(['status', '--probe', '--probe-timeout', '0'], { home });
    expect(zero).toMatchObject({ code: 64, stderr: 'authdeck: --probe-timeout: at least 1ms\n' });
    // A pasted page where an id goes is not said back whole.
    const page = 'a'.repeat(20_000);
    const long = await run(['remove', page, '--yes']);
    expect(long.code).toBe(64);
    expect(long.stderr).toMatch(/^authdeck: no profile named a{120}… for agent main/);
    expect(long.stderr.length).toBeLessThan(300);
    for (const args of [
      ['order', 'set', '--provider', 'anthropic', page],
      ['onboard', '--non-interactive', '--auth-choice', page],
    ]) {
      const said = await run(args);
      expect(said.code).toBe(64);
      expect(said.stderr).toMatch(/a{100}…/);
      expect(said.stderr.length).toBeLessThan(400);
    }
    // An empty profile id is said as such.
    expect((await run(['remove', '', '--yes'])).stderr).toBe(
      'authdeck: the profile id is empty; see `authdeck status` for the ids\n',
    );
  });

  it('--state-dir=~/x reads the directory a write with the same flag wrote (~ is the OpenClaw home)', async () => {
    const { home } = makeTempHome();
    const flag = '--state-dir=~/elsewhere';
    const key = fakeSecrets.openaiKey();
    const saved = await runCommand(['--no-reload', flag, 'add-key', '--provider', 'openai'], { home, input: key });
    expect(saved.code).toBe(0);
    expect(existsSync(join(home, 'elsewhere', 'agents', 'main', 'agent', 'auth-profiles.json'))).toBe(true);
    const status = await runCommand([flag, 'status'], { home });
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('openai:default');
    expect((await runCommand(['--state-dir=~/nowhere', 'status'], { home })).stderr).toBe(
      'authdeck: --state-dir ~/nowhere: no such directory; nothing to read there\n',
    );
  });

  it.each(['monitor run', 'refresh --due', 'doctor'])(
    '%s: a --state-dir that does not exist is refused, not created',
    async (line) => {
      const missing = join(makeTempDir('authdeck-missing-'), 'openclaw');
      const result = await run(['--state-dir', missing, ...line.split(' ')]);
      expect(result.code).toBe(64);
      expect(result.stderr).toContain('no such directory; nothing to read there');
      expect(existsSync(missing)).toBe(false);
    },
  );

  it('login with no terminal and no display: a device code where there is one, else one line that says why', async () => {
    for (const provider of ['chutes', 'openrouter-oauth']) {
      const result = await run(['--no-reload', 'login', '--provider', provider]);
      expect(result.code).toBe(64);
      expect(result.stderr).toMatch(/signs in only in a browser, and none can open here .* or add --no-browser/);
      expect(result.stderr).not.toContain('not device');
    }
  });

  it('status --json says an auth-profiles.json that is not there does not exist', async () => {
    const json = JSON.parse((await run(['status', '--json'])).stdout);
    expect(json.store.layers[0]).toMatchObject({ backend: 'json', exists: false, writable: true });
    expect(json.store.layers[0].note).toMatch(/does not exist yet/);
  });
});

describe('help in a terminal', () => {
  it('breaks descriptions at spaces, never mid-word, and keeps examples whole to copy', async () => {
    const { home } = makeTempHome();
    const help = await runCommand(['onboard', '--help'], { home, stdoutIsTerminal: true });
    const lines = help.stdout.split('\n');
    // The flags take more than half the width: a long description goes under its flag, indented.
    const at = lines.findIndex((line) => line.trim().startsWith('--foundry-model'));
    expect(lines[at]?.trim()).toBe('--foundry-model <name>');
    expect(lines[at + 1]).toMatch(/^ {8}the model a Microsoft Foundry/);
    const words = help.stdout.replace(/\s+/g, ' ');
    expect(words).toContain("(claude-…, gpt-5.4, MAI-Image-2.5…; default: the deployment's name)");
    // An example is one line, however wide, so it can be copied as it is.
    expect(lines).toContain(
      '  printf %s "$KEY" | authdeck onboard --non-interactive --auth-choice custom-api-key --custom-base-url http://127.0.0.1:8080/v1 --custom-model-id llama3',
    );
    for (const line of lines.filter((line) => !line.startsWith('  printf')))
      expect(line.length).toBeLessThanOrEqual(100);
  });
});

describe('words that came from elsewhere, said back with care (an adversarial run)', () => {
  it('a lock record whose createdAt is not a time names its holder without it', async () => {
    for (const createdAt of ['NaN', 'yesterday']) {
      const { home, mainAgentDir } = makeTempHome();
      writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), { version: 1, profiles: {} });
      writeJsonFile(join(mainAgentDir, 'auth-profiles.json.lock'), { pid: process.pid, createdAt });
      const result = await runCommand(['status', '--check'], { home, env: { AUTHDECK_LOCK_TIMEOUT_MS: '200' } });
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(`held by process ${process.pid};`);
      expect(result.stderr).not.toContain(createdAt);
    }
  });

  it('`--json` after `--` is an operand: the usage error is not JSON on stdout', async () => {
    const result = await run(['status', '--', '--json']);
    expect(result.code).toBe(64);
    expect(result.stdout).toBe('');
  });

  it('env unset of a name pasted as a page says it back cut short', async () => {
    const name = `A${'B'.repeat(120_000)}`;
    const result = await run(['env', 'unset', name]);
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBeLessThan(500);
  });
});

describe('a known key saved for a custom endpoint', () => {
  it('says a custom endpoint of yours is what the save makes, not a provider named custom', async () => {
    const { home } = makeTempHome();
    const result = await runCommand(
      [
        '--no-reload',
        'onboard',
        '--non-interactive',
        '--auth-choice',
        'custom-api-key',
        '--custom-base-url',
        'https://proxy.example.com/v1',
        '--custom-model-id',
        'grok-4',
        '--custom-provider-id',
        'my-proxy',
      ],
      { home, input: fakeSecrets.xaiKey() },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'warning: this looks like an xAI key: for xAI (Grok) itself save it under xai (a custom endpoint of your own is what this save makes)',
    );
    expect(result.stderr).not.toContain('named custom');
  });
});
