import { UsageError } from '../services/errors.js';
import type { CustomCompatibility } from '../services/providers/custom-endpoint.js';
import { type FoundryDeployment, familyOf, foundryDeployment } from '../services/providers/foundry.js';
import type { FoundryApi } from '../services/providers/foundry-models.js';
import type { DefaultModelPolicy } from '../services/providers/setup-plan.js';
import { choice, duration, flag, text } from './spec.js';

/** OpenClaw's non-interactive onboarding flags, spelled as `openclaw onboard` spells them. */
export const CHOICE_OPTIONS = {
  authChoice: text(
    'auth-choice',
    'id',
    'OpenClaw\'s auth choice, e.g. deepseek-api-key (the README\'s "Providers" table lists them)',
    'auth-choices',
  ),
  customBaseUrl: text(
    'custom-base-url',
    'url',
    'endpoint of a custom provider, local server, LiteLLM, Microsoft Foundry or the Copilot Proxy',
  ),
  customModelId: text(
    'custom-model-id',
    'id',
    "model of a custom provider or local server; Foundry's deployment; the Copilot Proxy's models (a,b)",
  ),
  customProviderId: text('custom-provider-id', 'id', 'provider id of a custom endpoint (default: from its URL)'),
  customCompatibility: choice(
    'custom-compatibility',
    ['openai', 'openai-responses', 'anthropic'] as const,
    'the API a custom endpoint or Foundry deployment speaks (default openai; Foundry: from the model)',
  ),
  customImageInput: flag('custom-image-input', 'the custom model takes images'),
  customTextInput: flag('custom-text-input', 'the custom model takes text only'),
  cloudflareAiGatewayAccountId: text('cloudflare-ai-gateway-account-id', 'id', 'Cloudflare account id (AI Gateway)'),
  cloudflareAiGatewayGatewayId: text('cloudflare-ai-gateway-gateway-id', 'id', 'Cloudflare AI Gateway id'),
  foundryModel: text(
    'foundry-model',
    'name',
    "the model a Microsoft Foundry deployment runs (claude-…, gpt-5.4, MAI-Image-2.5…; default: the deployment's name)",
  ),
  tokenProvider: text('token-provider', 'id', 'with --auth-choice token or setup-token: the provider', 'providers'),
  tokenProfileId: text('token-profile-id', 'id', 'with --auth-choice token or setup-token: the profile id'),
  tokenExpiresIn: duration('token-expires-in', 'with a token: its lifetime (365d, 12h; a bare number is days)', 'd'),
  secretInputMode: choice(
    'secret-input-mode',
    ['plaintext', 'ref'] as const,
    "plaintext (default): the key in the profile; ref: the variable it is read from (the choice's *_API_KEY), which the gateway reads",
  ),
  setDefaultModel: flag('set-default-model', "make the choice's model the default, even over another provider's"),
  keepDefaultModel: flag('keep-default-model', 'leave the default model as it is'),
  skipPluginInstall: flag(
    'skip-plugin-install',
    "leave an external provider's plugin uninstalled (onboarding installs it, as OpenClaw's does)",
  ),
};

/** The default-model flags as a policy (README "Providers"). */
export function defaultModelPolicy(options: {
  setDefaultModel?: boolean | undefined;
  keepDefaultModel?: boolean | undefined;
}): DefaultModelPolicy {
  if (options.setDefaultModel && options.keepDefaultModel)
    throw new UsageError('--set-default-model and --keep-default-model contradict each other; pass one');
  return options.setDefaultModel ? 'set' : options.keepDefaultModel ? 'keep' : 'auto';
}

const FOUNDRY_API: Record<CustomCompatibility, FoundryApi> = {
  openai: 'openai-completions',
  'openai-responses': 'openai-responses',
  anthropic: 'anthropic-messages',
};

/**
 * `--auth-choice microsoft-foundry-apikey`'s deployment from the flags: what OpenClaw's onboarding
 * asks in a terminal (README "Providers"). The family follows from the model's name; checked
 * before the key is read.
 */
export function foundryFromFlags(
  options: {
    customBaseUrl?: string | undefined;
    customModelId?: string | undefined;
    customCompatibility?: CustomCompatibility | undefined;
    foundryModel?: string | undefined;
  },
  env: Record<string, string | undefined>,
): FoundryDeployment {
  // OpenClaw offers the variable as the endpoint's answer; a flag wins.
  const endpoint = options.customBaseUrl?.trim() || env.AZURE_OPENAI_ENDPOINT;
  if (!endpoint?.trim() || !options.customModelId?.trim())
    throw new UsageError(
      '--auth-choice microsoft-foundry-apikey needs --custom-base-url (the resource endpoint, or AZURE_OPENAI_ENDPOINT) and --custom-model-id (the deployment)',
    );
  const model = options.foundryModel?.trim() || undefined;
  return foundryDeployment(
    {
      endpoint,
      deployment: options.customModelId,
      family: familyOf(model ?? options.customModelId),
      ...(model ? { model } : {}),
      ...(options.customCompatibility ? { api: FOUNDRY_API[options.customCompatibility] } : {}),
    },
    'api-key',
  );
}
