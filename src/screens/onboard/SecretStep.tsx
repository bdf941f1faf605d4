import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { KeyHints } from '../../components/KeyHints.js';
import { TextField } from '../../components/text-field/TextField.js';
import { useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { characterCount, checkSecret, type SecretFit, type SecretKind } from '../../services/profiles/credentials.js';
import { findChoice, secretOwner } from '../../services/providers/catalog.js';
import { keyHelp, providerInfo, providerName } from '../../services/providers.js';
import { shown } from '../../services/terminal-text.js';
import { useClaudePath } from './use-claude-path.js';
import { useWizardEscWord } from './use-wizard-escape.js';

/**
 * Where a good secret in the wrong place belongs, as what to press in the wizard — or, where Esc
 * leaves it (the wizard opened here with --provider and --method), the command that takes it.
 */
function wizardFitHint(
  fits: SecretFit | undefined,
  claudeHere: boolean,
  provider: string,
  escGoesBack: boolean,
): string {
  if (!fits) return '';
  const command = (target: string, method?: string) =>
    ` — Esc leaves; \`authdeck onboard --provider ${target}${method ? ` --method ${method}` : ''}\` takes it`;
  if (fits.provider)
    return escGoesBack ? ` — press Esc to go back and choose ${providerName(fits.provider)}` : command(fits.provider);
  // "Made here" needs Claude Code on this machine; without it the token is made elsewhere and pasted.
  if (fits.setupToken) {
    if (!claudeHere) return ' (made with Claude Code on a machine that has it); paste that token here';
    return escGoesBack ? ' — press Esc and choose "Claude setup-token, made here"' : command(provider, 'setup-token');
  }
  if (!escGoesBack) return command(provider, fits.kind === 'api_key' ? 'api-key' : 'paste-token');
  return ` — press Esc and choose "${fits.kind === 'api_key' ? 'API key' : 'Paste a token made elsewhere'}"`;
}

function twinWarning(ids: string[]): string {
  return `the same secret is already saved as ${ids.join(', ')}: under another id it is a second credential with one quota and one fate`;
}

/** A masked field that checks the secret as it is typed or pasted and says why it is wrong. */
export function SecretStep({
  provider,
  kind,
  onSubmit,
  authChoice,
  initial,
  savedAs,
}: {
  provider: string;
  kind: SecretKind;
  onSubmit: (secret: string) => void;
  /** The secret given before Esc came back here from the next step: kept, not pasted again. */
  initial?: string | undefined;
  /** The endpoint or plan chosen: it may take another provider's secret (an OpenRouter key for Arcee). */
  authChoice?: string;
  /** The profiles of this agent that hold this very secret already. */
  savedAs?: (secret: string) => string[];
}) {
  const escWord = useWizardEscWord();
  const field = useTextFieldState(initial);
  const claudeHere = useClaudePath() !== undefined;
  // A secret with a warning (a token that looks cut off) takes a second Enter: "save it anyway".
  const [confirmFor, setConfirmFor] = useState<string>();
  // Keys typed after that question (typed ahead for the next step) land in the masked field,
  // unseen: a secret changed since it was asked about is asked about again, never saved at once.
  const [changedSinceAsked, setChangedSinceAsked] = useState(false);
  // Cleared (Ctrl+U): what comes next is a new paste, not a change to the one asked about.
  useEffect(() => {
    if (field.value !== '') return;
    setConfirmFor(undefined);
    setChangedSinceAsked(false);
  }, [field.value]);
  // Enter on nothing, or on a secret that cannot be right: said once, until the field changes.
  const [refusedAt, setRefusedAt] = useState<string>();
  const info = providerInfo(provider);
  const chosen = authChoice ? findChoice(authChoice) : undefined;
  const shapeOf = (chosen && secretOwner(chosen)) ?? provider;
  const check = field.value === '' ? undefined : checkSecret(shapeOf, kind, field.value);
  // Said before the save, not after: a second id for the same secret is rarely what is meant.
  const warningsOf = (result: ReturnType<typeof checkSecret>): string[] => {
    const twins = result.ok ? (savedAs?.(result.secret) ?? []) : [];
    return twins.length > 0 ? [...result.warnings, twinWarning(twins)] : result.warnings;
  };
  const warnings = check ? warningsOf(check) : [];
  const what = kind === 'api_key' ? 'API key' : 'token';
  return (
    <Box flexDirection="column">
      <Text bold>
        Paste the {info.name} {what}:
      </Text>
      {kind === 'api_key' &&
        keyHelp(info).map((line) => (
          <Text key={line} dimColor>
            {line}
          </Text>
        ))}
      <Box borderStyle="round" borderColor={check && !check.ok ? 'red' : 'cyan'} paddingX={1}>
        <TextField
          state={field}
          mask="all"
          keepLineBreaks
          placeholder={`paste the ${what} here`}
          onSubmit={(value) => {
            const result = checkSecret(shapeOf, kind, value);
            if (value.trim() === '' || !result.ok) return setRefusedAt(value);
            const askedBefore = confirmFor !== undefined && confirmFor !== result.secret;
            if ((warningsOf(result).length > 0 || askedBefore) && confirmFor !== result.secret) {
              setChangedSinceAsked(askedBefore);
              setConfirmFor(result.secret);
            } else onSubmit(result.secret);
          }}
        />
      </Box>
      {check && !check.ok && (
        <Text color="red">
          ✘ {shown(check.error ?? '')}
          {wizardFitHint(check.fits, claudeHere, provider, escWord === 'back')}
        </Text>
      )}
      {check?.ok &&
        warnings.length === 0 &&
        (check.shapeChecked ? (
          <Text color="green">✔ looks right</Text>
        ) : (
          <Text dimColor>authdeck knows no shape of {shown(info.name)} secrets to check this against</Text>
        ))}
      {warnings.map((warning) => (
        <Text key={warning} color="yellow">
          ! {shown(warning)}
        </Text>
      ))}
      {check?.ok &&
        confirmFor === check.secret &&
        (changedSinceAsked ? (
          <Text color="yellow">
            The secret changed after that question: it is now {characterCount(check.secret)}. Press Enter again to save
            it as it is, or Ctrl+U to clear it.
          </Text>
        ) : (
          <Text color="yellow">Press Enter again to save it anyway.</Text>
        ))}
      {refusedAt !== undefined && refusedAt === field.value && (
        <Text color="yellow">
          {field.value.trim() === ''
            ? `Nothing to save yet: paste the ${what} (Esc ${escWord === 'back' ? 'goes back' : 'leaves'}).`
            : `Not saved: this ${what} cannot be right (see above); Ctrl+U clears it, Esc ${escWord === 'back' ? 'goes back' : 'leaves'}.`}
        </Text>
      )}
      <KeyHints
        hints={[...(check?.ok ? [['enter', 'continue'] as const] : []), ['ctrl+u', 'clear'], ['esc', escWord]]}
      />
    </Box>
  );
}
