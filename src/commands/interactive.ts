import { findProvider, isValidProviderId, normalizeProviderId, type OnboardingMethod } from '../services/providers.js';
import { UsageError } from '../services/errors.js';
import { loadAgentState } from '../services/agent-state.js';
import type { CommandContext } from './context.js';
import { requireProvider } from './context.js';
import { OPTIONS, flagValue, stringValue, type CommandSpec, type OptionSpec, type ParsedValues } from './spec.js';

const METHODS: OnboardingMethod[] = ['api-key', 'setup-token', 'paste-token', 'browser', 'device'];

/** Screens need a terminal; without one, say which plain command does the job (SPEC §6). */
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
  options: { checkStore?: boolean; printTo?: NodeJS.WritableStream } = {},
): Promise<number> {
  const workspace = await ctx.workspace();
  if (options.checkStore) await loadAgentState(workspace);
  await ctx.settleStoreGeneration();
  const { launchTui } = await import('../tui.js');
  return launchTui(ctx, screen, options.printTo);
}

export async function runOnboard(
  ctx: CommandContext,
  options: { provider?: string; method?: string; nonInteractive?: boolean; profileId?: string; json?: boolean },
): Promise<number> {
  const provider = options.provider !== undefined ? requireProvider(options.provider) : undefined;
  const method = options.method as OnboardingMethod | undefined;
  if (method !== undefined && !METHODS.includes(method))
    throw new UsageError(`--method: "${options.method}" is not one of ${METHODS.join(', ')}`);
  if (provider && method && !(findProvider(provider)?.methods ?? ['api-key', 'paste-token']).includes(method)) {
    throw new UsageError(`--method ${method} does not apply to ${provider}`);
  }
  if (options.nonInteractive) {
    if (!provider || !method)
      throw new UsageError(
        '--non-interactive needs --provider and --method (api-key or paste-token); the secret comes from stdin',
      );
    if (method === 'setup-token')
      throw new UsageError('setup-token needs a terminal; make the token elsewhere and use --method paste-token');
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
    const { runSaveCredential } = await import('./save-credential.js');
    return runSaveCredential(ctx, method === 'api-key' ? 'api_key' : 'token', {
      provider,
      profileId: options.profileId,
      json: options.json,
    });
  }
  requireTerminal(
    ctx,
    'onboard',
    '`authdeck onboard --non-interactive --provider P --method api-key|paste-token` with the secret on stdin',
  );
  return openScreen(ctx, { name: 'onboard', ...(provider ? { provider } : {}), ...(method ? { method } : {}) });
}

export async function runDashboard(ctx: CommandContext): Promise<number> {
  requireTerminal(ctx, 'dashboard', '`authdeck status` (or `status --json`)');
  return openScreen(ctx, { name: 'dashboard' });
}

export async function runPick(ctx: CommandContext, options: { provider?: string; print?: boolean }): Promise<number> {
  const provider = options.provider !== undefined ? normalizeProviderId(options.provider) : undefined;
  if (provider !== undefined && !isValidProviderId(provider))
    throw new UsageError(`--provider: "${options.provider}" is not a provider id`);
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
export const ONBOARD_OPTIONS: OptionSpec[] = [
  OPTIONS.provider(false),
  { name: 'method', value: 'method', description: 'api-key | setup-token | paste-token' },
  { name: 'non-interactive', description: 'no screen: needs --provider and --method, secret on stdin' },
  { name: 'profile-id', value: 'id', description: 'with --non-interactive: profile id or name' },
  OPTIONS.json,
];

export function onboardInput(values: ParsedValues) {
  return {
    provider: stringValue(values, 'provider'),
    method: stringValue(values, 'method'),
    nonInteractive: flagValue(values, 'non-interactive'),
    profileId: stringValue(values, 'profile-id'),
    json: flagValue(values, 'json'),
  };
}

export const onboardCommand: CommandSpec = {
  name: 'onboard',
  description: 'the onboarding wizard (TUI); --non-interactive reads the secret from stdin',
  options: ONBOARD_OPTIONS,
  run: (ctx, { values }) => runOnboard(ctx, onboardInput(values)),
};

export const dashboardCommand: CommandSpec = {
  name: 'dashboard',
  description: 'the live status dashboard (TUI)',
  run: (ctx) => runDashboard(ctx),
};

export const pickCommand: CommandSpec = {
  name: 'pick',
  description: 'choose the profile a provider uses first for this agent (TUI)',
  options: [OPTIONS.provider(false), { name: 'print', description: 'print the chosen id to stdout' }],
  run: (ctx, { values }) =>
    runPick(ctx, { provider: stringValue(values, 'provider'), print: flagValue(values, 'print') }),
};
