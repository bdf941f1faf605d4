import { Box, Text } from 'ink';
import { type RefObject, useState } from 'react';
import type { LocalSetUp } from '../../app-services.js';
import { KeyHints } from '../../components/KeyHints.js';
import { useQuestionState } from '../../components/key-router.js';
import { Spinner } from '../../components/Spinner.js';
import { SelectList, selectHints } from '../../components/select-list/SelectList.js';
import { TextField } from '../../components/text-field/TextField.js';
import { useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { useKeyTable } from '../../components/use-key-table.js';
import { useServices } from '../../contexts.js';
import { errorMessage } from '../../services/errors.js';
import { endpointKey } from '../../services/profiles/credentials.js';
import { keyIn } from '../../services/profiles/secret-in-text.js';
import type { CustomCompatibility } from '../../services/providers/custom-endpoint.js';
import { httpUrlProblem } from '../../services/providers/http-url.js';
import { shown } from '../../services/terminal-text.js';
import { SetUpSummary } from './SetUpSummary.js';
import { STEP_KEYS } from './step-keys.js';
import { useStepBack } from './use-wizard-escape.js';
import { WriteFailed } from './WriteFailed.js';

type Phase =
  | { name: 'url' }
  | { name: 'model'; baseUrl: string }
  /** `compatibility`: the one chosen before, back from the key (the list opens on it). */
  | { name: 'compatibility'; baseUrl: string; modelId: string; compatibility?: CustomCompatibility }
  | { name: 'key'; baseUrl: string; modelId: string; compatibility: CustomCompatibility }
  | { name: 'saving' }
  | { name: 'done'; result: LocalSetUp; keyed: boolean }
  | { name: 'failed'; error: string };

const COMPATIBILITY: Array<{ value: CustomCompatibility; label: string; hint: string }> = [
  { value: 'openai', label: 'OpenAI-compatible', hint: '/chat/completions (most servers and proxies)' },
  { value: 'openai-responses', label: 'OpenAI Responses', hint: '/responses' },
  { value: 'anthropic', label: 'Anthropic-compatible', hint: '/v1/messages' },
];

/**
 * A custom OpenAI- or Anthropic-compatible endpoint, asked as OpenClaw's onboarding asks it —
 * base URL, model id, compatibility, key (none for a server that takes none) — and written as
 * `onboard --auth-choice custom-api-key` writes it: a provider block named after the host, the
 * key in it, the model as the default.
 */
export function CustomEndpointStep({
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
  // Esc: one question back, its answer kept (the fields keep what was typed); nothing while writing.
  useStepBack(stepBack, () => {
    if (phase.name === 'url') return false;
    if (phase.name === 'model' || phase.name === 'failed') setPhase({ name: 'url' });
    else if (phase.name === 'compatibility') setPhase({ name: 'model', baseUrl: phase.baseUrl });
    else if (phase.name === 'key') setPhase({ ...phase, name: 'compatibility' });
    return true;
  });
  const url = useTextFieldState();
  const model = useTextFieldState();
  const key = useTextFieldState();
  /** The question Enter was pressed at with nothing typed: it says what it needs instead of nothing. */
  const [emptyAt, setEmptyAt] = useState<'url' | 'model'>();
  const keys = useKeyTable(
    STEP_KEYS,
    phase.name === 'url' || phase.name === 'model'
      ? { next: 'next' }
      : phase.name === 'key'
        ? { next: 'write it' }
        : phase.name === 'failed'
          ? { again: 'start again' }
          : {},
    { again: () => setPhase({ name: 'url' }) },
  );
  const hints = phase.name === 'compatibility' ? [...selectHints(COMPATIBILITY.length), ...keys] : keys;
  switch (phase.name) {
    case 'url': {
      const typed = url.value.trim();
      // A key typed here is the field's to say (masked): never repeated in a problem line.
      const problem = typed === '' || keyIn(typed) ? undefined : httpUrlProblem(typed);
      return (
        <Box flexDirection="column">
          <Text bold>Base URL of the endpoint (e.g. http://127.0.0.1:8080/v1):</Text>
          <TextField
            state={url}
            onSubmit={(value) => {
              if (value.trim() === '') setEmptyAt('url');
              else if (!httpUrlProblem(value.trim())) setPhase({ name: 'model', baseUrl: value.trim() });
            }}
          />
          {problem && <Text color="red">{shown(problem)}</Text>}
          {typed === '' && emptyAt === 'url' && <Text color="yellow">Type the endpoint's base URL first.</Text>}
          <KeyHints hints={hints} />
        </Box>
      );
    }
    case 'model':
      return (
        <Box flexDirection="column">
          <Text dimColor>endpoint {shown(phase.baseUrl)}</Text>
          <Text bold>Model id, as the endpoint names it:</Text>
          <TextField
            state={model}
            placeholder="needed, e.g. llama3"
            onSubmit={(value) => {
              if (value.trim() === '') setEmptyAt('model');
              else setPhase({ name: 'compatibility', baseUrl: phase.baseUrl, modelId: value.trim() });
            }}
          />
          {model.value.trim() === '' && emptyAt === 'model' && (
            <Text color="yellow">Type the model id first: the name the endpoint gives the model.</Text>
          )}
          <KeyHints hints={hints} />
        </Box>
      );
    case 'compatibility':
      return (
        <Box flexDirection="column">
          <Text dimColor>
            endpoint {shown(phase.baseUrl)} · model {shown(phase.modelId)}
          </Text>
          <Text bold>Which API does it speak?</Text>
          <SelectList
            letterKeys
            items={COMPATIBILITY}
            initialIndex={Math.max(
              0,
              COMPATIBILITY.findIndex((item) => item.value === phase.compatibility),
            )}
            onSelect={(compatibility) => setPhase({ ...phase, name: 'key', compatibility })}
          />
          <KeyHints hints={hints} />
        </Box>
      );
    case 'key': {
      const { baseUrl, modelId, compatibility } = phase;
      const typedKey = endpointKey(key.value);
      const save = (typed: string) => {
        const checked = endpointKey(typed);
        if (!checked.ok) return;
        const apiKey = checked.secret;
        setPhase({ name: 'saving' });
        services.setUpCustomEndpoint({ baseUrl, modelId, compatibility, apiKey }).then(
          (result) => setPhase({ name: 'done', result, keyed: apiKey !== '' }),
          (error: unknown) => setPhase({ name: 'failed', error: errorMessage(error) }),
        );
      };
      return (
        <Box flexDirection="column">
          <Text dimColor>
            endpoint {shown(baseUrl)} · model {shown(modelId)} · {compatibility}
          </Text>
          <Text bold>Its API key (enter with nothing for a server that takes none):</Text>
          <TextField state={key} mask="all" keepLineBreaks placeholder="the endpoint's key" onSubmit={save} />
          {!typedKey.ok && <Text color="red">✘ {typedKey.error}</Text>}
          <KeyHints hints={hints} />
        </Box>
      );
    }
    case 'saving':
      return <Spinner label="Writing the endpoint…" />;
    case 'failed':
      return <WriteFailed error={phase.error} hints={hints} />;
    case 'done': {
      const { result } = phase;
      const provider = Object.keys(result.setup.providers)[0] ?? result.provider;
      return (
        <SetUpSummary
          title={provider}
          places={[`${result.config.path} (models.providers.${provider}${phase.keyed ? ', with its key' : ''})`]}
          result={{ ...result, provider }}
          onDone={onDone}
          onAddAnother={onAddAnother}
        />
      );
    }
  }
}
