import { UsageError } from '../errors.js';
import { resolveAuthProvider } from '../providers/catalog.js';
import { flagWord } from '../shell-word.js';
import { explicitOrders } from '../status/order-inputs.js';
import { compareByOrderPosition, type StatusReport } from '../status/report.js';
import { shown, shownTyped } from '../terminal-text.js';
import { type AgentState, listAgentProfiles, profileGuess } from './agent-state.js';
import { refuseUnsafeId } from './profile-actions.js';

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
  const { agentOrder, baseOrder, configOrder } = explicitOrders(state, provider);
  const explicit = agentOrder ?? baseOrder ?? configOrder ?? [];
  const known = new Set(shown);
  const base = explicit.filter((id) => known.has(id));
  for (const id of shown) if (!base.includes(id)) base.push(id);
  return base;
}

/**
 * The picker's order: `id` first, then the others as they were — an explicit order's profiles
 * only (those it leaves out stay out, as the person chose), or, with none, every profile in the
 * order the gateway tries them.
 */
export function orderWithFirst(report: StatusReport, state: AgentState, provider: string, id: string): string[] {
  const { agentOrder, baseOrder, configOrder } = explicitOrders(state, provider);
  const explicit = agentOrder ?? baseOrder ?? configOrder;
  const known = new Set(
    report.profiles.filter((profile) => profile.provider === provider).map((profile) => profile.id),
  );
  const rest = explicit ? explicit.filter((other) => known.has(other)) : orderBase(report, state, provider);
  return [id, ...rest.filter((other) => other !== id)];
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

/**
 * The stored ids an order for `provider` lists, from what was typed: an id as stored, the part
 * before the ":" in any case (`anthropic:Up` is `Anthropic:Up`), or a bare name. A profile counts
 * as status groups it, whatever alias or case its provider is stored under (`x-ai:old` is xai's),
 * and goes in as stored: OpenClaw keeps the ids, and the gateway looks each one up exactly.
 */
export function resolveOrderIds(state: AgentState, provider: string, typed: readonly string[]): string[] {
  const rows = listAgentProfiles(state);
  const ids = rows.filter((row) => row.view.provider === provider).map((row) => row.view.id);
  const found: string[] = [];
  const unknown: string[] = [];
  for (const word of typed.map((entry) => entry.trim())) {
    if (word === '') throw new UsageError('an order lists profile ids, and one given is empty');
    refuseUnsafeId(word);
    const matches = orderMatches(ids, provider, word);
    if (matches.length > 1)
      throw new UsageError(
        `"${shownTyped(word)}" names ${matches.map((id) => shown(id)).join(' and ')}; give the full id`,
      );
    if (matches[0]) {
      found.push(matches[0]);
      continue;
    }
    const owner = rows.find((row) => row.view.id === word)?.view.provider ?? prefixProvider(word);
    if (owner !== undefined && owner !== provider)
      throw new UsageError(`"${shownTyped(word)}" belongs to provider "${owner}", not "${provider}"`);
    unknown.push(word.includes(':') ? word : `${provider}:${word}`);
  }
  if (unknown.length > 0) {
    const guess = unknown.length === 1 ? profileGuess(ids, unknown[0] as string) : undefined;
    throw new UsageError(
      `no ${provider} profile ${unknown.map(shownTyped).join(', ')} for agent ${state.workspace.agentId}; ${guess ? `did you mean ${shown(guess)}?` : `see \`authdeck status ${flagWord('--provider', provider)}\``}`,
    );
  }
  return [...new Set(found)];
}

/** The provider's ids `word` can mean; of several, the one spelled `<provider>:<name>` wins. */
function orderMatches(ids: readonly string[], provider: string, word: string): string[] {
  if (ids.includes(word)) return [word];
  const [prefix, name] = splitId(word);
  const matches = ids.filter((id) => {
    const [idPrefix, idName] = splitId(id);
    return idName === name && (prefix === undefined || idPrefix?.toLowerCase() === prefix.toLowerCase());
  });
  const canonical = `${provider}:${name}`;
  return matches.length > 1 && matches.includes(canonical) ? [canonical] : matches;
}

/** The provider a typed full id names by its prefix (`claude-cli:x` is anthropic's). */
function prefixProvider(word: string): string | undefined {
  const [prefix] = splitId(word);
  return prefix === undefined ? undefined : resolveAuthProvider(prefix);
}

function splitId(id: string): [prefix: string | undefined, name: string] {
  const colon = id.indexOf(':');
  return colon === -1 ? [undefined, id] : [id.slice(0, colon), id.slice(colon + 1)];
}
