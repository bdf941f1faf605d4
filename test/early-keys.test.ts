import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { promptChoice } from '../src/commands/secret-input.js';
import { holdEarlyKeys, opensScreen, releaseEarlyKeys } from '../src/early-keys.js';

function fakeTerminal() {
  const modes: boolean[] = [];
  const stream = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode(mode: boolean) {
      modes.push(mode);
      return stream;
    },
  });
  return { stdin: stream as unknown as NodeJS.ReadStream, modes };
}

describe('keys typed while a screen loads', () => {
  it.each([
    [[], true],
    [['--agent', 'work'], true],
    [['--state-dir', '/srv/oc', 'dashboard'], true],
    [['onboard', '--provider', 'groq', '--method', 'api-key'], true],
    [['login', '--provider', 'openai'], true],
    [['pick', '--print'], true],
    [['setup-token'], true],
    [['status'], false],
    [['--agent', 'onboard', 'status'], false],
    [['onboard', '--non-interactive', '--provider', 'groq', '--method', 'api-key'], false],
    [['onboard', '--auth-choice', 'deepseek-api-key'], false],
    [['onboard', '--auth-choice=deepseek-api-key'], false],
    [['dashboard', '--help'], false],
    [['-V'], false],
    [['add-key', '--provider', 'groq'], false],
  ])('%j opens a screen: %s', (argv, expected) => {
    expect(opensScreen(argv)).toBe(expected);
  });

  it('turns echo off at once and gives the keys, in order, to the next reader', async () => {
    const { stdin, modes } = fakeTerminal();
    holdEarlyKeys(stdin);
    expect(modes).toEqual([true]);
    stdin.write('gsk_abc');
    stdin.write('def\r');
    await new Promise((resolve) => setImmediate(resolve));
    releaseEarlyKeys();
    const read: string[] = [];
    // As the prompts read (Ink reads on 'readable', which a paused stream also emits).
    stdin.on('data', (chunk: Buffer) => read.push(chunk.toString()));
    stdin.resume();
    stdin.write('ghi');
    await new Promise((resolve) => setImmediate(resolve));
    expect(read.join('')).toBe('gsk_abcdef\rghi');
  });
});

describe('a one-key question before the screen', () => {
  const answers = [
    { key: 's', label: 'SQLite', value: 'sqlite' },
    { key: 'j', label: 'JSON files', value: 'json' },
  ];
  async function afterAnswer(typed: string): Promise<{ answer: string; next: string; modes: boolean[] }> {
    const { stdin, modes } = fakeTerminal();
    holdEarlyKeys(stdin);
    const answer = promptChoice('Which OpenClaw?', answers, stdin, new PassThrough() as unknown as NodeJS.WriteStream);
    stdin.write(typed);
    const chosen = await answer;
    // Keys typed after the answer, while the screen loads, are held with the rest.
    stdin.write('!');
    await new Promise((resolve) => setImmediate(resolve));
    releaseEarlyKeys();
    const read: string[] = [];
    stdin.on('data', (chunk: Buffer) => read.push(chunk.toString()));
    stdin.resume();
    await new Promise((resolve) => setImmediate(resolve));
    return { answer: chosen, next: read.join(''), modes };
  }

  it('gives what was typed on in the same burst to the screen, with no echo meanwhile', async () => {
    const typed = await afterAnswer('jopenai');
    expect(typed.answer).toBe('json');
    expect(typed.next).toBe('openai!');
    // Raw (no echo) while held, off for the question's end, raw again until the screen reads.
    expect(typed.modes).toEqual([true, true, false, true]);
  });

  it('takes an Enter right after the answer as part of it', async () => {
    expect((await afterAnswer('S\r')).next).toBe('!');
    expect((await afterAnswer('j\r\ropenai')).next).toBe('\ropenai!');
  });
});
