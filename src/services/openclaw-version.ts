/**
 * OpenClaw's calendar versions ("2026.9.6", "2026.8.1-beta.1"), compared the way npm orders
 * them: a prerelease comes before its release.
 */
export function parseOpenclawVersion(text: string): { parts: number[]; pre: string | undefined } | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?/.exec(text.trim());
  if (!match) return undefined;
  return { parts: [Number(match[1]), Number(match[2]), Number(match[3])], pre: match[4] };
}

export function compareOpenclawVersions(a: string, b: string): number {
  const left = parseOpenclawVersion(a);
  const right = parseOpenclawVersion(b);
  if (!left || !right) return left ? 1 : right ? -1 : 0;
  for (let i = 0; i < 3; i++) {
    const difference = (left.parts[i] ?? 0) - (right.parts[i] ?? 0);
    if (difference !== 0) return difference;
  }
  if (left.pre === right.pre) return 0;
  if (left.pre === undefined) return 1;
  if (right.pre === undefined) return -1;
  return left.pre.localeCompare(right.pre, 'en', { numeric: true });
}

export function newestOpenclawVersion(versions: Array<string | null | undefined>): string | undefined {
  let newest: string | undefined;
  for (const version of versions) {
    if (!version || !parseOpenclawVersion(version)) continue;
    if (newest === undefined || compareOpenclawVersions(version, newest) > 0) newest = version;
  }
  return newest;
}

/** First release that keeps auth in per-agent SQLite databases. */
export const FIRST_AGENT_SQLITE = '2026.6.5';
/** First release with the shared store (auth.sharedStore) and per-agent local overrides. */
export const FIRST_SHARED_SQLITE = '2026.8.1';

export type GenerationId = 'json' | 'agent-sqlite' | 'shared-sqlite';

export function generationOfVersion(version: string): GenerationId {
  if (compareOpenclawVersions(version, FIRST_SHARED_SQLITE) >= 0) return 'shared-sqlite';
  if (compareOpenclawVersions(version, FIRST_AGENT_SQLITE) >= 0) return 'agent-sqlite';
  return 'json';
}
