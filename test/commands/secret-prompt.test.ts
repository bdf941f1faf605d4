import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { promptSecret } from '../../src/commands/secret-input.js';

/** A terminal as the prompt uses one: raw mode, data events, a width. */
function terminal(columns: number) {
  const input = Object.assign(new EventEmitter(), {
    isTTY: true,
    setRawMode: () => input,
    resume: () => input,
    pause: () => input,
  });
  const writes: string[] = [];
  const output = { columns, isTTY: true, write: (text: string) => writes.push(text) > 0 };
  return { input, output, writes };
}

describe('the masked prompt of the plain commands', () => {
  it('stays on one line at 60 columns for a long paste, so each redraw replaces it', async () => {
    const { input, output, writes } = terminal(60);
    const answer = promptSecret(
      'Paste the Groq API key: ',
      input as unknown as NodeJS.ReadStream,
      output as unknown as NodeJS.WriteStream,
    );
    input.emit('data', `\x1b[200~${'g'.repeat(304)}\x1b[201~`);
    input.emit('data', '\r');
    expect(await answer).toBe('g'.repeat(304));
    const drawn = writes.filter((text) => text.startsWith('\r\x1b[K')).map((text) => text.slice(4));
    expect(drawn.at(-1)).toContain('(304 characters)');
    for (const line of drawn) expect([...line].length, line).toBeLessThan(60);
  });
});
