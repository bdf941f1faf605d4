import { onboardChoice } from '../services/actions.js';
import { AuthdeckError, CancelledError, errorMessage, UsageError } from '../services/errors.js';
import { findOAuthProvider } from '../services/oauth/oauth-providers.js';
import { profileAWriteWouldReplace } from '../services/profiles/agent-state.js';
import { checkSecret, type SecretKind } from '../services/profiles/credentials.js';
import { resolveProfileId } from '../services/profiles/profile-actions.js';
import { refuseReplacing } from '../services/profiles/save-credential.js';
import { type CatalogChoice, choicesForProvider, secretOwner } from '../services/providers/catalog.js';
import { catalogSetup } from '../services/providers/catalog-setup.js';
import { CLOUDFLARE_CHOICE, cloudflareIds, cloudflareSetup } from '../services/providers/cloudflare-gateway.js';
import { COPILOT_PROXY } from '../services/providers/copilot-proxy.js';
import { customSetup, withBaseUrl } from '../services/providers/custom-endpoint.js';
import { FOUNDRY_KEY_CHOICE, foundryKeyRefused, foundryMetadata, foundrySetup } from '../services/providers/foundry.js';
import { isLocalServerKind } from '../services/providers/local-setup.js';
import { defaultProfileId, setupNotes } from '../services/providers/onboard-choice.js';
import { pluginGap, refuseBlockedChoice } from '../services/providers/plugin-state.js';
import { setInstalledPluginDefault, withDefaultFrom } from '../services/providers/provider-setup.js';
import type { DefaultModelPolicy, ProviderSetup } from '../services/providers/setup-plan.js';
import { shown } from '../services/terminal-text.js';
import { readChoiceSecret, readChoiceSecretRef } from './choice-secret.js';
import type { CommandContext } from './context.js';
import { defaultModelPolicy, foundryFromFlags } from './onboard-choice-options.js';
import { onboardCopilotProxy } from './onboard-copilot-proxy.js';
import { onboardLocal } from './onboard-local.js';
import { installForOnboarding, reportOnboarded } from './onboard-report.js';
import { knownProvider, resolveChoice } from './provider-arg.js';
import { cliFitHint } from './save-credential.js';
import { promptConfirm } from './secret-input.js';

export interface ChoiceOptions {
  authChoice?: string | undefined;
  profileId?: string | undefined;
  customBaseUrl?: string | undefined;
  customModelId?: string | undefined;
  customProviderId?: string | undefined;
  customCompatibility?: 'openai' | 'openai-responses' | 'anthropic' | undefined;
  customImageInput?: boolean;
  customTextInput?: boolean;
  tokenProvider?: string | undefined;
  tokenProfileId?: string | undefined;
  tokenExpiresIn?: number | undefined;
  cloudflareAiGatewayAccountId?: string | undefined;
  cloudflareAiGatewayGatewayId?: string | undefined;
  foundryModel?: string | undefined;
  secretInputMode?: 'plaintext' | 'ref' | undefined;
  setDefaultModel?: boolean;
  keepDefaultModel?: boolean;
  skipPluginInstall?: boolean;
  json?: boolean;
}

/**
 * `authdeck onboard --non-interactive --auth-choice <id>`: what `openclaw onboard
 * --non-interactive` does for the choice, with the secret from stdin (or the env var the
 * gateway reads) instead of a flag.
 */
export async function runOnboardChoice(ctx: CommandContext, options: ChoiceOptions): Promise<number> {
  const picked = resolveChoice(options.authChoice ?? '');
  const policy = defaultModelPolicy(options);
  if (picked.platforms && !picked.platforms.includes(process.platform))
    throw new UsageError(
      `--auth-choice ${picked.id} exists only on ${picked.platforms.join(', ')}; run \`openclaw onboard --auth-choice ${picked.id}\` there`,
    );
  if (picked.id === 'custom-api-key') return onboardSecret(ctx, picked, options, policy, customSetupFor(options));
  if (picked.id === CLOUDFLARE_CHOICE) {
    // Checked before the secret is read, as OpenClaw does.
    cloudflareIds(options.cloudflareAiGatewayAccountId, options.cloudflareAiGatewayGatewayId);
  }
  if (picked.id === FOUNDRY_KEY_CHOICE) foundryFromFlags(options, ctx.io.env);
  const needs = picked.onboarding.needs;
  const login = loginFor(picked);
  if (login && (needs.includes('sign-in') || needs.includes('cli')))
    throw new UsageError(
      `--auth-choice ${picked.id} is a sign-in, not a secret to pipe in; run \`${login.command}\`${login.inWizard ? ' (or the wizard: `authdeck onboard`)' : ''}`,
    );
  if (isLocalServerKind(picked.id)) return onboardLocal(ctx, picked, options, policy);
  if (picked.id === COPILOT_PROXY) return onboardCopilotProxy(ctx, picked, options, policy);
  if (needs.includes('local-server') || picked.method === 'local' || picked.credential.kind === 'none')
    throw new UsageError(
      `--auth-choice ${picked.id} is not one authdeck sets up; run \`openclaw onboard --auth-choice ${picked.id}\``,
    );
  return onboardSecret(ctx, picked, options, policy);
}

/**
 * The `authdeck login` that does a sign-in choice: the choice's own sign-in (`chutes`,
 * `minimax-cn-oauth`, `anthropic-cli`…), else its provider's with the choice's method
 * (`openai-device-code`); `inWizard` where the wizard offers it too.
 */
export function loginFor(choice: CatalogChoice): { command: string; inWizard: boolean } | undefined {
  const own = findOAuthProvider(choice.id);
  const info = own ?? (choice.provider ? findOAuthProvider(choice.provider) : undefined);
  if (!info) return undefined;
  const method = /device/.test(choice.method ?? '') ? 'device' : 'browser';
  const withMethod = info.methods.length > 1 && info.methods.includes(method) ? ` --method ${method}` : '';
  return {
    command: `authdeck login --provider ${own ? choice.id : choice.provider}${withMethod}`,
    inWizard: info.textOnly !== true,
  };
}

function customSetupFor(options: ChoiceOptions): (doc: Record<string, unknown>, secret: string) => ProviderSetup {
  if (!options.customBaseUrl || !options.customModelId)
    throw new UsageError('--auth-choice custom-api-key needs --custom-base-url and --custom-model-id');
  if (options.customImageInput && options.customTextInput)
    throw new UsageError('--custom-image-input and --custom-text-input contradict each other; pass one');
  const input = {
    baseUrl: options.customBaseUrl,
    modelId: options.customModelId,
    ...(options.customProviderId !== undefined ? { providerId: options.customProviderId } : {}),
    compatibility: options.customCompatibility ?? 'openai',
    ...(options.customImageInput ? { imageInput: true } : options.customTextInput ? { imageInput: false } : {}),
  };
  // Checked now, so a bad URL stops before the secret is asked for.
  customSetup({}, input, '');
  return (doc, secret) => customSetup(doc, input, secret);
}

function providerOf(choice: CatalogChoice, options: ChoiceOptions): string {
  if (choice.provider) {
    const asked = options.tokenProvider ? tokenProviderOf(options.tokenProvider) : undefined;
    if (asked && asked !== choice.provider)
      throw new UsageError(
        `--token-provider ${shown(options.tokenProvider ?? '')} does not go with --auth-choice ${choice.id} (${choice.provider})`,
      );
    return choice.provider;
  }
  if (choice.id === 'token') {
    if (!options.tokenProvider) throw new UsageError('--auth-choice token needs --token-provider (e.g. anthropic)');
    const provider = tokenProviderOf(options.tokenProvider);
    // As OpenClaw: `token` stands for the provider's own token choice; a provider without one is refused.
    if (!tokenChoiceOf(provider)) {
      const key = choicesForProvider(provider).find((entry) => entry.credential.kind === 'api_key');
      throw new UsageError(
        `--auth-choice token: OpenClaw sets up no token for ${provider} (only anthropic's setup-token)${key ? `; for its API key use --auth-choice ${key.id}` : ''}`,
      );
    }
    return provider;
  }
  return 'custom';
}

/** `--token-provider`: one OpenClaw knows (its token setup needs the provider's plugin and model). */
function tokenProviderOf(typed: string): string {
  return knownProvider(typed, { custom: false, known: [], flag: '--token-provider', saving: true });
}

function tokenChoiceOf(provider: string): CatalogChoice | undefined {
  return choicesForProvider(provider).find((entry) => entry.credential.kind === 'token');
}

/** `--auth-choice token`: the provider's own token choice sets it up (Anthropic's setup-token). */
function tokenSetup(provider: string): ProviderSetup {
  const tokenChoice = tokenChoiceOf(provider);
  return tokenChoice ? catalogSetup(tokenChoice) : { plugins: [], providers: {} };
}

async function onboardSecret(
  ctx: CommandContext,
  choice: CatalogChoice,
  options: ChoiceOptions,
  policy: DefaultModelPolicy,
  custom?: (doc: Record<string, unknown>, secret: string) => ProviderSetup,
): Promise<number> {
  const provider = providerOf(choice, options);
  const kind: SecretKind = choice.credential.kind === 'token' ? 'token' : 'api_key';
  if (options.tokenExpiresIn !== undefined && kind !== 'token')
    throw new UsageError(
      `--token-expires-in is for a token (--auth-choice setup-token or token); ${choice.id} stores an API key, which does not expire`,
    );
  if (options.tokenExpiresIn !== undefined && options.tokenExpiresIn <= 0)
    throw new UsageError('--token-expires-in must be more than zero');
  if (
    options.tokenProfileId !== undefined &&
    options.profileId !== undefined &&
    options.tokenProfileId !== options.profileId
  )
    throw new UsageError('--token-profile-id and --profile-id name different profiles; pass one');
  const named = options.tokenProfileId ?? options.profileId;
  const namedId =
    !custom && named !== undefined
      ? resolveProfileId(provider, named, options.tokenProfileId !== undefined ? '--token-profile-id' : '--profile-id')
      : undefined;
  const state = await ctx.stateForWrite();
  // Unnamed, it is the name this home's OpenClaw gives the choice's profile.
  const profileId = custom
    ? undefined
    : (namedId ?? defaultProfileId(choice, provider, state.store.pluginsServeProviders));
  if (profileId) refuseReplacing(profileId, profileAWriteWouldReplace(state, profileId), kind, 'same-type');
  // As OpenClaw's onboarding: a choice whose plugin the config blocks is refused before the secret.
  refuseBlockedChoice(state.store, choice, provider);
  const foundry = choice.id === FOUNDRY_KEY_CHOICE ? foundryFromFlags(options, ctx.io.env) : undefined;
  const olderFoundry = foundry && foundryKeyRefused(state.store.pluginsServeProviders);
  if (olderFoundry) throw new UsageError(olderFoundry);
  if (options.secretInputMode === 'ref' && custom)
    throw new UsageError(
      "--secret-input-mode ref is for a profile's key; a custom endpoint keeps its key in its provider block: leave it out",
    );
  const byRef = options.secretInputMode === 'ref' ? readChoiceSecretRef(ctx, choice) : undefined;
  const raw =
    byRef?.secret ??
    (await readChoiceSecret(
      ctx,
      choice,
      `${choice.label} ${kind === 'token' ? 'token' : 'API key'}`,
      custom !== undefined,
    ));
  // A custom endpoint may need no key (a server on this machine), as in OpenClaw.
  const check =
    custom && raw.trim() === ''
      ? { ok: true as const, secret: '', warnings: [] }
      : custom
        ? checkSecret('custom', kind, raw, 'a custom endpoint of your own')
        : checkSecret(secretOwner(choice) ?? provider, kind, raw);
  if (!check.ok) throw new AuthdeckError(`${check.error}${cliFitHint(check.fits, provider, profileId, true)}`);
  for (const warning of check.warnings) ctx.note(`warning: ${warning}`);
  if (check.warnings.length > 0 && ctx.interactive) {
    if (!(await promptConfirm('Save it anyway?', ctx.io.stdin, ctx.io.stderr)))
      throw new CancelledError('nothing saved; paste the whole secret again');
  }
  const now = ctx.io.now();
  const cloudflare =
    choice.id === CLOUDFLARE_CHOICE
      ? cloudflareIds(options.cloudflareAiGatewayAccountId, options.cloudflareAiGatewayGatewayId)
      : undefined;
  const done = await onboardChoice(await ctx.actionContext(state), {
    choice,
    provider,
    ...(profileId
      ? {
          credential: {
            kind,
            secret: check.secret,
            profileId,
            ...(options.tokenExpiresIn !== undefined ? { expiresAt: now + options.tokenExpiresIn } : {}),
            ...(cloudflare ? { metadata: { ...cloudflare } } : {}),
            ...(byRef ? { secretRef: byRef.ref } : {}),
            ...(foundry ? { metadata: foundryMetadata(foundry, 'api-key') } : {}),
          },
        }
      : {}),
    ...(custom ? { setupFor: (doc: Record<string, unknown>) => custom(doc, check.secret) } : {}),
    ...(choice.id === 'token' ? { setup: tokenSetup(provider) } : {}),
    ...(cloudflare ? { setup: cloudflareSetup(cloudflare) } : {}),
    ...(foundry && profileId ? { setup: foundrySetup(foundry, profileId) } : {}),
    ...(choice.id === 'litellm-api-key' && options.customBaseUrl
      ? { setup: withBaseUrl(catalogSetup(choice), 'litellm', options.customBaseUrl) }
      : {}),
    defaultModel: policy,
    now: ctx.io.now,
  });
  const json = options.json === true;
  // OpenClaw ≤ 2026.6 builds its providers in: a plugin to install is a 2026.8+ matter.
  const stamp = state.store.pluginsServeProviders;
  const { need, blocked } = stamp ? await pluginGap(choice.plugin, provider, state.workspace) : {};
  const plugin = await installForOnboarding(ctx, state.workspace, need, {
    skip: options.skipPluginInstall === true,
    json,
  });
  // The credential is saved by now: a config the second write cannot read (the install may have
  // rewritten it) is a warning beside the report of what was saved, not an error that hides it.
  const warnings: string[] = [];
  const installed =
    plugin && !plugin.installed
      ? undefined
      : await setInstalledPluginDefault(state.workspace, { choice, provider, policy, stamp }).catch(
          (error: unknown) => {
            const id = choice.plugin?.id ?? provider;
            warnings.push(`the default model the ${id} plugin names was not set: ${errorMessage(error)}`);
            return undefined;
          },
        );
  // The runtime the provider's models run on, off by the config's policy: as OpenClaw's onboarding, not done.
  if (blocked) warnings.push(blocked);
  warnings.push(
    ...setupNotes(
      state,
      done,
      done.saved.map((saved) => saved.profileId),
    ),
  );
  // A reference works only where the gateway has the variable: its service's environment or the daemon's .env.
  if (byRef && state.daemonEnv[byRef.ref.id] === undefined)
    warnings.push(
      `the gateway reads ${byRef.ref.id} from its own environment: set it for the gateway service, or \`authdeck env set ${byRef.ref.id}\` puts it in ${state.workspace.daemonEnvPath}`,
    );
  const report = { done: installed ? withDefaultFrom(done, installed) : done, secret: check.secret, kind, now };
  reportOnboarded(
    ctx,
    { ...report, ...(plugin ? { plugin } : {}), ...(byRef ? { ref: byRef.ref } : {}), warnings },
    json,
  );
  return (plugin && !plugin.installed) || blocked ? 1 : 0;
}
