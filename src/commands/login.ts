import { UsageError } from '../services/errors.js';
import { findOAuthProvider, OAUTH_PROVIDERS } from '../services/oauth/oauth-providers.js';
import { findProvider } from '../services/providers.js';
import { flagWord } from '../services/shell-word.js';
import { shown } from '../services/terminal-text.js';
import type { CommandContext } from './context.js';
import { ONBOARD_OPTIONS, openScreen, requireTerminal, runOnboard } from './interactive.js';
import { runRemove } from './remove.js';
import { command, flag, OPTIONS, provider } from './spec.js';

/** What a sign-in by flag reads of the wizard's options; the rest would be dropped unsaid. */
const SIGN_IN_OPTIONS = new Set([
  'provider',
  'method',
  'profileId',
  'json',
  'setDefaultModel',
  'keepDefaultModel',
  // A script's way to say "no screen": a sign-in by flag has none anyway.
  'nonInteractive',
]);

/**
 * An option of the wizard's given to a sign-in, which has no use for it (`--auth-choice`, a
 * token's expiry, a custom base URL): refused, as contradicting flags are, rather than ignored.
 */
function refuseUnusedInSignIn(input: Record<string, unknown>): void {
  const unused = Object.entries(input).find(
    ([key, value]) => !SIGN_IN_OPTIONS.has(key) && value !== undefined && value !== false && key in ONBOARD_OPTIONS,
  );
  if (!unused) return;
  const flagName = ONBOARD_OPTIONS[unused[0] as keyof typeof ONBOARD_OPTIONS].name;
  throw new UsageError(
    `--${flagName} has no use in a sign-in; leave it out, or use \`authdeck onboard\` for a key or token`,
  );
}

/**
 * `authdeck login`: what people type first. Without a method it is the wizard; with one, the
 * wizard goes straight to it (or, --non-interactive, reads the secret from stdin).
 */
export const loginCommand = command({
  name: 'login',
  description:
    'sign in to a provider: --method browser|device for ChatGPT, Copilot, xAI; OpenRouter, MiniMax, Chutes, Radius, Copilot Enterprise, Foundry (az) and the Claude CLI by --provider; else the wizard',
  examples: [
    'authdeck login --provider openai                    # ChatGPT sign-in (the wizard in a terminal)',
    'authdeck login --provider github-copilot --method device',
    'authdeck login --provider openai --method device   # over SSH: a code to enter in any browser',
    'authdeck login --provider openai --no-browser      # print the link (a browser that reaches here, ssh -L)',
    'authdeck login --provider openrouter-oauth                      # an OpenRouter API key, by browser',
    'authdeck login --provider anthropic-cli                         # use the Claude CLI login',
  ],
  helpSections: [
    {
      title: 'Sign-ins (--provider; any other provider opens the wizard)',
      lines: (() => {
        const width = Math.max(...OAUTH_PROVIDERS.map((entry) => entry.id.length));
        return OAUTH_PROVIDERS.map(
          (entry) =>
            `${entry.id.padEnd(width)}  ${entry.label}: ${entry.methods.map((method) => (method === 'cli' ? 'its CLI' : method)).join(', ')}${entry.aliases?.length ? ` (also ${entry.aliases.join(', ')})` : ''}`,
        );
      })(),
    },
  ],
  writes: true,
  options: {
    ...ONBOARD_OPTIONS,
    provider: { ...provider('provider: one of the sign-ins below; others open the wizard'), values: 'sign-ins' },
    method: {
      ...ONBOARD_OPTIONS.method,
      description: 'browser | device (sign in), or api-key | setup-token | paste-token (the wizard)',
    },
    profileId: {
      ...ONBOARD_OPTIONS.profileId,
      description: 'the profile id or name a sign-in is saved as (the wizard: with --non-interactive)',
    },
    noBrowser: flag('no-browser', 'print the sign-in link instead of opening a browser'),
  },
  run: async (ctx, { noBrowser, ...input }) => {
    if (input.provider && REMOVED_SIGN_IN.test(input.provider.trim()))
      throw new UsageError(
        'Google\'s Gemini CLI sign-in is not offered: OpenClaw 2026.9 removed it, so the gateway could not renew a profile made now (README, "Sign-in"); for Google use an API key: `authdeck onboard --provider google`',
      );
    const oauth = input.provider ? findOAuthProvider(input.provider) : undefined;
    // Sign-in by flag, a sign-in the wizard does not offer, or no terminal for the wizard: the text flow.
    if (
      input.method === 'browser' ||
      input.method === 'device' ||
      (oauth && !input.method && (!ctx.interactive || oauth.textOnly))
    ) {
      if (!input.provider)
        throw new UsageError(
          `--method ${input.method} needs --provider (${OAUTH_PROVIDERS.map((entry) => entry.id).join(', ')})`,
        );
      refuseUnusedInSignIn(input);
      const [{ runSignIn }, { defaultModelPolicy }] = await Promise.all([
        import('./sign-in.js'),
        import('./onboard-choice-options.js'),
      ]);
      return runSignIn(ctx, {
        provider: input.provider,
        method: input.method === 'browser' || input.method === 'device' ? input.method : undefined,
        ...(input.profileId ? { profileId: input.profileId } : {}),
        openBrowser: !noBrowser,
        json: input.json === true,
        defaultModel: defaultModelPolicy(input),
      });
    }
    // In a terminal the wizard offers the sign-in among the provider's methods (openai-codex is openai there).
    // `login` is for signing in: the list opens on the sign-in, not on the API key above it.
    const signIn = oauth?.methods.find((method) => method === 'browser' || method === 'device');
    return runOnboard(
      ctx,
      { ...input, ...(oauth && input.provider === 'openai-codex' ? { provider: 'openai' } : {}) },
      { cursorOn: signIn, withoutTerminal: withoutTerminal(input.provider) },
    );
  },
});

/** Google's Gemini CLI sign-in, by the ids OpenClaw gave it before 2026.9 removed it. */
const REMOVED_SIGN_IN = /^(google-)?gemini-cli$/i;

/** What signs in to the provider, or saves its key, where the wizard cannot open. */
function withoutTerminal(provider: string | undefined): string {
  const asSignIn = OAUTH_PROVIDERS.find((entry) => entry.storeProvider === provider && entry.kind !== 'none');
  // A provider OpenClaw does not know is saved as one of your own: add-key asks for --custom.
  const custom = provider && !findProvider(provider) ? ' --custom' : '';
  const key = `\`printf %s "$KEY" | authdeck add-key ${provider ? shown(flagWord('--provider', provider)) : '--provider P'}${custom}\` for a key`;
  return asSignIn ? `\`authdeck login --provider ${asSignIn.id}\` to sign in, or ${key}` : key;
}

/** `authdeck logout [ID]`: remove a profile; without an id, choose it in a list. */
export async function runLogout(ctx: CommandContext, id: string | undefined, options: { yes: boolean; json: boolean }) {
  if (id !== undefined) return runRemove(ctx, id, options);
  requireTerminal(ctx, 'logout without an id', '`authdeck logout ID --yes` (see `authdeck status` for the ids)');
  return openScreen(ctx, { name: 'logout' }, { checkStore: true });
}

export const logoutCommand = command({
  name: 'logout',
  description: 'remove a profile: the one named, or one chosen in a list (TUI)',
  examples: ['authdeck logout', 'authdeck logout anthropic:work --yes'],
  writes: true,
  options: { yes: OPTIONS.yes, json: OPTIONS.json },
  args: [{ name: 'id', values: 'profiles' }],
  run: (ctx, options, [id]) => runLogout(ctx, id, options),
});
