/**
 * What authdeck knows about each provider, read from the catalog (OpenClaw's onboarding plus
 * authdeck's own facts, services/providers/catalog.ts): env vars in the gateway's precedence,
 * labels, secret shapes and where to get a key. A provider outside the catalog is "custom": any
 * non-empty secret (`--custom`).
 */

import { OAUTH_PROVIDERS } from './oauth/oauth-providers.js';
import { catalog, resolveProviderAlias } from './providers/catalog.js';
import { isLocalServerKind } from './providers/local-server.js';

/** browser and device: an OAuth sign-in (services/oauth) for the providers that have one. */
export type OnboardingMethod = 'api-key' | 'setup-token' | 'paste-token' | 'browser' | 'device' | 'local-server';

export interface SecretShape {
  pattern: RegExp;
  /** How the secret looks, for error messages: "starts with sk-ant-api03-, 108 characters". */
  looks: string;
}

export interface EnvCredentialVar {
  name: string;
  type: 'api_key' | 'token';
}

/**
 * The variable a secret of this type goes to: `<PROVIDER>_API_KEY` where the provider reads one
 * (OpenClaw lists MiniMax's plan variable first, which reads wrong for a pay-as-you-go key),
 * else the first it lists.
 */
export function homeEnvVar(info: Pick<ProviderInfo, 'id' | 'envVars'>, type: EnvCredentialVar['type']) {
  const ofType = info.envVars.filter((variable) => variable.type === type);
  const plain = `${info.id.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_API_KEY`;
  return ofType.find((variable) => type === 'api_key' && variable.name === plain) ?? ofType[0];
}

export interface ProviderInfo {
  id: string;
  /** How a list of providers names it, no two alike ("MiniMax API key" beside "MiniMax OAuth"). */
  label: string;
  /** How a sentence names it: the label without a credential word ("MiniMax"). */
  name: string;
  envVars: EnvCredentialVar[];
  key?: SecretShape;
  token?: SecretShape;
  keysUrl?: string;
  /** What the key is, where the provider's name misleads (Cloudflare's gateway takes Anthropic's). */
  keyNote?: string;
  methods: OnboardingMethod[];
}

/** What a person asked for an API key is told first: what the key is, where the name misleads, and where to get one. */
export function keyHelp(info: Pick<ProviderInfo, 'keyNote' | 'keysUrl'>): string[] {
  return [...(info.keyNote ? [`It is ${info.keyNote}.`] : []), ...(info.keysUrl ? [`Get one at ${info.keysUrl}`] : [])];
}

function envVarOf(name: string): EnvCredentialVar {
  return { name, type: /TOKEN/.test(name) ? 'token' : 'api_key' };
}

/**
 * Providers whose credential is no use without what the wizard asks beside it: Cloudflare's
 * account and gateway ids, Foundry's endpoint and deployment (cloudflare-gateway.ts, foundry.ts;
 * not imported: their setup types import this module), with the choice that asks it.
 */
const NEEDS_MORE_THAN_A_SECRET: Readonly<Record<string, { needs: string; choice: string; flags: string }>> = {
  'cloudflare-ai-gateway': {
    needs: 'its account and gateway ids',
    choice: 'cloudflare-ai-gateway-api-key',
    flags: '--cloudflare-ai-gateway-account-id ID --cloudflare-ai-gateway-gateway-id ID',
  },
  'microsoft-foundry': {
    needs: 'its endpoint and deployment',
    choice: 'microsoft-foundry-apikey',
    flags: '--custom-base-url URL --custom-model-id DEPLOYMENT',
  },
};

/** For a key saved alone (add-key): what else the gateway needs for it, and the command that writes it. */
export function keyAloneNote(provider: string): string | undefined {
  const more = NEEDS_MORE_THAN_A_SECRET[provider];
  return more
    ? `the gateway cannot use a ${provider} key without ${more.needs}: pipe it to \`authdeck onboard --non-interactive --auth-choice ${more.choice} ${more.flags}\` instead, or use the wizard (\`authdeck onboard\`)`
    : undefined;
}

function buildProviders(): ProviderInfo[] {
  const byId = new Map<string, ProviderInfo>();
  const ordered = [...catalog.choices].sort(
    (a, b) => (a.pickerOrder ?? Number.MAX_SAFE_INTEGER) - (b.pickerOrder ?? Number.MAX_SAFE_INTEGER),
  );
  for (const choice of ordered) {
    const id = choice.provider;
    if (!id) continue;
    const info = byId.get(id) ?? {
      id,
      label: choice.groupLabel ?? id,
      name: choice.groupLabel ?? id,
      envVars: [],
      methods: [],
    };
    for (const name of choice.credential.envVars)
      if (!info.envVars.some((variable) => variable.name === name)) info.envVars.push(envVarOf(name));
    const { kind, shape } = choice.credential;
    const slot = kind === 'api_key' ? 'key' : kind === 'token' ? 'token' : undefined;
    if (slot && shape && !info[slot]) info[slot] = { pattern: new RegExp(shape.pattern), looks: shape.looks };
    if (choice.keysUrl && !info.keysUrl) info.keysUrl = choice.keysUrl;
    if (choice.credential.note && !info.keyNote) info.keyNote = choice.credential.note;
    // A model server on this machine is found, not pasted: its key (vLLM, SGLang) is asked there;
    // the Copilot Proxy (copilot-proxy.ts) is named by its address and models.
    if (isLocalServerKind(choice.id) || choice.id === 'copilot-proxy') {
      info.methods = ['local-server'];
      byId.set(id, info);
      continue;
    }
    if (choice.credential.kind === 'api_key' && !info.methods.includes('api-key')) info.methods.push('api-key');
    if (choice.credential.kind === 'token' && id === 'anthropic' && !info.methods.includes('setup-token'))
      info.methods.push('setup-token');
    byId.set(id, info);
  }
  for (const info of byId.values()) {
    for (const signIn of OAUTH_PROVIDERS.filter((entry) => entry.storeProvider === info.id))
      for (const method of signIn.methods)
        if (method !== 'cli' && !info.methods.includes(method)) info.methods.push(method);
    // A bare token is no use where the gateway needs more than a secret (an endpoint, account ids).
    if (!info.methods.includes('local-server') && !Object.hasOwn(NEEDS_MORE_THAN_A_SECRET, info.id))
      info.methods.push('paste-token');
  }
  return withOwnLabels([...byId.values()]);
}

/**
 * Providers that share OpenClaw's group label (Copilot: GitHub Copilot and the Copilot Proxy;
 * Ollama: local and Cloud) each named by what their choices' labels share ("Copilot Proxy",
 * "Ollama Cloud"), so a list of providers has no two rows alike. The group label stays where
 * the choices share nothing.
 */
function withOwnLabels(providers: ProviderInfo[]): ProviderInfo[] {
  const sharing = new Map<string, number>();
  for (const info of providers) sharing.set(info.label, (sharing.get(info.label) ?? 0) + 1);
  const named = providers.map((info) => {
    if ((sharing.get(info.label) ?? 0) < 2) return info;
    const labels = catalog.choices.filter((choice) => choice.provider === info.id).map((choice) => choice.label);
    const own = sharedWords(labels);
    return own ? { ...info, label: own } : info;
  });
  // "MiniMax API key" and "MiniMax OAuth" would both be MiniMax: those keep the credential word.
  const short = named.map((info) => withoutCredentialWord(info.label));
  return named.map((info, index) => {
    const name = short[index] ?? info.label;
    return short.filter((label) => label === name).length === 1 ? { ...info, label: name, name } : { ...info, name };
  });
}

/** The whole words every label starts with, a trailing parenthesis dropped ("StepFun Standard API key"). */
function sharedWords(labels: string[]): string | undefined {
  const [first, ...rest] = labels;
  if (first === undefined) return undefined;
  let prefix = first;
  for (const label of rest) {
    let i = 0;
    while (i < prefix.length && i < label.length && prefix[i] === label[i]) i++;
    prefix = prefix.slice(0, i);
  }
  const cutMidWord = labels.some((label) => /\w/.test(label[prefix.length] ?? '') && /\w$/.test(prefix));
  if (cutMidWord) prefix = prefix.slice(0, prefix.lastIndexOf(' ') + 1);
  return prefix.replace(/\s*\([^)]*\)?\s*$/, '').trim() || undefined;
}

/** A provider's name, not its credential's: "Moonshot API key" names Moonshot. */
function withoutCredentialWord(label: string): string {
  return label.replace(/\s+(?:api[ -]?key|key|token|setup-token|oauth|login|sign-in)$/i, '').trim() || label;
}

export const PROVIDERS: readonly ProviderInfo[] = buildProviders();

/** Whether OpenClaw offers the provider on this machine (Apple's on-device models: macOS only). */
export function offeredOnThisPlatform(id: string): boolean {
  const choices = catalog.choices.filter((choice) => choice.provider === id);
  return (
    choices.length === 0 || choices.some((choice) => !choice.platforms || choice.platforms.includes(process.platform))
  );
}

const byId = new Map(PROVIDERS.map((provider) => [provider.id, provider]));

export function normalizeProviderId(provider: string): string {
  return provider.trim().toLowerCase();
}

/** Names that are keys of every JavaScript object: never ids, wherever they come from. */
const RESERVED_IDS = new Set(['constructor', 'prototype', '__proto__']);

export function isReservedId(id: string): boolean {
  return RESERVED_IDS.has(id);
}

/** A provider id is what goes before the `:` of a profile id, so it cannot hold one. */
export function isValidProviderId(provider: string): boolean {
  return providerIdProblem(provider) === undefined;
}

/** Why a (normalised) id cannot be a provider's, in words that fit after it; undefined: it can. */
export function providerIdProblem(provider: string): string | undefined {
  if (isReservedId(provider)) return 'is a name every JavaScript object has, so it cannot be a provider id';
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(provider))
    return 'is not a provider id (letters, digits, ".", "_" and "-", from a letter or digit)';
  return undefined;
}

/** A provider of the catalog, by its id or an alias OpenClaw resolves (`x-ai` → xai). */
export function findProvider(provider: string): ProviderInfo | undefined {
  return byId.get(normalizeProviderId(provider)) ?? byId.get(resolveProviderAlias(provider));
}

/** Registry entry, or a permissive one for a provider authdeck has no rules for. */
export function providerInfo(provider: string): ProviderInfo {
  const id = normalizeProviderId(provider);
  return (
    findProvider(id) ?? {
      id,
      label: id,
      name: id,
      // The gateway only reads env vars it knows, so a custom provider has none.
      envVars: [],
      methods: ['api-key', 'paste-token'],
    }
  );
}

/** How a sentence or a heading names a provider ("MiniMax"). */
export function providerName(provider: string): string {
  return findProvider(provider)?.name ?? provider;
}

/** How a list names it, no two alike ("MiniMax API key"): `status --json`'s `label`. */
export function providerLabel(provider: string): string {
  return findProvider(provider)?.label ?? provider;
}
