import { Box, Text } from 'ink';

export type KeyHint = readonly [key: string, action: string];

/** The keys a screen takes, always on its last line. */
export function KeyHints({ hints }: { hints: readonly KeyHint[] }) {
  return (
    <Box marginTop={1} flexWrap="wrap" columnGap={2}>
      {hints.map(([key, action]) => (
        <Text key={key + action}>
          <Text bold>{key}</Text>
          <Text dimColor> {action}</Text>
        </Text>
      ))}
    </Box>
  );
}
