import { Text } from 'ink';
import type { StatusReport } from '../services/status-report.js';

/** n ok · n expiring · n expired · n missing (and the rarer counts when there are any). */
export function SummaryLine({ report }: { report: StatusReport }) {
  const { summary } = report;
  const missing = summary.missing + report.missingProviders.length;
  return (
    <Text wrap="truncate">
      <Text color="green">{summary.ok + summary.static} ok</Text>
      <Text dimColor> · </Text>
      <Text color="yellow">{summary.expiring} expiring</Text>
      <Text dimColor> · </Text>
      <Text color="red">{summary.expired} expired</Text>
      <Text dimColor> · </Text>
      <Text color="red">{missing} missing</Text>
      {summary.refreshable > 0 && <Text color="cyan"> · {summary.refreshable} refreshable</Text>}
      {summary.cooldown > 0 && <Text color="yellow"> · {summary.cooldown} in cooldown</Text>}
      {summary.disabled > 0 && <Text color="red"> · {summary.disabled} disabled</Text>}
      {summary.unknown > 0 && <Text color="magenta"> · {summary.unknown} unknown type</Text>}
    </Text>
  );
}
