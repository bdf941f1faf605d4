import type { OAuthFields } from '../profiles/save-credential.js';
import type { ConfigFact } from './config-facts.js';

/** What the person has to do now: open a link (browser), or enter a code (device). */
export type SignInPrompt =
  /** `opened`: the platform's opener was started with it (there is a display). */
  /** `portProblem`: the loopback port is taken; only a pasted address can finish it. */
  | {
      kind: 'link';
      url: string;
      expiresAt: number;
      opened?: boolean;
      portProblem?: string;
      /** A pasted address checked against this sign-in: why to paste again, or undefined. */
      checkPaste: (text: string) => string | undefined;
    }
  | { kind: 'device'; userCode: string; verificationUri: string; verificationUriComplete?: string; expiresAt: number }
  | { kind: 'exchanging' };

export interface SignInOptions {
  env: NodeJS.ProcessEnv;
  onPrompt: (prompt: SignInPrompt) => void;
  /** A redirect URL the person pasted (a browser on another machine), racing the loopback. */
  pastedRedirect?: Promise<string>;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Whole sign-in deadline (the provider's own, else 15 min). */
  timeoutMs?: number;
  /**
   * A value the sign-in needs from the person (a GitHub Enterprise host, an OAuth client id, a
   * Foundry endpoint), asked only when the environment variable OpenClaw reads is unset.
   */
  ask?: (question: SignInQuestion) => Promise<string>;
}

export interface SignInQuestion {
  message: string;
  placeholder?: string;
  /** The variable that answers it without asking, as OpenClaw reads it. */
  envName?: string;
}

/** How a sign-in is stored: `none` (a local CLI's own login) stores no profile. */
export type SignedInKind = 'oauth' | 'token' | 'api_key' | 'none';

/** A finished sign-in, ready to be stored. */
export interface SignedIn {
  kind: SignedInKind;
  /** The access token (oauth), the token (Copilot), the key (api_key); empty for `none`. */
  secret: string;
  expiresAt?: number;
  fields: OAuthFields;
  /** An api_key profile's `metadata` (how the key was issued, the account it belongs to). */
  metadata?: Record<string, string>;
  /** The profile name OpenClaw would give it: the email, else an account id, else default. */
  suggestedName: string;
  /** What OpenClaw's onboarding writes to openclaw.json for it besides auth.profiles. */
  config?: ConfigFact[];
  /** What the provider said to pass on (server text: shown through terminal-text). */
  notes?: string[];
}
