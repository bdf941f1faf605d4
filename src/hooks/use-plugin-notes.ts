import { useEffect, useState } from 'react';
import type { PluginNotes } from '../app-services.js';
import { useServices } from '../contexts.js';
import type { AgentState } from '../services/profiles/agent-state.js';
import type { StatusReport } from '../services/status/report.js';

const NO_PLUGIN_NOTES: PluginNotes = { lines: [], unserved: {} };

/**
 * `status`'s plugin warnings for a report (they look at the disk, so they arrive a moment
 * after it), kept until the next answer so that a re-read does not make them blink.
 */
export function usePluginNotes(state: AgentState | undefined, report: StatusReport | undefined): PluginNotes {
  const services = useServices();
  const [notes, setNotes] = useState<PluginNotes>(NO_PLUGIN_NOTES);
  useEffect(() => {
    if (!state || !report) return;
    let current = true;
    services.pluginWarnings(state, report).then(
      (found) => current && setNotes(found),
      // A plugin that cannot be looked at is doctor's to explain; a screen shows what it can.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [services, state, report]);
  return notes;
}
