import { Box, Text } from 'ink';
import { KeyHints } from '../../components/KeyHints.js';
import type { KeyTable } from '../../components/key-table.js';
import { wrapText } from '../../components/text-layout.js';
import { useKeyTable } from '../../components/use-key-table.js';
import { useNavigation, useServices } from '../../contexts.js';
import type { AgentStateView } from '../../hooks/use-agent-state.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { listAgentProfiles, listEnvCredentials } from '../../services/profiles/agent-state.js';
import { describeStore, storeReport } from '../../services/store/report.js';
import { shown } from '../../services/terminal-text.js';
import { useClaudePath } from './use-claude-path.js';
import { WELCOME, WELCOME_LABEL, welcomeRow } from './welcome-lines.js';

// Esc is the wizard's: at this first step it leaves (back to the dashboard when that opened the
// wizard). A printable key starts too, and is the next question's first key.
const KEYS: KeyTable<'start' | 'leave' | 'type-ahead', { canGoBack: boolean }> = [
  { action: 'start', keys: ['return'], label: 'enter', hint: 'start' },
  { action: 'leave', keys: ['escape'], label: 'esc', hint: ({ canGoBack }) => (canGoBack ? 'back' : 'quit') },
  { action: 'type-ahead', keys: ['any'], label: '…' },
];

/** What authdeck found before anything is asked: where, which agent, what exists, claude. */
export function WelcomeStep({
  agent,
  onContinue,
}: {
  agent: AgentStateView;
  /** `typed`: a printable key that moved on; it belongs to the next question. */
  onContinue: (typed?: string) => void;
}) {
  const services = useServices();
  const { canGoBack } = useNavigation();
  const { workspace } = services;
  const { columns } = useTerminalSize();
  const hints = useKeyTable(
    KEYS,
    { canGoBack },
    {
      start: () => onContinue(),
      'type-ahead': (input, key) => {
        if (input !== '' && !key.ctrl && !key.meta && !key.tab && /^\P{C}+$/u.test(input)) onContinue(input);
      },
    },
  );
  const claudePath = useClaudePath();
  const claude = claudePath ? `found at ${claudePath}` : 'not found (the setup-token method needs Claude Code)';
  const profiles = agent.state ? listAgentProfiles(agent.state) : [];
  // Which OpenClaw the saves are written for, and why: a wrong guess here is a gateway that refuses to start.
  const store = agent.state ? storeReport(agent.state) : undefined;
  const env = agent.state ? listEnvCredentials(agent.state) : [];
  const row = (label: string, value: string) =>
    welcomeRow(shown(value), columns).map((line, index) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: a value's lines are positional.
      <Text key={`${label}:${index}`} wrap="truncate">
        <Text dimColor>{(index === 0 ? label : '').padEnd(WELCOME_LABEL)}</Text>
        {line}
      </Text>
    ));
  return (
    <Box flexDirection="column">
      {wrapText(WELCOME, columns).map((line) => (
        <Text key={line} bold>
          {line}
        </Text>
      ))}
      <Box flexDirection="column" marginTop={1}>
        {row('state dir', workspace.stateDir)}
        {row('agent', `${workspace.agentId} (${workspace.agentDir})`)}
        {store && row('writes for', describeStore(store))}
        {store && row('because', store.evidence)}
        {row(
          'profiles',
          profiles.length === 0
            ? 'none yet'
            : `${profiles.length}: ${profiles
                .slice(0, 4)
                .map((p) => p.view.id)
                .join(', ')}${profiles.length > 4 ? ', …' : ''}`,
        )}
        {row(
          'env keys',
          env.length === 0
            ? 'none'
            : env
                .map((entry) => `${entry.variable} (${entry.origin === 'process' ? 'environment' : '.env'})`)
                .join(', '),
        )}
        {row('claude', claude)}
      </Box>
      {agent.error && <Text color="red">! {shown(agent.error)}</Text>}
      <KeyHints hints={hints} />
    </Box>
  );
}
