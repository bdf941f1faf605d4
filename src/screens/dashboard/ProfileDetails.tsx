import { Box, Text } from 'ink';
import { fitPath, textWidth } from '../../components/text-layout.js';
import { formatDateTime, formatRelative } from '../../services/durations.js';
import type { ProbeOutcome } from '../../services/probe/probe-runner.js';
import type { ProfileReport } from '../../services/status/report.js';
import type { UsageStats } from '../../services/store/documents.js';
import { shown } from '../../services/terminal-text.js';

interface DetailsProps {
  profile: ProfileReport;
  stats?: UsageStats | undefined;
  storePath: string;
  now: number;
  probe?: ProbeOutcome | undefined;
  /** The terminal's width: a long store path is cut from the left, its file name kept. */
  width: number;
}

const LABEL = 12;
/** The panel's border and padding. */
const FRAME = 4;

/** The lines of the details, label and value (shown safely), the empty ones left out. */
export function detailEntries({ profile, stats, storePath, now, probe, width }: DetailsProps): Array<[string, string]> {
  const source = {
    inherited: 'inherited from the main agent',
    shared: 'shared store (every agent)',
    local: 'this agent',
  }[profile.layer];
  const pathRoom = width - FRAME - LABEL - textWidth(source) - 3;
  const entries: Array<[string, string | null | undefined]> = [
    ['provider', profile.provider],
    ['type', profile.type],
    ['secret', profile.masked ?? (profile.secretRef ? `ref ${profile.secretRef}` : 'none')],
    ['status', profile.status],
    [
      profile.expiresAt !== null && profile.expiresAt <= now ? 'expired' : 'expires',
      profile.expiresAt !== null
        ? `${formatDateTime(profile.expiresAt)} (${formatRelative(profile.expiresAt, now)})`
        : 'never',
    ],
    [
      'order',
      profile.orderPosition !== null
        ? `#${profile.orderPosition}${profile.next ? ' (next)' : ''}`
        : `not tried${profile.notTried ? `: ${profile.notTried}` : ''}`,
    ],
    ['source', `${source} · ${fitPath(shown(storePath), Math.max(12, pathRoom))}`],
    ['email', profile.email],
    ['name', profile.displayName],
    ['cooldown', profile.cooldownUntil !== null ? `until ${formatDateTime(profile.cooldownUntil)}` : null],
    [
      'disabled',
      profile.disabledUntil !== null
        ? `until ${formatDateTime(profile.disabledUntil)}${profile.disabledReason ? ` (${profile.disabledReason})` : ''}`
        : null,
    ],
    [
      'last used',
      stats?.lastUsed ? `${formatDateTime(stats.lastUsed)} (${formatRelative(stats.lastUsed, now)})` : null,
    ],
    ['errors', stats?.errorCount ? String(stats.errorCount) : null],
    [
      'probe',
      probe
        ? `${probe.result}${probe.latencyMs !== null ? ` in ${Math.round(probe.latencyMs)} ms` : ''}: ${probe.detail}`
        : null,
    ],
  ];
  return entries.flatMap(([label, value]) => (value ? [[label, label === 'source' ? value : shown(value)]] : []));
}

/** Everything known about one profile (Enter on the dashboard), in `height` lines at most. */
export function ProfileDetails(props: DetailsProps & { height?: number }) {
  const entries = detailEntries(props);
  const room = Math.max(0, (props.height ?? entries.length + 3) - 3);
  const fits = entries.length <= room;
  // A line says how many did not fit, when there is room for it and for one of them.
  const kept = fits ? entries : entries.slice(0, room >= 2 ? room - 1 : room);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold wrap="truncate">
        {shown(props.profile.id)}
      </Text>
      {kept.map(([label, value]) => (
        <Text key={label} wrap="truncate">
          <Text dimColor>{label.padEnd(LABEL)}</Text>
          {value}
        </Text>
      ))}
      {!fits && room >= 2 && (
        <Text dimColor wrap="truncate">
          … {entries.length - kept.length} more in a taller terminal
        </Text>
      )}
    </Box>
  );
}
