import { Box, Text } from 'ink';
import type { AgentStore } from '../services/store/agent-store.js';
import { Spinner } from './Spinner.js';

/**
 * "Saving…", and why it may take a while when OpenClaw has to create the store first — on a line
 * of its own under the spinner, so that neither wraps beside the other in a narrow terminal.
 */
export function SavingSpinner({ store, what }: { store: AgentStore | undefined; what?: string }) {
  const saving = what ? `Saving ${what}…` : 'Saving…';
  if (!store?.saveRunsOpenclaw) return <Spinner label={saving} />;
  return (
    <Box flexDirection="column">
      <Spinner label={saving} />
      <Box paddingLeft={2}>
        <Text dimColor>The store does not exist yet, so OpenClaw creates it (this runs OpenClaw: up to a minute).</Text>
      </Box>
    </Box>
  );
}
