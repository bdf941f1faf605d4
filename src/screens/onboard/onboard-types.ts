import type { SavedCredential } from '../../services/actions.js';
import type { ProbeOutcome } from '../../services/probe/probe-runner.js';
import type { CatalogChoice } from '../../services/providers/catalog.js';
import type { CloudflareIds } from '../../services/providers/cloudflare-gateway.js';
import type { FoundryAnswers } from '../../services/providers/foundry.js';
import type { OnboardingMethod } from '../../services/providers.js';

/** The wizard's steps, the record it keeps across them, and what moves it (onboard-flow.ts's reducer). */
export type OnboardStep =
  | 'welcome'
  | 'provider'
  | 'custom-provider'
  | 'custom-endpoint'
  | 'method'
  | 'auth-choice'
  | 'cloudflare-ids'
  | 'foundry'
  | 'local'
  | 'secret'
  | 'profile-id'
  | 'overwrite'
  | 'env'
  | 'saving'
  | 'verify'
  | 'summary';

export interface OnboardResult {
  saved: SavedCredential;
  /** The auth choice the secret was saved for (none: a provider of your own, or several fit). */
  choice?: CatalogChoice;
  /** What still keeps the gateway from using the new credential, or from working at all. */
  modelNotes: string[];
}

export interface OnboardState {
  step: OnboardStep;
  /** Steps behind this one, for Esc. */
  history: OnboardStep[];
  provider?: string;
  method?: OnboardingMethod;
  /** The method answered before Esc reopened the question: the list opens on it. */
  lastMethod?: OnboardingMethod;
  /** OpenClaw's auth choice, where the provider has several endpoints or plans for the method. */
  authChoice?: string;
  /** The endpoint answered before Esc reopened the question: the list opens on it. */
  lastAuthChoice?: string;
  /** Cloudflare AI Gateway's account and gateway ids (its endpoint is built from them). */
  cloudflare?: CloudflareIds;
  /** Microsoft Foundry's endpoint and deployment (its key is no use without them). */
  foundry?: FoundryAnswers;
  secret?: string;
  profileId?: string;
  /** A name typed at the profile step and left with Esc (`<provider>:<name>`): offered again there. */
  typedProfileId?: string;
  existingType?: string;
  /** same-type once the user chose to overwrite (a renewal); another type is never replaced. */
  replace: 'never' | 'same-type';
  envVariable?: string;
  writeEnv: boolean;
  result?: OnboardResult;
  error?: string;
  /** Something was written this run: leaving now is done (exit 0), not a cancel. */
  wrote: boolean;
  /** The live check of the key just saved (verify step), once it answered. */
  probe?: ProbeOutcome;
}

export type OnboardAction =
  | { type: 'continue' }
  | { type: 'provider'; provider: string }
  | { type: 'custom-provider' }
  | { type: 'custom-endpoint' }
  | { type: 'method'; method: OnboardingMethod }
  | { type: 'auth-choice'; authChoice: string }
  | { type: 'cloudflare-ids'; ids: CloudflareIds }
  | { type: 'foundry'; answers: FoundryAnswers }
  | { type: 'secret'; secret: string }
  /** A key pasted where the provider was asked: its provider and method chosen, the key in its field. */
  | { type: 'pasted-secret'; provider: string; method: OnboardingMethod; secret: string }
  | { type: 'profile-id'; profileId: string; existingType?: string }
  /** The profile step was left with this typed (not submitted): kept for coming back. */
  | { type: 'profile-typed'; profileId: string }
  | { type: 'overwrite' }
  | { type: 'env'; writeEnv: boolean }
  | { type: 'saved'; result: OnboardResult }
  | { type: 'save-failed'; error: string }
  | { type: 'add-another' }
  | { type: 'verified'; probe?: ProbeOutcome }
  /** `d` made the provider's model the default: what the summary says about models, read again. */
  | { type: 'model-notes'; notes: string[] }
  | { type: 'back' };
