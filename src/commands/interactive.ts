import { UnreadableStateError, UsageError } from '../services/errors.js';
import type { AgentState } from '../services/profiles/agent-state.js';
import { findProvider, type OnboardingMethod } from '../services/providers.js';
import type { CommandContext } from './context.js';
import { CHOICE_OPTIONS } from './onboard-choice-options.js';
import { choice, command, flag, OPTIONS, type OptionValues, provider, text } from './spec.js';

const METHODS = [
  'api-key',
  'setup-token',
  'paste-token',
  'browser',
  'device',
  'local-server',
] as const satisfies readonly OnboardingMethod[];

/** Screens need a terminal; without one, say which plain command does the job. */
export function requireTerminal(ctx: CommandContext, what: string, instead: string): void {
  if (!ctx.interactive) throw new UsageError(`${what} needs a terminal; without one use ${instead}`);
}

/**
 * An unknown agent or an unparsable config (and, with `checkStore`, store) stops here with its
 * exit code, before Ink starts.
 */
export async function openScreen(
  ctx: CommandContext,
  screen: import('../navigation.js').Screen,
  options: {
    checkStore?: boolean;
    printTo?: NodeJS.WritableStream;
    /** The screen saves for this provider only (setup-token, the wizard given one): a plugin the config blocks stops it here. */
    provider?: string;
  } = {},
): Promise<number> {
  // The state read here is the screen's first (and asks which store to write, when nothing tells).
  let state: AgentState | undefined;
  try {
    state = await ctx.stateForWrite();
  } catch (error) {
    // An unparsable store is shown on the screen that can help with it, unless it needs the store.
    if (options.checkStore || !(error instanceof UnreadableStateError)) throw error;
  }
  // Before claude makes a token that could not be saved.
  if (options.provider && state)
    (await import('../services/providers/plugin-state.js')).refuseBlockedPlugin(state.store, options.provider);
  const { launchTui } = await import('../tui.js');
  return launchTui(ctx, screen, options.printTo, state);
}

export type OnboardOptions = Partial<OptionValues<typeof ONBOARD_OPTIONS>>;

/**
 * The provider a screen opens on: OpenClaw's id (an alias resolved), one the agent already has,
 * or with --custom one of your own; anything else is refused with the closest ids, as add-key
 * refuses it (in the wizard's list, "Another provider…" takes any id).
 */
async function screenProvider(
  ctx: CommandContext,
  typed: string | undefined,
  /** undefined: the command has no --custom (pick). */
  custom?: boolean,
): Promise<string | undefined> {
  if (typed === undefined) return undefined;
  const { knownProvider, providersHere } = await import('./provider-arg.js');
  const known = await ctx
    .agentState()
    .then(providersHere, async () => Object.keys((await ctx.workspace()).config.models.providers));
  return knownProvider(typed, {
    custom: custom === true,
    known,
    ...(custom === undefined ? { flag: '--provider' } : {}),
  });
}

export async function runOnboard(
  ctx: CommandContext,
  options: OnboardOptions,
  /** `login`'s: the method the list opens on (its sign-in), and what to run without a terminal. */
  asLogin?: { cursorOn: OnboardingMethod | undefined; withoutTerminal: string },
): Promise<number> {
  const { method } = options;
  // A typo would open the wizard on a provider nobody has (and save a key under it): refuse it here.
  const provider = await screenProvider(ctx, options.provider, options.custom === true);
  if (options.secretInputMode !== undefined && options.authChoice === undefined)
    throw new UsageError(
      '--secret-input-mode goes with --auth-choice (the choice names the variable the key is read from)',
    );
  // An auth choice is OpenClaw's own answer to the wizard's questions: in a terminal too, only the secret is asked.
  if (options.authChoice !== undefined) {
    if (provider || method)
      throw new UsageError('--auth-choice names the provider and method; leave out --provider and --method');
    const { runOnboardChoice } = await import('./onboard-choice.js');
    return runOnboardChoice(ctx, options);
  }
  if (provider && method && !(findProvider(provider)?.methods ?? ['api-key', 'paste-token']).includes(method)) {
    throw new UsageError(`--method ${method} does not apply to ${provider}`);
  }
  if (options.nonInteractive) {
    if (!provider || !method)
      throw new UsageError(
        '--non-interactive needs --auth-choice ID (as `openclaw onboard` takes it), or --provider and --method (api-key or paste-token); the secret comes from stdin',
      );
    if (method === 'setup-token')
      throw new UsageError('setup-token needs a terminal; make the token elsewhere and use --method paste-token');
    if (method === 'local-server')
      throw new UsageError(
        `--method local-server asks where the server runs and which model: without a terminal, use \`authdeck onboard --non-interactive --auth-choice ${provider}\` (with --custom-base-url and --custom-model-id where the defaults do not fit)`,
      );
    if (method === 'browser' || method === 'device') {
      const { runSignIn } = await import('./sign-in.js');
      return runSignIn(ctx, {
        provider,
        method,
        ...(options.profileId ? { profileId: options.profileId } : {}),
        openBrowser: true,
        json: options.json === true,
      });
    }
    const kind = method === 'api-key' ? 'api_key' : 'token';
    // The one auth choice the secret stands for is onboarded as `--auth-choice` onboards it (its
    // profile id, plugin install, exit 1 while the gateway still cannot use it): the same answer
    // for the same provider, however it is named. Several (regions) or none: the secret alone.
    const { choiceForSecret } = await import('../services/providers/provider-setup.js');
    const choice = options.custom ? undefined : choiceForSecret(provider, kind);
    if (choice) {
      const { runOnboardChoice } = await import('./onboard-choice.js');
      const { provider: _provider, method: _method, ...rest } = options;
      return runOnboardChoice(ctx, { ...rest, authChoice: choice.id });
    }
    const { runSaveCredential } = await import('./save-credential.js');
    return runSaveCredential(ctx, kind, {
      provider,
      profileId: options.profileId,
      json: options.json,
      custom: options.custom,
    });
  }
  if (asLogin)
    requireTerminal(ctx, `login${provider ? ` --provider ${provider}` : ''} (the wizard)`, asLogin.withoutTerminal);
  requireTerminal(
    ctx,
    'onboard',
    '`authdeck onboard --non-interactive --provider P --method api-key|paste-token` with the secret on stdin',
  );
  return openScreen(
    ctx,
    {
      name: 'onboard',
      ...(provider ? { provider } : {}),
      ...(method ? { method } : {}),
      ...(asLogin?.cursorOn && !method ? { lastMethod: asLogin.cursorOn } : {}),
    },
    // Every way the wizard saves for this provider would be refused: say so before it opens.
    provider ? { provider } : {},
  );
}

export async function runDashboard(ctx: CommandContext): Promise<number> {
  requireTerminal(ctx, 'dashboard', '`authdeck status` (or `status --json`)');
  return openScreen(ctx, { name: 'dashboard' });
}

export async function runPick(
  ctx: CommandContext,
  options: { provider?: string | undefined; print?: boolean },
): Promise<number> {
  // A typo would open a picker with nothing in it: refused with the closest ids, as onboard does.
  const provider = await screenProvider(ctx, options.provider);
  const screen = {
    name: 'pick',
    ...(provider ? { provider } : {}),
    ...(options.print ? { print: true } : {}),
  } as const;
  const instead = '`authdeck order set --provider P ID …` (and `authdeck order get --provider P`)';
  if (ctx.interactive || !options.print) {
    requireTerminal(ctx, 'pick', instead);
    return openScreen(ctx, screen, { checkStore: true });
  }
  // `id=$(authdeck pick --print)`: the picker draws on the terminal, only the id goes to stdout.
  const { openControllingTerminal } = await import('./controlling-terminal.js');
  const terminal = openControllingTerminal(ctx);
  if (!terminal) throw new UsageError(`pick needs a terminal; without one use ${instead}`);
  try {
    return await openScreen(terminal.ctx, screen, { checkStore: true, printTo: ctx.io.stdout });
  } finally {
    terminal.close();
  }
}

/** The wizard's flags, shared by `onboard` and `login`. */
export const ONBOARD_OPTIONS = {
  provider: provider(),
  method: choice('method', METHODS, 'how to get the credential'),
  nonInteractive: flag(
    'non-interactive',
    'no screen: needs --auth-choice (or --provider and --method), secret on stdin',
  ),
  profileId: text('profile-id', 'id', 'with --non-interactive: profile id or name', 'profiles'),
  custom: flag('custom', 'with --provider: a provider of your own, not one OpenClaw ships'),
  ...CHOICE_OPTIONS,
  json: OPTIONS.json,
};

export const onboardCommand = command({
  name: 'onboard',
  description: 'the onboarding wizard (TUI); --non-interactive reads the secret from stdin',
  examples: [
    'authdeck onboard',
    'authdeck onboard --provider anthropic --method setup-token',
    'printf %s "$KEY" | authdeck onboard --non-interactive --auth-choice deepseek-api-key',
    'printf %s "$KEY" | authdeck onboard --non-interactive --auth-choice custom-api-key --custom-base-url http://127.0.0.1:8080/v1 --custom-model-id llama3',
    'printf %s "$KEY" | authdeck onboard --non-interactive --provider openai --method api-key',
  ],
  writes: true,
  options: ONBOARD_OPTIONS,
  run: (ctx, options) => runOnboard(ctx, options),
});

export const dashboardCommand = command({
  name: 'dashboard',
  description: 'the live status dashboard (TUI)',
  writes: true,
  run: (ctx) => runDashboard(ctx),
});

export const pickCommand = command({
  name: 'pick',
  description: 'choose the profile a provider uses first for this agent (TUI)',
  examples: ['authdeck pick --provider anthropic', 'id=$(authdeck pick --provider anthropic --print)'],
  writes: true,
  options: { provider: provider(), print: flag('print', 'print the chosen id to stdout') },
  run: (ctx, options) => runPick(ctx, options),
});
