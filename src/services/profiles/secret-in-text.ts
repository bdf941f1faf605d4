import { normalizeSecret, recogniseSecret } from './credentials.js';

// A secret where none belongs: on the command line, or typed into a field that shows what it
// holds (a name, a search, a filter). Found, it is refused or masked, and never echoed back.

/** A provider's own prefix on something as long as its secrets: `--auth-choice xai-api-key` is a name. */
function hasSecretPrefix(word: string): boolean {
  return (recogniseSecret(word) !== undefined && word.length >= 24) || /^sk-[A-Za-z0-9_-]{16,}$/.test(word);
}

/**
 * Whether a command-line word is probably a secret someone pasted there by mistake: a known
 * secret prefix, or a long run of key characters with letters and digits mixed. Such a word
 * is never echoed back.
 */
function looksLikeSecret(word: string): boolean {
  if (hasSecretPrefix(word)) return true;
  // A key is one long run of letters and digits; ids made of words and numbers (a UUID,
  // work-laptop-2024-personal, deepseek-r1-distill-llama-70b) have only short ones.
  const run = /^[A-Za-z0-9_-]{32,}$/.test(word) ? /[A-Za-z0-9]{24,}/.exec(word)?.[0] : undefined;
  return run !== undefined && /[0-9]/.test(run) && /[A-Za-z]/.test(run);
}

/** Tokens of services many users hold, which no model id or profile name starts with. */
// Their bodies as the services issue them: a path like /srv/hf_transformers_cache_2024 is none.
const TOKEN_PREFIX =
  /^(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9]{20,}_[A-Za-z0-9]{40,}|hf_[A-Za-z0-9]{30,})$/;

/**
 * The secret an argument holds, whole or as a part of it between other characters
 * (`anthropic/sk-ant-…`, `openai:ghp_…`, `anthropic:sk-ant-…,`, `https://ghp_…@github.com`). In a
 * part only a secret's own prefix counts: a long model id (`deepseek-r1-distill-llama-70b`)
 * looks like a token otherwise.
 */
export function secretInArgument(value: string, { identifier = false } = {}): string | undefined {
  // An id flag's value (a Cloudflare account id is 32 hex digits) is a key only by its prefix.
  if (identifier ? hasSecretPrefix(value) : looksLikeSecret(value)) return value;
  return value
    .split(/[^A-Za-z0-9_-]+/)
    .find(
      (part) =>
        /^sk-[A-Za-z0-9_-]{16,}$/.test(part) ||
        TOKEN_PREFIX.test(part) ||
        (recogniseSecret(part) !== undefined && /^[A-Za-z0-9_-]{32,}$/.test(part) && /[0-9]/.test(part)),
    );
}

/**
 * The key in text typed or pasted into a field that is not a secret's (a search, a name, a
 * filter), once cleaned as a paste is; such a field masks it and never keeps it.
 */
export function keyIn(text: string): string | undefined {
  const secret = normalizeSecret(text);
  return secret === '' ? undefined : secretInArgument(secret);
}
