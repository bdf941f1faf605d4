import type { ProbeOutcome } from '../../services/probe/probe-runner.js';
import { Box, Text } from 'ink';
import { memo } from 'react';
import { STATUS_COLOR } from '../../services/health.js';
import { formatCountdown, formatDuration, formatRelative } from '../../services/durations.js';
import type { ProfileReport, StoreReport } from '../../services/status-report.js';
import { layerLabel } from '../../services/status-words.js';
import { WIDTH, type Columns } from './columns.js';
import type { DashboardRow } from './dashboard-rows.js';

interface ProfileTableProps {
  rows: DashboardRow[];
  top: number;
  height: number;
  cursor: number;
  columns: Columns;
  now: number;
  store: StoreReport;
  /** The last live probe per profile or env key (`p`). */
  probes: Record<string, ProbeOutcome>;
}

/** Only the rows in view are rendered, so 5,000 profiles cost what 30 do. */
export function ProfileTable({ rows, top, height, cursor, columns, now, store, probes }: ProfileTableProps) {
  const slice = rows.slice(top, top + height);
  return (
    <Box flexDirection="column">
      {slice.map((row, index) => (
        <TableRow
          key={row.key}
          row={row}
          selected={top + index === cursor}
          columns={columns}
          now={now}
          store={store}
          probe={probes[row.kind === 'profile' ? row.profile.id : row.kind === 'env' ? `env:${row.env.variable}` : '']}
        />
      ))}
      {rows.length > top + height && <Text dimColor> … {rows.length - top - height} more below</Text>}
    </Box>
  );
}

/** A column of `width`, its last character always a space between it and the next. */
function cell(text: string, width: number): string {
  return text.length > width - 1 ? `${text.slice(0, width - 2)}… ` : text.padEnd(width);
}

/** Memoised: a cursor move re-renders the two rows whose selection changed, not all in view. */
const TableRow = memo(function TableRow({
  row,
  selected,
  columns,
  now,
  store,
  probe,
}: {
  row: DashboardRow;
  selected: boolean;
  columns: Columns;
  now: number;
  store: StoreReport;
  probe: ProbeOutcome | undefined;
}) {
  if (row.kind === 'provider') {
    const { provider } = row;
    return (
      <Text wrap="truncate">
        <Text bold>{provider.provider}</Text>
        {provider.label !== provider.provider && <Text dimColor> {provider.label}</Text>}
        {provider.inUse && <Text> · in use</Text>}
        {provider.effectiveSource === 'env' && <Text color="yellow"> · via env</Text>}
        {provider.effectiveSource === 'missing' && <Text color="red"> · missing</Text>}
        {provider.next && <Text dimColor> · next {provider.next}</Text>}
        {provider.orderSource !== 'auto' && (
          <Text dimColor> · order: {provider.orderSource === 'agent' ? 'override' : provider.orderSource}</Text>
        )}
      </Text>
    );
  }
  if (row.kind === 'missing') {
    return (
      <Text wrap="truncate" color="red">
        {'     '}no credential: press a to add one
      </Text>
    );
  }
  const pointer = selected ? '▸ ' : '  ';
  if (row.kind === 'env') {
    const { env } = row;
    return (
      <Text wrap="truncate" inverse={selected}>
        {pointer}
        {cell('', WIDTH.position)}
        {cell(`env ${env.variable}`, columns.id)}
        {columns.type && cell(env.type, WIDTH.type)}
        {columns.secret && cell(env.masked, WIDTH.secret)}
        <Text color="green">{cell('static', WIDTH.status)}</Text>
        {columns.source && cell('', WIDTH.expiry)}
        {columns.source && <Text dimColor>{cell(env.origin === 'process' ? 'env' : '.env', WIDTH.source)}</Text>}
        {columns.usage && probe && <ProbeMark probe={probe} />}
      </Text>
    );
  }
  const { profile } = row;
  return (
    <Text wrap="truncate" inverse={selected}>
      {pointer}
      <Text color={profile.next ? 'green' : undefined}>
        {cell(
          profile.orderPosition === null
            ? ' –'
            : `${String(profile.orderPosition).padStart(2)}${profile.next ? '*' : ''}`,
          WIDTH.position,
        )}
      </Text>
      <Text bold={profile.next}>{cell(profile.id, columns.id)}</Text>
      {columns.type && cell(profile.type, WIDTH.type)}
      {columns.secret && cell(profile.masked ?? (profile.secretRef ? `ref ${profile.secretRef}` : '—'), WIDTH.secret)}
      <Text color={STATUS_COLOR[profile.status]}>{cell(profile.status, WIDTH.status)}</Text>
      {cell(expiryText(profile, now), WIDTH.expiry)}
      {columns.source && <Text dimColor>{cell(layerLabel(profile, store), WIDTH.source)}</Text>}
      {/* Last and unpadded: usually empty, and every character of a frame costs Ink time. */}
      {columns.usage &&
        (profile.usage === null && probe ? (
          <ProbeMark probe={probe} />
        ) : (
          <Text color={profile.usage === 'disabled' ? 'red' : 'yellow'}>{usageText(profile, now)}</Text>
        ))}
    </Text>
  );
});

/** The last probe in a few characters: "✓ 212ms", "✗ auth", "· not probed". */
function ProbeMark({ probe }: { probe: ProbeOutcome }) {
  if (probe.result === 'ok') return <Text color="green">✓ {Math.round(probe.latencyMs ?? 0)}ms</Text>;
  if (probe.result === 'not_probed') return <Text dimColor>· not probed</Text>;
  return <Text color={probe.result === 'auth' || probe.result === 'billing' ? 'red' : 'yellow'}>✗ {probe.result}</Text>;
}

export function expiryText(profile: ProfileReport, now: number): string {
  if (profile.expiresAt === null) return profile.status === 'static' ? 'no expiry' : '';
  return profile.expiresAt > now ? formatCountdown(profile.expiresAt - now) : formatRelative(profile.expiresAt, now);
}

export function usageText(profile: ProfileReport, now: number): string {
  if (profile.usage === 'disabled' && profile.disabledUntil !== null)
    return `disabled ${formatDuration(profile.disabledUntil - now)}`;
  if (profile.usage === 'cooldown' && profile.cooldownUntil !== null)
    return `cooldown ${formatDuration(profile.cooldownUntil - now)}`;
  return '';
}
