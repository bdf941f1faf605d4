import { Text } from 'ink';
import { useState } from 'react';
import type { SavedCredential } from '../services/actions.js';
import type { ProviderSetUp } from '../services/providers/provider-setup.js';
import { shown } from '../services/terminal-text.js';
import { useKeys } from './key-router.js';

/** What a default-model outcome leaves to offer: the ref `d` would make the default. */
export function offeredDefault(setup: ProviderSetUp | undefined): string | undefined {
  const outcome = setup?.defaultModel;
  return outcome && (outcome.status === 'kept' || outcome.status === 'same-provider') ? outcome.ref : undefined;
}

/**
 * What onboarding wrote beside a saved secret (plugin, provider block, default model) and what
 * the gateway still lacks; `d` makes the provider's model the default when another one is.
 */
export function SetupLines({
  saved,
  onMakeDefault,
}: {
  saved: SavedCredential;
  onMakeDefault?: () => Promise<ProviderSetUp>;
}) {
  const [setup, setSetup] = useState(saved.setup);
  const [problem, setProblem] = useState<string | undefined>(saved.setupError);
  const offered = offeredDefault(setup);
  useKeys((input) => {
    if (input !== 'd' || !offered || !onMakeDefault) return;
    onMakeDefault().then(setSetup, (error: unknown) =>
      setProblem(error instanceof Error ? error.message : String(error)),
    );
  });
  if (!setup) return problem ? <Text color="yellow"> ! {shown(problem, 300)}</Text> : null;
  const parts: string[] = [];
  if (setup.enabled.length > 0) parts.push(`${setup.enabled.join(', ')} plugin enabled`);
  const written = Object.keys(setup.setup.providers);
  if (written.length > 0 && setup.config.applied.some((change) => change.path[1] === 'providers'))
    parts.push(`models.providers.${written.join(', ')}`);
  const model = setup.defaultModel;
  if (model.status === 'set') parts.push(`default model ${model.ref}`);
  return (
    <>
      {parts.length > 0 && (
        <Text>
          {' '}
          • {shown(setup.config.path)} ({parts.join('; ')})
        </Text>
      )}
      {offered && 'current' in model && (
        <Text color="yellow">
          {' '}
          ! the default model stays {shown(model.current)}
          {onMakeDefault ? `; press d to make it ${offered}` : `; \`--set-default-model\` makes it ${offered}`}
        </Text>
      )}
      {setup.plugin && (
        <Text color="yellow">
          {' '}
          ! the gateway cannot use it until its plugin is installed: {setup.plugin.installCommand}
        </Text>
      )}
      {setup.alternatives.length > 0 && (
        <Text color="yellow">
          {' '}
          ! several endpoints or plans: `authdeck onboard --non-interactive --auth-choice {setup.alternatives[0]?.id}`
          (or{' '}
          {setup.alternatives
            .slice(1)
            .map((choice) => choice.id)
            .join(', ')}
          ) writes one
        </Text>
      )}
      {problem && <Text color="yellow"> ! {shown(problem, 300)}</Text>}
    </>
  );
}
