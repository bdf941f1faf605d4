import { hintsFor } from '../../components/key-table.js';
import type { Styled } from '../../components/text-layout.js';
import { type AgentState, profileStorePath } from '../../services/profiles/agent-state.js';
import { removalWarning } from '../../services/status/removal-warning.js';
import type { ProfileReport, StatusReport } from '../../services/status/report.js';
import { shown } from '../../services/terminal-text.js';
import {
  AGENT_KEYS,
  CONFIRM_KEYS,
  DETAILS_KEYS,
  DOCTOR_KEYS,
  type DoctorContext,
  EXPLAIN_KEYS,
  FILTER_KEYS,
  HELP_KEYS,
  LIST_KEYS,
  type ListContext,
  type PanelContext,
} from './dashboard-keys.js';
import type { DashboardMode, Tone } from './use-dashboard-ui.js';

// The dashboard's words around the table: the remove question, message colours, the hint bar.

/** The question `d` asks, in pieces to wrap. */
export function confirmQuestion(
  profile: ProfileReport,
  state: AgentState | undefined,
  report: StatusReport | undefined,
): Styled[] {
  const where = state ? shown(profileStorePath(state, profile.id)) : 'the store';
  const shared = profile.layer === 'shared' ? ' (shared: every agent loses it)' : '';
  const breaks = state && report ? removalWarning(state, report, profile.id) : undefined;
  return [
    ...(breaks ? [{ text: `! ${breaks}. `, color: 'red' }] : []),
    // Nothing keeps the secret once it is gone: said before, as no key brings it back.
    // The keys are the hint bar's ("y remove  any other key keep"): not said twice.
    { text: `Remove ${shown(profile.id)} from ${where}${shared}? It cannot be undone.`, color: 'yellow' },
  ];
}

export function toneColor(tone: Tone): { color?: string } {
  return tone === 'error'
    ? { color: 'red' }
    : tone === 'success'
      ? { color: 'green' }
      : tone === 'busy'
        ? { color: 'cyan' }
        : {};
}

const MODE_KEYS = {
  filter: FILTER_KEYS,
  details: DETAILS_KEYS,
  help: HELP_KEYS,
  'confirm-remove': CONFIRM_KEYS,
  explain: EXPLAIN_KEYS,
  agents: AGENT_KEYS,
} as const;

/** The hint bar of the mode the dashboard is in, from that mode's key table. */
export function modeHints(mode: DashboardMode, context: ListContext, doctor: DoctorContext, panel: PanelContext) {
  if (mode === 'list') return hintsFor(LIST_KEYS, context);
  if (mode === 'doctor') return hintsFor(DOCTOR_KEYS, doctor);
  if (mode === 'details' || mode === 'help' || mode === 'explain') return hintsFor(MODE_KEYS[mode], panel);
  return hintsFor(MODE_KEYS[mode], undefined);
}
