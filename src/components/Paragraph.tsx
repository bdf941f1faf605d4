import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { StyledLines } from './StyledLines.js';
import { type Styled, wrapText } from './text-layout.js';

/**
 * Prose broken at spaces to the terminal's width (text-layout's wrapText): Ink's own wrap starts
 * each continued line with the space it broke at. `indent` columns are left for a parent's padding.
 */
export function Paragraph({ text, indent = 0, ...style }: { text: string; indent?: number } & Omit<Styled, 'text'>) {
  const { columns } = useTerminalSize();
  return (
    <StyledLines lines={wrapText(text, Math.max(1, columns - indent)).map((line) => [{ text: line, ...style }])} />
  );
}
