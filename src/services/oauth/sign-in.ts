import { UsageError } from '../errors.js';
import { copilotDeviceSignIn } from './device-sign-in.js';
import { findOAuthProvider, OAUTH_PROVIDERS, type SignInMethod } from './oauth-providers.js';
import { openaiBrowserSignIn, openaiDeviceSignIn } from './openai-sign-in.js';
import type { SignedIn, SignInOptions } from './sign-in-types.js';
import { xaiBrowserSignIn, xaiDeviceSignIn } from './xai-sign-in.js';

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
  if (!chosen || !info.methods.includes(chosen))
    throw new UsageError(`${info.label} signs in by ${info.methods.join(' or ')}, not ${method}`);
  if (info.id === 'openai-codex')
    return chosen === 'browser' ? openaiBrowserSignIn(info, options) : openaiDeviceSignIn(info, options);
  if (info.id === 'xai') return chosen === 'browser' ? xaiBrowserSignIn(info, options) : xaiDeviceSignIn(info, options);
  return copilotDeviceSignIn(info, options);
}
