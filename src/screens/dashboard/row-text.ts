import { isNarrowText, startWithin, textColumns } from '../../components/text-layout.js';
import { formatCountdown, formatDuration, formatRelative } from '../../services/durations.js';
import type { ProbeOutcome } from '../../services/probe/probe-runner.js';
import { providerName } from '../../services/providers.js';
import { STATUS_COLOR, type StatusColor } from '../../services/status/health.js';
import type { ProfileReport, StatusReport, StoreReport } from '../../services/status/report.js';
import { configKeyWords, layerLabel } from '../../services/status/words.js';
import { forTerminal, shown } from '../../services/terminal-text.js';
import { type ColumnNeeds, type Columns, WIDTH } from './columns.js';
import type { DashboardRow } from './dashboard-rows.js';

/**
 * One piece of a dashboard line and how it looks. The Ink table and the plain first frame
 * (drawn before Ink has loaded) are made from the same segments, so the hand-over changes
 * nothing but colours that are the same anyway.
 */
export interface Segment {
  text: string;
  color?: StatusColor | 'gray';
  bold?: boolean;
  dim?: boolean;
}

/**
 * A column of `width`, its last character always a space between it and the next. Counted in
 * terminal columns: an id in CJK takes two per character, and the columns after it stay aligned.
 */
export function cell(text: string, width: number): string {
  if (isNarrowText(text)) return text.length > width - 1 ? `${text.slice(0, width - 2)}… ` : text.padEnd(width);
  const columns = textColumns(text);
  if (columns <= width - 1) return text + ' '.repeat(width - columns);
  const start = startWithin(text, width - 2);
  return `${start}…${' '.repeat(width - 1 - textColumns(start))}`;
}

export function rowSegments(
  rawRow: DashboardRow,
  options: { selected: boolean; columns: Columns; now: number; store: StoreReport; probe?: ProbeOutcome },
): Segment[] {
  const { selected, columns, now, store, probe } = options;
  // Ids, labels and masked ends come from files other programs write: shown safely, before the
  // columns are cut to width.
  const row = forTerminal(rawRow);
  if (row.kind === 'provider') {
    const { provider } = row;
    // Named as a sentence would ("MiniMax"): the id beside it tells MiniMax's two providers apart.
    const name = shown(providerName(provider.provider));
    return [
      { text: provider.provider, bold: true },
      ...(name !== provider.provider ? [{ text: ` ${name}`, dim: true }] : []),
      ...(provider.inUse ? [{ text: ' · in use' }] : []),
      ...(provider.effectiveSource === 'env' ? [{ text: ' · via env', color: 'yellow' as const }] : []),
      // The summary's words ("in use without a credential"): `missing` there counts profiles.
      ...(provider.effectiveSource === 'missing' ? [{ text: ' · no credential', color: 'red' as const }] : []),
      // Its credentials are fine, but the gateway cannot use them: "next" would say otherwise.
      ...(provider.unserved
        ? [{ text: ` · ${provider.unserved}`, color: 'yellow' as const }]
        : provider.next
          ? [{ text: ` · next ${provider.next}`, dim: true }]
          : // Every profile of its order cooling down or disabled: the gateway tries none now.
            provider.order.length > 0
            ? [{ text: ' · all waiting', color: 'yellow' as const }]
            : []),
      ...(provider.orderSource !== 'auto'
        ? [{ text: ` · order: ${provider.orderSource === 'agent' ? 'override' : provider.orderSource}`, dim: true }]
        : []),
    ];
  }
  if (row.kind === 'missing') return [{ text: '     no credential: press a to add one', color: 'red' }];
  if (row.kind === 'served')
    return [
      {
        text:
          row.by === 'config'
            ? `     ${configKeyWords(row.provider, row.marker)}`
            : '     an endpoint on this machine or network: no key needed',
        dim: true,
      },
    ];
  const pointer = selected ? '▸ ' : '  ';
  if (row.kind === 'env') {
    const { env } = row;
    return [
      { text: pointer + cell('', WIDTH.position) + cell(`env ${env.variable}`, columns.id) },
      ...(columns.type ? [{ text: cell(env.type, WIDTH.type) }] : []),
      ...(columns.secret ? [{ text: cell(env.masked, WIDTH.secret) }] : []),
      { text: cell('static', columns.status), color: 'green' },
      // An empty expiry cell, as a profile row always has one: a probe result then sits in the
      // same column on both kinds of row.
      { text: cell('', columns.expiry) },
      ...(columns.source ? [{ text: cell(env.origin === 'process' ? 'env' : '.env', WIDTH.source), dim: true }] : []),
      ...(columns.usage && probe ? [probeSegment(probe)] : []),
    ];
  }
  const { profile } = row;
  const position =
    profile.orderPosition === null ? ' –' : `${String(profile.orderPosition).padStart(2)}${profile.next ? '*' : ''}`;
  const last =
    profile.usage === null && probe
      ? probeSegment(probe)
      : {
          text: usageText(profile, now, columns.usageRoom),
          color: profile.usage === 'disabled' ? ('red' as const) : ('yellow' as const),
        };
  return [
    { text: pointer },
    { text: cell(position, WIDTH.position), ...(profile.next ? { color: 'green' as const } : {}) },
    { text: cell(profile.id, columns.id), bold: profile.next },
    ...(columns.type ? [{ text: cell(profile.type, WIDTH.type) }] : []),
    ...(columns.secret
      ? [{ text: cell(profile.masked ?? (profile.secretRef ? `ref ${profile.secretRef}` : '—'), WIDTH.secret) }]
      : []),
    { text: cell(profile.status, columns.status), color: STATUS_COLOR[profile.status] },
    { text: cell(expiryText(profile, now), columns.expiry) },
    ...(columns.source ? [{ text: cell(layerLabel(profile, store), WIDTH.source), dim: true }] : []),
    // Last and unpadded: usually empty, and every character of a frame costs Ink time.
    ...(columns.usage ? [last] : []),
  ];
}

/**
 * The last probe in a few characters: "✓ 212ms", "✗ auth", "· skipped" (as short as "✗ network":
 * the last column is cut at the edge, and the message and details say why it was not probed).
 */
function probeSegment(probe: ProbeOutcome): Segment {
  if (probe.result === 'ok') return { text: `✓ ${Math.round(probe.latencyMs ?? 0)}ms`, color: 'green' };
  if (probe.result === 'not_probed') return { text: '· skipped', dim: true };
  return { text: `✗ ${probe.result}`, color: probe.result === 'auth' || probe.result === 'billing' ? 'red' : 'yellow' };
}

export function expiryText(profile: ProfileReport, now: number): string {
  if (profile.expiresAt === null) return profile.status === 'static' ? 'no expiry' : '';
  return profile.expiresAt > now ? formatCountdown(profile.expiresAt - now) : formatRelative(profile.expiresAt, now);
}

/**
 * "cooldown 3h 2m"; where the edge is nearer, "cooldown ~3h" (the details say until when), so the
 * row still says how long rather than ending in "…".
 */
export function usageText(profile: ProfileReport, now: number, room = Number.POSITIVE_INFINITY): string {
  const until =
    profile.usage === 'disabled' ? profile.disabledUntil : profile.usage === 'cooldown' ? profile.cooldownUntil : null;
  if (until === null) return '';
  const left = formatDuration(until - now);
  const full = `${profile.usage} ${left}`;
  if (full.length <= room || !left.includes(' ')) return full;
  return `${profile.usage} ~${roughDuration(until - now)}`;
}

/**
 * What the columns must make room for (fitColumns): a cooldown or probe result, more than one
 * layer, and the longest status and expiry of the rows shown. The dashboard and its first frame
 * ask the same, so the hand-over moves nothing.
 */
export function columnNeedsOf(
  report: StatusReport,
  rows: readonly DashboardRow[],
  now: number,
  probed = false,
): ColumnNeeds {
  let longestStatus = 0;
  let longestExpiry = 0;
  for (const row of rows) {
    if (row.kind === 'env') longestStatus = Math.max(longestStatus, 'static'.length);
    if (row.kind !== 'profile') continue;
    longestStatus = Math.max(longestStatus, textColumns(row.profile.status));
    longestExpiry = Math.max(longestExpiry, textColumns(expiryText(row.profile, now)));
  }
  return {
    usage: report.profiles.some((profile) => profile.usage !== null) || probed,
    source:
      report.env.length > 0 || new Set(report.profiles.map((profile) => layerLabel(profile, report.store))).size > 1,
    longestStatus,
    longestExpiry,
  };
}

/** A time in its largest unit, rounded to the nearest ("1d 23h" is ~2d, not ~1d). */
function roughDuration(ms: number): string {
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
  ] as const)
    if (ms >= size) return `${Math.round(ms / size)}${unit}`;
  return `${Math.round(ms / 1000)}s`;
}
