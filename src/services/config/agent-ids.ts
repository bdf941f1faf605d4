import type { GatewayConfig } from './openclaw-json.js';
import { MAIN_AGENT_ID } from './paths.js';

const VALID_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/i;

/**
 * An agent id as OpenClaw spells it on disk (its normalizeAgentId): lower case, runs of other
 * characters turned into one `-`, at most 64. `Coder` and `coder` are one agent in
 * `agents/coder/agent`. Undefined where nothing is left (`"//"`).
 */
export function normalizeAgentId(raw: string): string | undefined {
  const trimmed = raw.trim();
  const lower = trimmed.toLowerCase();
  if (VALID_ID.test(trimmed)) return lower;
  const id = lower
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+/, '')
    .replace(/-+$/, '')
    .slice(0, 64);
  return id === '' ? undefined : id;
}

/**
 * The agent a command acts on when none is named, as OpenClaw 2026.9 picks the owner of model
 * and auth commands (resolveAmbientOwnerAgentId): `agents.defaults.systemAgent.agentId`; else,
 * unless `agents.ownership` is "explicit", the agent marked `default: true`; else the only agent.
 * Several agents and none chosen: OpenClaw 2026.9 asks for --agent, ≤ 2026.8 takes the first
 * listed — so does authdeck, and the header names it. No agents configured: main.
 */
export function defaultAgentId(config: GatewayConfig): string {
  const { agents } = config;
  if (config.systemAgentId) return config.systemAgentId;
  const marked = config.agentOwnershipExplicit ? undefined : agents.find((agent) => agent.default);
  return marked?.id ?? agents[0]?.id ?? MAIN_AGENT_ID;
}

/**
 * Whose store other agents inherit where the main agent's database is the shared one (OpenClaw
 * 2026.8–2026.9 before the store moved to the state database): `agents.defaults.authInheritance.agentId`,
 * which OpenClaw's doctor writes when it rewrites the agent roster; else main.
 */
export function inheritanceAgentId(config: GatewayConfig): string {
  return config.authInheritanceAgentId ?? MAIN_AGENT_ID;
}
