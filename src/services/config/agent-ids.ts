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
 * What OpenClaw 2026.9 refuses in an `agents.entries` roster (its config schema), in its words:
 * the gateway will not start on such a config, so authdeck says so instead of picking an agent
 * silently. The older `agents.list` is OpenClaw's doctor's to migrate, not checked here.
 */
export function agentRosterProblems(agents: Record<string, unknown> | undefined): string[] {
  if (!agents || agents.entries === undefined) return [];
  const entries = Object.entries(
    agents.entries !== null && typeof agents.entries === 'object' ? (agents.entries as Record<string, unknown>) : {},
  );
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const [key] of entries) {
    if (!/^[a-z0-9_][a-z0-9_-]{0,63}$/i.test(key)) problems.push(`agents.entries: "${key}" is not a valid agent id`);
    const id = normalizeAgentId(key) ?? key;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, key);
    else problems.push(`agents.entries keys "${first}" and "${key}" resolve to the same agent id "${id}"`);
  }
  const marked = entries.filter(
    ([, entry]) => entry !== null && typeof entry === 'object' && (entry as { default?: unknown }).default === true,
  ).length;
  if (marked > 1) problems.push(`agents.entries must contain at most one default=true entry (found ${marked})`);
  if (agents.ownership === 'explicit' && marked > 0)
    problems.push('agents.ownership=explicit cannot be combined with a legacy default=true marker');
  if (entries.length > 1 && marked === 0 && agents.ownership !== 'explicit')
    problems.push(
      'multi-agent rosters require agents.ownership="explicit" or one legacy default=true marker; add agents.ownership="explicit" or run openclaw doctor',
    );
  return problems;
}
