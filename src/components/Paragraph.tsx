import { Text } from 'ink';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { StyledLines } from './StyledLines.js';
import { isNarrowText, type Styled, wrapText } from './text-layout.js';

/**
 * Prose broken at spaces to the terminal's width (text-layout's wrapText): Ink's own wrap starts
 * each continued line with the space it broke at.
 */
export function Paragraph({ text, ...style }: { text: string } & Omit<Styled, 'text'>) {
  const { columns } = useTerminalSize();
  // Wide characters (a CJK path) are measured by Ink's wrap: text-layout counts one column each.
  if (!isNarrowText(text))
    return (
      <Text {...(style.color ? { color: style.color } : {})} bold={style.bold ?? false} dimColor={style.dim ?? false}>
        {text}
      </Text>
    );
  return <StyledLines lines={wrapText(text, columns).map((line) => [{ text: line, ...style }])} />;
}
