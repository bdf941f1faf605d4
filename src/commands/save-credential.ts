import { saveCredential } from '../services/actions.js';
import { rewrittenLines } from '../services/config/config-changes.js';
import { formatExpiryDate, formatRelative } from '../services/durations.js';
import { AuthdeckError, CancelledError, UsageError } from '../services/errors.js';
import { profileAWriteWouldReplace } from '../services/profiles/agent-state.js';
import { checkSecret, maskSecret, type SecretFit, type SecretKind } from '../services/profiles/credentials.js';
import { customProviderNote } from '../services/profiles/model-coverage.js';
import { profileIdFlag, resolveProfileId } from '../services/profiles/profile-actions.js';
import { refuseReplacing } from '../services/profiles/save-credential.js';
import { alsoListedLine, orderJoinedLine, sameSecretNote, savedVerb } from '../services/profiles/save-words.js';
import { choicesForProvider } from '../services/providers/catalog.js';
import { setupNotes } from '../services/providers/onboard-choice.js';
import { refuseBlockedPlugin } from '../services/providers/plugin-state.js';
import { setUpProvider } from '../services/providers/provider-setup.js';
import { keyAloneNote, keyHelp, providerInfo } from '../services/providers.js';
import { shown } from '../services/terminal-text.js';
import type { CommandContext } from './context.js';
import { CHOICE_OPTIONS, defaultModelPolicy } from './onboard-choice-options.js';
import { notePlugin, offerPluginInstall, setupJson, setupLine } from './onboard-report.js';
import { writeJson, writeWrapped } from './output.js';
import { knownProvider, providersHere, renamedProvider } from './provider-arg.js';
import { promptConfirm } from './secret-input.js';
import { command, duration, flag, OPTIONS, provider, required } from './spec.js';

export interface SaveCredentialOptions {
  provider: string;
  profileId?: string | undefined;
  /** Milliseconds. */
  expiresIn?: number | undefined;
  env?: boolean;
  json?: boolean;
  /** A provider of your own (not OpenClaw's): stored under the id as typed. */
  custom?: boolean;
  setDefaultModel?: boolean;
  keepDefaultModel?: boolean;
}

/** `paste-token` and `add-key`: one secret from a masked prompt or stdin into a profile. */
export async function runSaveCredential(
  ctx: CommandContext,
  kind: SecretKind,
  options: SaveCredentialOptions,
): Promise<number> {
  const policy = defaultModelPolicy(options);
  const workspace = await ctx.workspace();
  const state = await ctx.stateForWrite();
  const provider =
    renamedProvider(options.provider, state.store) ??
    knownProvider(options.provider, { custom: options.custom === true, known: providersHere(state) });
  const info = providerInfo(provider);
  const profileId = resolveProfileId(provider, options.profileId);
  const expiresInMs = options.expiresIn;
  if (expiresInMs !== undefined && expiresInMs <= 0) throw new UsageError('--expires-in must be more than zero');
  const envVar = options.env ? info.envVars.find((variable) => variable.type === 'api_key')?.name : undefined;
  if (options.env && !envVar)
    throw new UsageError(`--env: the gateway reads no API key variable for provider "${provider}"`);

  // Fail on a bad agent, an unparsable store or a clash before asking for the secret; a secret
  // piped in is read first: one of the wrong kind ("an API key, not a token") is the mistake to
  // name, not the id it would have clashed with.
  const refuseClash = () => refuseReplacing(profileId, profileAWriteWouldReplace(state, profileId), kind, 'same-type');
  if (ctx.io.stdin.isTTY) refuseClash();
  refuseBlockedPlugin(state.store, provider);

  const what = kind === 'api_key' ? 'API key' : 'token';
  // Asked in a terminal: say where the key comes from, as the wizard does.
  if (kind === 'api_key' && ctx.io.stdin.isTTY) for (const line of keyHelp(info)) ctx.note(ctx.paint.dim(line));
  const raw = await ctx.readSecret(`${info.name} ${what}: `);
  // Nothing piped in is a missing value, as in `onboard --auth-choice` (64), not a bad secret.
  if (!ctx.io.stdin.isTTY && raw.trim() === '')
    throw new UsageError(
      `no ${what} on stdin; pipe it in, e.g. \`printf %s "$KEY" | authdeck ${kind === 'api_key' ? 'add-key' : 'paste-token'} --provider ${provider}\``,
    );
  const check = checkSecret(provider, kind, raw);
  if (!check.ok) throw new AuthdeckError(`${check.error}${cliFitHint(check.fits, provider, profileId)}`);
  if (!ctx.io.stdin.isTTY) refuseClash();
  for (const warning of check.warnings) ctx.note(`warning: ${warning}`);
  // A token that looks cut off is useless once saved: in a terminal, ask (from stdin, it is only warned about).
  if (check.warnings.length > 0 && ctx.interactive) {
    if (!(await promptConfirm('Save it anyway?', ctx.io.stdin, ctx.io.stderr)))
      throw new CancelledError('nothing saved; paste the whole token again');
  }
  if (envVar) await confirmEnvReplacement(ctx, envVar, state.daemonEnv[envVar], check.secret);

  const nowMs = ctx.io.now();
  const saved = await saveCredential(await ctx.actionContext(state), {
    profileId,
    provider,
    kind,
    secret: check.secret,
    now: ctx.io.now,
    ...(expiresInMs !== undefined ? { expiresAt: nowMs + expiresInMs } : {}),
    ...(envVar ? { envVariable: envVar } : {}),
  });
  if (saved.createdWith)
    ctx.note(ctx.paint.dim(`the store did not exist yet: OpenClaw made it (\`${saved.createdWith}\`)`));
  // What `openclaw onboard` writes besides the secret, so the gateway can use it (README "Providers").
  const setup = await setUpProvider(workspace, {
    provider,
    kind,
    policy,
    stamp: saved.store.pluginsServeProviders,
  });
  const { plugin, alternatives } = setup;

  if (options.json) {
    writeJson(ctx.io.stdout, {
      ok: true,
      profileId,
      provider,
      type: kind,
      masked: maskSecret(check.secret),
      storePath: saved.storePath,
      layer: saved.layer,
      storeGeneration: saved.store.generation.id,
      replaced: saved.replaced,
      expiresAt: saved.expiresAt ?? null,
      expiryAssumed: saved.expiryAssumed,
      configPath: saved.config.path,
      configChanged: saved.config.changed || setup.config.changed,
      ...setupJson(setup, plugin ? { need: plugin, installed: false } : undefined),
      authChoices: alternatives.map((choice) => choice.id),
      configBackupPath: saved.config.backupPath ?? null,
      alsoListed: saved.config.alsoListed ?? [],
      orderAppendedIn: saved.orderAppendedIn,
      orderNote: saved.orderNote ?? null,
      sameSecretAs: saved.sameSecretAs ?? [],
      envFile: saved.env
        ? {
            path: saved.env.path,
            variable: saved.env.variable,
            changed: saved.env.changed,
            replaced: saved.env.previousMasked ?? null,
          }
        : null,
      gateway: saved.openclawSaved ? 'reloaded-by-openclaw' : saved.gateway.status,
    });
    return 0;
  }
  const out = ctx.io.stdout;
  const { paint } = ctx;
  const where = saved.layer === 'shared' ? `${saved.storePath} (shared store)` : saved.storePath;
  writeWrapped(
    out,
    `${paint.green('✔')} ${savedVerb(saved)} ${paint.bold(profileId)} (${kind} ${maskSecret(check.secret)}) in ${where}`,
  );
  if (saved.expiresAt !== undefined) {
    const assumed = saved.expiryAssumed ? ' (assumed: setup-tokens last one year; pass --expires-in to change)' : '';
    writeWrapped(
      out,
      `  expires ${formatExpiryDate(saved.expiresAt, nowMs)}, ${formatRelative(saved.expiresAt, nowMs)}${assumed}`,
    );
  }
  const line = setupLine(setup);
  if (line) writeWrapped(out, line);
  else if (saved.config.changed)
    writeWrapped(out, `  ${saved.config.created ? 'created' : 'recorded in'} ${saved.config.path}`);
  if (saved.config.alsoListed) writeWrapped(out, `  ${alsoListedLine(saved.config.alsoListed)}`);
  for (const rewritten of rewrittenLines([saved.config, setup.config]))
    writeWrapped(out, paint.yellow(`  ${rewritten}`));
  for (const path of saved.orderAppendedIn) writeWrapped(out, `  ${orderJoinedLine(provider, path)}`);
  if (saved.orderNote) ctx.note(paint.yellow(`warning: ${saved.orderNote}`));
  if (saved.sameSecretAs) ctx.note(paint.yellow(`warning: ${sameSecretNote(saved.sameSecretAs, saved.profileId)}`));
  const custom = customProviderNote(provider, saved.config.path, provider in workspace.config.models.providers);
  if (custom) ctx.note(paint.yellow(`note: ${custom}`));
  if (alternatives.length > 0)
    ctx.note(
      paint.yellow(
        `note: ${info.name} has several endpoints or plans; to write one and its default model, pipe the key to \`authdeck onboard --non-interactive --auth-choice ${alternatives[0]?.id ?? ''}\` (or ${alternatives
          .slice(1)
          .map((choice) => choice.id)
          .join(', ')})`,
      ),
    );
  for (const note of setupNotes(state, setup, [profileId])) ctx.note(paint.yellow(`warning: ${shown(note)}`));
  const alone = provider in workspace.config.models.providers ? undefined : keyAloneNote(provider);
  if (alone) ctx.note(paint.yellow(`note: ${alone}`));
  if (plugin) notePlugin(ctx, provider, plugin);
  await offerPluginInstall(ctx, workspace, plugin);
  if (setup.blocked) ctx.note(paint.yellow(`warning: ${setup.blocked}`));
  if (saved.env) {
    const replaced = saved.env.previousMasked ? ` (replacing ${saved.env.previousMasked})` : '';
    const did = saved.env.changed ? `set ${saved.env.variable}${replaced}` : `${saved.env.variable} already set`;
    writeWrapped(
      out,
      `  ${did} in ${saved.env.path}; restart the gateway so it reads it (\`openclaw gateway restart\`, or your systemd/launchd service)`,
    );
  }
  ctx.noteGateway(saved);
  // The secret is saved as asked; what the gateway still lacks is a warning (onboard exits 1 for it).
  return 0;
}

/**
 * Where a good secret pasted into the wrong command belongs, as a command to type; the profile
 * id the user named goes with it (`anthropic:work` → `--profile-id work`).
 */
export function cliFitHint(
  fits: SecretFit | undefined,
  provider: string,
  profileId?: string,
  /** The command names a choice (`onboard --auth-choice`), where --provider is refused: the choice to name instead. */
  byChoice = false,
): string {
  if (!fits) return '';
  const idFlag = profileIdFlag(profileId);
  if (fits.provider && byChoice) {
    const choice = choicesForProvider(fits.provider).find((entry) => entry.credential.kind === 'api_key');
    if (choice) return `; use --auth-choice ${choice.id}`;
  }
  if (fits.provider) return `; use --provider ${fits.provider}`;
  if (fits.setupToken) return `, or run \`authdeck setup-token${idFlag}\``;
  return `; add it with \`authdeck ${fits.kind === 'api_key' ? 'add-key' : 'paste-token'} --provider ${provider}${idFlag}\``;
}

/** The daemon .env already holds another value for the variable: say so, and ask in a terminal. */
async function confirmEnvReplacement(
  ctx: CommandContext,
  variable: string,
  current: string | undefined,
  secret: string,
): Promise<void> {
  if (current === undefined || current === secret) return;
  const question = `${variable} in the daemon .env is ${maskSecret(current)}; replace it?`;
  if (!ctx.interactive) return;
  if (!(await promptConfirm(question, ctx.io.stdin, ctx.io.stderr)))
    throw new CancelledError(`kept ${variable} as it was; nothing saved`);
}

/** The provider as typed, and what its onboarding sets besides the secret. */
const SETUP_OPTIONS = {
  custom: flag('custom', 'a provider of your own, not one OpenClaw ships (stored under the id as typed)'),
  setDefaultModel: CHOICE_OPTIONS.setDefaultModel,
  keepDefaultModel: CHOICE_OPTIONS.keepDefaultModel,
};

export const pasteTokenCommand = command({
  name: 'paste-token',
  description: 'store a token made elsewhere (from stdin, or a masked prompt in a terminal)',
  examples: [
    'authdeck paste-token --provider anthropic            # masked prompt',
    'pbpaste | authdeck paste-token --provider anthropic --profile-id work --expires-in 365d',
  ],
  writes: true,
  options: {
    provider: required(provider()),
    profileId: OPTIONS.profileId,
    expiresIn: duration(
      'expires-in',
      'lifetime: 365d, 12h, 90m; a bare number is days (Anthropic setup-tokens: 365d when not given)',
      'd',
    ),
    ...SETUP_OPTIONS,
    json: OPTIONS.json,
  },
  run: (ctx, options) => runSaveCredential(ctx, 'token', options),
});

export const addKeyCommand = command({
  name: 'add-key',
  description: 'store an API key (from stdin, or a masked prompt in a terminal)',
  examples: [
    'authdeck add-key --provider openai                  # masked prompt',
    'printf %s "$KEY" | authdeck add-key --provider groq --profile-id team --env',
  ],
  writes: true,
  options: {
    provider: required(provider()),
    profileId: OPTIONS.profileId,
    env: flag('env', "also write it to the daemon's .env (<state>/.env)"),
    ...SETUP_OPTIONS,
    json: OPTIONS.json,
  },
  run: (ctx, options) => runSaveCredential(ctx, 'api_key', options),
});
