/**
 * What authdeck knows about each provider: env vars in the gateway's precedence, secret shapes,
 * where to get a key. Providers not listed here still work as "custom": any non-empty secret.
 */
/** browser and device: an OAuth sign-in (services/oauth) for the providers that have one. */
export type OnboardingMethod = 'api-key' | 'setup-token' | 'paste-token' | 'browser' | 'device';

export interface SecretShape {
  pattern: RegExp;
  /** How the secret looks, for error messages: "starts with sk-ant-api03-, 108 characters". */
  looks: string;
}

export interface EnvCredentialVar {
  name: string;
  type: 'api_key' | 'token';
}

export interface ProviderInfo {
  id: string;
  label: string;
  envVars: EnvCredentialVar[];
  key?: SecretShape;
  token?: SecretShape;
  keysUrl?: string;
  methods: OnboardingMethod[];
}

const apiKeyOnly: OnboardingMethod[] = ['api-key', 'paste-token'];

export const PROVIDERS: readonly ProviderInfo[] = [
  {
    id: 'anthropic',
    label: 'Anthropic (Claude)',
    envVars: [
      { name: 'ANTHROPIC_OAUTH_TOKEN', type: 'token' },
      { name: 'ANTHROPIC_API_KEY', type: 'api_key' },
    ],
    key: {
      pattern: /^sk-ant-api03-[A-Za-z0-9_-]{93}AA$/,
      looks: 'starts with sk-ant-api03- and is 108 characters long',
    },
    token: {
      pattern: /^sk-ant-oat01-[A-Za-z0-9_-]{80,}$/,
      looks: 'starts with sk-ant-oat01- and is about 108 characters long',
    },
    keysUrl: 'https://console.anthropic.com/settings/keys',
    methods: ['api-key', 'setup-token', 'paste-token'],
  },
  {
    id: 'openai',
    label: 'OpenAI',
    envVars: [{ name: 'OPENAI_API_KEY', type: 'api_key' }],
    key: { pattern: /^sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}$/, looks: 'starts with sk- (often sk-proj-)' },
    keysUrl: 'https://platform.openai.com/api-keys',
    methods: ['api-key', 'browser', 'device', 'paste-token'],
  },
  {
    id: 'openrouter',
    label: 'OpenRouter',
    envVars: [{ name: 'OPENROUTER_API_KEY', type: 'api_key' }],
    key: { pattern: /^sk-or-v1-[A-Za-z0-9]{32,}$/, looks: 'starts with sk-or-v1-' },
    keysUrl: 'https://openrouter.ai/keys',
    methods: apiKeyOnly,
  },
  {
    id: 'google',
    label: 'Google (Gemini)',
    envVars: [{ name: 'GEMINI_API_KEY', type: 'api_key' }],
    key: { pattern: /^AIza[0-9A-Za-z_-]{35}$/, looks: 'starts with AIza and is 39 characters long' },
    keysUrl: 'https://aistudio.google.com/apikey',
    methods: apiKeyOnly,
  },
  {
    id: 'groq',
    label: 'Groq',
    envVars: [{ name: 'GROQ_API_KEY', type: 'api_key' }],
    key: { pattern: /^gsk_[A-Za-z0-9]{20,}$/, looks: 'starts with gsk_' },
    keysUrl: 'https://console.groq.com/keys',
    methods: apiKeyOnly,
  },
  {
    id: 'xai',
    label: 'xAI (Grok)',
    envVars: [{ name: 'XAI_API_KEY', type: 'api_key' }],
    key: { pattern: /^xai-[A-Za-z0-9_-]{20,}$/, looks: 'starts with xai-' },
    keysUrl: 'https://console.x.ai',
    methods: ['api-key', 'device', 'browser', 'paste-token'],
  },
  {
    id: 'github-copilot',
    label: 'GitHub Copilot',
    envVars: [{ name: 'COPILOT_GITHUB_TOKEN', type: 'token' }],
    methods: ['device', 'paste-token'],
  },
  {
    id: 'mistral',
    label: 'Mistral',
    envVars: [{ name: 'MISTRAL_API_KEY', type: 'api_key' }],
    key: { pattern: /^[A-Za-z0-9]{32}$/, looks: 'is 32 letters and digits' },
    keysUrl: 'https://console.mistral.ai/api-keys',
    methods: apiKeyOnly,
  },
  {
    id: 'deepseek',
    label: 'DeepSeek',
    envVars: [{ name: 'DEEPSEEK_API_KEY', type: 'api_key' }],
    key: { pattern: /^sk-[A-Za-z0-9]{20,}$/, looks: 'starts with sk-' },
    keysUrl: 'https://platform.deepseek.com/api_keys',
    methods: apiKeyOnly,
  },
  {
    id: 'cerebras',
    label: 'Cerebras',
    envVars: [{ name: 'CEREBRAS_API_KEY', type: 'api_key' }],
    key: { pattern: /^csk-[A-Za-z0-9]{20,}$/, looks: 'starts with csk-' },
    keysUrl: 'https://cloud.cerebras.ai',
    methods: apiKeyOnly,
  },
  {
    id: 'together',
    label: 'Together AI',
    envVars: [{ name: 'TOGETHER_API_KEY', type: 'api_key' }],
    keysUrl: 'https://api.together.ai/settings/api-keys',
    methods: apiKeyOnly,
  },
  {
    id: 'moonshot',
    label: 'Moonshot (Kimi)',
    envVars: [{ name: 'MOONSHOT_API_KEY', type: 'api_key' }],
    methods: apiKeyOnly,
  },
  {
    id: 'zai',
    label: 'Z.AI (GLM)',
    envVars: [{ name: 'ZAI_API_KEY', type: 'api_key' }],
    methods: apiKeyOnly,
  },
];

const byId = new Map(PROVIDERS.map((provider) => [provider.id, provider]));

export function normalizeProviderId(provider: string): string {
  return provider.trim().toLowerCase();
}

/** Names that are keys of every JavaScript object: never ids, wherever they come from. */
const RESERVED_IDS = new Set(['constructor', 'prototype', '__proto__']);

/** A provider id is what goes before the `:` of a profile id, so it cannot hold one. */
export function isValidProviderId(provider: string): boolean {
  return /^[a-z0-9][a-z0-9._-]*$/.test(provider) && !RESERVED_IDS.has(provider);
}

export function findProvider(provider: string): ProviderInfo | undefined {
  return byId.get(normalizeProviderId(provider));
}

/** Registry entry, or a permissive one for a provider authdeck has no rules for. */
export function providerInfo(provider: string): ProviderInfo {
  const id = normalizeProviderId(provider);
  return (
    byId.get(id) ?? {
      id,
      label: id,
      // The gateway only reads env vars it knows, so a custom provider has none.
      envVars: [],
      methods: apiKeyOnly,
    }
  );
}

export function providerLabel(provider: string): string {
  return findProvider(provider)?.label ?? provider;
}
