import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { Paragraph } from './Paragraph.js';
import { textWidth } from './text-layout.js';

/**
 * One item of a list ("• path (what was written)"): its text wraps under itself, not back to
 * the screen's edge, so a long path or list of parts still reads as one item. Plain text is a
 * Paragraph beside the mark (broken at spaces); anything else is left to Ink's wrap.
 */
export function Bullet({ children, color, mark = '•' }: { children: ReactNode; color?: string; mark?: string }) {
  const { columns } = useTerminalSize();
  const text = plainText(children);
  const colour = color ? { color } : {};
  return (
    <Box paddingLeft={1}>
      <Text {...colour}>{mark} </Text>
      <Box flexShrink={1} flexDirection="column">
        {text === undefined ? (
          <Text {...colour}>{children}</Text>
        ) : (
          <Paragraph text={text} width={columns - 2 - textWidth(mark)} {...colour} />
        )}
      </Box>
    </Box>
  );
}

/** The children as one string when they are only text (JSX puts `{a} (b)` as pieces); else undefined. */
function plainText(children: ReactNode): string | undefined {
  const parts = Array.isArray(children) ? children.flat(Number.POSITIVE_INFINITY) : [children];
  if (!parts.every((part) => part === null || part === undefined || typeof part !== 'object')) return undefined;
  return parts.filter((part) => typeof part === 'string' || typeof part === 'number').join('');
}
