import { describe, expect, it } from 'vitest';
import { wrapLine } from '../../src/commands/wrap-lines.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome } from '../helpers/temp-state.js';

const RED = '\x1b[31m';
const PLAIN = '\x1b[39m';
const visible = (line: string) => line.replace(/\x1b\[[0-9;]*m/g, '');
/** The words of wrapped lines, a path broken after a `/` joined again. */
const words = (lines: string[]) =>
  lines
    .map(visible)
    .join('\n')
    .replace(/\/\n +/g, '/')
    .split(/\s+/)
    .filter(Boolean);

describe('wrapLine', () => {
  it('leaves a line that fits as it is', () => {
    expect(wrapLine('  short line', 40)).toEqual(['  short line']);
    const coloured = `${RED}${'x'.repeat(38)}${PLAIN}`;
    expect(wrapLine(coloured, 40)).toEqual([coloured]);
  });

  it('breaks at spaces, never mid-word, and indents the rest two under the line', () => {
    const line = '  config ~/.openclaw/openclaw.json · warn window 24h · no profile for anthropic (OpenClaw 2026.8.1+)';
    const lines = wrapLine(line, 40);
    expect(lines).toEqual([
      '  config ~/.openclaw/openclaw.json ·',
      '    warn window 24h · no profile for',
      '    anthropic (OpenClaw 2026.8.1+)',
    ]);
    expect(words(lines)).toEqual(words([line]));
  });

  it('indents by the hang it is given (under a `fix:` label), keeping half the width at least', () => {
    const line = '    fix: chmod 600 /home/me/.openclaw/openclaw.json (`authdeck doctor --fix` does this)';
    expect(wrapLine(line, 52, 9)).toEqual([
      '    fix: chmod 600 /home/me/.openclaw/openclaw.json',
      '         (`authdeck doctor --fix` does this)',
    ]);
    expect(wrapLine(line, 40, 30)[1]).toMatch(/^ {20}\S/);
  });

  it('breaks a path longer than a line after a `/`, and cuts only a word with none', () => {
    const path = '/home/someone/.openclaw/agents/main/agent/auth-profiles.json.abcdefghijkl1234.tmp';
    const lines = wrapLine(`! left behind: ${path}; delete it`, 40);
    expect(lines).toEqual([
      '! left behind:',
      '  /home/someone/.openclaw/agents/main/',
      '  agent/',
      '  auth-profiles.json.abcdefghijkl1234.tm',
      '  p; delete it',
    ]);
    for (const line of lines) expect(visible(line).length).toBeLessThanOrEqual(40);
  });

  it('keeps colour codes where they were, without counting them', () => {
    const line = `${RED}✘${PLAIN} ${'word '.repeat(10)}${RED}end${PLAIN}`;
    const lines = wrapLine(line, 30);
    expect(lines.map(visible)).toEqual(['✘ word word word word word', '  word word word word word end']);
    expect(lines.join('\n').match(/\x1b\[[0-9;]*m/g)).toEqual([RED, PLAIN, RED, PLAIN]);
    expect(lines[1]!.endsWith(`${RED}end${PLAIN}`)).toBe(true);
  });

  it('drops the spaces at a break, column padding included', () => {
    expect(wrapLine(`a${' '.repeat(30)}b`, 25)).toEqual(['a', '  b']);
    expect(wrapLine(`${'x '.repeat(14)}   `, 20)).toEqual(['x x x x x x x x x x', '  x x x x']);
  });
});

describe('messages on stderr, where it is a terminal', () => {
  it('break at spaces to its width, not mid-word; a script still gets one line', async () => {
    const { home } = makeTempHome();
    const args = ['remove', 'anthropic:does-not-exist-anywhere-in-this-home', '--yes'];
    const seen = await runCommand(args, { home, stderrIsTerminal: true });
    expect(seen.code).not.toBe(0);
    const lines = seen.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    // Every break at a space: the words joined again are the one-line message.
    const piped = await runCommand(args, { home });
    expect(piped.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(lines.map((line) => line.trim()).join(' ')).toBe(piped.stderr.trim());
  });
});

describe('a link in a wrapped line', () => {
  it('is never broken: it starts the next line, or stays whole on its own', () => {
    const url = `http://127.0.0.1:40217/oauth/authorize?response_type=code&client_id=app_${'x'.repeat(120)}`;
    const lines = wrapLine(`Open this link to sign in: ${url}`, 80);
    expect(lines).toEqual(['Open this link to sign in:', `  ${url}`]);
    expect(wrapLine(`  ${url} and more words after it`, 80)).toEqual([`  ${url}`, '    and more words after it']);
  });

  it('nor is a command in backticks: pasted in halves, its first half would run alone', () => {
    const line =
      'openai: the codex plugin is not installed, so the gateway cannot run; fix: `openclaw plugins install @openclaw/codex`, then restart';
    const lines = wrapLine(line, 80);
    expect(lines.some((entry) => entry.includes('`openclaw plugins install @openclaw/codex`'))).toBe(true);
    for (const entry of lines) expect(entry.length).toBeLessThanOrEqual(80);
  });
});
