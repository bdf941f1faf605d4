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
