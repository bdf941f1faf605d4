import { Box, Text } from 'ink';
import { KeyHints } from '../../components/KeyHints.js';
import { type SelectItem, SelectList, selectHints } from '../../components/select-list/SelectList.js';
import { useServices } from '../../contexts.js';
import { OAUTH_PROVIDERS } from '../../services/oauth/oauth-providers.js';
import { type OnboardingMethod, providerInfo, providerName } from '../../services/providers.js';
import { claudePath, useClaudePath } from './use-claude-path.js';
import { useWizardEscWord } from './use-wizard-escape.js';

/** How the secret comes in: an API key, setup-token run right here (Anthropic), or a pasted token. */
export function MethodStep({
  provider,
  initial,
  onSelect,
}: {
  provider: string;
  /** The method chosen last time (back from its screen): highlighted again. */
  initial?: OnboardingMethod | undefined;
  onSelect: (method: OnboardingMethod) => void;
}) {
  const escWord = useWizardEscWord();
  const services = useServices();
  const claudeFound = useClaudePath() !== undefined;
  const methods = providerInfo(provider).methods;
  // Sign-ins through another program's login (az, the Claude CLI) are the CLI's only: named here.
  // The Claude CLI's login needs the Claude CLI: not named where it is not installed.
  const elsewhere = OAUTH_PROVIDERS.filter(
    (entry) =>
      entry.storeProvider === provider &&
      entry.methods.includes('cli') &&
      (entry.id !== 'anthropic-cli' || claudeFound),
  );
  const labels: Record<OnboardingMethod, SelectItem<OnboardingMethod>> = {
    'api-key': {
      value: 'api-key',
      label: 'API key',
      hint: provider === 'anthropic' ? '(recommended) billed per use, from the Console' : 'from the provider console',
    },
    'setup-token': claudeFound
      ? {
          value: 'setup-token',
          label: 'Claude setup-token, made here',
          hint: 'runs `claude setup-token`; uses your Claude subscription',
        }
      : {
          value: 'setup-token',
          // In the label, not only dimmed: a narrow terminal cuts the hint, NO_COLOR drops the dim.
          label: 'Claude setup-token, made here (needs Claude Code)',
          hint: 'npm install -g @anthropic-ai/claude-code',
          disabled: {
            why: 'Claude Code is not installed here: `npm install -g @anthropic-ai/claude-code`, then Enter on this row again; or paste a token made elsewhere.',
            // Installed in another terminal meanwhile: Enter finds it now.
            recheck: () => claudePath(services) !== undefined,
          },
        },
    browser: {
      value: 'browser',
      label: `Sign in with ${provider === 'openai' ? 'ChatGPT' : providerName(provider)} in a browser`,
      hint: browserHint(
        OAUTH_PROVIDERS.find((entry) => entry.storeProvider === provider && entry.methods.includes('browser'))?.kind,
      ),
    },
    device: {
      value: 'device',
      label: `Sign in with a code${provider === 'openai' ? ' (ChatGPT)' : ''}`,
      hint: 'enter a short code on any device: for remote and SSH machines',
    },
    'local-server': {
      value: 'local-server',
      label: `Use the ${providerName(provider)} server on this machine`,
      hint:
        provider === 'copilot-proxy'
          ? "the VS Code extension's address and the models to use"
          : 'finds it, lists its models; nothing leaves this machine',
    },
    'paste-token': {
      value: 'paste-token',
      label: 'Paste a token made elsewhere',
      // Elsewhere the same secret could go either way: the hint says what tells them apart.
      hint:
        provider === 'anthropic'
          ? 'e.g. from `claude setup-token` on another machine'
          : 'a bearer token you were given, stored as a token, not a key',
    },
  };
  return (
    <Box flexDirection="column">
      <Text bold>
        {methods.length === 1 && methods[0] === 'local-server'
          ? `Set up ${providerName(provider)}:`
          : `How do you want to sign in to ${providerName(provider)}?`}
      </Text>
      <SelectList
        letterKeys
        wholeHighlighted
        items={methods.map((method) => labels[method])}
        initialIndex={Math.max(0, initial ? methods.indexOf(initial) : 0)}
        onSelect={onSelect}
      />
      {elsewhere.map((entry) => (
        <Text key={entry.id} dimColor>
          {entry.label}: not here; run `authdeck login --provider {entry.id}` after leaving
        </Text>
      ))}
      <KeyHints hints={[...selectHints(methods.length), ['esc', escWord]]} />
    </Box>
  );
}

/** What a browser sign-in gives: a sign-in the gateway renews, or a key issued once (OpenRouter's). */
function browserHint(kind: string | undefined): string {
  if (kind === 'api_key') return 'it issues an API key for you: nothing to renew';
  if (kind === 'token') return 'uses your subscription';
  return 'uses your subscription; the gateway renews the sign-in itself';
}
