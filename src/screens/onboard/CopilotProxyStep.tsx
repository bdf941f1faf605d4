import { Box, Text } from 'ink';
import type { RefObject } from 'react';
import type { LocalSetUp } from '../../app-services.js';
import { KeyHints } from '../../components/KeyHints.js';
import { useQuestionState } from '../../components/key-router.js';
import { Spinner } from '../../components/Spinner.js';
import { TextField } from '../../components/text-field/TextField.js';
import { useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { useKeyTable } from '../../components/use-key-table.js';
import { useServices } from '../../contexts.js';
import { errorMessage } from '../../services/errors.js';
import { keyIn } from '../../services/profiles/secret-in-text.js';
import {
  COPILOT_PROXY_MODELS,
  COPILOT_PROXY_URL,
  copilotProxyBaseUrl,
  copilotProxyModelIds,
} from '../../services/providers/copilot-proxy.js';
import { shown } from '../../services/terminal-text.js';
import { SetUpSummary } from './SetUpSummary.js';
import { STEP_KEYS } from './step-keys.js';
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
  onAddAnother,
  stepBack,
}: {
  onDone: () => void;
  /** `a` on the summary: another provider, from the list. */
  onAddAnother: () => void;
  stepBack: RefObject<(() => boolean) | undefined>;
}) {
  const services = useServices();
  const [phase, setPhase] = useQuestionState<Phase>({ name: 'url' });
  const url = useTextFieldState(COPILOT_PROXY_URL, true);
  const models = useTextFieldState(COPILOT_PROXY_MODELS.join(', '), true);
  // Esc: a question back; nothing while writing; once written, the summary's own (it ends there).
  useStepBack(stepBack, () => {
    if (phase.name === 'url') return false;
    if (phase.name === 'saving' || phase.name === 'done') return true;
    setPhase(phase.name === 'models' ? { name: 'url' } : { name: 'models' });
    return true;
  });
  const hints = useKeyTable(
    STEP_KEYS,
    phase.name === 'url'
      ? { next: 'next' }
      : phase.name === 'models'
        ? { next: 'write it' }
        : phase.name === 'failed'
          ? { again: 'start again' }
          : {},
    { again: () => setPhase({ name: 'url' }) },
  );
  const save = (modelIds: string) => {
    setPhase({ name: 'saving' });
    services.setUpCopilotProxy({ baseUrl: url.current(), modelIds }).then(
      (result) => setPhase({ name: 'done', result }),
      (error: unknown) => setPhase({ name: 'failed', error: errorMessage(error) }),
    );
  };
  switch (phase.name) {
    case 'url': {
      const problem = keyIn(url.value) ? undefined : problemOf(() => copilotProxyBaseUrl(url.value));
      return (
        <Box flexDirection="column">
          <Text bold>Copilot Proxy base URL:</Text>
          <TextField
            state={url}
            onSubmit={(value) => !problemOf(() => copilotProxyBaseUrl(value)) && setPhase({ name: 'models' })}
          />
          {problem && <Text color="red">{shown(problem, 200)}</Text>}
          <KeyHints hints={hints} />
        </Box>
      );
    }
    case 'models': {
      const problem = keyIn(models.value) ? undefined : problemOf(() => copilotProxyModelIds(models.value));
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
          <KeyHints hints={hints} />
        </Box>
      );
    }
    case 'saving':
      return <Spinner label="Writing the Copilot Proxy…" />;
    case 'failed':
      return <WriteFailed error={phase.error} hints={hints} />;
    case 'done': {
      const { result } = phase;
      return (
        <SetUpSummary
          title="Copilot Proxy"
          places={[
            ...result.saved.map((saved) => `${saved.storePath} (${saved.profileId})`),
            `${result.config.path} (models.providers.copilot-proxy, its models)`,
          ]}
          notes={['start the Copilot Proxy extension in VS Code before using these models']}
          result={result}
          onDone={onDone}
          onAddAnother={onAddAnother}
        />
      );
    }
  }
}
