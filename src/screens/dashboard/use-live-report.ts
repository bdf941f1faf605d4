import { useEffect, useMemo, useRef, useState } from 'react';
import type { AgentState } from '../../services/profiles/agent-state.js';
import { buildStatusReport, nextStatusChangeAt, type StatusReport } from '../../services/status/report.js';

/**
 * The status report for a live view. Building it for 5,000 profiles every second made garbage
 * the dashboard's memory budget could not afford; it is rebuilt when the state changes or a
 * status is due to change, while countdowns are drawn from the clock directly.
 */
export function useLiveReport(
  state: AgentState | undefined,
  now: number,
  warnWithinMs: number,
): StatusReport | undefined {
  const nowRef = useRef(now);
  nowRef.current = now;
  const [transitions, setTransitions] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `transitions` rebuilds it when a status is due to change; the clock alone must not.
  const report = useMemo(
    () => (state ? buildStatusReport(state, { nowMs: nowRef.current, warnWithinMs }) : undefined),
    [state, warnWithinMs, transitions],
  );
  const staleAt = useMemo(
    () => (report ? nextStatusChangeAt(report, Date.parse(report.generatedAt)) : Infinity),
    [report],
  );
  useEffect(() => {
    if (now >= staleAt) setTransitions((count) => count + 1);
  }, [now, staleAt]);
  return report;
}
