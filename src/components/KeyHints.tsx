import { Box, Text } from 'ink';
import { useContext } from 'react';
import { LeavingContext } from '../contexts.js';
import type { HintPair } from './text-layout.js';

export type KeyHint = HintPair;

/**
 * The keys a screen takes, always on its last line. Given `lines` (laid out by packHints, so
 * the screen knows how many there are) it draws those; otherwise the hints wrap as they fit.
 */
export function KeyHints({
  hints,
  lines,
  spaced = true,
}: {
  hints: readonly KeyHint[];
  lines?: readonly (readonly KeyHint[])[];
  spaced?: boolean;
}) {
  const leaving = useContext(LeavingContext);
  if (leaving) return null;
  const hint = ([key, action]: KeyHint) => (
    <Text key={key + action} wrap="truncate">
      <Text bold>{key}</Text>
      <Text dimColor> {action}</Text>
    </Text>
  );
  if (lines) {
    if (lines.length === 0) return null;
    return (
      <Box marginTop={spaced ? 1 : 0} flexDirection="column">
        {lines.map((line) => (
          <Box key={line.map(([key]) => key).join(' ')} columnGap={2}>
            {line.map(hint)}
          </Box>
        ))}
      </Box>
    );
  }
  return (
    <Box marginTop={spaced ? 1 : 0} flexWrap="wrap" columnGap={2}>
      {hints.map(hint)}
    </Box>
  );
}
