import { Box, Text } from 'ink';
import { KeyHints } from '../../components/KeyHints.js';
import { formatDate } from '../../services/durations.js';
import type { OnboardResult } from './onboard-flow.js';
import { useKeys } from '../../components/key-router.js';

/** Every file written, with its path, and what to run next. */
export function SummaryStep({ result, onDone }: { result: OnboardResult; onDone: () => void }) {
  useKeys((_input, key) => {
    if (key.return || key.escape) onDone();
  });
  const { saved } = result;
  const env = saved.env;
  return (
    <Box flexDirection="column">
      <Text color="green">
        ✔ {saved.replaced ? 'Replaced' : 'Saved'} <Text bold>{saved.profileId}</Text>
      </Text>
      <Text bold>Written:</Text>
      <Text>
        {' '}
        • {saved.storePath} (the profile{saved.layer === 'shared' ? ', shared store' : ''}
        {saved.expiresAt !== undefined
          ? `, expires ${formatDate(saved.expiresAt)}${saved.expiryAssumed ? ', assumed one year' : ''}`
          : ''}
        )
      </Text>
      {saved.config.changed && (
        <Text>
          {' '}
          • {saved.config.path} ({saved.config.created ? 'created, ' : ''}auth.profiles entry)
        </Text>
      )}
      {saved.config.backupPath && (
        <Text color="yellow">
          {' '}
          • {saved.config.backupPath} (the config as it was: it used JSON5-only syntax and was rewritten as JSON)
        </Text>
      )}
      {env && (
        <Text>
          {' '}
          • {env.path} ({env.variable}
          {env.changed ? '' : ', unchanged'})
        </Text>
      )}
      {saved.createdWith && (
        <Text dimColor> The store did not exist yet: OpenClaw created it (`{saved.createdWith}`).</Text>
      )}
      {saved.gateway && (
        <Text color={saved.gateway.warning ? 'yellow' : undefined} dimColor={!saved.gateway.warning}>
          {' '}
          {saved.gateway.line}
        </Text>
      )}
      <Text bold>Next:</Text>
      <Text> • authdeck status see it with the others</Text>
      <Text> • authdeck dashboard the live view</Text>
      {env && (
        <Text>
          {' '}
          • restart the gateway so it reads .env (`openclaw gateway restart`, or its systemd/launchd service)
        </Text>
      )}
      <KeyHints hints={[['enter', 'done']]} />
    </Box>
  );
}
