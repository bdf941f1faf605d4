import { Box, type DOMElement, measureElement, Text } from 'ink';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useKeys } from './key-router.js';

function linesWord(count: number): string {
  return `${count} more ${count === 1 ? 'line' : 'lines'}`;
}

/**
 * Content kept to `rows` lines on a short terminal: a window onto it that ↑/↓ (PgUp/PgDn a
 * window) move, with a line saying what is above and below. A frame taller than the terminal
 * scrolls its top (the title, the outcome) away, and Ink then redraws it by clearing the whole
 * screen; a window that only showed the first lines hid what comes last (the warnings, what to
 * do next).
 */
export function FitRows({ rows, children }: { rows: number; children: ReactNode }) {
  const content = useRef<DOMElement>(null);
  const [height, setHeight] = useState(0);
  const [offset, setOffset] = useState(0);
  // Measured after each render: what the content needs, not what the clip lets it show.
  useEffect(() => {
    if (!content.current) return;
    const needed = measureElement(content.current).height;
    if (needed !== height) setHeight(needed);
  });
  const cut = height > rows;
  // One line says what is below, and once scrolled one more what is above.
  const last = Math.max(0, height - Math.max(1, rows - 2));
  const top = cut ? Math.min(offset, last) : 0;
  const room = Math.max(1, rows - (cut ? 1 : 0) - (top > 0 ? 1 : 0));
  useKeys(
    (_input, key) => {
      const by = key.upArrow ? -1 : key.downArrow ? 1 : key.pageUp ? -room : key.pageDown ? room : 0;
      if (by !== 0) setOffset((from) => Math.min(Math.max(0, Math.min(from, last) + by), last));
    },
    { isActive: cut },
  );
  return (
    <Box flexDirection="column">
      {top > 0 && (
        <Text dimColor wrap="truncate">
          … {linesWord(top)} above (↑)
        </Text>
      )}
      <Box flexDirection="column" overflowY="hidden" {...(cut ? { height: room } : {})}>
        <Box ref={content} flexDirection="column" flexShrink={0} marginTop={-top}>
          {children}
        </Box>
      </Box>
      {cut && (
        <Text dimColor wrap="truncate">
          {height - room - top > 0 ? `… ${linesWord(height - room - top)} below: ↓ scrolls` : ' '}
        </Text>
      )}
    </Box>
  );
}
