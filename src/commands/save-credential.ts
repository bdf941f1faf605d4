import { checkSecret, maskSecret, type SecretKind } from '../services/credentials.js';
import { formatDate, formatRelative, parseDuration, SETUP_TOKEN_LIFETIME_MS } from '../services/durations.js';
import { setDaemonEnvVar } from '../services/env-file.js';
import { AuthdeckError, UsageError } from '../services/errors.js';
import { ProfileConflictError, resolveProfileId, saveCredentialProfile } from '../services/profile-actions.js';
import { storedProfileType } from '../services/credential-view.js';
import { providerInfo } from '../services/providers.js';
import { profileAWriteWouldReplace } from '../services/agent-state.js';
import { requireProvider, type CommandContext } from './context.js';
import { writeJson, writeLine } from './output.js';

export interface SaveCredentialOptions {
  provider?: string;
  profileId?: string;
  expiresIn?: string;
  env?: boolean;
  json?: boolean;
}

/** `paste-token` and `add-key`: one secret from a masked prompt or stdin into a profile. */
export async function runSaveCredential(
  ctx: CommandContext,
  kind: SecretKind,
  options: SaveCredentialOptions,
): Promise<number> {
  const provider = requireProvider(options.provider);
  const info = providerInfo(provider);
  const profileId = resolveProfileId(provider, options.profileId);
  const expiresInMs = options.expiresIn !== undefined ? parseDuration(options.expiresIn, '--expires-in') : undefined;
  if (expiresInMs !== undefined && expiresInMs <= 0) throw new UsageError('--expires-in must be more than zero');
  const envVar = options.env ? info.envVars.find((variable) => variable.type === 'api_key')?.name : undefined;
  if (options.env && !envVar)
    throw new UsageError(`--env: the gateway reads no API key variable for provider "${provider}"`);

  // Fail on a bad agent, an unparsable store or a clash before asking for the secret.
  const workspace = await ctx.workspace();
  const existing = profileAWriteWouldReplace(await ctx.agentState(), profileId);
  if (existing && storedProfileType(existing) !== kind)
    throw new ProfileConflictError(profileId, storedProfileType(existing));

  const what = kind === 'api_key' ? 'API key' : 'token';
  const check = checkSecret(provider, kind, await ctx.readSecret(`${info.label} ${what}: `));
  if (!check.ok) throw new AuthdeckError(check.error!);
  for (const warning of check.warnings) ctx.note(`warning: ${warning}`);

  const nowMs = ctx.io.now();
  let expiresAt = expiresInMs !== undefined ? nowMs + expiresInMs : undefined;
  let assumedExpiry = false;
  if (expiresAt === undefined && kind === 'token' && provider === 'anthropic') {
    expiresAt = nowMs + SETUP_TOKEN_LIFETIME_MS;
    assumedExpiry = true;
  }
  const saved = await saveCredentialProfile({
    workspace,
    profileId,
    provider,
    kind,
    secret: check.secret,
    ...(expiresAt !== undefined ? { expiresAt } : {}),
  });
  const envResult = envVar ? await setDaemonEnvVar(workspace.daemonEnvPath, envVar, check.secret) : undefined;
  if (saved.createdWith)
    ctx.note(ctx.paint.dim(`the store did not exist yet: created it with \`${saved.createdWith}\``));
  const gateway = saved.createdWith ? undefined : await ctx.reloadGateway(saved.era);

  if (options.json) {
    writeJson(ctx.io.stdout, {
      ok: true,
      profileId,
      provider,
      type: kind,
      masked: maskSecret(check.secret),
      storePath: saved.storePath,
      layer: saved.layer,
      storeGeneration: saved.era,
      replaced: saved.replaced,
      expiresAt: expiresAt ?? null,
      expiryAssumed: assumedExpiry,
      configPath: saved.config.path,
      configChanged: saved.config.changed,
      configBackupPath: saved.config.backupPath ?? null,
      envFile: envVar ? { path: workspace.daemonEnvPath, variable: envVar, changed: envResult!.changed } : null,
      gateway: gateway?.status ?? 'reloaded-by-openclaw',
    });
    return 0;
  }
  const out = ctx.io.stdout;
  const { paint } = ctx;
  const where = saved.layer === 'shared' ? `${saved.storePath} (shared store)` : saved.storePath;
  writeLine(
    out,
    `${paint.green('✔')} ${saved.replaced ? 'Replaced' : 'Saved'} ${paint.bold(profileId)} (${kind} ${maskSecret(check.secret)}) in ${where}`,
  );
  if (expiresAt !== undefined) {
    const assumed = assumedExpiry ? ' (assumed: setup-tokens last one year; pass --expires-in to change)' : '';
    writeLine(out, `  expires ${formatDate(expiresAt)}, ${formatRelative(expiresAt, nowMs)}${assumed}`);
  }
  if (saved.config.changed) {
    writeLine(out, `  ${saved.config.created ? 'created' : 'recorded in'} ${saved.config.path}`);
  }
  if (saved.config.backupPath) {
    writeLine(
      out,
      paint.yellow(
        `  ${saved.config.path} used JSON5-only syntax, so it was rewritten as JSON; the original is in ${saved.config.backupPath}`,
      ),
    );
  }
  if (envVar) {
    writeLine(
      out,
      `  ${envResult!.changed ? 'set' : 'already set:'} ${envVar} in ${workspace.daemonEnvPath}; restart the gateway so it reads it (\`openclaw gateway restart\`, or your systemd/launchd service)`,
    );
  }
  return 0;
}
