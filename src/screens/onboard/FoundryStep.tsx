import { Box, Text } from 'ink';
import { type RefObject, useState } from 'react';
import { KeyHints } from '../../components/KeyHints.js';
import { SELECT_HINTS, SelectList } from '../../components/select-list/SelectList.js';
import { TextField } from '../../components/text-field/TextField.js';
import { useTextFieldState } from '../../components/text-field/use-text-field-state.js';
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
  const [phase, setPhase] = useState<Phase>(
    !initial ? 'endpoint' : initial.family === 'claude' || initial.family === 'mai-image' ? 'model' : 'api',
  );
  const [family, setFamily] = useState<FoundryFamily>(initial?.family ?? 'other');
  const endpoint = useTextFieldState(initial?.endpoint ?? endpointFromEnv ?? '');
  const deployment = useTextFieldState(initial?.deployment ?? 'gpt-4o');
  const claude = useTextFieldState(initial?.family === 'claude' && initial.model ? initial.model : 'claude-fable-5');
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
  const hints = (enter: string) => (
    <KeyHints
      hints={[
        ['enter', enter],
        ['esc', 'back'],
      ]}
    />
  );
  if (refused)
    return (
      <Box flexDirection="column">
        <Text color="yellow">{refused}</Text>
        <KeyHints hints={[['esc', 'back']]} />
      </Box>
    );
  switch (phase) {
    case 'endpoint': {
      const typed = endpoint.value.trim();
      const problem = typed === '' ? undefined : foundryEndpointProblem(typed);
      return (
        <Box flexDirection="column">
          <Text bold>Microsoft Foundry endpoint URL:</Text>
          <TextField
            state={endpoint}
            placeholder="https://xxx.services.ai.azure.com or https://xxx.openai.azure.com"
            onSubmit={(value) => !foundryEndpointProblem(value) && setPhase('deployment')}
          />
          {problem && <Text color="red">{problem}</Text>}
          {hints('next')}
        </Box>
      );
    }
    case 'deployment': {
      const typed = deployment.value.trim();
      const problem = typed === '' ? undefined : foundryDeploymentProblem(typed);
      return (
        <Box flexDirection="column">
          {answered}
          <Text bold>Default model/deployment name:</Text>
          <TextField state={deployment} onSubmit={(value) => !foundryDeploymentProblem(value) && setPhase('family')} />
          {problem && <Text color="red">{problem}</Text>}
          {hints('next')}
        </Box>
      );
    }
    case 'family':
      return (
        <Box flexDirection="column">
          {answered}
          <Text bold>Model family:</Text>
          <SelectList
            key="family"
            items={FAMILIES}
            initialIndex={FAMILIES.findIndex((item) => item.value === family)}
            onSelect={(value) => {
              setFamily(value);
              setPhase(value === 'claude' || value === 'mai-image' ? 'model' : 'api');
            }}
          />
          <KeyHints hints={[...SELECT_HINTS, ['esc', 'back']]} />
        </Box>
      );
    case 'model': {
      if (family === 'mai-image')
        return (
          <Box flexDirection="column">
            {answered}
            <Text bold>MAI image base model:</Text>
            <SelectList
              key="mai"
              items={MAI_IMAGE_CHOICES.map((name) => ({ value: name, label: name }))}
              onSelect={(model) => onSubmit(answers({ model }))}
            />
            <KeyHints hints={[...SELECT_HINTS, ['esc', 'back']]} />
          </Box>
        );
      const typed = claude.value.trim();
      const problem = typed === '' ? undefined : foundryClaudeProblem(typed, 'api-key');
      return (
        <Box flexDirection="column">
          {answered}
          <Text bold>Claude base model:</Text>
          <TextField
            state={claude}
            onSubmit={(value) => !foundryClaudeProblem(value, 'api-key') && onSubmit(answers({ model: value.trim() }))}
          />
          {problem && <Text color="red">{problem}</Text>}
          {hints('use it')}
        </Box>
      );
    }
    case 'api':
      return (
        <Box flexDirection="column">
          {answered}
          <Text bold>Request API:</Text>
          <SelectList
            key="api"
            items={APIS}
            initialIndex={Math.max(
              0,
              APIS.findIndex(
                (item) =>
                  item.value === (initial?.api ?? (family === 'gpt-5' ? 'openai-responses' : 'openai-completions')),
              ),
            )}
            onSelect={(api) => onSubmit(answers({ api }))}
          />
          <KeyHints hints={[...SELECT_HINTS, ['esc', 'back']]} />
        </Box>
      );
  }
}
