import { Text } from 'ink';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { StyledLines, StyledSegments } from './StyledLines.js';
import { isNarrowText, type Styled, wrapText } from './text-layout.js';

/**
 * Prose broken at spaces to `width` (the terminal's, unless given) by text-layout's wrapText:
 * Ink's own wrap starts each continued line with the space it broke at. Wide characters (a CJK
 * path, an emoji) are left to Ink's wrap, which measures them: text-layout counts one column each.
 */
export function Paragraph({ text, width, ...style }: { text: string; width?: number } & Omit<Styled, 'text'>) {
  const { columns } = useTerminalSize();
  if (!isNarrowText(text))
    return (
      <Text>
        <StyledSegments segments={[{ text, ...style }]} />
      </Text>
    );
  return <StyledLines lines={wrapText(text, width ?? columns).map((line) => [{ text: line, ...style }])} />;
}
