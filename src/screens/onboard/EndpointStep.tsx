import { Box, Text } from 'ink';
import { KeyHints } from '../../components/KeyHints.js';
import { SelectList, selectHints } from '../../components/select-list/SelectList.js';
import type { CatalogChoice } from '../../services/providers/catalog.js';
import { providerName } from '../../services/providers.js';
import { useWizardEscWord } from './use-wizard-escape.js';

/**
 * Which of a provider's endpoints or plans the key is for (Z.AI Global or CN, Qwen's plans…),
 * as OpenClaw's picker asks it: the choice decides the endpoint and default model written.
 */
export function EndpointStep({
  provider,
  choices,
  onSelect,
  signIn = false,
  initial,
}: {
  provider: string;
  choices: CatalogChoice[];
  /** The choice answered before (back from the key): the cursor opens on it. */
  initial?: string | undefined;
  onSelect: (authChoice: string) => void;
  /** The choices are places to sign in at, not endpoints a key is for. */
  signIn?: boolean;
}) {
  const escWord = useWizardEscWord();
  return (
    <Box flexDirection="column">
      <Text bold>
        {signIn
          ? `Where do you sign in to ${providerName(provider)}?`
          : `Which ${providerName(provider)} endpoint or plan is the key for?`}
      </Text>
      <SelectList
        letterKeys
        wholeHighlighted
        items={choices.map((choice) => ({
          value: choice.id,
          label: choice.label,
          hint: choice.hint ?? choice.defaultModel?.ref ?? '',
        }))}
        initialIndex={Math.max(
          0,
          choices.findIndex((choice) => choice.id === initial),
        )}
        onSelect={onSelect}
      />
      <KeyHints hints={[...selectHints(choices.length), ['esc', escWord]]} />
    </Box>
  );
}
