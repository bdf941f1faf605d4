import { compareByOrderPosition, type StatusReport } from '../status/report.js';
import type { AgentState } from './agent-state.js';

/**
 * The order list a J/K move starts from: the explicit order in force (this agent's, the main
 * agent's or the config's), then every other profile of the provider as shown. Writing it
 * back lists them all, so moving one profile never drops another from the gateway's order.
 */
export function orderBase(report: StatusReport, state: AgentState, provider: string): string[] {
  const shown = report.profiles
    .filter((profile) => profile.provider === provider)
    .sort(compareByOrderPosition)
    .map((profile) => profile.id);
  const explicit =
    state.own.order[provider] ?? state.base?.order[provider] ?? state.workspace.config.authOrder[provider] ?? [];
  const known = new Set(shown);
  const base = explicit.filter((id) => known.has(id));
  for (const id of shown) if (!base.includes(id)) base.push(id);
  return base;
}

/** `list` with `id` moved one place up (-1) or down (+1); the same list when it cannot move. */
export function moveInOrder(list: string[], id: string, direction: -1 | 1): string[] {
  const index = list.indexOf(id);
  const target = index + direction;
  if (index === -1 || target < 0 || target >= list.length) return list;
  const next = list.filter((entry) => entry !== id);
  next.splice(target, 0, id);
  return next;
}
