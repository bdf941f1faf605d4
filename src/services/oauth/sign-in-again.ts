import type { Workspace } from '../config/workspace.js';
import { workspaceFlags } from '../invocation.js';
import { shellWord } from '../shell-word.js';
import { findOAuthProvider } from './oauth-providers.js';
import { hasDisplay } from './open-browser.js';

/**
 * The command that replaces a sign-in whose refresh token is dead, to be pasted as is: the same
 * profile (`--profile-id`), agent and state dir, and the device code wherever no browser can show
 * up (an alert is often read on a phone, about a headless machine).
 */
export function signInAgainCommand(workspace: Workspace, provider: string, profileId: string): string {
  const info = findOAuthProvider(provider);
  // OpenClaw 2026.7+ spells the ChatGPT sign-in `openai`; `openai-codex` still works.
  const loginName = info ? (info.id === 'openai-codex' ? 'openai' : info.id) : provider;
  const methods = info?.methods ?? [];
  const method =
    methods.includes('device') && (!hasDisplay(workspace.env) || !methods.includes('browser'))
      ? 'device'
      : methods.includes('browser')
        ? 'browser'
        : methods[0];
  const words = ['authdeck', 'login', '--provider', loginName];
  if (method) words.push('--method', method);
  words.push('--profile-id', profileId, ...workspaceFlags(workspace));
  return words.map(shellWord).join(' ');
}
