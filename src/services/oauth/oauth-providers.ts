/**
 * The sign-ins OpenClaw's gateway reads back (constants from its own clients, see the README):
 * which flows each provider has, its endpoints and client id, and what it stores. Every URL can
 * be pointed elsewhere by environment (tests, proxies): AUTHDECK_OAUTH_<PROVIDER>_<NAME>.
 */
export type SignInMethod = 'browser' | 'device';

export interface OAuthProviderInfo {
  /** What the user types: `--provider openai-codex`. */
  id: string;
  label: string;
  methods: SignInMethod[];
  /** The provider id its profiles get (the store spells a renamed one as its OpenClaw does: AgentStore.providerId). */
  storeProvider: string;
  /** `oauth` profiles refresh; Copilot's GitHub token is stored as a `token` that does not expire. */
  kind: 'oauth' | 'token';
  /** The fixed profile name, when the provider has one (Copilot: `github`). */
  profileName?: string;
  endpoints: Record<string, string>;
  clientId: string;
  scope: string;
}

export const OAUTH_PROVIDERS: readonly OAuthProviderInfo[] = [
  {
    id: 'openai-codex',
    label: 'ChatGPT (OpenAI Codex)',
    methods: ['browser', 'device'],
    storeProvider: 'openai',
    kind: 'oauth',
    endpoints: {
      authorize: 'https://auth.openai.com/oauth/authorize',
      token: 'https://auth.openai.com/oauth/token',
      deviceUserCode: 'https://auth.openai.com/api/accounts/deviceauth/usercode',
      deviceToken: 'https://auth.openai.com/api/accounts/deviceauth/token',
      deviceVerify: 'https://auth.openai.com/codex/device',
      deviceRedirect: 'https://auth.openai.com/deviceauth/callback',
    },
    clientId: 'app_EMoamEEZ73f0CkXaXp7hrann',
    scope: 'openid profile email offline_access',
  },
  {
    id: 'github-copilot',
    label: 'GitHub Copilot',
    methods: ['device'],
    storeProvider: 'github-copilot',
    kind: 'token',
    profileName: 'github',
    endpoints: {
      deviceCode: 'https://github.com/login/device/code',
      token: 'https://github.com/login/oauth/access_token',
    },
    clientId: 'Iv1.b507a08c87ecfe98',
    scope: 'read:user',
  },
  {
    id: 'xai',
    label: 'xAI (Grok)',
    // Device first: the one OpenClaw 2026.7+ offers; the browser flow is OpenClaw 2026.5's.
    methods: ['device', 'browser'],
    storeProvider: 'xai',
    kind: 'oauth',
    endpoints: {
      discovery: 'https://auth.x.ai/.well-known/openid-configuration',
      token: 'https://auth.x.ai/oauth/token',
    },
    clientId: 'b1a00492-073a-47ea-816f-4c329264a828',
    scope: 'openid profile email offline_access grok-cli:access api:access',
  },
];

/** `openai` means the ChatGPT sign-in when asked for a sign-in (OpenClaw 2026.7+ spells it so). */
export function findOAuthProvider(provider: string): OAuthProviderInfo | undefined {
  const id = provider === 'openai' ? 'openai-codex' : provider;
  return OAUTH_PROVIDERS.find((entry) => entry.id === id);
}

/** An endpoint, unless AUTHDECK_OAUTH_<PROVIDER>_<NAME> points it elsewhere. */
export function oauthEndpoint(info: OAuthProviderInfo, name: string, env: NodeJS.ProcessEnv): string {
  const variable = `AUTHDECK_OAUTH_${info.id.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
  const value = env[variable]?.trim() || info.endpoints[name];
  if (!value) throw new Error(`${info.id} has no ${name} endpoint`);
  return value;
}
