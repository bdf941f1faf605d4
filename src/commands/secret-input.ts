import { holdEarlyKeys, releaseEarlyKeys } from '../early-keys.js';
import { AuthdeckError, CancelledError } from '../services/errors.js';
import { characterCount, normalizeSecret } from '../services/profiles/credentials.js';
import { writeWrapped } from './output.js';
import { wrapLine } from './wrap-lines.js';

/** More than any secret: reading stops here instead of filling memory with a wrong pipe. */
export const MAX_INPUT_BYTES = 1024 * 1024;

/** Everything piped in, for `printf %s "$TOKEN" | authdeck paste-token …`. */
export async function readAllInput(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buffer.length;
    if (total > MAX_INPUT_BYTES) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw new AuthdeckError(
        `stdin holds more than ${MAX_INPUT_BYTES / 1024} KiB; a secret is a few hundred characters — pipe only the secret`,
      );
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

/**
 * A masked prompt without Ink (plain commands must not load it). Bracketed paste is on, so a
 * secret copied with line breaks in it is taken whole, and a paste ending in a newline submits.
 */
export function promptSecret(question: string, input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string> {
  // Keys typed before the question belong to it, as they would in a normal terminal.
  releaseEarlyKeys();
  return new Promise((resolve, reject) => {
    let value = '';
    let pending = '';
    let inPaste = false;
    const render = () => {
      // Line breaks and colour codes in a paste are not part of the secret: do not count them.
      const secret = normalizeSecret(value);
      const count = secret.length > 0 ? ` (${characterCount(secret)})` : '';
      // One line, whatever the width: `\r` redraws only the line it is on, so a wrapped prompt
      // would leave its first line behind on every key (the count went to a second line at 60).
      const room = (output.columns || 80) - 1 - [...question].length - count.length;
      const stars = '*'.repeat(Math.max(0, Math.min([...secret].length, 40, room)));
      output.write(`\r\x1b[K${question}${stars}${count}`);
    };
    const finish = (error?: Error) => {
      // Show what was taken (masked) even when a paste arrived and submitted in one chunk.
      if (!error) render();
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\x1b[?2004l\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      pending += chunk.toString();
      while (pending.length > 0) {
        if (pending.startsWith(PASTE_START) || pending.startsWith(PASTE_END)) {
          const ending = pending.startsWith(PASTE_END);
          pending = pending.slice(PASTE_START.length);
          inPaste = !ending;
          if (ending && /[\r\n]$/.test(value)) return finish();
          continue;
        }
        if (pending.startsWith('\x1b') && (PASTE_START.startsWith(pending) || PASTE_END.startsWith(pending))) return; // wait for the rest
        const char = pending.charAt(0);
        if (char === '\x1b' && inPaste) {
          // Inside a paste an escape sequence is part of what was copied (colours, links):
          // kept raw here, removed with the rest of the noise when the secret is normalised.
          pending = pending.slice(1);
          value += char;
          continue;
        }
        if (char === '\x1b') {
          // Arrow keys and other sequences do nothing in a secret prompt.
          const sequence = /^\x1b(\[[0-?]*[ -/]*[@-~]|O.|.)?/.exec(pending)![0];
          pending = pending.slice(sequence.length);
          continue;
        }
        pending = pending.slice(1);
        if (value.length >= MAX_INPUT_BYTES)
          return finish(
            new AuthdeckError(
              `the paste is longer than ${MAX_INPUT_BYTES / 1024} KiB; a secret is a few hundred characters`,
            ),
          );
        if (inPaste) value += char;
        else if (char === '\x03') return finish(new CancelledError());
        else if (char === '\x04' && value === '') return finish(new CancelledError());
        else if (char === '\r' || char === '\n') return finish();
        else if (char === '\x7f' || char === '\b') value = value.slice(0, -1);
        else if (char === '\x15') value = '';
        else if (char >= ' ') value += char;
      }
      render();
    };
    input.setRawMode(true);
    input.resume();
    output.write('\x1b[?2004h');
    render();
    input.on('data', onData);
  });
}

/** y/N question on a terminal; anything but y/yes is no. */
export function promptConfirm(
  question: string,
  input: NodeJS.ReadStream,
  output: NodeJS.WriteStream,
): Promise<boolean> {
  // Keys typed before the question belong to it, as they would in a normal terminal.
  releaseEarlyKeys();
  return new Promise((resolve, reject) => {
    // Broken at spaces to the terminal's width, as every other line (the terminal breaks mid-word).
    const width = output.isTTY && (output.columns ?? 0) > 0 ? output.columns : undefined;
    const asked = `${question} [y/N]`;
    output.write(`${(width === undefined ? [asked] : wrapLine(asked, width - 4)).join('\n')} `);
    input.setRawMode(true);
    input.resume();
    const onData = (chunk: Buffer | string) => {
      const key = chunk.toString();
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      if (key === '\x03') {
        output.write('\n');
        reject(new CancelledError());
        return;
      }
      const yes = key.toLowerCase().startsWith('y');
      output.write(`${yes ? 'yes' : 'no'}\n`);
      resolve(yes);
    };
    input.on('data', onData);
  });
}

/** One key picks one of a few answers (shown as `[x] label`); Ctrl+C or Esc cancels, another key says which keys answer. */
export function promptChoice<T extends string>(
  question: string,
  answers: Array<{ key: string; label: string; value: T }>,
  input: NodeJS.ReadStream,
  output: NodeJS.WriteStream,
): Promise<T> {
  // Keys typed before the question belong to it, as they would in a normal terminal.
  const screenNext = releaseEarlyKeys();
  return new Promise((resolve, reject) => {
    // Broken at spaces to the terminal's width, each answer's continuation under its label.
    writeWrapped(
      output,
      question,
      ...answers.map((answer) => ({ text: `  [${answer.key}] ${answer.label}`, hang: 6 + answer.key.length - 1 })),
    );
    output.write('> ');
    input.setRawMode(true);
    input.resume();
    const onData = (chunk: Buffer | string) => {
      const typed = chunk.toString();
      const key = typed.toLowerCase();
      if (key === '\x03' || key === '\x1b') {
        done();
        output.write('\n');
        reject(new CancelledError());
        return;
      }
      const answer = answers.find((candidate) => key.startsWith(candidate.key));
      if (!answer) {
        output.write(`\r\x1b[Kpress ${answers.map((candidate) => candidate.key).join(' or ')} (Esc cancels) > `);
        return;
      }
      done();
      output.write(`${answer.key}\n`);
      // Typed on in one go (`jopenai`): the rest is the screen's, as keys typed before the
      // question were; an Enter right after the answer only confirmed it.
      const rest = typed.slice(answer.key.length).replace(/^\r\n?|^\n/, '');
      if (rest !== '') input.unshift(Buffer.from(rest));
      // Until the screen reads them, no echo, as before the question.
      if (screenNext) holdEarlyKeys(input);
      resolve(answer.value);
    };
    const done = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
    };
    input.on('data', onData);
  });
}
