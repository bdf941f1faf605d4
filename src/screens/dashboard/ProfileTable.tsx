import { Box, Text } from 'ink';
import { memo } from 'react';
import { StyledSegments } from '../../components/StyledLines.js';
import type { ProbeOutcome } from '../../services/probe/probe-runner.js';
import type { StoreReport } from '../../services/status/report.js';
import { shown } from '../../services/terminal-text.js';
import type { Columns } from './columns.js';
import type { DashboardRow } from './dashboard-rows.js';
import { rowSegments } from './row-text.js';

interface ProfileTableProps {
  rows: DashboardRow[];
  top: number;
  height: number;
  /** Room for a "… N more below" line under the rows. */
  more: boolean;
  /** Room for a "… N more above" line over the rows (the spacer line above the table). */
  above: boolean;
  cursor: number;
  columns: Columns;
  now: number;
  store: StoreReport;
  /** The last live probe per profile or env key (`p`). */
  probes: Record<string, ProbeOutcome>;
}

/** Only the rows in view are rendered, so 5,000 profiles cost what 30 do. */
export function ProfileTable({
  rows,
  top,
  height,
  more,
  above,
  cursor,
  columns,
  now,
  store,
  probes,
}: ProfileTableProps) {
  const slice = rows.slice(top, top + height);
  // Scrolled into a group, its heading is out of view: the line above names the group.
  const group =
    rows[top]?.kind === 'provider' ? undefined : rows.slice(0, top).findLast((row) => row.kind === 'provider');
  const below = rows.length - top - height;
  // Scrolled to the end with no spacer line to spare: the "more below" line's room says what is above.
  const aboveLine = top > 0 && (above || (more && below <= 0));
  return (
    <Box flexDirection="column" marginTop={above && top === 0 ? 1 : 0}>
      {aboveLine && (
        <Text dimColor wrap="truncate">
          {' '}
          … {top} more above{group?.kind === 'provider' ? ` · ${shown(group.provider.provider)}` : ''}
        </Text>
      )}
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
      {more && below > 0 && (
        <Text dimColor wrap="truncate">
          {' '}
          … {below} more below
        </Text>
      )}
    </Box>
  );
}

/** Memoised: a cursor move re-renders the two rows whose selection changed, not all in view. */
const TableRow = memo(function TableRow(props: {
  row: DashboardRow;
  selected: boolean;
  columns: Columns;
  now: number;
  store: StoreReport;
  probe: ProbeOutcome | undefined;
}) {
  const { row, selected } = props;
  const segments = rowSegments(row, { ...props, ...(props.probe ? { probe: props.probe } : {}) });
  return (
    <Text wrap="truncate" inverse={selected && (row.kind === 'profile' || row.kind === 'env')}>
      <StyledSegments segments={segments} />
    </Text>
  );
});
