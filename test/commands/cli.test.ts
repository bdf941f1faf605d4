import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempHome, writeJsonFile } from '../helpers/temp-state.js';

describe('command line', () => {
  it('prints help and the version with exit 0', async () => {
    const { home } = makeTempHome();
    const help = await runCli(['--help'], { home });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: authdeck <command> \[options\]/);
    for (const command of ['status', 'paste-token', 'add-key', 'remove', 'token', 'order', 'models'])
      expect(help.stdout).toContain(`  ${command} `);
    const sub = await runCli(['order', 'set', '-h'], { home });
    expect(sub.stdout).toMatch(/Usage: authdeck order set \[options\] <ids\.\.\.>/);
    expect(sub.stdout).toContain('--provider <id>');
    // Anywhere on the line, as the README says of the global options.
    for (const args of [['-V'], ['status', '-V'], ['-V', 'status'], ['order', 'set', '--version']]) {
      const version = await runCli(args, { home });
      expect(version.stdout, args.join(' ')).toMatch(/^\d+\.\d+\.\d+\n$/);
    }
  });

  it("`authdeck help [command]` is that command's --help (it was an unknown command)", async () => {
    const { home } = makeTempHome();
    const help = await runCli(['help'], { home });
    expect(help.code).toBe(0);
    expect(help.stdout).toBe((await runCli(['--help'], { home })).stdout);
    const sub = await runCli(['help', 'order', 'set'], { home });
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(/Usage: authdeck order set \[options\] <ids\.\.\.>/);
    expect((await runCli(['help', 'help'], { home })).stdout).toBe((await runCli(['--help'], { home })).stdout);
    // A global option before it, as anywhere on the line.
    expect((await runCli(['--no-color', 'help', 'status'], { home })).stdout).toMatch(/^Usage: authdeck status/);
    const wrong = await runCli(['help', 'stauts'], { home });
    expect(wrong.code).toBe(64);
    expect(wrong.stderr).toContain('did you mean "status"?');
  });

  it('answers bad usage with one line and exit 64', async () => {
    const { home } = makeTempHome();
    for (const args of [['bogus'], ['status', '--bogus'], ['status', '--within'], ['remove'], ['order', 'nope']]) {
      const result = await runCli(args, { home });
      expect(result.code, args.join(' ')).toBe(64);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).toMatch(/^authdeck: /);
    }
  });

  it('a choice typed as a flag (--device) is answered with the option it belongs to', async () => {
    const { home } = makeTempHome();
    const result = await runCli(['login', '--provider', 'openai', '--device'], { home });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain("unknown option '--device'; did you mean --method device?");
  });

  it('names a mistyped command or option and suggests the nearest', async () => {
    const { home } = makeTempHome();
    const command = await runCli(['add-kye', '--provider', 'groq'], { home });
    expect(command.code).toBe(64);
    expect(command.stderr).toContain('unknown command "add-kye"; did you mean "add-key"?');
    const sub = await runCli(['order', 'gte', '--provider', 'groq'], { home });
    expect(sub.stderr).toContain('unknown command "order gte"; did you mean "order get"?');
    const option = await runCli(['status', '--jsn'], { home });
    expect(option.stderr).toContain("unknown option '--jsn'; did you mean --json?");
  });

  it('a command after `--` is said to be an argument there (it was "unknown; did you mean" itself)', async () => {
    const { home } = makeTempHome();
    const run = await runCli(['--', 'status'], { home });
    expect(run.code).toBe(64);
    expect(run.stderr.trim()).toBe(
      'authdeck: "status" comes after `--`, which makes it an argument; put the command first: `authdeck status`',
    );
  });

  it('with --json, a failure is JSON on stdout too', async () => {
    const { home, mainAgentDir } = makeTempHome();
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: {
        'groq:default': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey() },
        'openai-codex:me': { type: 'oauth', provider: 'openai-codex', access: 'at', expires: 1 },
      },
    });
    const result = await runCli(['--no-reload', 'refresh', 'openai-codex:me', '--json'], { home });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      error: { code: 'failure', exitCode: 1, message: expect.stringContaining('has no refresh token: sign in again') },
    });
    const usage = await runCli(['status', '--json', '--within', 'soon'], { home });
    expect(JSON.parse(usage.stdout).error).toMatchObject({ code: 'usage', exitCode: 64 });
    // An API key is nothing to refresh: the id given is the mistake.
    const apiKey = await runCli(['--no-reload', 'refresh', 'groq:default', '--json'], { home });
    expect(apiKey.code).toBe(64);
    expect(JSON.parse(apiKey.stdout).error).toMatchObject({
      code: 'usage',
      message: 'groq:default is not an OAuth sign-in: nothing to refresh',
    });
  });

  it('a profile id that does not exist is a usage error (64) for every command that takes one', async () => {
    const { home, mainAgentDir } = makeTempHome();
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'groq:default': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey() } },
    });
    for (const args of [
      ['remove', 'nope', '--yes'],
      ['remove', 'groq:nope', '--yes'],
      ['token', 'nope'],
      ['refresh', 'groq:nope'],
      ['order', 'set', '--provider', 'groq', 'nope'],
    ]) {
      const result = await runCli(['--no-reload', ...args], { home });
      expect(result.code, args.join(' ')).toBe(64);
      expect(result.stderr, args.join(' ')).toMatch(/^authdeck: no (groq )?profile (named )?(groq:)?nope /);
    }
    const empty = await runCli(['--no-reload', 'order', 'set', '--provider', 'groq', ''], { home });
    expect(empty.stderr).toBe('authdeck: an order lists profile ids, and one given is empty\n');
    expect(empty.code).toBe(64);
    const json = await runCli(['remove', 'groq:nope', '--yes', '--json'], { home });
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'usage', exitCode: 64 });
  });

  it('remove without an id says that `authdeck logout` picks one from a list', async () => {
    const { home } = makeTempHome();
    const result = await runCli(['remove'], { home });
    expect(result.code).toBe(64);
    expect(result.stderr).toBe(
      'authdeck: remove: missing <id>; `authdeck logout` picks one from a list (in a terminal); see `authdeck remove --help`\n',
    );
  });

  it('takes global options before or after the command', async () => {
    const { home } = makeTempHome();
    mkdirSync(`${home}/elsewhere`);
    const before = await runCli(['--state-dir', `${home}/elsewhere`, 'status', '--json'], { home });
    const after = await runCli(['status', '--json', '--state-dir', `${home}/elsewhere`], { home });
    expect(JSON.parse(before.stdout).stateDir).toBe(`${home}/elsewhere`);
    expect(JSON.parse(after.stdout).stateDir).toBe(`${home}/elsewhere`);
  });
});
