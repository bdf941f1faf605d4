import { Box, Text } from 'ink';
import { type RefObject, useState } from 'react';
import { KeyHints } from '../../components/KeyHints.js';
import { useQuestionState } from '../../components/key-router.js';
import { type SelectItem, SelectList, selectHints } from '../../components/select-list/SelectList.js';
import { TextField } from '../../components/text-field/TextField.js';
import { type TextFieldState, useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { keyIn } from '../../services/profiles/secret-in-text.js';
import {
  type FoundryAnswers,
  type FoundryFamily,
  foundryClaudeProblem,
  foundryDeploymentProblem,
  foundryEndpointProblem,
  MAI_IMAGE_CHOICES,
} from '../../services/providers/foundry.js';
import type { FoundryApi } from '../../services/providers/foundry-models.js';
import { shown } from '../../services/terminal-text.js';
import { useStepBack } from './use-wizard-escape.js';

type Phase = 'endpoint' | 'deployment' | 'family' | 'model' | 'api';

const FAMILIES: Array<{ value: FoundryFamily; label: string; hint: string }> = [
  { value: 'claude', label: 'Claude', hint: 'Anthropic Claude deployments' },
  { value: 'gpt-5', label: 'GPT-5 series / o-series / Codex', hint: 'Azure OpenAI reasoning and Codex deployments' },
  { value: 'mai-image', label: 'MAI image model', hint: 'Microsoft MAI image deployments' },
  { value: 'other', label: 'Other chat model', hint: 'other chat/completions style models' },
];

const APIS: Array<{ value: FoundryApi; label: string; hint: string }> = [
  { value: 'anthropic-messages', label: 'Anthropic Messages API', hint: 'Claude deployments, through /anthropic' },
  { value: 'openai-responses', label: 'Responses API', hint: 'Azure OpenAI GPT, o-series and Codex' },
  { value: 'openai-completions', label: 'Chat Completions API', hint: 'models that only speak chat/completions' },
];

/**
 * Microsoft Foundry's deployment, asked before its key with OpenClaw's onboarding's questions and
 * defaults — endpoint, deployment, model family, then the Claude or MAI model, or the request
 * API — and written as its Foundry plugin writes it (services/providers/foundry.ts).
 */
export function FoundryStep({
  onSubmit,
  refused,
  initial,
  endpointFromEnv,
  stepBack,
}: {
  onSubmit: (answers: FoundryAnswers) => void;
  /** Why this home's OpenClaw cannot take the key as authdeck writes it (nothing is asked then). */
  refused?: string | undefined;
  /** The answers given before (back from the key): shown again to keep or change. */
  initial?: FoundryAnswers;
  /** AZURE_OPENAI_ENDPOINT, which OpenClaw offers as the endpoint. */
  endpointFromEnv?: string;
  stepBack: RefObject<(() => boolean) | undefined>;
}) {
  // Back from the key: the last question again, the answers kept.
  const [phase, setPhase] = useQuestionState<Phase>(
    !initial ? 'endpoint' : initial.family === 'claude' || initial.family === 'mai-image' ? 'model' : 'api',
  );
  const [family, setFamily] = useState<FoundryFamily>(initial?.family ?? 'other');
  const endpoint = useTextFieldState(initial?.endpoint ?? endpointFromEnv ?? '', initial?.endpoint === undefined);
  const deployment = useTextFieldState(initial?.deployment ?? 'gpt-4o', initial?.deployment === undefined);
  const claudeAnswered = initial?.family === 'claude' && initial.model ? initial.model : undefined;
  const claude = useTextFieldState(claudeAnswered ?? 'claude-fable-5', claudeAnswered === undefined);
  // Esc: one question back, the answers kept.
  useStepBack(stepBack, () => {
    const back: Partial<Record<Phase, Phase>> = {
      deployment: 'endpoint',
      family: 'deployment',
      model: 'family',
      api: 'family',
    };
    const previous = back[phase];
    if (previous) setPhase(previous);
    return previous !== undefined;
  });
  const answers = (patch: Partial<FoundryAnswers>): FoundryAnswers => ({
    endpoint: endpoint.value.trim(),
    deployment: deployment.value.trim(),
    family,
    ...patch,
  });
  const answered = (
    <>
      {phase !== 'endpoint' && <Text dimColor>endpoint {shown(endpoint.value.trim(), 100)}</Text>}
      {phase !== 'endpoint' && phase !== 'deployment' && (
        <Text dimColor>deployment {shown(deployment.value.trim(), 100)}</Text>
      )}
    </>
  );
  /** A question typed into a field: refused with its reason shown while the text cannot be an answer. */
  const textQuestion = (
    title: string,
    field: TextFieldState,
    problemOf: (typed: string) => string | undefined,
    answer: (typed: string) => void,
    enter: string,
    placeholder?: string,
  ) => {
    const typed = field.value.trim();
    const problem = typed === '' || keyIn(typed) ? undefined : problemOf(typed);
    return (
      <Box flexDirection="column">
        {answered}
        <Text bold>{title}</Text>
        <TextField
          state={field}
          {...(placeholder ? { placeholder } : {})}
          onSubmit={(value) => !problemOf(value) && answer(value.trim())}
        />
        {problem && <Text color="red">{problem}</Text>}
        <KeyHints
          hints={[
            ['enter', enter],
            ['esc', 'back'],
          ]}
        />
      </Box>
    );
  };
  /** A question answered from a list (keyed by its title: each list opens on its own row). */
  const selectQuestion = <T,>(title: string, items: SelectItem<T>[], answer: (value: T) => void, initialIndex = 0) => (
    <Box flexDirection="column">
      {answered}
      <Text bold>{title}</Text>
      <SelectList key={title} letterKeys items={items} initialIndex={initialIndex} onSelect={answer} />
      <KeyHints hints={[...selectHints(items.length), ['esc', 'back']]} />
    </Box>
  );
  if (refused)
    return (
      <Box flexDirection="column">
        <Text color="yellow">{refused}</Text>
        <KeyHints hints={[['esc', 'back']]} />
      </Box>
    );
  switch (phase) {
    case 'endpoint':
      return textQuestion(
        'Microsoft Foundry endpoint URL:',
        endpoint,
        foundryEndpointProblem,
        () => setPhase('deployment'),
        'next',
        'https://xxx.services.ai.azure.com or https://xxx.openai.azure.com',
      );
    case 'deployment':
      return textQuestion(
        'Default model/deployment name:',
        deployment,
        foundryDeploymentProblem,
        () => setPhase('family'),
        'next',
      );
    case 'family':
      return selectQuestion(
        'Model family:',
        FAMILIES,
        (value) => {
          setFamily(value);
          setPhase(value === 'claude' || value === 'mai-image' ? 'model' : 'api');
        },
        FAMILIES.findIndex((item) => item.value === family),
      );
    case 'model':
      return family === 'mai-image'
        ? selectQuestion(
            'MAI image base model:',
            MAI_IMAGE_CHOICES.map((name) => ({ value: name, label: name })),
            (model) => onSubmit(answers({ model })),
          )
        : textQuestion(
            'Claude base model:',
            claude,
            (typed) => foundryClaudeProblem(typed, 'api-key'),
            (model) => onSubmit(answers({ model })),
            'use it',
          );
    case 'api':
      return selectQuestion(
        'Request API:',
        APIS,
        (api) => onSubmit(answers({ api })),
        Math.max(
          0,
          APIS.findIndex(
            (item) => item.value === (initial?.api ?? (family === 'gpt-5' ? 'openai-responses' : 'openai-completions')),
          ),
        ),
      );
  }
}
