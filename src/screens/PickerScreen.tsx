import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { Header } from '../components/Header.js';
import { KeyHints } from '../components/KeyHints.js';
import { SelectList, type SelectItem } from '../components/select-list/SelectList.js';
import { useNavigation, useServices } from '../contexts.js';
import { useAgentState } from '../hooks/use-agent-state.js';
import { formatRelative } from '../services/durations.js';
import { errorMessage, ExitCode } from '../services/errors.js';
import { isUsableStatus } from '../services/health.js';
import { buildStatusReport, compareByOrderPosition } from '../services/status-report.js';
import { orderBase } from './dashboard/reorder.js';
import { useKeys } from '../components/key-router.js';

/**
 * `authdeck pick`: which profile a provider uses first for this agent. Enter writes the agent's
 * order override (the chosen one first, the others after it as they were).
 */
export function PickerScreen({ provider: presetProvider, print }: { provider?: string; print?: boolean }) {
  const services = useServices();
  const navigation = useNavigation();
  const { state, error } = useAgentState();
  const [provider, setProvider] = useState(presetProvider);
  const [saving, setSaving] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [now] = useState(() => services.now());
  const report = useMemo(() => (state ? buildStatusReport(state, { nowMs: now, warnWithinMs: services.warnWithinMs }) : undefined), [state, now, services.warnWithinMs]);

  useKeys((_input, key) => {
    if (!key.escape) return;
    if (provider && !presetProvider) setProvider(undefined);
    else navigation.exit({ exitCode: ExitCode.cancelled });
  });

  const pick = (id: string) => {
    if (!report || !state || !provider) return;
    const order = [id, ...orderBase(report, state, provider).filter((other) => other !== id)];
    setSaving(id);
    services.setOrder(provider, order).then(
      () => navigation.exit({ exitCode: ExitCode.ok, ...(print ? { print: id } : {}) }),
      (reason: unknown) => {
        setSaving(undefined);
        setFailure(errorMessage(reason));
      },
    );
  };

  let body;
  if (!report) {
    body = <Text dimColor>{error ?? 'Reading the store…'}</Text>;
  } else if (!provider) {
    const providers = report.providers.filter((entry) => report.profiles.some((profile) => profile.provider === entry.provider));
    body = (
      <Box flexDirection="column">
        <Text>Which provider?</Text>
        <SelectList
          items={providers.map((entry) => ({ value: entry.provider, label: entry.provider, hint: `${report.profiles.filter((p) => p.provider === entry.provider).length} profiles · next ${entry.next ?? 'none'}` }))}
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
        profile.expiresAt !== null ? `expires ${formatRelative(profile.expiresAt, now)}` : '',
        profile.next ? '← next now' : '',
        profile.source === 'inherited' ? '(main agent)' : '',
      ].filter(Boolean).join(' · '),
      disabled: !isUsableStatus(profile.status),
    }));
    body = (
      <Box flexDirection="column">
        <Text>Which {provider} profile should agent {services.workspace.agentId} use first?</Text>
        <SelectList items={items} initialIndex={Math.max(0, profiles.findIndex((profile) => profile.next))} onSelect={pick} isActive={saving === undefined} emptyText={`No ${provider} profiles for this agent.`} />
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <Header title={`pick${provider ? ` · ${provider}` : ''}`} />
      {body}
      {saving && <Text dimColor>Writing the order…</Text>}
      {failure && <Text color="red">{failure}</Text>}
      <KeyHints hints={[['↑↓', 'move'], ['enter', 'use first'], ['esc', provider && !presetProvider ? 'back' : 'cancel']]} />
    </Box>
  );
}
