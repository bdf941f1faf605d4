import { Box, Text } from 'ink';
import { Link } from '../../components/Link.js';
import { shown } from '../../services/terminal-text.js';
import { useCountdown } from './use-countdown.js';

/** The code to type on the provider's page, large and spaced so it reads across a room. */
export function DeviceCodeView({
  label,
  userCode,
  url,
  expiresAt,
  copied,
}: {
  label: string;
  userCode: string;
  url: string;
  expiresAt: number;
  copied: boolean;
}) {
  const left = useCountdown(expiresAt);
  // The code comes from the provider's server: shown as text, whatever it holds.
  const code = shown(userCode, 40);
  return (
    <Box flexDirection="column">
      <Text>1. Open this page (on any device) and sign in to {label}:</Text>
      <Box marginY={1}>
        <Link url={url} color="cyan" />
      </Box>
      <Text>2. Enter this code there:</Text>
      <Box marginY={1} marginLeft={3} alignSelf="flex-start" borderStyle="double" borderColor="cyan" paddingX={2}>
        <Text bold>{[...code].join(' ')}</Text>
      </Box>
      {copied && <Text color="green">Code copied (where the terminal allows clipboard access).</Text>}
      <Text dimColor>(to copy by hand: {code})</Text>
      <Text>Waiting for you to approve it there… the code expires in {left}.</Text>
    </Box>
  );
}
