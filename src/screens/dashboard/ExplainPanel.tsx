import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { useKeys } from '../../components/key-router.js';
import { actionFor } from '../../components/key-table.js';
import { StyledLines } from '../../components/StyledLines.js';
import { scrollLine } from '../../components/scroll-window.js';
import { useServices } from '../../contexts.js';
import { errorMessage } from '../../services/errors.js';
import type { ExplainReport } from '../../services/explain/explain.js';
import { explanationLines } from '../../services/explain/lines.js';
import { forTerminal, shown } from '../../services/terminal-text.js';
import { EXPLAIN_KEYS } from './dashboard-keys.js';

/** The panel's border and padding. */
const FRAME = 4;

/**
 * The dashboard's `e`: `authdeck explain` for this agent, the same lines at the panel's width.
 * In `height` lines it shows what fits and says how much more there is; `onLines` hears how
 * many lines it would take whole, so the screen can make room.
 */
export function ExplainPanel({
  onClose,
  height,
  width,
  now,
  onLines,
  source,
}: {
  /**
   * What the dashboard read last (its report): a new one (the store changed, a window ended)
   * asks again, so the panel never contradicts the table above it.
   */
  source?: unknown;
  onClose: () => void;
  height: number;
  width: number;
  now: number;
  onLines?: (lines: number) => void;
}) {
  const services = useServices();
  const [report, setReport] = useState<ExplainReport>();
  const [failure, setFailure] = useState<string>();
  // Asked when the panel opens and again whenever the dashboard re-read; the last answer stays on
  // screen meanwhile, and an answer overtaken by a newer question is dropped.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `source` is the signal to ask again.
  useEffect(() => {
    let current = true;
    services.explain().then(
      (answer) => {
        if (!current) return;
        setReport(answer);
        setFailure(undefined);
      },
      (error: unknown) => current && setFailure(errorMessage(error)),
    );
    return () => {
      current = false;
    };
  }, [source]);
  // Ids, refs and reasons come from files: shown safely.
  const lines = report ? explanationLines(forTerminal(report), now, Math.max(20, width - FRAME)) : [];
  const whole = 3 + (report ? lines.length : 1);
  useEffect(() => onLines?.(whole), [whole, onLines]);
  const room = Math.max(0, height - 3);
  // Taller than the panel: a window of it, and a line that says what is out of view.
  const windowLines = Math.max(1, room - 1);
  const last = Math.max(0, lines.length - windowLines);
  const [wanted, setTop] = useState(0);
  const top = Math.min(wanted, last);
  useKeys((input, key) => {
    const action = actionFor(EXPLAIN_KEYS, input, key, { scrolls: true });
    if (action === 'close') onClose();
    else if (action === 'scroll-up') setTop((at) => Math.max(0, Math.min(at, last) - 1));
    else if (action === 'scroll-down') setTop((at) => Math.min(last, at + 1));
  });
  const inView = lines.length <= room ? lines : lines.slice(top, top + windowLines);
  const below = lines.length - top - inView.length;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold>Why each profile is tried, waiting or skipped</Text>
      {!report && <Text dimColor>{failure ? shown(failure) : 'Reading…'}</Text>}
      <StyledLines lines={inView} />
      {lines.length > inView.length && (
        <Text dimColor wrap="truncate">
          {scrollLine(top, below, '↑/↓ scroll · `authdeck explain` prints it all')}
        </Text>
      )}
    </Box>
  );
}
