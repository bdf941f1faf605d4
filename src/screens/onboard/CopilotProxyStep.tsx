import { Spinner } from '@inkjs/ui';
import { Box, Text } from 'ink';
import { type RefObject, useState } from 'react';
import type { LocalSetUp } from '../../app-services.js';
import { KeyHints } from '../../components/KeyHints.js';
import { useKeys } from '../../components/key-router.js';
import { TextField } from '../../components/text-field/TextField.js';
import { useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { useServices } from '../../contexts.js';
import { errorMessage } from '../../services/errors.js';
import {
  COPILOT_PROXY_MODELS,
  COPILOT_PROXY_URL,
  copilotProxyBaseUrl,
  copilotProxyModelIds,
} from '../../services/providers/copilot-proxy.js';
import { shown } from '../../services/terminal-text.js';
import { modelLine } from './LocalServerStep.js';
import { useStepBack } from './use-wizard-escape.js';
import { WriteFailed } from './WriteFailed.js';

type Phase =
  | { name: 'url' }
  | { name: 'models' }
  | { name: 'saving' }
  | { name: 'done'; result: LocalSetUp }
  | { name: 'failed'; error: string };

/** Why the typed text cannot be written, or undefined (the service's own check, as a line). */
function problemOf(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    return errorMessage(error);
  }
}

/**
 * The Copilot Proxy (the VS Code extension), asked as OpenClaw's onboarding asks it — its base
 * URL and the model ids, both offered filled in — and written without contacting it, as
 * `onboard --auth-choice copilot-proxy` writes it.
 */
export function CopilotProxyStep({
  onDone,
  stepBack,
}: {
  onDone: () => void;
  stepBack: RefObject<(() => boolean) | undefined>;
}) {
  const services = useServices();
  const [phase, setPhase] = useState<Phase>({ name: 'url' });
  const url = useTextFieldState(COPILOT_PROXY_URL);
  const models = useTextFieldState(COPILOT_PROXY_MODELS.join(', '));
  useStepBack(stepBack, () => {
    if (phase.name === 'url' || phase.name === 'saving' || phase.name === 'done') return false;
    setPhase(phase.name === 'models' ? { name: 'url' } : { name: 'models' });
    return true;
  });
  useKeys((input, key) => {
    if (phase.name === 'done' && key.return) onDone();
    else if (phase.name === 'failed' && input === 'r') setPhase({ name: 'url' });
  });
  const save = (modelIds: string) => {
    setPhase({ name: 'saving' });
    services.setUpCopilotProxy({ baseUrl: url.current(), modelIds }).then(
      (result) => setPhase({ name: 'done', result }),
      (error: unknown) => setPhase({ name: 'failed', error: errorMessage(error) }),
    );
  };
  switch (phase.name) {
    case 'url': {
      const problem = problemOf(() => copilotProxyBaseUrl(url.value));
      return (
        <Box flexDirection="column">
          <Text bold>Copilot Proxy base URL:</Text>
          <TextField
            state={url}
            onSubmit={(value) => !problemOf(() => copilotProxyBaseUrl(value)) && setPhase({ name: 'models' })}
          />
          {problem && <Text color="red">{shown(problem, 200)}</Text>}
          <KeyHints
            hints={[
              ['enter', 'next'],
              ['esc', 'back'],
            ]}
          />
        </Box>
      );
    }
    case 'models': {
      const problem = problemOf(() => copilotProxyModelIds(models.value));
      return (
        <Box flexDirection="column">
          <Text dimColor>base URL {shown(copilotProxyBaseUrl(url.value), 100)}</Text>
          <Text bold>Model ids (comma-separated; the first is the default):</Text>
          <TextField
            state={models}
            onSubmit={(value) => !problemOf(() => copilotProxyModelIds(value)) && save(value)}
          />
          {problem && <Text color="red">{shown(problem, 200)}</Text>}
          <Text dimColor>Which models answer depends on your Copilot plan.</Text>
          <KeyHints
            hints={[
              ['enter', 'write it'],
              ['esc', 'back'],
            ]}
          />
        </Box>
      );
    }
    case 'saving':
      return <Spinner label="Writing the Copilot Proxy…" />;
    case 'failed':
      return <WriteFailed error={phase.error} again="start again" />;
    case 'done': {
      const { result } = phase;
      const line = modelLine(result.defaultModel);
      return (
        <Box flexDirection="column">
          <Text color="green">✔ copilot-proxy set up for the gateway</Text>
          <Text> • {shown(result.config.path)} (models.providers.copilot-proxy, its models)</Text>
          {line && <Text> {shown(line)}</Text>}
          <Text> • start the Copilot Proxy extension in VS Code before using these models</Text>
          {result.gatewayNote && <Text dimColor> {result.gatewayNote.line}</Text>}
          <KeyHints hints={[['enter', 'done']]} />
        </Box>
      );
    }
  }
}
