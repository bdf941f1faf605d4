import { Box, Text } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { KeyHints } from '../../components/KeyHints.js';
import type { KeyTable } from '../../components/key-table.js';
import { Paragraph } from '../../components/Paragraph.js';
import { Spinner } from '../../components/Spinner.js';
import { useKeyTable } from '../../components/use-key-table.js';
import { useServices } from '../../contexts.js';
import { authdeckCommand } from '../../services/invocation.js';
import type { ProbeOutcome } from '../../services/probe/probe-runner.js';
import { providerName } from '../../services/providers.js';
import { shown } from '../../services/terminal-text.js';

// s or Esc goes on at any time; hinted only while the check runs, after which Enter is.
const KEYS: KeyTable<'skip' | 'continue', { checked: boolean }> = [
  { action: 'skip', keys: ['s', 'escape'], label: 's', hint: 'skip the check', hintWhen: ({ checked }) => !checked },
  { action: 'continue', keys: ['return'], label: 'enter', hint: 'continue', when: ({ checked }) => checked },
];

/**
 * The key just saved, checked live against the provider's free model list (read-only). Enter
 * goes on with the result, s or Esc goes on without waiting: the key is saved either way.
 */
export function VerifyStep({
  profileId,
  provider,
  onDone,
}: {
  profileId: string;
  provider: string;
  onDone: (probe?: ProbeOutcome) => void;
}) {
  const services = useServices();
  const [probe, setProbe] = useState<ProbeOutcome>();
  const probeRef = useRef<ProbeOutcome>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: one check when the step opens.
  useEffect(() => {
    let gone = false;
    // Skipped or left: the check stops (left running, it kept authdeck from exiting for seconds).
    const stop = new AbortController();
    services.probe([profileId], stop.signal).then(
      ([outcome]) => {
        if (gone) return;
        // Nothing was checked (no free check after all), or the provider could not be reached
        // (nothing to decide: the summary says it, and how to check later): go on.
        if (!outcome || ['not_probed', 'network', 'timeout'].includes(outcome.result)) return onDone(outcome);
        probeRef.current = outcome;
        setProbe(outcome);
      },
      () => !gone && onDone(),
    );
    return () => {
      gone = true;
      stop.abort();
    };
  }, []);
  const hints = useKeyTable(
    KEYS,
    { checked: probe !== undefined },
    { skip: () => onDone(probeRef.current), continue: () => onDone(probeRef.current) },
    { current: () => ({ checked: probeRef.current !== undefined }) },
  );
  return (
    <Box flexDirection="column">
      {!probe && <Spinner label={`Checking the key with ${providerName(provider)} (a free, read-only model list)…`} />}
      {probe?.result === 'ok' && (
        <Text color="green">
          ✔ {providerName(provider)} accepted the key ({Math.round(probe.latencyMs ?? 0)} ms)
        </Text>
      )}
      {probe && probe.result !== 'ok' && (
        <Paragraph
          color={probe.result === 'auth' || probe.result === 'billing' ? 'red' : 'yellow'}
          text={`! ${probe.result.replace('_', ' ')}: ${shown(probe.detail)}`}
        />
      )}
      {probe && probe.result !== 'ok' && (
        <Text dimColor>
          {probe.result === 'auth' || probe.result === 'billing'
            ? 'The key is saved all the same; replace it with `a` on the next screen, or fix the account.'
            : `The key is saved all the same; \`${authdeckCommand('status --probe', services.workspace.env)}\` checks it again later.`}
        </Text>
      )}
      <KeyHints hints={hints} />
    </Box>
  );
}
