import { shellWord } from '../shell-word.js';
import type { SaveCredentialResult } from './save-credential.js';

/** Said when a secret is saved a second time under another id (CLI and screens alike). */
export function sameSecretNote(ids: string[], justSaved: string): string {
  return `the same secret is also saved as ${ids.join(', ')}: the gateway counts them as separate credentials with one quota and one fate; \`authdeck remove ${shellWord(justSaved)}\` undoes this save, unless two ids are what you want`;
}

/**
 * How a save is said, CLI and screens alike: "Saved", "Replaced", "Already saved" for the same
 * secret, "Updated the expiry of" for the same token with an expiry given anew.
 */
export function savedVerb(saved: Pick<SaveCredentialResult, 'replaced' | 'sameSecret' | 'expiryUpdated'>): string {
  if (saved.expiryUpdated) return 'Updated the expiry of';
  return saved.sameSecret ? 'Already saved' : saved.replaced ? 'Replaced' : 'Saved';
}

/** Said after a save that recorded the provider's other profiles too (CLI and screens alike). */
export function alsoListedLine(ids: string[]): string {
  return `auth.profiles also lists ${ids.join(', ')}, already stored: once it lists any of a provider's profiles the gateway tries only those`;
}

/** Said after a save whose new profile joined a store's explicit order (CLI and screens alike). */
export function orderJoinedLine(provider: string, path: string): string {
  return `added to the end of the ${provider} order in ${path}, so the gateway tries it after the others`;
}
