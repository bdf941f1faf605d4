import { isDeepStrictEqual } from 'node:util';
import { normalizeAgentId } from '../config/agent-ids.js';
import type { ConfigChange } from '../config/config-changes.js';
import { setAtPath } from '../config/config-edit.js';
import { asRecord } from '../json-text.js';

/** The model settings an agent's own entry can hold instead of `agents.defaults`. */
const MODEL_KEYS = ['model', 'models', 'modelPolicy', 'utilityModel'] as const;
type ModelKey = (typeof MODEL_KEYS)[number];

interface AgentScope {
  /** The key of the agent under `agents.entries`, as written. */
  key: string;
  entry: Record<string, unknown>;
}

/**
 * Where OpenClaw 2026.9's onboarding writes an agent's models (onboard-agent-target.ts): its
 * own `agents.entries` entry once the roster is explicit (`agents.ownership`, set when a second
 * agent is added) or once that entry names its own model — a default written under
 * `agents.defaults` would not reach that agent. Undefined: `agents.defaults`, as before 2026.9.
 */
function agentScope(doc: Record<string, unknown>, agentId: string | undefined): AgentScope | undefined {
  const agents = asRecord(doc.agents);
  const entries = asRecord(agents?.entries);
  if (!agents || !entries || agentId === undefined) return undefined;
  const key = Object.keys(entries).find((name) => normalizeAgentId(name) === agentId);
  const entry = key === undefined ? undefined : asRecord(entries[key]);
  // An agent with no entry reads the defaults (and a write must not add it to the roster).
  if (key === undefined || !entry) return undefined;
  if (agents.ownership !== 'explicit' && entry.model === undefined) return undefined;
  return { key, entry };
}

/** Marks a view as one agent's: under its entry, clearing its model leaves the defaults' in force. */
const AGENT_VIEW = Symbol('agent view');

/** Whether `doc` is one agent's view of its models (planForAgent), not the whole config. */
export function isAgentView(doc: Record<string, unknown>): boolean {
  return (doc as { [AGENT_VIEW]?: true })[AGENT_VIEW] === true;
}

/** The config as the agent's models see it: its entry's settings over the defaults (prepareAgentModelDefaults). */
function agentView(doc: Record<string, unknown>, scope: AgentScope): Record<string, unknown> {
  const agents = asRecord(doc.agents) ?? {};
  const defaults = { ...asRecord(agents.defaults) };
  for (const key of MODEL_KEYS) if (scope.entry[key] !== undefined) defaults[key] = scope.entry[key];
  return { ...doc, agents: { ...agents, defaults }, [AGENT_VIEW]: true };
}

function modelKeyOf(change: ConfigChange): ModelKey | undefined {
  const [agents, defaults, key] = change.path;
  return agents === 'agents' && defaults === 'defaults' && (MODEL_KEYS as readonly unknown[]).includes(key)
    ? (key as ModelKey)
    : undefined;
}

/** The config with `agents.defaults` showing the models this agent uses (its own entry's where it has them). */
export function agentModelsView(doc: Record<string, unknown>, agentId: string | undefined): Record<string, unknown> {
  const scope = agentScope(doc, agentId);
  return scope ? agentView(doc, scope) : doc;
}

/**
 * Plans against the agent's view of its models, then moves each model change onto its own
 * entry (projectAgentModelDefaults): a setting the entry has is changed in place; one it takes
 * from the defaults is written whole into the entry (the defaults' fallbacks with it), and of
 * `models` only what the plan adds or changes. Everything else is written where it was planned.
 */
export function planForAgent(
  doc: Record<string, unknown>,
  agentId: string | undefined,
  plan: (view: Record<string, unknown>) => ConfigChange[],
): ConfigChange[] {
  const scope = agentScope(doc, agentId);
  if (!scope) return plan(doc);
  const view = agentView(doc, scope);
  const planned = plan(view);
  if (!planned.some((change) => modelKeyOf(change))) return planned;
  const before = asRecord(asRecord(view.agents)?.defaults) ?? {};
  const after = structuredClone(Object.fromEntries(MODEL_KEYS.map((key) => [key, before[key]])));
  const base = ['agents', 'entries', scope.key];
  const out: ConfigChange[] = [];
  const whole = new Set<ModelKey>();
  for (const change of planned) {
    const key = modelKeyOf(change);
    if (!key) {
      out.push(change);
      continue;
    }
    setAtPath(after, change.path.slice(2), change.value);
    if (scope.entry[key] !== undefined) out.push({ ...change, path: [...base, ...change.path.slice(2)] });
    else whole.add(key);
  }
  for (const key of whole) {
    if (key !== 'models') {
      if (!isDeepStrictEqual(after[key], scope.entry[key])) out.push({ path: [...base, key], value: after[key] });
      continue;
    }
    const was = asRecord(before.models) ?? {};
    for (const [ref, value] of Object.entries(asRecord(after.models) ?? {}))
      if (!isDeepStrictEqual(value, was[ref])) out.push({ path: [...base, 'models', ref], value });
  }
  return out;
}
