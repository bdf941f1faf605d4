import { Box, Text } from 'ink';
import type { ReactNode } from 'react';

/**
 * One item of a list ("• path (what was written)"): its text wraps under itself, not back to
 * the screen's edge, so a long path or list of parts still reads as one item.
 */
export function Bullet({ children, color, mark = '•' }: { children: ReactNode; color?: string; mark?: string }) {
  return (
    <Box paddingLeft={1}>
      <Text {...(color ? { color } : {})}>{mark} </Text>
      <Box flexShrink={1}>
        <Text {...(color ? { color } : {})}>{children}</Text>
      </Box>
    </Box>
  );
}
