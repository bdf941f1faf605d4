import { Box, Text } from 'ink';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { Header } from '../components/Header.js';
import { KeyHints } from '../components/KeyHints.js';
import { useHoldRestOfKeys } from '../components/key-router.js';
import type { KeyTable } from '../components/key-table.js';
import { Paragraph } from '../components/Paragraph.js';
import { type SelectItem, SelectList } from '../components/select-list/SelectList.js';
import { useKeyTable } from '../components/use-key-table.js';
import { useNavigation, useServices } from '../contexts.js';
import { useAgentState } from '../hooks/use-agent-state.js';
import { usePluginNotes } from '../hooks/use-plugin-notes.js';
import type { TuiResult } from '../navigation.js';
import { describeExpiry } from '../services/durations.js';
import { ExitCode, errorMessage } from '../services/errors.js';
import { orderWithFirst } from '../services/profiles/order-edit.js';
import { isUsableStatus } from '../services/status/health.js';
import { buildStatusReport, compareByOrderPosition } from '../services/status/report.js';
import { markUnserved, unservedLine } from '../services/status/unserved.js';
import { countOf, waitingWords } from '../services/status/words.js';
import { shown } from '../services/terminal-text.js';

interface PickerKeyContext {
  /** A provider is chosen: the list is its profiles. */
  provider: boolean;
  /** It was given (`--provider`): Esc leaves rather than going back to the providers. */
  preset: boolean;
  /** Rows in the list: with one, there is nowhere to move. */
  listed: number;
}

// The arrows and Enter are the list's.
const KEYS: KeyTable<'move' | 'choose' | 'leave', PickerKeyContext> = [
  { action: 'move', keys: ['up', 'down'], label: '↑↓', hint: 'move', hintWhen: ({ listed }) => listed > 1 },
  { action: 'choose', keys: ['return'], label: 'enter', hint: ({ provider }) => (provider ? 'use first' : 'choose') },
  {
    action: 'leave',
    keys: ['escape'],
    label: 'esc',
    hint: ({ provider, preset }) => (provider && !preset ? 'back' : 'cancel'),
  },
];

/**
 * `authdeck pick`: which profile a provider uses first for this agent. Enter writes the agent's
 * order override (the chosen one first, the others after it as they were).
 */
export function PickerScreen({ provider: presetProvider, print }: { provider?: string; print?: boolean }) {
  const services = useServices();
  const navigation = useNavigation();
  const { state, error } = useAgentState();
  const [provider, setProviderNow] = useState(presetProvider);
  const holdRestOfKeys = useHoldRestOfKeys();
  // Read by keys that arrive before the re-render: Enter twice must not write twice.
  const providerRef = useRef(presetProvider);
  const picked = useRef(false);
  const setProvider = (next: string | undefined) => {
    providerRef.current = next;
    setProviderNow(next);
    holdRestOfKeys();
  };
  const [saving, setSaving] = useState<string>();
  const [failure, setFailure] = useState<string>();
  // The frame the picker leaves on the terminal: what was chosen and what happened, not the list.
  const [done, setDone] = useState<{ id: string; line: string; note?: string; result: TuiResult }>();
  const exited = useRef(false);
  useEffect(() => {
    if (!done || exited.current) return;
    exited.current = true;
    navigation.exit(done.result);
  }, [done, navigation]);
  const [now] = useState(() => services.now());
  const built = useMemo(
    () => (state ? buildStatusReport(state, { nowMs: now, warnWithinMs: services.warnWithinMs }) : undefined),
    [state, now, services.warnWithinMs],
  );
  // A provider whose plugin keeps the gateway from it has no profile next, as the dashboard says.
  const notTried = usePluginNotes(state, built).notTried ?? NONE_UNSERVED;
  const report = useMemo(() => built && markUnserved(built, notTried), [built, notTried]);

  const hints = useKeyTable(
    KEYS,
    {
      provider: provider !== undefined,
      preset: presetProvider !== undefined,
      listed: !report
        ? 0
        : provider
          ? report.profiles.filter((profile) => profile.provider === provider).length
          : new Set(report.profiles.map((profile) => profile.provider)).size,
    },
    {
      // From the ref: a key that arrives before the re-render sees the provider just chosen.
      leave: () => {
        if (providerRef.current && !presetProvider) setProvider(undefined);
        else navigation.exit({ exitCode: ExitCode.cancelled });
      },
    },
  );

  const pick = (id: string) => {
    const chosenProvider = providerRef.current;
    if (!report || !state || !chosenProvider || picked.current) return;
    picked.current = true;
    // Already first: an override would change nothing now, and would freeze the order later
    // (a profile added afterwards would never be tried), so nothing is written.
    const result: TuiResult = { exitCode: ExitCode.ok, ...(print ? { print: id } : {}) };
    // First in the order, whether or not it waits out a cooldown now (then none is next).
    if (report.providers.find((entry) => entry.provider === chosenProvider)?.order[0] === id) {
      setDone({ id, line: `${id} already goes first; nothing written`, result });
      return;
    }
    const order = orderWithFirst(report, state, chosenProvider, id);
    // First in the order, but the gateway waits out its cooldown: said, with how long.
    const chosen = report.profiles.find((profile) => profile.id === id);
    const waiting = chosen && waitingWords(chosen, now);
    setSaving(id);
    services.setOrder(chosenProvider, order).then(
      (written) =>
        setDone({
          id,
          line: `${id} goes first for ${chosenProvider} (agent ${services.workspace.agentId})${waiting ? `; for now it waits (${waiting}), and the next in the order serves` : ''}`,
          ...(written.gatewayNote ? { note: written.gatewayNote.line } : {}),
          result,
        }),
      (reason: unknown) => {
        picked.current = false;
        setSaving(undefined);
        setFailure(errorMessage(reason));
      },
    );
  };

  let body: ReactNode;
  if (done) {
    body = (
      <Box flexDirection="column">
        <Paragraph color="green" text={`✔ ${shown(done.line)}`} />
        {done.note && <Paragraph dim text={shown(done.note)} />}
      </Box>
    );
  } else if (!report) {
    body = <Text dimColor>{error ? shown(error) : 'Reading the store…'}</Text>;
  } else if (!provider) {
    const providers = report.providers.filter((entry) =>
      report.profiles.some((profile) => profile.provider === entry.provider),
    );
    body = (
      <Box flexDirection="column">
        <Text>Which provider?</Text>
        <SelectList
          letterKeys
          key="providers"
          items={providers.map((entry) => ({
            value: entry.provider,
            label: entry.provider,
            hint: `${countOf(report.profiles.filter((p) => p.provider === entry.provider).length, 'profile')} · next ${entry.next ?? 'none'}`,
          }))}
          onSelect={setProvider}
          emptyText="No profiles yet: add one with `authdeck onboard`."
        />
      </Box>
    );
  } else {
    const profiles = report.profiles.filter((profile) => profile.provider === provider).sort(compareByOrderPosition);
    const items: SelectItem<string>[] = profiles.map((profile) => ({
      value: profile.id,
      label: profile.id,
      hint: [
        profile.type,
        profile.status,
        profile.expiresAt !== null ? describeExpiry(profile.expiresAt, now) : '',
        waitingWords(profile, now) ?? '',
        profile.next ? '← next now' : '',
        profile.notTried ? 'not tried now' : '',
        profile.source === 'inherited' ? '(main agent)' : '',
      ]
        .filter(Boolean)
        .join(' · '),
      ...(isUsableStatus(profile.status)
        ? {}
        : {
            disabled: { why: `${profile.id} is ${profile.status}: the gateway would skip it, so it cannot go first` },
          }),
    }));
    body = (
      <Box flexDirection="column">
        <Text>
          Which {provider} profile should agent {shown(services.workspace.agentId)} use first?
        </Text>
        {Object.hasOwn(notTried, provider) && (
          <Text color="yellow">! {shown(unservedLine(notTried[provider] ?? ''))}</Text>
        )}
        <SelectList
          letterKeys
          key={provider}
          items={items}
          initialIndex={Math.max(
            0,
            profiles.findIndex((profile) => profile.next),
          )}
          onSelect={pick}
          isActive={saving === undefined}
          emptyText={`No ${provider} profiles for this agent.`}
        />
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <Header title={`pick${provider ? ` · ${provider}` : ''}`} />
      {body}
      {saving && !done && (
        <Text dimColor>
          Writing the order, then asking a running gateway to reload it (this runs OpenClaw: it can take a while)…
        </Text>
      )}
      {failure && <Text color="red">{shown(failure)}</Text>}
      {!done && <KeyHints hints={hints} />}
    </Box>
  );
}

const NONE_UNSERVED: Readonly<Record<string, string>> = {};
