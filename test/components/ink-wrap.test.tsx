import { Box, Text } from 'ink';
import { describe, expect, it } from 'vitest';
import wrapText from '../../src/components/ink-wrap-text.js';
import { renderInk } from '../helpers/ink.js';

// Ink wraps text with wrap-ansi, whose `trim: false` starts the next line with the space it
// broke at when a line fills the width exactly: "…default-2,\n or type another name." at 60
// columns in the wizard (a tmux walk). Ink runs ours instead (src/components/ink-wrap-text.ts).
const TEXTS = [
  'anthropic:default is taken; Enter uses anthropic:default-2, or type another name.',
  '! the same secret is already saved as anthropic:default: under another id it is a second credential with one quota and one fate',
  '2. Browser on another machine? Paste the address it ends on (http://localhost…) and press Enter:',
];

describe("Ink's wrapping", () => {
  it('starts no continued line with the space it broke at, at any width past the longest word, and loses none', async () => {
    for (const text of TEXTS)
      for (let width = 22; width <= 90; width++) {
        const app = await renderInk(
          <Box width={width}>
            <Text>{text}</Text>
          </Box>,
        );
        const lines = app.frame().split('\n');
        for (const line of lines.slice(1)) expect(line, `${width}: ${JSON.stringify(line)}`).toMatch(/^\S/);
        expect(lines.map((line) => line.trim()).join(' '), `${width}`).toBe(text);
        app.unmount();
      }
  });

  it('keeps a line that starts with spaces as written, colours and all', () => {
    expect(wrapText('  indented text that goes on', 20, 'wrap')).toBe('  indented text that\ngoes on');
    expect(wrapText('abc\n def', 20, 'wrap')).toBe('abc\n def');
    expect(wrapText('12345 \u001b[33m6789\u001b[39m', 5, 'wrap')).toBe('12345\n\u001b[33m6789\u001b[39m');
  });
});
