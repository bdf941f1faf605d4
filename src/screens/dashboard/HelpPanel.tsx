import { Box, Text } from 'ink';

export const DASHBOARD_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['↑/↓ j/k', 'move (PgUp/PgDn a page)'],
  ['enter', 'details of the profile'],
  ['a', 'add a credential (onboarding wizard)'],
  ['s', 'run claude setup-token (into the selected Anthropic token profile)'],
  ['d', 'remove the profile (asks first)'],
  ['K / J', "move up / down in the provider's order (writes the agent's override)"],
  ['c', 'clear a cooldown or disabled window'],
  ['r', "refresh an OAuth sign-in now (under the gateway's refresh lock)"],
  ['p', 'probe every API key live (free model-list calls; writes nothing)'],
  ['/', 'filter by id, provider or variable'],
  ['A', 'switch agent'],
  ['D', 'doctor: what keeps the gateway from working (f applies the safe fixes)'],
  ['?', 'this help'],
  ['q', 'quit'],
];

export function HelpPanel() {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="gray" paddingX={1}>
      <Text bold>Keys</Text>
      {DASHBOARD_KEYS.map(([key, action]) => (
        <Text key={key} wrap="truncate">
          <Text bold>{key.padEnd(10)}</Text>
          {action}
        </Text>
      ))}
      <Text dimColor>Any key closes this help.</Text>
    </Box>
  );
}
