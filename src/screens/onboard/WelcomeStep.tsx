import { Box, Text } from 'ink';
import { KeyHints } from '../../components/KeyHints.js';
import type { KeyTable } from '../../components/key-table.js';
import { headerLines, packHints, wrapText } from '../../components/text-layout.js';
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
  const { columns, rows } = useTerminalSize();
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
  const facts: Array<[label: string, value: string]> = [
    ['state dir', workspace.stateDir],
    ['agent', `${workspace.agentId} (${workspace.agentDir})`],
    ...(store
      ? [['writes for', describeStore(store)] as [string, string], ['because', store.evidence] as [string, string]]
      : []),
    [
      'profiles',
      profiles.length === 0
        ? 'none yet'
        : `${profiles.length}: ${profiles
            .slice(0, 4)
            .map((p) => p.view.id)
            .join(', ')}${profiles.length > 4 ? ', …' : ''}`,
    ],
    [
      'env keys',
      env.length === 0
        ? 'none'
        : env.map((entry) => `${entry.variable} (${entry.origin === 'process' ? 'environment' : '.env'})`).join(', '),
    ],
    ['claude', claude],
  ];
  const welcome = wrapText(WELCOME, columns);
  // In a short terminal the facts give way, least needed first, so that the header and the
  // welcome stay on screen (they scrolled away at 60×14). Around them: the header and its blank
  // line, the welcome, the blank above the facts, the blank above the hints and the hints.
  const around =
    headerLines('onboard', shown(workspace.agentId), columns).length +
    1 +
    welcome.length +
    1 +
    1 +
    packHints(hints, columns).length +
    (agent.error ? 1 : 0);
  const shownFacts = fitFacts(facts, columns, Math.max(1, rows - 1 - around));
  return (
    <Box flexDirection="column">
      {welcome.map((line) => (
        <Text key={line} bold>
          {line}
        </Text>
      ))}
      <Box flexDirection="column" marginTop={1}>
        {shownFacts.map(([label, lines]) =>
          lines.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a value's lines are positional.
            <Text key={`${label}:${index}`} wrap="truncate">
              <Text dimColor>{(index === 0 ? label : '').padEnd(WELCOME_LABEL)}</Text>
              {line}
            </Text>
          )),
        )}
      </Box>
      {agent.error && <Text color="red">! {shown(agent.error)}</Text>}
      <KeyHints hints={hints} />
    </Box>
  );
}

/** Least needed first: what gives way when the facts do not fit. */
const GIVES_WAY = ['because', 'env keys', 'claude', 'state dir', 'profiles', 'agent'];

/** The facts laid out at `columns`, dropping whole ones (least needed first) until they fit `room` lines. */
function fitFacts(facts: ReadonlyArray<[string, string]>, columns: number, room: number): Array<[string, string[]]> {
  let laid = facts.map(([label, value]): [string, string[]] => [label, welcomeRow(shown(value), columns)]);
  const size = () => laid.reduce((sum, [, lines]) => sum + lines.length, 0);
  for (const label of GIVES_WAY) {
    if (size() <= room) break;
    laid = laid.filter(([name]) => name !== label);
  }
  return laid;
}
