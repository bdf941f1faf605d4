import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { fileMode, makeTempHome, writeText } from '../helpers/temp-state.js';

function setup(text: string) {
  const temp = makeTempHome();
  const path = join(temp.stateDir, '.env');
  writeText(path, text);
  return { ...temp, path };
}

describe('authdeck env', () => {
  it('lists names, masked values, the provider each serves and process overrides', async () => {
    const key = fakeSecrets.openaiKey();
    const { home } = setup(`# keys\nexport OPENAI_API_KEY=${key}\nLOG_LEVEL="debug mode"\n`);
    const text = await runCommand(['env', 'list'], { home, env: { LOG_LEVEL: 'quiet' } });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/OPENAI_API_KEY\s+sk-proj-…\w{4}\s+openai key/);
    expect(text.stdout).toMatch(/LOG_LEVEL .*the process environment sets it to another value/);
    expect(text.stdout).not.toContain(key);
    const json = JSON.parse((await runCommand(['env', 'list', '--json'], { home })).stdout);
    expect(json.variables[0]).toEqual({
      name: 'OPENAI_API_KEY',
      provider: 'openai',
      overriddenByProcess: false,
      masked: expect.stringMatching(/^sk-proj-…/),
    });
  });

  it('sets from stdin keeping comments, export, CRLF and other lines; says what it replaced', async () => {
    const old = fakeSecrets.groqKey('old');
    const { home, path } = setup(`# gateway\r\nexport GROQ_API_KEY=${old}\r\n\r\nQUOTED='a b'\r\n`);
    const fresh = fakeSecrets.groqKey('new');
    const result = await runCommand(['env', 'set', 'GROQ_API_KEY'], { home, input: `${fresh}\n` });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Set GROQ_API_KEY \(replacing gsk_\w{4}…\w{4}\)/);
    expect(result.stderr).toContain('restart it');
    expect(readFileSync(path, 'utf8')).toBe(`# gateway\r\nexport GROQ_API_KEY=${fresh}\r\n\r\nQUOTED='a b'\r\n`);
    expect(fileMode(path)).toBe(0o600);
    expect(`${result.stdout}${result.stderr}`).not.toContain(fresh);
  });

  it('quotes a value that needs it, and refuses bad names and multi-line values', async () => {
    const { home, path } = setup('');
    expect((await runCommand(['env', 'set', 'GREETING'], { home, input: 'hello "world" #1' })).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('GREETING=\'hello "world" #1\'\n');
    const badName = await runCommand(['env', 'set', '1BAD'], { home, input: 'x' });
    expect(badName.code).toBe(64);
    expect(badName.stderr).toMatch(/not a variable name/);
    // A name of the right letters that cannot be set says why, not that it has the wrong letters.
    const reserved = await runCommand(['env', 'set', '__proto__'], { home, input: 'x' });
    expect(reserved.code).toBe(64);
    expect(reserved.stderr).toContain('"__proto__" is a name authdeck does not set');
    const twoLines = await runCommand(['env', 'set', 'X'], { home, input: 'a\nb\n' });
    expect(twoLines.code).toBe(64);
    expect(twoLines.stderr).toMatch(/line break/);
    expect(readFileSync(path, 'utf8')).toBe('GREETING=\'hello "world" #1\'\n');
  });

  it('unsets a variable and leaves the rest', async () => {
    const { home, path } = setup('A=1\nexport OPENAI_API_KEY=x\nB=2\n');
    const result = await runCommand(['env', 'unset', 'OPENAI_API_KEY'], { home });
    expect(result.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('A=1\nB=2\n');
    expect((await runCommand(['env', 'unset', 'OPENAI_API_KEY'], { home })).stdout).toContain('not set');
  });
});
