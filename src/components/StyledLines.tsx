import { Text } from 'ink';
import type { Styled } from './text-layout.js';

/** Lines laid out already (text-layout): one Text each, so each takes exactly one line. */
export function StyledLines({ lines }: { lines: readonly (readonly Styled[])[] }) {
  return lines.map((line, lineIndex) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional.
    <Text key={lineIndex} wrap="truncate">
      {line.length === 0 ? ' ' : <StyledSegments segments={line} />}
    </Text>
  ));
}

/** One line's pieces, each with its own colour and weight (inside a Text that owns the line). */
export function StyledSegments({ segments }: { segments: readonly Styled[] }) {
  return segments.map((segment, index) => (
    <Text
      // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reorder.
      key={index}
      {...(segment.color ? { color: segment.color } : {})}
      bold={segment.bold ?? false}
      dimColor={segment.dim ?? false}
    >
      {segment.text}
    </Text>
  ));
}
