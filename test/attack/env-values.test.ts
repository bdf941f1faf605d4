import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dotenv from 'dotenv';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeText } from '../helpers/temp-state.js';

// The values that came back changed through the gateway's own loader (dotenv 17, as OpenClaw
// 2026.9.6 reads <state>/.env): quotes, backslashes, both, and the sequences dotenv expands.
const VALUES = [
  'pa"ss\\word',
  'back\\slash',
  'trailing\\',
  "it's",
  'say "hi"',
  '"quoted"',
  "'single'",
  'both \' and "',
  'a\\nb',
  'a\\rb',
  '#not-a-comment',
  'value # with hash',
  '  padded  ',
  'tab\there',
  'back`tick',
  'all \' " ` three',
  'ünïcødé ✓',
  '\'a`#="',
];

describe('env set writes values the gateway reads back byte for byte', () => {
  it('every value reads back the same through dotenv, or is refused and nothing changes', async () => {
    const { home, stateDir } = makeTempHome();
    const path = join(stateDir, '.env');
    writeText(path, 'KEEP=1\n');
    const outcomes: Record<string, string> = {};
    for (const [index, value] of VALUES.entries()) {
      const name = `V${index}`;
      const before = readFileSync(path, 'utf8');
      const run = await runCommand(['env', 'set', name], { home, input: value });
      const parsed = dotenv.parse(readFileSync(path, 'utf8'));
      if (run.code === 0) {
        expect(parsed[name], JSON.stringify(value)).toBe(value);
        outcomes[value] = 'kept';
      } else {
        expect(run.code).toBe(64);
        expect(readFileSync(path, 'utf8')).toBe(before);
        outcomes[value] = 'refused';
      }
    }
    // Every value kept still reads back once the others are written after it.
    const final = dotenv.parse(readFileSync(path, 'utf8'));
    for (const [index, value] of VALUES.entries())
      if (outcomes[value] === 'kept') expect(final[`V${index}`], JSON.stringify(value)).toBe(value);
    // Only what no quoting can carry is refused.
    expect(
      Object.entries(outcomes)
        .filter(([, outcome]) => outcome === 'refused')
        .map(([value]) => value),
    ).toEqual(['\'a`#="']);
    expect(dotenv.parse(readFileSync(path, 'utf8')).KEEP).toBe('1');
  });

  it('keeps each line its own ending: one CRLF line does not turn the file CRLF', async () => {
    const { home, stateDir } = makeTempHome();
    const path = join(stateDir, '.env');
    writeText(path, 'A=1\nB=2\r\nC=3\n');
    expect((await runCommand(['env', 'set', 'C'], { home, input: 'new' })).code).toBe(0);
    expect((await runCommand(['env', 'set', 'D'], { home, input: 'four' })).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('A=1\nB=2\r\nC=new\nD=four\n');
  });
});

describe("a provider's key pasted into env set", () => {
  // The check read the key without the paste's markers and invisible characters, but the raw
  // paste was written: OpenClaw reads a .env value byte for byte, so every request failed.
  it.each([
    ['bracketed-paste markers', (key: string) => `\x1b[200~${key}\x1b[201~\n`],
    ['spaces, a zero-width space, a no-break space and a tab', (key: string) => ` ${key}\u200b\u00a0\t \n`],
  ])('%s: the key the check read is what is written', async (_, paste) => {
    const { home, stateDir } = makeTempHome();
    const key = `gsk_${'D'.repeat(52)}`;
    const run = await runCommand(['env', 'set', 'GROQ_API_KEY'], { home, input: paste(key) });
    expect(run.code).toBe(0);
    expect(dotenv.parse(readFileSync(join(stateDir, '.env'), 'utf8')).GROQ_API_KEY).toBe(key);
  });

  it('another variable holding an escape sequence is refused, not written', async () => {
    const { home, stateDir } = makeTempHome();
    const run = await runCommand(['env', 'set', 'TOOLS_DIR'], { home, input: '/opt/\x1b[31mtools' });
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('TOOLS_DIR: the value holds a control character');
    expect(() => readFileSync(join(stateDir, '.env'), 'utf8')).toThrow();
  });
});

describe('a value that ends in a backslash, and names Object has', () => {
  it("changes only the named line next to a value that ends in a backslash (dotenv's own reading)", async () => {
    const { home, stateDir } = makeTempHome();
    const path = join(stateDir, '.env');
    const groq = `gsk_${'B'.repeat(52)}`;
    await runCommand(['env', 'set', 'TOOLS_DIR'], { home, input: 'C:\\tools\\' });
    await runCommand(['env', 'set', 'GROQ_API_KEY'], { home, input: groq });
    await runCommand(['env', 'set', 'OTHER'], { home, input: 'v' });
    expect(dotenv.parse(readFileSync(path, 'utf8'))).toEqual({
      TOOLS_DIR: 'C:\\tools\\',
      GROQ_API_KEY: groq,
      OTHER: 'v',
    });
    // A later variable is replaced in place, not added a second time.
    await runCommand(['env', 'set', 'GROQ_API_KEY'], { home, input: `gsk_${'C'.repeat(52)}` });
    expect(readFileSync(path, 'utf8').match(/GROQ_API_KEY=/g)).toHaveLength(1);
    const unset = await runCommand(['env', 'unset', 'TOOLS_DIR'], { home });
    expect(unset.code).toBe(0);
    expect(dotenv.parse(readFileSync(path, 'utf8'))).toEqual({ GROQ_API_KEY: `gsk_${'C'.repeat(52)}`, OTHER: 'v' });
  });

  it('lists, checks and unsets a variable called toString or constructor', async () => {
    const { home, stateDir } = makeTempHome();
    writeText(join(stateDir, '.env'), 'toString=x\nconstructor=y\n');
    const list = await runCommand(['env', 'list'], { home });
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^toString\s/m);
    expect(list.stdout).toMatch(/^constructor\s/m);
    const doctor = await runCommand(['doctor'], { home });
    expect(doctor.stderr).not.toContain('unexpected error');
    const unset = await runCommand(['env', 'unset', 'toString'], { home });
    expect(unset.code).toBe(0);
    expect(unset.stderr).not.toContain('still set in this shell');
  });

  it('a secret reference or a $-variable in the config naming toString reads no variable, and nothing crashes', async () => {
    const { home, mainAgentDir, configPath } = makeTempHome();
    writeText(
      join(mainAgentDir, 'auth-profiles.json'),
      JSON.stringify({
        version: 1,
        profiles: { 'openai:ref': { type: 'api_key', provider: 'openai', keyRef: { source: 'env', id: 'toString' } } },
      }),
    );
    // OpenClaw's `${VAR}` spelling, naming one of Object's methods.
    writeText(configPath, JSON.stringify({ gateway: { auth: { token: ['$', '{constructor}'].join('') } } }));
    for (const args of [['status', '--json'], ['doctor'], ['status', '--check']]) {
      const run = await runCommand(args, { home });
      expect(`${run.stdout}${run.stderr}`, args.join(' ')).not.toContain('unexpected error');
    }
    const status = JSON.parse((await runCommand(['status', '--json'], { home })).stdout);
    expect(status.profiles.find((profile: { id: string }) => profile.id === 'openai:ref').status).toBe('missing');
  });

  it('changes only the named variable as dotenv reads the file, or refuses and writes nothing', async () => {
    const files = [
      // dotenv reads `KEY: value` too, and a quoted value may start on the next line or hold a line like FOO=.
      'CERT: "line1\nFOO=inner\n"\nFOO=real\n',
      '1X="a\nFOO=b\n"\nFOO=c\n',
      'A=\n"x\nFOO=1\n"\nFOO=2\n',
      // Lines ended by CR alone: dotenv reads each as a line; authdeck's editor does not.
      'B=2\rFOO=old\r',
    ];
    for (const text of files) {
      for (const args of [
        ['env', 'unset', 'FOO'],
        ['env', 'set', 'FOO'],
      ]) {
        const { home, stateDir } = makeTempHome();
        const path = join(stateDir, '.env');
        writeText(path, text);
        const before = dotenv.parse(text);
        const run = await runCommand(args, { home, input: 'new' });
        const after = dotenv.parse(readFileSync(path, 'utf8'));
        const expected = { ...before };
        if (args[1] === 'unset') delete expected.FOO;
        else expected.FOO = 'new';
        if (run.code === 0) expect(after, `${args.join(' ')} on ${JSON.stringify(text)}`).toEqual(expected);
        else {
          expect(run.code).toBe(1);
          expect(run.stderr).toContain('edit the file by hand');
          expect(readFileSync(path, 'utf8')).toBe(text);
        }
      }
    }
  });
});

// A .env of many lines: each line was matched against a copy of every line (20,000 lines: 36 s,
// 200,000: never ended, and SIGTERM waited for it). The largest OpenClaw reads sets in one pass.
describe('env set on a .env of 40,000 lines (near the 1 MiB OpenClaw reads)', () => {
  it.each([
    ['plain assignments', (i: number) => `VAR_${i}=value${i}`],
    ['values whose quote never closes', (i: number) => `VAR_${i}="open${i}`],
  ])('%s: set, every other line kept', { timeout: 60_000 }, async (_what, line) => {
    const temp = makeTempHome();
    const path = join(temp.stateDir, '.env');
    const before = Array.from({ length: 40_000 }, (_, i) => `${line(i)}\n`).join('');
    writeText(path, before);
    const run = await runCommand(['env', 'set', 'GROQ_API_KEY'], {
      home: temp.home,
      env: { AUTHDECK_STORE_GENERATION: 'json' },
      input: `gsk_${'k'.repeat(30)}0123456789abcdefghij`,
    });
    expect(run.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(`${before}GROQ_API_KEY=gsk_${'k'.repeat(30)}0123456789abcdefghij\n`);
  });
});
