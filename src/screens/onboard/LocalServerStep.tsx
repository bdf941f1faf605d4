import { Box, Text } from 'ink';
import { type RefObject, useEffect, useRef } from 'react';
import type { LocalSetUp } from '../../app-services.js';
import { KeyHints } from '../../components/KeyHints.js';
import { useQuestionState } from '../../components/key-router.js';
import { Spinner } from '../../components/Spinner.js';
import { SelectList, selectHints } from '../../components/select-list/SelectList.js';
import { TextField } from '../../components/text-field/TextField.js';
import { useRequiredAnswer } from '../../components/text-field/use-required-answer.js';
import { useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { useKeyTable } from '../../components/use-key-table.js';
import { useServices } from '../../contexts.js';
import { errorMessage } from '../../services/errors.js';
import { endpointKey } from '../../services/profiles/credentials.js';
import { keyIn } from '../../services/profiles/secret-in-text.js';
import {
  LOCAL_SERVERS,
  type LocalModel,
  type LocalServerFailure,
  type LocalServerKind,
  localAddressProblem,
} from '../../services/providers/local-server.js';
import { defaultModelChoice } from '../../services/providers/local-server-pick.js';
import { shown } from '../../services/terminal-text.js';
import { SetUpSummary } from './SetUpSummary.js';
import { STEP_KEYS } from './step-keys.js';
import { useStepBack } from './use-wizard-escape.js';
import { WriteFailed } from './WriteFailed.js';

type Phase =
  | { name: 'address' }
  | { name: 'key' }
  | { name: 'looking' }
  | {
      name: 'failed';
      failure: Pick<LocalServerFailure, 'reason' | 'command'> & { problem?: LocalServerFailure['problem'] };
      /** How many times it has looked: r that finds the same nothing otherwise changes nothing on screen. */
      looks: number;
    }
  | { name: 'pick'; baseUrl: string; models: LocalModel[] }
  | { name: 'saving'; modelId: string }
  | { name: 'done'; result: LocalSetUp }
  | { name: 'save-failed'; error: string };

/**
 * A model server on this machine, set up as OpenClaw's onboarding does: found at its address,
 * a model chosen from what it serves, the provider block and default model written.
 */
/** The key as checked (paste markers and wrapping removed), as the CLI passes it on. */
function checkedKey(raw: string): string {
  const checked = endpointKey(raw);
  return checked.ok ? checked.secret : raw.trim();
}

export function LocalServerStep({
  kind,
  onDone,
  onAddAnother,
  stepBack,
}: {
  kind: LocalServerKind;
  onDone: () => void;
  /** `a` on the summary: another provider, from the list. */
  onAddAnother: () => void;
  stepBack: RefObject<(() => boolean) | undefined>;
}) {
  const services = useServices();
  const spec = LOCAL_SERVERS[kind];
  // vLLM and SGLang are run with a key (any value); the others answer without one.
  const needsKey = kind === 'vllm' || kind === 'sglang';
  // As OpenClaw asks it: where the server runs, its usual address already typed (Enter keeps it).
  const [phase, setPhase] = useQuestionState<Phase>({ name: 'address' });
  const address = useTextFieldState(spec.defaultBaseUrl, true);
  const key = useTextFieldState();
  const { submit: submitKey, needed: keyNeeded } = useRequiredAnswer(
    key,
    (value) => {
      const checked = endpointKey(value);
      if (checked.ok && checked.secret !== '') setPhase({ name: 'looking' });
    },
    "The server's key",
  );
  const elsewhere = () => otherAddress(address.current(), spec.defaultBaseUrl);
  // Esc: back to the key, then the address (as typed); nothing while writing or once written.
  useStepBack(stepBack, () => {
    if (phase.name === 'address') return false;
    if (phase.name === 'saving' || phase.name === 'done') return true;
    setPhase(needsKey && phase.name !== 'key' ? { name: 'key' } : { name: 'address' });
    return true;
  });
  // Counted per address: a look at the address before it was changed is not one at this one.
  const failedLooks = useRef({ at: '', count: 0 });
  useEffect(() => {
    if (phase.name !== 'looking') return;
    let live = true;
    const baseUrl = otherAddress(address.current(), spec.defaultBaseUrl);
    services.findLocalServer(kind, needsKey ? checkedKey(key.current()) : undefined, baseUrl).then((found) => {
      if (!live) return;
      if (found.ok) return setPhase({ name: 'pick', baseUrl: found.baseUrl, models: found.models });
      const at = baseUrl ?? '';
      failedLooks.current = { at, count: failedLooks.current.at === at ? failedLooks.current.count + 1 : 1 };
      setPhase({ name: 'failed', failure: found, looks: failedLooks.current.count });
    });
    return () => {
      live = false;
    };
  }, [phase.name, kind, needsKey, key, address, spec.defaultBaseUrl, services, setPhase]);
  const listed = phase.name === 'pick' && phase.models.length > 0;
  // Found, serving no model yet: r looks again once one is loaded.
  const lookAgain = phase.name === 'failed' || phase.name === 'save-failed' || (phase.name === 'pick' && !listed);
  const keys = useKeyTable(
    STEP_KEYS,
    {
      ...(phase.name === 'address' || phase.name === 'key'
        ? { next: phase.name === 'address' && needsKey ? 'next' : 'look for the server' }
        : {}),
      ...(lookAgain ? { again: 'look again' } : {}),
    },
    { again: () => setPhase({ name: 'looking' }) },
  );
  const hints = phase.name === 'pick' && listed ? [...selectHints(phase.models.length), ...keys] : keys;
  const save = (modelId: string) => {
    setPhase({ name: 'saving', modelId });
    const baseUrl = elsewhere();
    services
      .setUpLocalServer({
        kind,
        modelId,
        ...(needsKey ? { apiKey: checkedKey(key.current()) } : {}),
        ...(baseUrl ? { baseUrl } : {}),
      })
      .then(
        (result) => setPhase({ name: 'done', result }),
        (error: unknown) => setPhase({ name: 'save-failed', error: errorMessage(error) }),
      );
  };
  switch (phase.name) {
    case 'address': {
      const typed = address.value.trim();
      const problem = typed === '' || keyIn(typed) ? undefined : localAddressProblem(kind, typed);
      return (
        <Box flexDirection="column">
          <Text bold>{spec.label} base URL:</Text>
          <TextField
            state={address}
            onSubmit={(value) =>
              value.trim() !== '' &&
              !localAddressProblem(kind, value) &&
              setPhase(needsKey ? { name: 'key' } : { name: 'looking' })
            }
          />
          {problem && <Text color="red">{problem}</Text>}
          <KeyHints hints={hints} />
        </Box>
      );
    }
    case 'key': {
      const typedKey = endpointKey(key.value);
      return (
        <Box flexDirection="column">
          <Text bold>The server's key (the value given to `{kind} serve --api-key`):</Text>
          <TextField
            state={key}
            mask="all"
            keepLineBreaks
            placeholder="needed: the server's key"
            onSubmit={submitKey}
          />
          {!typedKey.ok && <Text color="red">✘ {typedKey.error}</Text>}
          {keyNeeded && <Text color="yellow">{keyNeeded}</Text>}
          <KeyHints hints={hints} />
        </Box>
      );
    }
    case 'looking':
      return <Spinner label={`Looking for ${spec.label} at ${shown(elsewhere() ?? spec.defaultBaseUrl)}…`} />;
    case 'failed':
      return (
        <Box flexDirection="column">
          <Text color="red">
            ✘ {shown(phase.failure.reason)}
            {phase.looks > 1 ? ` (looked ${phase.looks} times)` : ''}
          </Text>
          <Text>
            {phase.failure.problem === 'unknown-host'
              ? 'Esc goes back to the address; r looks again.'
              : `Start it with \`${shown(phase.failure.command)}\`, then press r.`}
          </Text>
          <KeyHints hints={hints} />
        </Box>
      );
    case 'pick':
      return phase.models.length === 0 ? (
        <Box flexDirection="column">
          <Text color="yellow">
            ! {spec.label} at {shown(phase.baseUrl)} serves no model yet.
          </Text>
          <Text>Run `{shown(noModelCommand(kind))}`, then press r.</Text>
          <KeyHints hints={hints} />
        </Box>
      ) : (
        <Box flexDirection="column">
          <Text bold>
            {spec.label} at {shown(phase.baseUrl)}: which model should the gateway use?
          </Text>
          <SelectList
            letterKeys
            items={phase.models.map((model) => ({ value: model.id, label: shown(model.id), hint: '' }))}
            onSelect={save}
          />
          <KeyHints hints={hints} />
        </Box>
      );
    case 'saving':
      return <Spinner label={`Writing ${spec.label} with ${phase.modelId}…`} />;
    case 'save-failed':
      return <WriteFailed error={phase.error} hints={hints} />;
    case 'done': {
      const { result } = phase;
      return (
        <SetUpSummary
          title={spec.label}
          places={[
            ...result.saved.map((saved) => `${saved.storePath} (${saved.profileId})`),
            `${result.config.path} (models.providers.${kind}${result.enabled.length > 0 ? `; ${result.enabled.join(', ')} plugin enabled` : ''})`,
          ]}
          result={result}
          onDone={onDone}
          onAddAnother={onAddAnother}
        />
      );
    }
  }
}

/** What gives a server that serves nothing a model: the command the CLI names for it too. */
function noModelCommand(kind: LocalServerKind): string {
  const choice = defaultModelChoice(kind, []);
  return choice.id === undefined ? choice.command : '';
}

/** The address typed, when it is not the usual one (the services take the usual one by default). */
function otherAddress(typed: string, usual: string): string | undefined {
  const trimmed = typed.trim();
  return trimmed !== '' && trimmed !== usual ? trimmed : undefined;
}
