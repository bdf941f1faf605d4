import { errorMessage } from '../../services/errors.js';
import { storedProfileType } from '../../services/profiles/credential-view.js';
import type { SecretKind } from '../../services/profiles/credentials.js';
import { ProfileConflictError, resolveProfileId } from '../../services/profiles/profile-actions.js';
import { refuseReplacing } from '../../services/profiles/save-credential.js';
import { keyIn } from '../../services/profiles/secret-in-text.js';
import { defaultProfileId } from '../../services/providers/onboard-choice.js';
import { choiceForSecret } from '../../services/providers/provider-setup.js';
import type { JsonObject } from '../../services/store/documents.js';

/**
 * The name Enter on an empty profile field uses: `default`, or when that is taken the first
 * free `default-N`, so the suggestion never leads to a replace question or a refusal.
 */
export function freeProfileName(
  provider: string,
  taken: (profileId: string) => boolean,
  /** The name OpenClaw's onboarding gives this choice's profile (`global` for minimax-global-api). */
  base = 'default',
): string {
  for (let n = 1; n < 100; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!taken(resolveProfileId(provider, name))) return name;
  }
  return base;
}

/** The profile name OpenClaw's onboarding gives the secret of this choice: `minimax:global` → `global`. */
export function choiceProfileName(
  provider: string,
  kind: SecretKind,
  authChoice?: string,
  pluginsServeProviders = true,
): string {
  const choice = choiceForSecret(provider, kind, authChoice);
  const id = choice ? defaultProfileId(choice, provider, pluginsServeProviders) : undefined;
  return id?.startsWith(`${provider}:`) ? id.slice(provider.length + 1) : 'default';
}

export const KEY_AS_NAME =
  'That looks like a key, not a profile name, so it is not shown and cannot be one: Ctrl+U clears it.';

export type ProfileChoice = { profileId: string; existingType?: string } | { error: string };

/**
 * What Enter on the profile field does with `name`: the id it saves to (and the type of the
 * profile it would replace, which asks first), or why it refuses. The step's hint and its Enter
 * both read this, so the hint says what Enter will do with the text typed so far.
 */
export function profileChoice(
  provider: string,
  kind: SecretKind,
  name: string,
  existing: (profileId: string) => JsonObject | undefined,
): ProfileChoice {
  // A key pasted here would be the profile's name: written into the config and shown in full
  // wherever ids are (the CLI refuses one in --profile-id the same way).
  if (keyIn(name)) return { error: KEY_AS_NAME };
  let profileId: string;
  try {
    profileId = resolveProfileId(provider, name, '');
  } catch (error) {
    return { error: errorMessage(error) };
  }
  const found = existing(profileId);
  try {
    // The rule add-key and paste-token follow: a renewal replaces the same type, nothing else.
    refuseReplacing(profileId, found, kind, 'same-type');
  } catch (error) {
    if (!(error instanceof ProfileConflictError)) throw error;
    const what = error.existingType === 'api_key' ? 'an API key' : `a ${error.existingType}`;
    return {
      error: `${profileId} holds ${what}; ${kind === 'api_key' ? 'an API key' : 'a token'} never replaces another type: choose another name`,
    };
  }
  return found ? { profileId, existingType: storedProfileType(found) } : { profileId };
}
