import { Box, Text } from 'ink';
import { useState } from 'react';
import type { LocalSetUp } from '../../app-services.js';
import { Bullet } from '../../components/Bullet.js';
import { DONE_KEYS } from '../../components/common-keys.js';
import { KeyHints } from '../../components/KeyHints.js';
import type { KeyTable } from '../../components/key-table.js';
import { useKeyTable } from '../../components/use-key-table.js';
import { useServices } from '../../contexts.js';
import { errorMessage } from '../../services/errors.js';
import { type DefaultModelOutcome, modelRefWords } from '../../services/providers/setup-plan.js';
import { shown } from '../../services/terminal-text.js';

// Enter or Esc ends it, as on the summary of a key (what was written stays). Nothing while `d` writes.
const KEYS: KeyTable<'done' | 'add-another' | 'make-default', { offered: string | undefined }> = [
  ...DONE_KEYS,
  { action: 'add-another', keys: ['a'], label: 'a', hint: 'add another' },
  {
    action: 'make-default',
    keys: ['d'],
    label: 'd',
    hint: ({ offered }) => `make ${modelRefWords(offered ?? '')} the default`,
    when: ({ offered }) => offered !== undefined,
  },
];

/**
 * The end of a setup asked in questions of its own (a local server, a custom endpoint, the
 * Copilot Proxy): where it was written, the default model, and the keys SummaryStep offers —
 * Enter done, `a` another provider, `d` this model the default when another's was kept.
 */
export function SetUpSummary({
  title,
  places,
  notes = [],
  result,
  onDone,
  onAddAnother,
}: {
  title: string;
  /** The files written and what each got. */
  places: string[];
  /** What to do before the models answer (start the proxy), said after the default model. */
  notes?: string[];
  result: LocalSetUp;
  onDone: () => void;
  onAddAnother: () => void;
}) {
  const services = useServices();
  const [outcome, setOutcome] = useState<DefaultModelOutcome>(result.defaultModel);
  const [making, setMaking] = useState(false);
  const [error, setError] = useState<string>();
  // The ref `d` makes the default: offered while another provider's model is.
  const offered = outcome.status === 'kept' || outcome.status === 'same-provider' ? outcome.ref : undefined;
  const makeDefault = () => {
    if (offered === undefined) return;
    setMaking(true);
    services.makeModelDefault({ provider: result.provider, ref: offered }).then(
      (written) => {
        setOutcome(written.defaultModel);
        setMaking(false);
      },
      (failure: unknown) => {
        setError(errorMessage(failure));
        setMaking(false);
      },
    );
  };
  const hints = useKeyTable(
    KEYS,
    { offered },
    { done: onDone, 'add-another': onAddAnother, 'make-default': makeDefault },
    { isActive: !making },
  );
  const model = modelLine(outcome);
  return (
    <Box flexDirection="column">
      <Text color="green">✔ {shown(title)} set up for the gateway</Text>
      {places.map((place) => (
        <Bullet key={place}>{shown(place)}</Bullet>
      ))}
      {model && <Bullet>{shown(model)}</Bullet>}
      {notes.map((note) => (
        <Bullet key={note}>{shown(note)}</Bullet>
      ))}
      {error && (
        <Bullet color="red" mark="✘">
          {shown(error)}
        </Bullet>
      )}
      {result.gatewayNote && <Text dimColor> {result.gatewayNote.line}</Text>}
      <KeyHints hints={hints} />
    </Box>
  );
}

/** What the summary says of the default model: set, or kept (and `d` changes it). */
export function modelLine(outcome: DefaultModelOutcome): string | undefined {
  if (outcome.status === 'set' || outcome.status === 'already') return `default model ${outcome.ref}`;
  if (outcome.status === 'kept' || outcome.status === 'same-provider')
    return `the default model stays ${modelRefWords(outcome.current)}`;
  return undefined;
}
