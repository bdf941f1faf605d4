import { Box, Text } from 'ink';
import { formatDateTime, formatRelative } from '../../services/durations.js';
import type { ProbeOutcome } from '../../services/probe/probe-runner.js';
import type { ProfileReport } from '../../services/status/report.js';
import type { UsageStats } from '../../services/store/documents.js';
import { shown } from '../../services/terminal-text.js';

/** Everything known about one profile (Enter on the dashboard). */
export function ProfileDetails({
  profile,
  stats,
  storePath,
  now,
  probe,
}: {
  profile: ProfileReport;
  stats?: UsageStats;
  storePath: string;
  now: number;
  probe?: ProbeOutcome | undefined;
}) {
  const line = (label: string, value: string | null | undefined) =>
    value ? (
      <Text wrap="truncate">
        <Text dimColor>{label.padEnd(12)}</Text>
        {shown(value)}
      </Text>
    ) : null;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold>{shown(profile.id)}</Text>
      {line('provider', profile.provider)}
      {line('type', profile.type)}
      {line('secret', profile.masked ?? (profile.secretRef ? `ref ${profile.secretRef}` : 'none'))}
      {line('status', profile.status)}
      {line(
        profile.expiresAt !== null && profile.expiresAt <= now ? 'expired' : 'expires',
        profile.expiresAt !== null
          ? `${formatDateTime(profile.expiresAt)} (${formatRelative(profile.expiresAt, now)})`
          : 'never',
      )}
      {line(
        'order',
        profile.orderPosition !== null
          ? `#${profile.orderPosition}${profile.next ? ' (next)' : ''}`
          : `not tried${profile.notTried ? `: ${profile.notTried}` : ''}`,
      )}
      {line(
        'source',
        `${{ inherited: 'inherited from the main agent', shared: 'shared store (every agent)', local: 'this agent' }[profile.layer]} · ${storePath}`,
      )}
      {line('email', profile.email)}
      {line('name', profile.displayName)}
      {line('cooldown', profile.cooldownUntil !== null ? `until ${formatDateTime(profile.cooldownUntil)}` : null)}
      {line(
        'disabled',
        profile.disabledUntil !== null
          ? `until ${formatDateTime(profile.disabledUntil)}${profile.disabledReason ? ` (${profile.disabledReason})` : ''}`
          : null,
      )}
      {line(
        'last used',
        stats?.lastUsed ? `${formatDateTime(stats.lastUsed)} (${formatRelative(stats.lastUsed, now)})` : null,
      )}
      {line('errors', stats?.errorCount ? String(stats.errorCount) : null)}
      {line(
        'probe',
        probe
          ? `${probe.result}${probe.latencyMs !== null ? ` in ${Math.round(probe.latencyMs)} ms` : ''}: ${probe.detail}`
          : null,
      )}
    </Box>
  );
}
