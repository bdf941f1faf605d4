/**
 * The sign-ins OpenClaw's gateway reads back (constants from its own clients, see the README):
 * which flows each provider has, its endpoints and client id, and what it stores. Every URL can
 * be pointed elsewhere by environment (tests, proxies): AUTHDECK_OAUTH_<PROVIDER>_<NAME>.
 */
/** `cli`: a local program's own login is checked and used (Azure CLI, Claude CLI). */
export type SignInMethod = 'browser' | 'device' | 'cli';

export interface OAuthProviderInfo {
  /** What the user types: `--provider openai-codex`. */
  id: string;
  label: string;
  methods: SignInMethod[];
  /** The provider id its profiles get (the store spells a renamed one as its OpenClaw does: AgentStore.providerId). */
  storeProvider: string;
  /**
   * `oauth` profiles refresh; Copilot's GitHub token is a `token` that does not expire; OpenRouter
   * and Foundry store an `api_key`; `none` stores nothing (the Claude CLI keeps its own login).
   */
  kind: 'oauth' | 'token' | 'api_key' | 'none';
  /** The fixed profile name, when the provider has one (Copilot: `github`). */
  profileName?: string;
  /** `{domain}` in an endpoint is the GitHub Enterprise host the person names. */
  endpoints: Record<string, string>;
  /** Empty when the person brings their own OAuth app (Chutes: CHUTES_CLIENT_ID, kept in the profile). */
  clientId: string;
  scope: string;
  /** Not offered by the wizard: `authdeck login --provider` runs it in text. */
  textOnly?: true;
  /** Older choice ids that still mean it (OpenClaw's deprecatedChoiceIds). */
  aliases?: string[];
}

/** MiniMax's hosts, as OpenClaw's minimax plugin names them (extensions/minimax/oauth.ts): `.io` abroad, `minimaxi.com` in China. */
export function minimaxOrigin(region: 'global' | 'cn', host: 'account' | 'api'): string {
  return region === 'cn' ? `https://${host}.minimaxi.com` : `https://${host}.minimax.io`;
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
  // The rest of OpenClaw 2026.9.6's onboarding sign-ins; where each constant comes from: README "More sign-ins".
  {
    id: 'openrouter-oauth',
    label: 'OpenRouter',
    methods: ['browser'],
    storeProvider: 'openrouter',
    kind: 'api_key',
    profileName: 'default',
    endpoints: { authorize: 'https://openrouter.ai/auth', token: 'https://openrouter.ai/api/v1/auth/keys' },
    clientId: '',
    scope: '',
    textOnly: true,
  },
  ...(['global', 'cn'] as const).map(
    (region): OAuthProviderInfo => ({
      id: `minimax-${region}-oauth`,
      label: `MiniMax (${region === 'cn' ? 'CN' : 'Global'})`,
      methods: ['device'],
      storeProvider: 'minimax-portal',
      kind: 'oauth',
      profileName: 'default',
      endpoints: {
        deviceCode: `${minimaxOrigin(region, 'account')}/oauth2/device/code`,
        token: `${minimaxOrigin(region, 'account')}/oauth2/token`,
      },
      clientId: '78257093-7e40-4613-99e0-527b14b39113',
      scope: 'group_id profile model.completion',
      textOnly: true,
    }),
  ),
  {
    id: 'chutes',
    label: 'Chutes',
    methods: ['browser'],
    storeProvider: 'chutes',
    kind: 'oauth',
    endpoints: {
      authorize: 'https://api.chutes.ai/idp/authorize',
      token: 'https://api.chutes.ai/idp/token',
      userinfo: 'https://api.chutes.ai/idp/userinfo',
    },
    clientId: '',
    scope: 'openid profile chutes:invoke',
    textOnly: true,
  },
  {
    id: 'github-copilot-enterprise',
    label: 'GitHub Copilot (Enterprise)',
    methods: ['device'],
    storeProvider: 'github-copilot',
    kind: 'token',
    profileName: 'github',
    endpoints: {
      deviceCode: 'https://{domain}/login/device/code',
      token: 'https://{domain}/login/oauth/access_token',
    },
    clientId: 'Iv1.b507a08c87ecfe98',
    scope: 'read:user',
    textOnly: true,
  },
  {
    id: 'radius',
    label: 'Radius',
    methods: ['device'],
    storeProvider: 'radius',
    kind: 'oauth',
    profileName: 'default',
    endpoints: {
      deviceCode: 'https://radius.pi.dev/v1/oauth/device',
      token: 'https://radius.pi.dev/v1/oauth/token',
      catalog: 'https://radius.pi.dev/v1/config',
    },
    clientId: 'pi-gateway',
    scope: 'gateway offline_access',
    textOnly: true,
  },
  {
    id: 'microsoft-foundry-entra',
    label: 'Microsoft Foundry (Entra ID)',
    methods: ['cli'],
    storeProvider: 'microsoft-foundry',
    kind: 'api_key',
    profileName: 'entra',
    endpoints: {},
    clientId: '',
    scope: 'https://cognitiveservices.azure.com',
    textOnly: true,
  },
  {
    id: 'anthropic-cli',
    label: 'Anthropic (Claude CLI)',
    methods: ['cli'],
    storeProvider: 'anthropic',
    kind: 'none',
    endpoints: {},
    clientId: '',
    scope: '',
    textOnly: true,
    aliases: ['claude-cli'],
  },
];

/** `openai` means the ChatGPT sign-in when asked for a sign-in (OpenClaw 2026.7+ spells it so). */
export function findOAuthProvider(provider: string): OAuthProviderInfo | undefined {
  const id = provider === 'openai' ? 'openai-codex' : provider;
  return OAUTH_PROVIDERS.find((entry) => entry.id === id || entry.aliases?.includes(id));
}

/** An endpoint, unless AUTHDECK_OAUTH_<PROVIDER>_<NAME> points it elsewhere; `{domain}` filled in. */
export function oauthEndpoint(info: OAuthProviderInfo, name: string, env: NodeJS.ProcessEnv, domain?: string): string {
  const value = endpointOverride(info, name, env) || info.endpoints[name];
  if (!value) throw new Error(`${info.id} has no ${name} endpoint`);
  return domain === undefined ? value : value.replaceAll('{domain}', domain);
}

/**
 * Whether a page a sign-in server names is on the expected host (`origin`), or — when
 * AUTHDECK_OAUTH_<PROVIDER>_<NAME> points the endpoint elsewhere — on that server's origin.
 */
export function onExpectedPage(
  info: OAuthProviderInfo,
  name: string,
  env: NodeJS.ProcessEnv,
  page: string,
  origin: string,
): boolean {
  try {
    const url = new URL(page);
    const override = endpointOverride(info, name, env);
    const expected = override ? new URL(override).origin : origin;
    return url.origin === expected && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Whether AUTHDECK_OAUTH_<PROVIDER>_<NAME> points an endpoint elsewhere (a test or a proxy). */
export function endpointOverride(info: OAuthProviderInfo, name: string, env: NodeJS.ProcessEnv): string | undefined {
  const variable = `AUTHDECK_OAUTH_${info.id.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
  return env[variable]?.trim() || undefined;
}
