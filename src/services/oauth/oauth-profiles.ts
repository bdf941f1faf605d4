import type { Workspace } from '../config/workspace.js';
import { AuthdeckError, CancelledError } from '../errors.js';
import { makeStoreFirst, resolveProfileId } from '../profiles/profile-actions.js';
import { type SaveCredentialResult, saveCredentialProfile } from '../profiles/save-credential.js';
import { refuseBlockedPlugin } from '../providers/plugin-state.js';
import { openAgentStoreForWrite, StoreMissingError } from '../store/agent-store.js';
import { hasUnsafeCharacters } from '../terminal-text.js';
import { findOAuthProvider, type SignInMethod } from './oauth-providers.js';
import { openInBrowser } from './open-browser.js';
import { acquireOAuthRefreshLock } from './refresh-lock.js';
import { signIn } from './sign-in.js';
import type { SignedIn, SignInOptions } from './sign-in-types.js';

/**
 * A sign-in from the first prompt to the saved profile, for the CLI and the screens alike: the
 * link opened in a browser where one can show up (`opened` on the prompt), and nothing saved
 * when the sign-in was cancelled while its last answer was on the way.
 */
export async function signInAndSave(
  workspace: Workspace,
  request: { provider: string; method: SignInMethod | undefined; profileName?: string; openBrowser: boolean },
  options: SignInOptions,
): Promise<{ signedIn: SignedIn; saved: SaveCredentialResult }> {
  await refuseUnsavableSignIn(workspace, request.provider, request.profileName);
  const signedIn = await signIn(request.provider, request.method, {
    ...options,
    onPrompt: (prompt) =>
      options.onPrompt(
        prompt.kind === 'link' && request.openBrowser && openInBrowser(prompt.url, options.env)
          ? { ...prompt, opened: true }
          : prompt,
      ),
  });
  if (options.signal?.aborted) throw new CancelledError('sign-in cancelled');
  return { signedIn, saved: await saveSignIn(workspace, request.provider, signedIn, request.profileName) };
}

/**
 * A sign-in whose tokens could not be stored, or that the gateway would not use, is not started
 * (the person would sign in for nothing): OpenClaw's database is created first, whatever the
 * sign-in ends in (an OAuth profile, GitHub's token, OpenRouter's key).
 */
async function refuseUnsavableSignIn(workspace: Workspace, provider: string, profileName?: string): Promise<void> {
  const info = findOAuthProvider(provider);
  if (!info) return;
  const store = await openAgentStoreForWrite(workspace);
  // A name the save would refuse ("anthropic:x" for OpenAI) is refused before the sign-in, not
  // after it, when the tokens would be thrown away.
  if (profileName !== undefined) resolveProfileId(store.providerId(info.storeProvider), profileName);
  // As OpenClaw's onboarding: no sign-in for a provider whose plugin the config blocks.
  refuseBlockedPlugin(store, store.providerId(info.storeProvider));
  // Every kind: a token or key handed to OpenClaw to create the store with needs OpenClaw too, and
  // a sign-in finished first would be thrown away when it is missing or fails.
  // Where a new profile would go (no id yet: the provider names it after the sign-in).
  const target = await store.credentialLayer('');
  const problem = target.writeProblem();
  if (!(problem instanceof StoreMissingError)) {
    if (problem) throw problem;
    return;
  }
  // A fresh install: OpenClaw takes no sign-in from another program to create its databases with.
  if (await makeStoreFirst(workspace, store, target, store.providerId(info.storeProvider))) return;
  throw new AuthdeckError(
    `${problem.message}; OpenClaw creates it on its first write: add any key with \`openclaw models auth paste-api-key\` (or sign in with \`openclaw models auth login\`) once, then sign in here`,
  );
}

/**
 * Stores a finished sign-in where the gateway reads it: the provider id of the agent's store
 * generation (`openai-codex` before 2026.7, `openai` after), the profile named as OpenClaw names
 * it (the email) unless the user chose a name; a renewal replaces the same type only.
 */
export async function saveSignIn(
  workspace: Workspace,
  provider: string,
  signedIn: SignedIn,
  profileName?: string,
  options: { lockWaitMs?: number } = {},
): Promise<SaveCredentialResult> {
  const info = findOAuthProvider(provider);
  if (!info) throw new AuthdeckError(`no sign-in for ${provider}`);
  const { kind } = signedIn;
  // A local CLI that keeps its own login (Claude CLI) leaves nothing to store.
  if (kind === 'none') throw new AuthdeckError(`${info.label} keeps its own login: there is no profile to save`);
  const store = await openAgentStoreForWrite(workspace);
  const storeProvider = store.providerId(info.storeProvider);
  const profileId = resolveProfileId(storeProvider, profileName ?? signInName(signedIn.suggestedName));
  const save = () =>
    saveCredentialProfile({
      workspace,
      store,
      profileId,
      provider: storeProvider,
      kind,
      secret: signedIn.secret,
      ...(signedIn.expiresAt !== undefined ? { expiresAt: signedIn.expiresAt } : {}),
      oauth: signedIn.fields,
      ...(signedIn.metadata ? { metadata: signedIn.metadata } : {}),
    });
  if (kind !== 'oauth') return save();
  // As OpenClaw's own login does: a gateway refreshing this profile right now must not write
  // its refreshed old sign-in over the new one, so the save waits for its refresh lock.
  const release = await acquireOAuthRefreshLock(
    store.refreshLockPath(storeProvider, profileId),
    options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {},
  );
  try {
    return await save();
  } finally {
    await release();
  }
}

/**
 * The characters of an everyday email address: a name with anything else (controls, blanks,
 * quotes, `$( )`, `;`, `/`, `:`) would be an id that forges output, runs in a shell that
 * completes it, or reads as a path or a second provider prefix.
 */
const EMAIL_NAME = /^[\p{L}\p{N}._%+@-]+$/u;

/**
 * The name a provider's answer suggests (an email), if it makes a usable id: the code is already
 * exchanged when it arrives, so an odd name must not end the sign-in and lose the tokens — the
 * profile is then saved as `default` (the email itself is kept in the profile, as sent).
 */
function signInName(suggested: string): string {
  const name = suggested.trim();
  return EMAIL_NAME.test(name) && !hasUnsafeCharacters(name) && name.length <= 200 ? name : 'default';
}
