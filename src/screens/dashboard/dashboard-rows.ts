import {
  compareByOrderPosition,
  type EnvReport,
  type ProfileReport,
  type ProviderReport,
  type StatusReport,
} from '../../services/status/report.js';

export type DashboardRow =
  | { kind: 'provider'; key: string; provider: ProviderReport }
  | { kind: 'profile'; key: string; profile: ProfileReport }
  | { kind: 'env'; key: string; env: EnvReport }
  | { kind: 'missing'; key: string; provider: string }
  /** No profile or env key, and none needed: the config's key, or an endpoint on this machine. */
  | { kind: 'served'; key: string; provider: string; by: 'config' | 'local'; marker: string | null };

export type SelectableRow = Extract<DashboardRow, { kind: 'profile' | 'env' }>;

export function isSelectable(row: DashboardRow): row is SelectableRow {
  return row.kind === 'profile' || row.kind === 'env';
}

/**
 * The report flattened into the lines the dashboard shows: a heading per provider, then its
 * profiles in order ("next" first, unused ones last), then env sources. The filter matches ids,
 * providers and env variable names.
 */
export function buildDashboardRows(report: StatusReport, filter = ''): DashboardRow[] {
  const needle = filter.trim().toLowerCase();
  const matches = (text: string) => needle === '' || text.toLowerCase().includes(needle);
  const byProvider = new Map<string, ProfileReport[]>();
  for (const profile of report.profiles) {
    const list = byProvider.get(profile.provider) ?? [];
    list.push(profile);
    byProvider.set(profile.provider, list);
  }
  const rows: DashboardRow[] = [];
  for (const provider of report.providers) {
    const profiles = (byProvider.get(provider.provider) ?? [])
      .filter((profile) => matches(profile.id) || matches(provider.provider))
      .sort(compareByOrderPosition);
    const env = report.env.filter(
      (entry) => entry.provider === provider.provider && (matches(entry.variable) || matches(provider.provider)),
    );
    const missing = provider.effectiveSource === 'missing' && matches(provider.provider);
    const source = provider.effectiveSource;
    const served = (source === 'config' || source === 'local') && matches(provider.provider) ? source : undefined;
    if (profiles.length === 0 && env.length === 0 && !missing && !served) continue;
    rows.push({ kind: 'provider', key: `p:${provider.provider}`, provider });
    for (const profile of profiles) rows.push({ kind: 'profile', key: `id:${profile.id}`, profile });
    for (const entry of env) rows.push({ kind: 'env', key: `env:${entry.variable}`, env: entry });
    if (missing && profiles.length === 0 && env.length === 0)
      rows.push({ kind: 'missing', key: `m:${provider.provider}`, provider: provider.provider });
    if (served)
      rows.push({
        kind: 'served',
        key: `c:${provider.provider}`,
        provider: provider.provider,
        by: served,
        marker: provider.configKeyMarker,
      });
  }
  return rows;
}

/** The window of rows to draw so that the cursor stays visible: only these are rendered. */
export function visibleWindow(
  total: number,
  cursor: number,
  height: number,
  previousTop: number,
  /** The rows: scrolling up onto a group's first row brings its heading into view too. */
  rows?: readonly DashboardRow[],
): number {
  if (total <= height) return 0;
  let top = Math.min(previousTop, total - height);
  if (cursor < top) top = rows?.[cursor - 1]?.kind === 'provider' && height > 1 ? cursor - 1 : cursor;
  if (cursor >= top + height) top = cursor - height + 1;
  return Math.max(0, top);
}

/** The next selectable row from `from` in `direction`, or `from` when there is none. */
export function moveCursor(rows: DashboardRow[], from: number, direction: 1 | -1, steps = 1): number {
  let index = from;
  let found = from;
  let remaining = steps;
  while (remaining > 0) {
    index += direction;
    const row = rows[index];
    if (!row) break;
    if (isSelectable(row)) {
      found = index;
      remaining--;
    }
  }
  return found;
}

export function firstSelectable(rows: DashboardRow[]): number {
  const index = rows.findIndex(isSelectable);
  return index === -1 ? 0 : index;
}

/** The row the cursor is on: the one with `cursorKey`, else the row nearest where it was, else the first selectable one. */
export function cursorIndex(rows: DashboardRow[], cursorKey: string | undefined, cursorAt?: number): number {
  const found = cursorKey === undefined ? -1 : rows.findIndex((row) => row.key === cursorKey);
  if (found !== -1) return found;
  if (cursorAt === undefined) return firstSelectable(rows);
  // The row is gone: the one that took its place, else the one above it.
  const from = Math.min(cursorAt, rows.length - 1);
  for (let index = from; index < rows.length; index++) if (rows[index] && isSelectable(rows[index]!)) return index;
  for (let index = from; index >= 0; index--) if (rows[index] && isSelectable(rows[index]!)) return index;
  return firstSelectable(rows);
}
