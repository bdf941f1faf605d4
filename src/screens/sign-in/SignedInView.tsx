import { Box, Text } from 'ink';
import type { SignInResult } from '../../app-services.js';
import { DONE_KEYS } from '../../components/common-keys.js';
import { KeyHints } from '../../components/KeyHints.js';
import { useKeyTable } from '../../components/use-key-table.js';
import { useServices } from '../../contexts.js';
import { formatRelative } from '../../services/durations.js';
import { forTerminal } from '../../services/terminal-text.js';

/** Signed in and saved: which profile, where, and who renews the access token. */
export function SignedInView({ result: raw, onDone }: { result: SignInResult; onDone: () => void }) {
  const services = useServices();
  // The email, the id made from it and the paths: from a server and the disk, shown safely.
  const result = forTerminal(raw);
  const hints = useKeyTable(DONE_KEYS, undefined, { done: onDone });
  return (
    <Box flexDirection="column">
      <Text color="green">
        ✔ Signed in{result.email ? ` as ${result.email}` : ''}: {result.replaced ? 'replaced' : 'saved'}{' '}
        <Text bold>{result.profileId}</Text> ({result.kind})
      </Text>
      <Text> file {result.storePath}</Text>
      {result.expiresAt !== undefined && (
        <Text>
          {'   '}access token expires {formatRelative(result.expiresAt, services.now())}; the gateway renews it with the
          refresh token
        </Text>
      )}
      {result.config.changed && <Text> config recorded in {result.config.path}</Text>}
      {result.gatewayNote && (
        <Text dimColor={!result.gatewayNote.warning} color={result.gatewayNote.warning ? 'yellow' : undefined}>
          {' '}
          {result.gatewayNote.line}
        </Text>
      )}
      <KeyHints hints={hints} />
    </Box>
  );
}
