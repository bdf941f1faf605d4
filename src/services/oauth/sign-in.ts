import { UsageError } from '../errors.js';
import { anthropicCliSignIn } from './anthropic-cli-sign-in.js';
import { chutesBrowserSignIn } from './chutes-sign-in.js';
import { copilotDeviceSignIn, copilotEnterpriseDeviceSignIn } from './device-sign-in.js';
import { foundryEntraSignIn } from './foundry-entra-sign-in.js';
import { minimaxDeviceSignIn } from './minimax-sign-in.js';
import { findOAuthProvider, OAUTH_PROVIDERS, type OAuthProviderInfo, type SignInMethod } from './oauth-providers.js';
import { openaiBrowserSignIn, openaiDeviceSignIn } from './openai-sign-in.js';
import { openrouterBrowserSignIn } from './openrouter-sign-in.js';
import { radiusDeviceSignIn } from './radius-sign-in.js';
import type { SignedIn, SignInOptions } from './sign-in-types.js';
import { xaiBrowserSignIn, xaiDeviceSignIn } from './xai-sign-in.js';

type Flow = (info: OAuthProviderInfo, options: SignInOptions) => Promise<SignedIn>;

/** Each registry entry's flows, by method. */
const FLOWS: Record<string, Partial<Record<SignInMethod, Flow>>> = {
  'openai-codex': { browser: openaiBrowserSignIn, device: openaiDeviceSignIn },
  'github-copilot': { device: copilotDeviceSignIn },
  xai: { browser: xaiBrowserSignIn, device: xaiDeviceSignIn },
  'openrouter-oauth': { browser: openrouterBrowserSignIn },
  'minimax-global-oauth': { device: minimaxDeviceSignIn },
  'minimax-cn-oauth': { device: minimaxDeviceSignIn },
  chutes: { browser: chutesBrowserSignIn },
  'github-copilot-enterprise': { device: copilotEnterpriseDeviceSignIn },
  radius: { device: radiusDeviceSignIn },
  'microsoft-foundry-entra': { cli: (_info, options) => foundryEntraSignIn(options) },
  'anthropic-cli': { cli: (_info, options) => anthropicCliSignIn(options) },
};

/** One sign-in, provider and method chosen; the prompts go to `options.onPrompt`. */
export async function signIn(
  provider: string,
  method: SignInMethod | undefined,
  options: SignInOptions,
): Promise<SignedIn> {
  const info = findOAuthProvider(provider);
  if (!info)
    throw new UsageError(
      `no sign-in for "${provider}"; authdeck signs in to ${OAUTH_PROVIDERS.map((entry) => entry.id).join(', ')}${provider === 'anthropic' ? '; for a Claude subscription run `authdeck setup-token`' : /gemini|google/.test(provider) ? " (Google's Gemini CLI sign-in was removed in OpenClaw 2026.9)" : ''}`,
    );
  const chosen = method ?? info.methods[0];
  const flow = chosen && info.methods.includes(chosen) ? FLOWS[info.id]?.[chosen] : undefined;
  if (!flow) throw new UsageError(`${info.label} signs in by ${info.methods.join(' or ')}, not ${method}`);
  return flow(info, withAbortableFetch(options));
}

/**
 * Every request of the sign-in ends when the person cancels (Ctrl+C, Esc), not only the waits
 * between them: an endpoint that never answers would otherwise hold the cancel until its timeout.
 */
function withAbortableFetch(options: SignInOptions): SignInOptions {
  const { signal } = options;
  if (!signal) return options;
  const inner = options.fetch ?? fetch;
  const abortable: typeof fetch = (input, init) =>
    inner(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
  return { ...options, fetch: abortable };
}
