import { Box, Text } from 'ink';
import { lastTop, type PanelEntry, scrollLine, scrollWindow } from '../../components/scroll-window.js';
import { wrapText } from '../../components/text-layout.js';
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
  /** The terminal's width: a long value wraps under itself, a path after a `/`. */
  width: number;
}

const LABEL = 12;

/** A detail's label and its value's lines at the panel's width. */
interface DetailEntry extends PanelEntry {
  label: string;
}
/** The panel's border and padding. */
const FRAME = 4;

/**
 * The details, each label with its value (shown safely) as the lines it takes at `width`, the
 * empty ones left out. A value wraps under itself rather than lose its end at the border: the
 * store path whole (it breaks after a `/`, its file name kept whole), a probe's answer, a reason.
 */
export function detailEntries({ profile, stats, storePath, now, probe, width }: DetailsProps): DetailEntry[] {
  const source = {
    inherited: 'inherited from the main agent',
    shared: 'shared store (every agent)',
    local: 'this agent',
  }[profile.layer];
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
        ? `#${profile.orderPosition}${profile.next ? ' (next)' : profile.notTried ? ` · not tried: ${profile.notTried}` : ''}`
        : `not tried${profile.notTried ? `: ${profile.notTried}` : ''}`,
    ],
    ['source', `${source} · ${storePath}`],
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
        ? probe.result === 'not_probed'
          ? `not probed: ${probe.detail}`
          : `${probe.result}${probe.latencyMs !== null ? ` in ${Math.round(probe.latencyMs)} ms` : ''}: ${probe.detail}`
        : null,
    ],
  ];
  const room = Math.max(8, width - FRAME - LABEL);
  return entries.flatMap(([label, value]) => (value ? [{ label, lines: wrapText(shown(value), room) }] : []));
}

/** The lines the details take whole at `width`: the border, the profile's id and each value's lines. */
export function detailsPanelLines(props: DetailsProps): number {
  return panelLines(detailEntries(props));
}

function panelLines(entries: readonly DetailEntry[]): number {
  return entries.reduce((sum, { lines }) => sum + lines.length, 0) + 3;
}

/** The lines the details have for values in `height`: all but the border and the id, and a line for scrolling when they do not all fit. */
function valueRoom(entries: readonly DetailEntry[], height: number): number {
  return panelLines(entries) <= height ? height - 3 : height - 4;
}

/** The furthest the details scroll in `height` lines: their last values then fill the panel. */
export function detailsLastTop(props: DetailsProps, height: number): number {
  const entries = detailEntries(props);
  return lastTop(entries, valueRoom(entries, height));
}

/**
 * Everything known about one profile (Enter on the dashboard), in `height` lines at most: the
 * values from `top` that fit whole, and a line that says how many are above and below (↑/↓
 * scroll them).
 */
export function ProfileDetails(props: DetailsProps & { height?: number; top?: number }) {
  // Laid out once per frame: each value wrapped at the width.
  const entries = detailEntries(props);
  const height = props.height ?? panelLines(entries);
  const { shown: values, above, below } = scrollWindow(entries, props.top ?? 0, valueRoom(entries, height));
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold wrap="truncate">
        {shown(props.profile.id)}
      </Text>
      {values.flatMap(({ label, lines }) =>
        lines.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a value's lines are positional.
          <Text key={`${label}:${index}`} wrap="truncate">
            <Text dimColor>{(index === 0 ? label : '').padEnd(LABEL)}</Text>
            {line}
          </Text>
        )),
      )}
      {(above > 0 || below > 0) && height > 3 && (
        <Text dimColor wrap="truncate">
          {scrollLine(above, below, '↑/↓ scroll')}
        </Text>
      )}
    </Box>
  );
}
