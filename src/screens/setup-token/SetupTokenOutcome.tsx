import { Box, Text } from 'ink';
import { DONE_KEYS } from '../../components/common-keys.js';
import { KeyHints } from '../../components/KeyHints.js';
import type { KeyTable } from '../../components/key-table.js';
import { Paragraph } from '../../components/Paragraph.js';
import { SetupLines, savedConfigParts, useProviderSetup } from '../../components/SetupLines.js';
import { useKeyTable } from '../../components/use-key-table.js';
import { useServices } from '../../contexts.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import type { SavedCredential } from '../../services/actions.js';
import { formatExpiryDate, formatRelative } from '../../services/durations.js';
import { authdeckCommand } from '../../services/invocation.js';
import { maskSecret } from '../../services/profiles/credentials.js';
import { alsoListedLine, orderJoinedLine, sameSecretNote, savedVerb } from '../../services/profiles/save-words.js';
import type { ProviderSetUp } from '../../services/providers/provider-setup.js';
import { forTerminal, shown } from '../../services/terminal-text.js';

/** The token is saved: what went where, and what to run next. */
function SavedView({
  result: raw,
  token,
  now,
  onDone,
  onMakeDefault,
}: {
  result: SavedCredential;
  token: string;
  now: number;
  onDone: () => void;
  onMakeDefault?: () => Promise<ProviderSetUp>;
}) {
  const services = useServices();
  const hints = useKeyTable(DONE_KEYS, undefined, { done: onDone });
  const setupView = useProviderSetup(raw, onMakeDefault);
  const { columns } = useTerminalSize();
  const result = forTerminal(raw);
  // openclaw.json once: the profile's entry and what the setup wrote beside it.
  const configParts = savedConfigParts(raw, setupView.setup);
  return (
    <Box flexDirection="column">
      <Text color="green">
        ✔ {savedVerb(result)} <Text bold>{result.profileId}</Text> (token {maskSecret(token)})
      </Text>
      {/* Indented by their box: a line that wraps goes on under its own start. */}
      <Box paddingLeft={1} flexDirection="column">
        {/* Broken after a path's slashes, never inside a name (the box takes a column). */}
        <Paragraph text={`file ${result.storePath}`} width={columns - 1} />
        {result.expiresAt !== undefined && (
          <Box paddingLeft={2}>
            <Text>
              expires {formatExpiryDate(result.expiresAt, now)} ({formatRelative(result.expiresAt, now)})
            </Text>
          </Box>
        )}
        {configParts.length > 0 && (
          <Paragraph text={`config ${result.config.path} (${configParts.join('; ')})`} width={columns - 1} />
        )}
        {result.config.backupPath && (
          <Text color="yellow">
            {result.config.path} was rewritten as JSON; the original is in {result.config.backupPath}
          </Text>
        )}
        {result.orderAppendedIn.map((path) => (
          <Text key={path}>{orderJoinedLine('anthropic', path)}</Text>
        ))}
        {result.config.alsoListed && <Text>{alsoListedLine(result.config.alsoListed)}</Text>}
        {result.orderNote && <Text color="yellow">! {result.orderNote}</Text>}
        {/* As paste-token and the wizard say it: one token under two ids is one quota, one fate. */}
        {result.sameSecretAs && <Text color="yellow">! {sameSecretNote(result.sameSecretAs, result.profileId)}</Text>}
      </Box>
      <SetupLines view={setupView} listedAt={raw.config.path} />
      {result.gatewayNote && (
        <Box paddingLeft={1}>
          <Text dimColor={!result.gatewayNote.warning} color={result.gatewayNote.warning ? 'yellow' : undefined}>
            {result.gatewayNote.line}
          </Text>
        </Box>
      )}
      <Text dimColor>Next: `{authdeckCommand('status', services.workspace.env)}` shows it.</Text>
      <KeyHints hints={[...hints, ...setupView.hints]} />
    </Box>
  );
}

const FAILURE_KEYS: KeyTable<'retry' | 'done', { canRetry: boolean; enterDoes: string }> = [
  { action: 'retry', keys: ['r'], label: 'r', hint: 'retry', when: ({ canRetry }) => canRetry },
  { action: 'done', keys: ['return', 'escape'], label: 'enter', hint: ({ enterDoes }) => enterDoes },
];

/** Something ended the flow without a saved token; the message says what and what to do. */
function FailureView({
  title,
  detail,
  hints,
  onDone,
  onRetry,
  enterDoes = 'close',
}: {
  title: string;
  detail?: string;
  hints?: string;
  onDone: () => void;
  onRetry?: () => void;
  /** What onDone does, for the hint bar: "back" when it returns to the step that opened this. */
  enterDoes?: 'close' | 'back';
}) {
  const keys = useKeyTable(
    FAILURE_KEYS,
    { canRetry: onRetry !== undefined, enterDoes },
    {
      retry: () => onRetry?.(),
      done: onDone,
    },
  );
  return (
    <Box flexDirection="column">
      <Paragraph color="red" text={`✘ ${shown(title)}`} />
      {detail && <Paragraph text={shown(detail)} />}
      {hints && <Paragraph dim text={hints} />}
      <KeyHints hints={keys} />
    </Box>
  );
}

export const SetupTokenOutcome = { Saved: SavedView, Failure: FailureView };
