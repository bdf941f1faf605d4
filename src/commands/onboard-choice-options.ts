import { UsageError } from '../services/errors.js';
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
  customBaseUrl: text('custom-base-url', 'url', 'endpoint of a custom provider, local server or LiteLLM'),
  customModelId: text('custom-model-id', 'id', 'model of a custom provider or local server'),
  customProviderId: text('custom-provider-id', 'id', 'provider id of a custom endpoint (default: from its URL)'),
  customCompatibility: choice(
    'custom-compatibility',
    ['openai', 'openai-responses', 'anthropic'] as const,
    'the API a custom endpoint speaks (default openai)',
  ),
  customImageInput: flag('custom-image-input', 'the custom model takes images'),
  customTextInput: flag('custom-text-input', 'the custom model takes text only'),
  cloudflareAiGatewayAccountId: text('cloudflare-ai-gateway-account-id', 'id', 'Cloudflare account id (AI Gateway)'),
  cloudflareAiGatewayGatewayId: text('cloudflare-ai-gateway-gateway-id', 'id', 'Cloudflare AI Gateway id'),
  tokenProvider: text('token-provider', 'id', 'with --auth-choice token or setup-token: the provider', 'providers'),
  tokenProfileId: text('token-profile-id', 'id', 'with --auth-choice token: the profile id'),
  tokenExpiresIn: duration('token-expires-in', 'with a token: its lifetime (365d, 12h)'),
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
