import { Box, Text } from 'ink';
import { useMemo, useRef, useState } from 'react';
import { Header } from '../components/Header.js';
import { KeyHints } from '../components/KeyHints.js';
import { useHoldRestOfKeys } from '../components/key-router.js';
import type { KeyTable } from '../components/key-table.js';
import { SelectList, selectHints } from '../components/select-list/SelectList.js';
import { useKeyTable } from '../components/use-key-table.js';
import { useNavigation, useServices } from '../contexts.js';
import { useAgentState } from '../hooks/use-agent-state.js';
import { ExitCode, errorMessage } from '../services/errors.js';
import { removedMentionsLine } from '../services/profiles/config-references.js';
import { removalWarning } from '../services/status/removal-warning.js';
import { buildStatusReport, compareByOrderPosition, type ProfileReport } from '../services/status/report.js';
import { shown } from '../services/terminal-text.js';

// The list's own keys come first in its hint bar (selectHints); Esc leaves while none is chosen.
const LIST_KEYS: KeyTable<'cancel', { chosen: boolean }> = [
  { action: 'cancel', keys: ['escape'], label: 'esc', hint: 'cancel', when: ({ chosen }) => !chosen },
];

const CONFIRM_KEYS: KeyTable<'remove' | 'keep', undefined> = [
  { action: 'remove', keys: ['y'], label: 'y', hint: 'remove' },
  { action: 'keep', keys: ['any'], label: 'any other key', hint: 'keep' },
];

/**
 * `authdeck logout` in a terminal: choose the profile to remove, confirm with y. Profiles the
 * main agent owns are shown but cannot be chosen from another agent.
 */
export function LogoutScreen() {
  const services = useServices();
  const navigation = useNavigation();
  const { state, error } = useAgentState();
  const [chosen, setChosenNow] = useState<ProfileReport>();
  const chosenRef = useRef<ProfileReport>(undefined);
  const [failure, setFailure] = useState<string>();
  // The list opens again on the profile last chosen (kept, or failed to remove), not at the top.
  const [lastChosen, setLastChosen] = useState<string>();
  const holdRestOfKeys = useHoldRestOfKeys();
  const report = useMemo(
    () =>
      state ? buildStatusReport(state, { nowMs: services.now(), warnWithinMs: services.warnWithinMs }) : undefined,
    [state, services],
  );
  const choose = (next: ProfileReport | undefined) => {
    if (next) setLastChosen(next.id);
    chosenRef.current = next;
    setChosenNow(next);
    // The question's keys are the ones typed after this one.
    holdRestOfKeys();
  };
  const hints = useKeyTable(
    LIST_KEYS,
    { chosen: chosen !== undefined },
    { cancel: () => navigation.exit({ exitCode: ExitCode.cancelled }) },
    { current: () => ({ chosen: chosenRef.current !== undefined }) },
  );
  const remove = (profile: ProfileReport) =>
    services.removeProfile(profile.id).then(
      (removed) => {
        // What `authdeck remove` says too: the config's entries that went with it, the gateway.
        const { config } = removed;
        const lines = [
          `✔ Removed ${removed.profileId} from ${removed.storePath}`,
          ...(config.status === 'removed' ? [removedMentionsLine(config)] : []),
          ...(removed.gatewayNote ? [`  ${removed.gatewayNote.line}`] : []),
        ];
        navigation.exit({ exitCode: ExitCode.ok, print: lines.join('\n') });
      },
      (reason: unknown) => {
        choose(undefined);
        setFailure(errorMessage(reason));
      },
    );
  const profiles = report
    ? [...report.profiles].sort((a, b) => a.provider.localeCompare(b.provider) || compareByOrderPosition(a, b))
    : [];
  return (
    <Box flexDirection="column">
      <Header title="logout" />
      {!report && <Text dimColor>{error ? shown(error) : 'Reading the store…'}</Text>}
      {report && !chosen && (
        <Box flexDirection="column">
          <Text>Which profile should agent {shown(services.workspace.agentId)} sign out of (remove)?</Text>
          <SelectList
            letterKeys
            initialIndex={Math.max(
              0,
              profiles.findIndex((profile) => profile.id === lastChosen),
            )}
            items={profiles.map((profile) => ({
              value: profile.id,
              label: profile.id,
              hint: `${profile.type} · ${profile.masked ?? 'no secret'} · ${profile.status}${profile.source === 'inherited' ? ' · main agent: remove it there' : ''}`,
              ...(profile.source === 'inherited'
                ? { disabled: { why: `${profile.id} is the main agent's: remove it there (--agent main)` } }
                : {}),
            }))}
            onSelect={(id) => choose(profiles.find((profile) => profile.id === id))}
            emptyText="No profiles to remove."
          />
        </Box>
      )}
      {chosen && (
        <ConfirmRemove
          profile={chosen}
          breaks={state && report ? removalWarning(state, report, chosen.id) : undefined}
          onYes={() => void remove(chosen)}
          onNo={() => choose(undefined)}
        />
      )}
      {failure && <Text color="red">{shown(failure)}</Text>}
      {!chosen && <KeyHints hints={[...selectHints(profiles.length), ...hints]} />}
    </Box>
  );
}

/** Mounted once a profile is chosen, so the Enter that chose it is not taken as the answer. */
function ConfirmRemove({
  profile,
  breaks,
  onYes,
  onNo,
}: {
  profile: ProfileReport;
  /** What its removal breaks (removalWarning), said first. */
  breaks: string | undefined;
  onYes: () => void;
  onNo: () => void;
}) {
  const answered = useRef(false);
  const once = (answer: () => void) => () => {
    if (answered.current) return;
    answered.current = true;
    answer();
  };
  const hints = useKeyTable(CONFIRM_KEYS, undefined, { remove: once(onYes), keep: once(onNo) });
  return (
    <Box flexDirection="column">
      <Text color="yellow">
        {breaks && <Text color="red">! {breaks}. </Text>}
        Remove {shown(profile.id)}
        {profile.layer === 'shared' ? ' from the shared store (every agent loses it)' : ''}? <Text bold>y</Text> yes,
        any other key no
      </Text>
      <KeyHints hints={hints} />
    </Box>
  );
}
