import { Box, type DOMElement, measureElement, Text } from 'ink';
import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * Content kept to `rows` lines on a short terminal, its first lines shown and one line saying
 * how many were left out. A frame taller than the terminal scrolls its top (the title, the
 * outcome) away, and Ink then redraws it by clearing the whole screen.
 */
export function FitRows({ rows, children }: { rows: number; children: ReactNode }) {
  const content = useRef<DOMElement>(null);
  const [height, setHeight] = useState(0);
  // Measured after each render: what the content needs, not what the clip lets it show.
  useEffect(() => {
    if (!content.current) return;
    const needed = measureElement(content.current).height;
    if (needed !== height) setHeight(needed);
  });
  const room = Math.max(1, rows - 1);
  const cut = height > rows;
  return (
    <Box flexDirection="column">
      <Box flexDirection="column" overflowY="hidden" {...(cut ? { height: room } : {})}>
        <Box ref={content} flexDirection="column" flexShrink={0}>
          {children}
        </Box>
      </Box>
      {cut && (
        <Text dimColor wrap="truncate">
          … {height - room} more lines: a taller terminal shows them
        </Text>
      )}
    </Box>
  );
}
