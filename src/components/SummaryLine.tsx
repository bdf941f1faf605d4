import { Text } from 'ink';
import { type StatusReport, summaryParts } from '../services/status-report.js';

/** The counts line, in the same words as `status` and `status --json`. */
export function SummaryLine({ report }: { report: StatusReport }) {
  const parts = summaryParts(report);
  return (
    <Text wrap="truncate">
      {parts.map((part, index) => (
        <Text key={part.text}>
          {index > 0 && <Text dimColor> · </Text>}
          <Text color={part.color} dimColor={part.color === undefined}>
            {part.text}
          </Text>
        </Text>
      ))}
    </Text>
  );
}
