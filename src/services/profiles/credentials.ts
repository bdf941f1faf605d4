import { catalog, choicesForProvider, type SecretPrefix, secretOwner } from '../providers/catalog.js';
import { findProvider, PROVIDERS, providerInfo, providerName, type SecretShape } from '../providers.js';
import { countOf } from '../status/count.js';

export type SecretKind = 'api_key' | 'token';

const BRACKETED_PASTE = /\x1b?\[20[01]~/g;
const ANSI_SEQUENCE = /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]/g;
// \s covers CR, LF, tab, NBSP and U+2028/2029; the rest are the invisible ones that survive copy.
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff\u180e\u00ad]/g;
const INVISIBLE_BUT_SPACE = /[^\S ]|[\u200b-\u200d\u2060\ufeff\u180e\u00ad]/g;
const CONTROL = /[\x00-\x1f\x7f]/g;

/**
 * What was pasted, reduced to the secret: terminals and web pages wrap a copied key in
 * bracketed-paste markers, colour codes, line breaks and zero-width characters.
 */
export function normalizeSecret(
  input: string,
  /** Spaces inside are kept (only those at the ends go): a key of the user's own may hold them. */
  options: { keepSpaces?: boolean } = {},
): string {
  let secret = input
    .replace(BRACKETED_PASTE, '')
    .replace(ANSI_SEQUENCE, '')
    .replace(options.keepSpaces ? INVISIBLE_BUT_SPACE : INVISIBLE, '')
    .replace(CONTROL, '');
  if (options.keepSpaces) secret = secret.replace(/^ +| +$/g, '');
  const inner = /^(['"`])(.*)\1$/.exec(secret)?.[2];
  if (inner !== undefined) secret = inner;
  return secret;
}

export interface SecretCheck {
  ok: boolean;
  secret: string;
  /** One line that says what is wrong (each surface adds how to get to the flow that fits: `fits`). */
  error?: string;
  /** The flow this secret belongs in, when it is a good secret in the wrong place. */
  fits?: SecretFit;
  warnings: string[];
  /** Set when it passed: whether authdeck knows the provider's shape and checked it against it. */
  shapeChecked?: boolean;
}

export type SecretFit =
  | { provider: string; kind?: undefined; setupToken?: undefined }
  | { kind: SecretKind; provider?: undefined; setupToken?: undefined }
  | { setupToken: true; provider?: undefined; kind?: undefined };

type RecognisedSecret = Omit<SecretPrefix, 'prefix'>;

/** The provider and kind a secret's prefix names, whatever provider the user picked. */
export function recogniseSecret(secret: string): RecognisedSecret | undefined {
  return catalog.secretPrefixes.find((entry) => secret.startsWith(entry.prefix));
}

/** Setup-tokens and API keys alike: sk-ant-(oat01|api03)- and 95 more. */
const ANTHROPIC_USUAL_LENGTH = 108;

/** Far longer than any provider's secret (the longest are OAuth tokens of a few KB). */
export const MAX_SECRET_LENGTH = 16 * 1024;

/**
 * The lines of a paste that each look like a whole secret on their own: two keys copied
 * together must not be joined into one (a key wrapped over two lines has one such line). For a
 * provider with no known shape, minus the number of lines: none can be told apart.
 */
function secretsOnSeparateLines(input: string, provider: string, kind: SecretKind): number {
  const lines = input
    .replace(BRACKETED_PASTE, '')
    .replace(ANSI_SEQUENCE, '')
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((line) => normalizeSecret(line))
    .filter((line) => line !== '');
  if (lines.length < 2) return lines.length;
  const shape = kind === 'api_key' ? providerInfo(provider).key : providerInfo(provider).token;
  // With no shape to tell a wrapped secret from two, each line counts: two are not silently made one.
  if (!shape) return -lines.length;
  return lines.filter((line) => recogniseSecret(line) !== undefined || shape?.pattern.test(line)).length;
}

/**
 * A key typed for an endpoint of no known shape (a custom endpoint, a local server): nothing is
 * fine where the server takes none; else the key as checkSecret reads it, or why it is refused
 * (two lines are not silently made one).
 */
export function endpointKey(input: string): { ok: true; secret: string } | { ok: false; error: string } {
  if (input.trim() === '') return { ok: true, secret: '' };
  const check = checkSecret('custom', 'api_key', input);
  return check.ok ? { ok: true, secret: check.secret } : { ok: false, error: check.error ?? 'this key is refused' };
}

/** Checks a pasted secret for a provider and flow (README "Commands"); never echoes the secret. */
export function checkSecret(
  provider: string,
  kind: SecretKind,
  input: string,
  /** What the save makes, where the id says it wrongly (a custom endpoint's id comes later). */
  makes = `a provider of your own named ${provider}`,
): SecretCheck {
  if (input.length > MAX_SECRET_LENGTH * 4) {
    return {
      ok: false,
      secret: '',
      error: `this is ${characterCount(input)} long; a secret is at most a few thousand — paste only the secret`,
      warnings: [],
    };
  }
  let secret = normalizeSecret(input);
  const info = providerInfo(provider);
  const fail = (error: string, fits?: SecretFit): SecretCheck => ({
    ok: false,
    secret,
    error,
    ...(fits ? { fits } : {}),
    warnings: [],
  });
  if (secret === '') return fail('the secret is empty');
  if (secret.length > MAX_SECRET_LENGTH)
    return fail(
      `this is ${characterCount(secret)} long; no ${providerName(info.id)} secret is — paste only the secret`,
    );
  const separate = secretsOnSeparateLines(input, info.id, kind);
  if (separate >= 2) return fail(`this paste holds ${separate} secrets on separate lines; paste one at a time`);
  if (separate <= -2)
    return fail(
      `this paste holds ${-separate} lines and a secret is one: paste one secret (a secret broken over lines: join them first)`,
    );

  const recognised = recogniseSecret(secret);
  // Two keys pasted on one line (or twice over) are one run once spaces go: a second prefix long
  // enough never to occur in a key's random part by chance says so.
  if (recognised && catalog.secretPrefixes.some(({ prefix }) => prefix.length >= 8 && secret.indexOf(prefix, 1) > 0))
    return fail('this paste holds two secrets run together; paste one at a time');
  if (recognised?.kind === 'refresh') {
    return fail(
      'this is a refresh token (sk-ant-ort01-…), which cannot call the API by itself; use the sk-ant-oat01- token that `claude setup-token` prints',
      { setupToken: true },
    );
  }
  if (recognised?.kind === 'admin') {
    return fail(
      'this is an Anthropic Admin API key (sk-ant-admin01-…), which cannot call models; create a normal API key (sk-ant-api03-…) in the Console',
    );
  }
  // A custom provider may be a proxy that takes another provider's keys, so only known ones object.
  const known = findProvider(info.id) !== undefined;
  // A provider some of whose choices take another's key (Arcee through OpenRouter) takes it here too.
  const takesIt = recognised !== undefined && takesKeysOf(info.id).has(recognised.provider);
  if (known && recognised && recognised.provider !== info.id && !takesIt) {
    return fail(`this looks like ${recognised.name}, but the provider is ${info.id}`, {
      provider: recognised.provider,
    });
  }
  if (recognised && recognised.provider === info.id && recognised.kind !== kind)
    return fail(`this is ${recognised.name}, not ${kind === 'api_key' ? 'an API key' : 'a token'}`, {
      kind: recognised.kind,
    });
  if (known && /^sk-(ant|or)-/.test(secret) && recognised === undefined) {
    return fail(
      `this starts like a ${secret.startsWith('sk-ant-') ? 'Anthropic' : 'OpenRouter'} secret but its prefix is not one authdeck knows; copy it again`,
    );
  }

  const shape: SecretShape | undefined = kind === 'api_key' ? info.key : info.token;
  if (shape && !shape.pattern.test(secret)) {
    // Another provider's secret is the usual reason: name it and the flow it belongs in (a
    // prefix recognised above is this provider's own secret, cut short or mistyped).
    const others = recognised ? [] : otherShapesMatching(secret, info.id);
    const first = others[0];
    if (first)
      return fail(
        `this looks like ${others.map((other) => other.name).join(' or ')}, not ${kind === 'api_key' ? 'an API key' : 'a token'} of ${providerName(info.id)}`,
        { provider: first.provider },
      );
    const what = `${providerName(info.id)} ${kind === 'api_key' ? 'API key' : 'token'}`;
    // A shape that names no length ("starts with gsk_"): the count alone said nothing.
    const statesLength = /characters/.test(shape.looks);
    // It starts right and only more of it is missing: cut off (or still being typed), not wrong.
    const missing = Array.from({ length: 128 }, (_, more) => `${secret}${'A'.repeat(more + 1)}`).findIndex((longer) =>
      shape.pattern.test(longer),
    );
    if (missing >= 0) {
      const least = statesLength ? '' : ` and has at least ${[...secret].length + missing + 1} characters`;
      return fail(
        `this ${what} looks cut off: one ${shape.looks}${least}, this has ${characterCount(secret)}; copy all of it`,
      );
    }
    const count = statesLength ? `, this has ${characterCount(secret)}` : '';
    const bad = describeBadCharacters(secret);
    return fail(
      `this is not a valid ${what}: one ${shape.looks}${count}${count && bad}${count ? '' : bad.replace(/^, some/, '; this has some')}; copy it again`,
    );
  }
  // A key of no known shape (a custom endpoint's, a proxy's) is the user's own: a space inside
  // it is meant, and removing it stored another key than the one given (OpenClaw keeps it).
  if (!shape && !recognised) secret = normalizeSecret(input, { keepSpaces: true });
  const warnings: string[] = [];
  // A proxy may take another provider's keys, so this is said, not refused.
  if (!known && recognised && recognised.provider !== info.id)
    warnings.push(
      `this looks like ${recognised.name}: for ${providerName(recognised.provider)} itself save it under ${recognised.provider} (${makes} is what this save makes)`,
    );
  if (info.id === 'anthropic' && secret.length !== ANTHROPIC_USUAL_LENGTH) {
    warnings.push(
      `${kind === 'token' ? 'setup-tokens' : 'Anthropic API keys'} are usually ${ANTHROPIC_USUAL_LENGTH} characters; this one has ${[...secret].length}, check that nothing was cut off or added`,
    );
  }
  return {
    ok: true,
    secret,
    warnings,
    shapeChecked: shape !== undefined || recognised?.provider === info.id || takesIt,
  };
}

/** The other providers whose keys one of this provider's choices takes (`arceeai-openrouter`: OpenRouter's). */
function takesKeysOf(provider: string): Set<string> {
  const owners = choicesForProvider(provider).map(secretOwner);
  return new Set([
    ...owners.filter((owner): owner is string => owner !== undefined && owner !== provider),
    ...(FORWARDS_KEYS_OF[provider] ?? []),
  ]);
}

/**
 * Gateways that forward the provider's own key, whatever their flag is called: OpenClaw's
 * Cloudflare AI Gateway docs ("use your Anthropic API key"), as its key step says (keyNote).
 */
const FORWARDS_KEYS_OF: Readonly<Record<string, readonly string[]>> = { 'cloudflare-ai-gateway': ['anthropic'] };

/**
 * The providers (other than `provider`) whose key or token shape this secret has: those whose
 * shape starts with a prefix of its own, so that a bare run of letters names no one.
 */
function otherShapesMatching(
  secret: string,
  provider: string,
): Array<{ provider: string; kind: SecretKind; name: string }> {
  const found: Array<{ provider: string; kind: SecretKind; name: string }> = [];
  for (const other of PROVIDERS) {
    if (other.id === provider) continue;
    for (const [kind, shape] of [
      ['api_key', other.key],
      ['token', other.token],
    ] as const) {
      if (!shape || !/^\^[A-Za-z]/.test(shape.pattern.source) || !shape.pattern.test(secret)) continue;
      const label = providerName(other.id);
      const name = `${/^([AEIOU]|x[A-Z])/.test(label) ? 'an' : 'a'} ${label} ${kind === 'api_key' ? 'API key' : 'token'}`;
      found.push({ provider: other.id, kind, name });
    }
  }
  // OpenAI's keys and DeepSeek's share sk-: the more common one first.
  return found.sort((a, b) => Number(b.provider === 'openai') - Number(a.provider === 'openai'));
}

function describeBadCharacters(secret: string): string {
  return /[^A-Za-z0-9_-]/.test(secret) ? ', some not letters, digits, - or _' : '';
}

/** First 8 … last 4; shorter secrets show less so that a mask never gives most of it away. */
export function maskSecret(secret: string | undefined): string {
  if (!secret) return '';
  if (secret.length >= 20) return `${secret.slice(0, 8)}…${secret.slice(-4)}`;
  if (secret.length >= 10) return `${secret.slice(0, 3)}…${secret.slice(-2)}`;
  return '…';
}

/** "1 character", "108 characters": characters as typed (an emoji is one), not UTF-16 units. */
export function characterCount(text: string): string {
  return countOf([...text].length, 'character');
}
