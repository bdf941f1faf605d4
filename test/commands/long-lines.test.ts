import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeJsonFile, writeText } from '../helpers/temp-state.js';

// In a terminal, status and doctor break their long lines at spaces to its width (100 columns in
// runCommand), not the terminal mid-word; a pipe or a script gets every line whole.

const visible = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
/** The words of an output, a path broken after a `/` joined again. */
const words = (text: string) =>
  visible(text)
    .replace(/\/\n +/g, '/')
    .split(/\s+/)
    .filter(Boolean);

function setup() {
  const temp = makeTempHome();
  const storePath = join(temp.mainAgentDir, 'auth-profiles.json');
  writeJsonFile(storePath, {
    version: 1,
    profiles: {
      'anthropic:work': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken(), expires: 1 },
      'openai:default': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey() },
    },
    order: { anthropic: ['anthropic:gone', 'anthropic:work'] },
  });
  chmodSync(storePath, 0o644);
  writeText(`${storePath}.abcdefghijkl1234.tmp`, '{}');
  writeJsonFile(temp.configPath, { agents: { defaults: { model: 'anthropic/claude-opus-4-6' } } });
  return { ...temp, storePath };
}

describe.each(['status', 'doctor'])('%s in a terminal', (command) => {
  it('wraps long lines at word boundaries to the width, and never when stdout is not a terminal', async () => {
    const { home } = setup();
    const plain = await runCommand([command], { home });
    const terminal = await runCommand([command], { home, stdoutIsTerminal: true, env: { NO_COLOR: undefined } });
    expect(terminal.code).toBe(plain.code);
    expect(terminal.stdout).toContain('\x1b[');
    const plainLines = plain.stdout.split('\n');
    expect(plainLines.some((line) => line.length > 100)).toBe(true);
    const lines = visible(terminal.stdout).split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(100);
    // No padding after a row's last word (in a narrow terminal it would wrap into a blank line).
    for (const line of lines) expect(line, line).not.toMatch(/ $/);
    expect(lines.length).toBeGreaterThan(plainLines.length);
    expect(words(terminal.stdout)).toEqual(words(plain.stdout));
  });
});

describe('where the lines break', () => {
  it('status: a path whole on the next line, under the text', async () => {
    const { home, configPath } = setup();
    const lines = (await runCommand(['status'], { home, stdoutIsTerminal: true })).stdout.split('\n');
    const config = lines.findIndex((line) => line.startsWith('Store '));
    expect(lines[config]).toMatch(/ · config$/);
    expect(lines[config + 1]).toBe(`  ${configPath}`);
  });

  it("doctor: a fix's continuation under the text of its `fix:` line", async () => {
    const { home, storePath } = setup();
    const lines = (await runCommand(['doctor'], { home, stdoutIsTerminal: true })).stdout.split('\n');
    const fix = lines.findIndex((line) => line.startsWith(`    fix: chmod 600 ${storePath}`));
    expect(lines[fix + 1]).toMatch(/^ {9}\S/);
    expect(`${lines[fix]} ${lines[fix + 1]?.trim()}`).toBe(
      `    fix: chmod 600 ${storePath} (\`authdeck doctor --fix\` does this)`,
    );
    const heading = lines.findIndex((line) => line.startsWith('✘ anthropic:work: '));
    expect(lines[heading + 1]).toMatch(/^ {2}\S/);
  });

  it('--json is never wrapped', async () => {
    const { home } = setup();
    for (const command of ['status', 'doctor']) {
      const json = await runCommand([command, '--json'], { home, stdoutIsTerminal: true });
      expect(() => JSON.parse(json.stdout)).not.toThrow();
      expect(json.stdout.split('\n').some((line) => line.length > 100)).toBe(true);
    }
  });
});

describe('very long outputs', () => {
  it('explain with a thousand fallbacks and a hundred keys prints them all, no stack overflow', async () => {
    const { home, mainAgentDir, configPath } = makeTempHome();
    const profiles = Object.fromEntries(
      Array.from({ length: 100 }, (_, i) => [
        `anthropic:k${i}`,
        { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey(`k${i}`) },
      ]),
    );
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), { version: 1, profiles });
    const fallbacks = Array.from({ length: 1000 }, (_, i) => `anthropic/m${i}`);
    writeJsonFile(configPath, { agents: { defaults: { model: { primary: 'anthropic/m', fallbacks } } } });
    const run = await runCommand(['explain'], { home });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('anthropic/m999');
    expect(run.stdout.split('\n').length).toBeGreaterThan(100_000);
  });
});
