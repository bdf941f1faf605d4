import type { OAuthFields } from '../profiles/save-credential.js';

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
  /** Whole sign-in deadline (15 min by default). */
  timeoutMs?: number;
}

/** A finished sign-in, ready to be stored. */
export interface SignedIn {
  kind: 'oauth' | 'token';
  /** The access token (oauth) or the token (Copilot). */
  secret: string;
  expiresAt?: number;
  fields: OAuthFields;
  /** The profile name OpenClaw would give it: the email, else an account id, else default. */
  suggestedName: string;
}
