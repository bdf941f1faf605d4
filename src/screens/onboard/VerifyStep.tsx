import { Box, Text } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { KeyHints } from '../../components/KeyHints.js';
import { useKeys } from '../../components/key-router.js';
import { Paragraph } from '../../components/Paragraph.js';
import { Spinner } from '../../components/Spinner.js';
import { useServices } from '../../contexts.js';
import { authdeckCommand } from '../../services/invocation.js';
import type { ProbeOutcome } from '../../services/probe/probe-runner.js';
import { providerName } from '../../services/providers.js';
import { shown } from '../../services/terminal-text.js';

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
    services.probe([profileId]).then(
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
    };
  }, []);
  useKeys((input, key) => {
    if (input === 's' || key.escape) onDone(probeRef.current);
    else if (key.return && probeRef.current) onDone(probeRef.current);
  });
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
      <KeyHints hints={probe ? [['enter', 'continue']] : [['s', 'skip the check']]} />
    </Box>
  );
}
