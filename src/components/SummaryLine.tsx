import { Text } from 'ink';
import type { StatusReport } from '../services/status/report.js';
import { summaryParts } from '../services/status/words.js';

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
