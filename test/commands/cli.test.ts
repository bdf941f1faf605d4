import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { makeTempHome } from '../helpers/temp-state.js';

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
    const version = await runCli(['-V'], { home });
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
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

  it('takes global options before or after the command', async () => {
    const { home } = makeTempHome();
    const before = await runCli(['--state-dir', `${home}/elsewhere`, 'status', '--json'], { home });
    const after = await runCli(['status', '--json', '--state-dir', `${home}/elsewhere`], { home });
    expect(JSON.parse(before.stdout).stateDir).toBe(`${home}/elsewhere`);
    expect(JSON.parse(after.stdout).stateDir).toBe(`${home}/elsewhere`);
  });
});
