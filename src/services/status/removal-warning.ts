import type { AgentState } from '../profiles/agent-state.js';
import { shown } from '../terminal-text.js';
import type { StatusReport } from './types.js';

/**
 * What removing a profile breaks, said before it is removed: it is the one credential this
 * agent's models of its provider can use (no other profile, no env key, no key in the config),
 * so their requests fail once it is gone. Undefined when something else would serve them.
 */
export function removalWarning(state: AgentState, report: StatusReport, profileId: string): string | undefined {
  const profile = report.profiles.find((entry) => entry.id === profileId);
  const provider = profile && report.providers.find((entry) => entry.provider === profile.provider);
  if (!provider?.inUse || provider.effectiveSource !== 'profiles') return undefined;
  if (provider.order.some((id) => id !== profileId)) return undefined;
  if (report.env.some((entry) => entry.provider === provider.provider)) return undefined;
  if (state.workspace.config.models.providers[provider.provider]?.hasApiKey) return undefined;
  const models = provider.usedBy.map((use) => shown(use.ref));
  const who = models.length > 0 ? models.join(', ') : `${provider.provider}'s models`;
  return `it is the only credential agent ${state.workspace.agentId} can use for ${provider.provider}: requests to ${who} fail once it is gone`;
}
