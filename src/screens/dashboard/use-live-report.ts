import { useEffect, useMemo, useRef, useState } from 'react';
import { useServices } from '../../contexts.js';
import { usePluginNotes } from '../../hooks/use-plugin-notes.js';
import type { AgentState } from '../../services/profiles/agent-state.js';
import { buildStatusReport, nextStatusChangeAt, type StatusReport } from '../../services/status/report.js';
import { markUnserved } from '../../services/status/unserved.js';

/**
 * The status report for a live view. Building it for 5,000 profiles every second made garbage
 * the dashboard's memory budget could not afford; it is rebuilt when the state changes or a
 * status is due to change, while countdowns are drawn from the clock directly. Its warnings
 * include `status`'s plugin warnings, which look at the disk and so arrive a moment later.
 */
export function useLiveReport(
  state: AgentState | undefined,
  now: number,
  warnWithinMs: number,
): StatusReport | undefined {
  const services = useServices();
  const nowRef = useRef(now);
  nowRef.current = now;
  const [transitions, setTransitions] = useState(0);
  // Sign-ins whose refresh token was refused count down as `status` counts them (a monitor file, read a moment later).
  const [refused, setRefused] = useState<{ ids: ReadonlySet<string>; warnings: string[] }>(NONE_REFUSED);
  useEffect(() => {
    if (!state) return;
    let current = true;
    services.refusedSignIns(state).then(
      (found) => current && setRefused((before) => (found.ids.size === 0 && before.ids.size === 0 ? before : found)),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [services, state]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `transitions` rebuilds it when a status is due to change; the clock alone must not.
  const report = useMemo(
    () => (state ? buildStatusReport(state, { nowMs: nowRef.current, warnWithinMs, refused: refused.ids }) : undefined),
    [state, warnWithinMs, transitions, refused],
  );
  const staleAt = useMemo(
    () => (report ? nextStatusChangeAt(report, Date.parse(report.generatedAt)) : Infinity),
    [report],
  );
  useEffect(() => {
    if (now >= staleAt) setTransitions((count) => count + 1);
  }, [now, staleAt]);

  const pluginNotes = usePluginNotes(state, report);
  return useMemo(() => {
    const extra = [...pluginNotes.lines, ...refused.warnings];
    if (!report || extra.length === 0) return report;
    const { unserved } = pluginNotes;
    const marked = markUnserved(report, pluginNotes.notTried ?? {});
    return {
      ...marked,
      warnings: [...report.warnings, ...extra],
      providers: marked.providers.map((entry) =>
        unserved[entry.provider] ? { ...entry, unserved: unserved[entry.provider] } : entry,
      ),
    };
  }, [report, pluginNotes, refused]);
}

const NONE_REFUSED = { ids: new Set<string>(), warnings: [] };
