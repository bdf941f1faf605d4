import { fakeSecrets } from '../helpers/fake-secrets.js';
import type { Layer } from '../helpers/v9-layers.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** A home for `explain`: OpenClaw 2026.9.6's store layers, openclaw.json, and the agents to ask about. */
export interface ExplainHome {
  name: string;
  shared: (now: number) => Layer;
  /** Agent-local layers (the agent's own database), by agent id. */
  local?: (now: number) => Record<string, Layer>;
  config: Record<string, unknown>;
  /** The agents both programs are asked about (`--agent`); the default agent when absent. */
  agents?: string[];
  env?: Record<string, string>;
}

const token = (seed: string, expires?: number) => ({
  type: 'token',
  provider: 'anthropic',
  token: fakeSecrets.setupToken(seed),
  ...(expires !== undefined ? { expires } : {}),
});
const key = (seed: string) => ({ type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey(seed) });
const oauth = (seed: string, expires: number) => ({
  type: 'oauth',
  provider: 'anthropic',
  access: `fake-access.${seed}`,
  refresh: `fake-refresh.${seed}`,
  expires,
});
const openaiKey = (seed: string) => ({ type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey(seed) });
const model = (primary: string, fallbacks?: string[]) => ({
  agents: { defaults: { model: { primary, ...(fallbacks ? { fallbacks } : {}) } } },
});
const xaiKey = (seed: string, provider = 'xai') => ({ type: 'api_key', provider, key: fakeSecrets.xaiKey(seed) });
const SONNET = 'anthropic/claude-sonnet-4-6';
const FENCE = 'openclaw-oauth-refresh-fence:v1:0123456789abcdef0123456789abcdef';
const roster = (coder: Record<string, unknown>) => ({
  agents: {
    defaults: { model: { primary: SONNET, fallbacks: ['openai/gpt-5.5'] } },
    list: [
      { id: 'main', default: true },
      { id: 'coder', ...coder },
    ],
  },
});

export const HOMES: ExplainHome[] = [
  {
    name: 'no order: oauth, then tokens, then the key, least recently used first',
    shared: (now) => ({
      profiles: {
        'anthropic:k': key('k'),
        'anthropic:t1': token('t1'),
        'anthropic:t2': token('t2'),
        'anthropic:o': oauth('o', now + DAY),
      },
      usageStats: { 'anthropic:t1': { lastUsed: now - MIN }, 'anthropic:t2': { lastUsed: now - HOUR } },
    }),
    config: model(SONNET),
  },
  {
    name: 'a shared order with the first cooling down, an expired token and one left out',
    shared: (now) => ({
      profiles: {
        'anthropic:a': token('a'),
        'anthropic:b': token('b'),
        'anthropic:old': token('old', now - DAY),
        'anthropic:k': key('k'),
      },
      order: { anthropic: ['anthropic:b', 'anthropic:old', 'anthropic:a'] },
      usageStats: { 'anthropic:b': { cooldownUntil: now + 30 * MIN, cooldownReason: 'rate_limit', errorCount: 1 } },
    }),
    config: model(SONNET, ['openai/gpt-5.5']),
  },
  {
    name: 'a disabled fallback provider and two cooldowns sorted by their end',
    shared: (now) => ({
      profiles: {
        'anthropic:a': token('a'),
        'anthropic:b': token('b'),
        'anthropic:c': token('c'),
        'openai:k': openaiKey('k'),
      },
      usageStats: {
        'anthropic:a': { cooldownUntil: now + 2 * HOUR, cooldownReason: 'overloaded' },
        'anthropic:b': { disabledUntil: now + HOUR, disabledReason: 'billing' },
        'openai:k': { disabledUntil: now + 5 * HOUR, disabledReason: 'billing' },
      },
    }),
    config: model(SONNET, ['openai/gpt-5.5']),
  },
  {
    name: 'auth.profiles lists one profile: the others are excluded',
    shared: () => ({ profiles: { 'anthropic:a': token('a'), 'anthropic:b': token('b'), 'anthropic:k': key('k') } }),
    config: { ...model(SONNET), auth: { profiles: { 'anthropic:b': { provider: 'anthropic', mode: 'token' } } } },
  },
  {
    name: 'auth.profiles gives a wrong mode and another provider',
    shared: () => ({
      profiles: {
        'anthropic:a': token('a'),
        'anthropic:b': token('b'),
        'anthropic:k': key('k'),
        'anthropic:c': token('c'),
      },
    }),
    config: {
      ...model(SONNET),
      auth: {
        profiles: {
          'anthropic:a': { provider: 'anthropic', mode: 'api_key' },
          'anthropic:b': { provider: 'anthropic', mode: 'oauth' },
          'anthropic:k': { provider: 'anthropic', mode: 'api_key' },
          'anthropic:c': { provider: 'openai', mode: 'token' },
        },
        order: { anthropic: ['anthropic:a', 'anthropic:k', 'anthropic:c', 'anthropic:b'] },
      },
    },
  },
  {
    name: "the main agent's own order over the shared one",
    shared: () => ({
      profiles: { 'anthropic:a': token('a'), 'anthropic:b': token('b'), 'anthropic:k': key('k') },
      order: { anthropic: ['anthropic:a', 'anthropic:b'] },
    }),
    local: () => ({ main: { order: { anthropic: ['anthropic:k', 'anthropic:b'] } } }),
    config: model(SONNET),
  },
  {
    name: "another agent's own model, fallbacks and local profile ahead of the shared order",
    shared: () => ({
      profiles: { 'anthropic:a': token('a'), 'anthropic:b': token('b'), 'openai:k': openaiKey('k') },
      order: { anthropic: ['anthropic:b'] },
    }),
    local: () => ({ coder: { profiles: { 'anthropic:mine': key('mine') } } }),
    config: roster({ model: { primary: 'anthropic/claude-opus-4-6', fallbacks: ['openai/gpt-5.5', SONNET] } }),
    agents: ['main', 'coder'],
  },
  {
    name: "agents whose own model names no fallbacks (a string, {primary}) do not inherit the defaults'",
    shared: () => ({
      profiles: { 'anthropic:a': token('a'), 'openai:k': openaiKey('k') },
    }),
    config: {
      agents: {
        defaults: { model: { primary: SONNET, fallbacks: ['openai/gpt-5.5'] } },
        list: [
          { id: 'main', default: true },
          { id: 'coder', model: 'deepseek/deepseek-chat' },
          { id: 'ops', model: { primary: 'anthropic/claude-opus-4-6' } },
          { id: 'lead', model: { fallbacks: ['openai/gpt-5.5'] } },
        ],
      },
    },
    agents: ['main', 'coder', 'ops', 'lead'],
  },
  {
    name: "OpenClaw 2026.9's explicit roster: its system agent is the one asked about by default",
    shared: () => ({
      profiles: { 'anthropic:a': token('a'), 'anthropic:b': token('b') },
      order: { anthropic: ['anthropic:a', 'anthropic:b'] },
    }),
    local: () => ({ coder: { order: { anthropic: ['anthropic:b'] } } }),
    config: {
      agents: {
        ownership: 'explicit',
        defaults: { systemAgent: { agentId: 'coder' }, model: { primary: SONNET } },
        entries: { main: {}, coder: {} },
      },
    },
  },
  {
    name: 'a stored order that names no existing profile: the gateway takes them all',
    shared: () => ({
      profiles: { 'anthropic:a': token('a'), 'anthropic:k': key('k') },
      order: { anthropic: ['anthropic:gone'] },
    }),
    config: model(SONNET),
  },
  {
    name: 'auth.order in openclaw.json, and an empty one for the fallback provider',
    shared: () => ({ profiles: { 'anthropic:a': token('a'), 'anthropic:b': token('b'), 'openai:k': openaiKey('k') } }),
    config: {
      ...model(SONNET, ['openai/gpt-5.5']),
      auth: { order: { anthropic: ['anthropic:b', 'anthropic:a'], openai: [] } },
    },
  },
  {
    name: 'a key whose env ref is not set stays in the order',
    shared: () => ({
      profiles: {
        'anthropic:ref': {
          type: 'api_key',
          provider: 'anthropic',
          keyRef: { source: 'env', provider: 'default', id: 'AUTHDECK_UNSET_KEY' },
        },
        'anthropic:t': token('t'),
      },
      order: { anthropic: ['anthropic:ref', 'anthropic:t'] },
    }),
    config: model(SONNET),
  },
  {
    name: 'an OAuth sign-in whose access token ran out goes after the live one',
    shared: (now) => ({
      profiles: {
        'anthropic:stale': oauth('stale', now - HOUR),
        'anthropic:live': oauth('live', now + DAY),
        'anthropic:t': token('t'),
      },
      usageStats: { 'anthropic:live': { lastUsed: now - MIN } },
    }),
    config: model(SONNET),
  },
  {
    name: 'OpenRouter manages its own limits: its cooldown is ignored',
    shared: (now) => ({
      profiles: {
        'openrouter:a': { type: 'api_key', provider: 'openrouter', key: fakeSecrets.openrouterKey('a') },
        'openrouter:b': { type: 'api_key', provider: 'openrouter', key: fakeSecrets.openrouterKey('b') },
      },
      order: { openrouter: ['openrouter:a', 'openrouter:b'] },
      usageStats: { 'openrouter:a': { cooldownUntil: now + HOUR, cooldownReason: 'rate_limit' } },
    }),
    config: model('openrouter/anthropic/claude-sonnet-4-6'),
  },
  {
    name: 'a block and a disabled window: the later end counts',
    shared: (now) => ({
      profiles: { 'anthropic:a': token('a'), 'anthropic:b': token('b'), 'anthropic:c': token('c') },
      usageStats: {
        'anthropic:a': { blockedUntil: now + 3 * HOUR, cooldownUntil: now + HOUR, cooldownReason: 'overloaded' },
        'anthropic:b': { disabledUntil: now + 2 * HOUR, disabledReason: 'auth', cooldownUntil: now + 4 * HOUR },
      },
    }),
    config: model(SONNET),
  },
  {
    name: 'every profile cooling down, an env key beside them, and a fallback that works',
    shared: (now) => ({
      profiles: { 'anthropic:a': token('a'), 'openai:k': openaiKey('k') },
      usageStats: { 'anthropic:a': { cooldownUntil: now + 20 * MIN, cooldownReason: 'overloaded' } },
    }),
    config: model(SONNET, ['openai/gpt-5.5']),
    env: { ANTHROPIC_API_KEY: fakeSecrets.anthropicApiKey('env') },
  },
  {
    name: 'every profile of the default provider waits',
    shared: (now) => ({
      profiles: { 'anthropic:a': key('a'), 'anthropic:b': token('b') },
      usageStats: {
        'anthropic:a': { cooldownUntil: now + 20 * MIN, cooldownReason: 'rate_limit' },
        'anthropic:b': { disabledUntil: now + 3 * HOUR, disabledReason: 'auth_permanent' },
      },
    }),
    config: model(SONNET),
  },
  {
    name: 'every profile cooling down for another model than the default',
    shared: (now) => ({
      profiles: { 'anthropic:a': key('a'), 'anthropic:b': token('b') },
      usageStats: {
        'anthropic:a': { cooldownUntil: now + 20 * MIN, cooldownReason: 'rate_limit', cooldownModel: 'claude-opus-5' },
        'anthropic:b': { cooldownUntil: now + 20 * MIN, cooldownReason: 'timeout', cooldownModel: 'claude-opus-5' },
      },
    }),
    config: model(SONNET),
  },
  {
    name: 'the anthropic plugin switched off (models status still counts the provider)',
    shared: () => ({
      profiles: { 'anthropic:a': token('a'), 'anthropic:b': token('b') },
      order: { anthropic: ['anthropic:b', 'anthropic:a'] },
    }),
    config: { ...model(SONNET), plugins: { entries: { anthropic: { enabled: false } } } },
  },
  {
    name: 'provider auth aliases: an x-ai model, a profile stored as x-ai, auth.profiles and an order under x-ai',
    shared: (now) => ({
      profiles: { 'xai:default': xaiKey('d'), 'xai:a': xaiKey('a', 'x-ai'), 'minimax:k': xaiKey('k', 'minimax') },
      order: { 'x-ai': ['xai:default', 'xai:a'] },
      usageStats: { 'xai:default': { lastUsed: now } },
    }),
    config: {
      ...model('x-ai/grok-4', ['minimax-cn/MiniMax-M2.7', 'xai/grok-4.7']),
      auth: { profiles: { 'xai:a': { provider: 'x-ai', mode: 'api_key' } } },
    },
  },
  {
    name: 'what evaluateStoredCredentialEligibility rejects, and a cooldown past what a Date holds',
    shared: (now) => ({
      profiles: {
        'anthropic:fence': {
          type: 'oauth',
          provider: 'anthropic',
          access: `${FENCE}:failed:access:${'a'.repeat(64)}`,
          refresh: `${FENCE}:failed:refresh:${'a'.repeat(64)}`,
          expires: 1,
        },
        'anthropic:strexp': { ...token('s'), expires: '2099-01-01T00:00:00Z' },
        'anthropic:bigexp': token('b', 1e16),
        'anthropic:mal': { type: 'api_key', provider: 'anthropic', key: 'openclaw onboard --auth-choice apiKey' },
        'anthropic:ref': { type: 'oauth', provider: 'anthropic', oauthRef: { provider: 'anthropic', id: 'r1' } },
        'anthropic:good': token('g'),
        'anthropic:k': key('k'),
      },
      usageStats: {
        'anthropic:k': { lastUsed: now },
        'anthropic:good': { cooldownUntil: 1e16, cooldownReason: 'overloaded' },
      },
    }),
    config: model(SONNET),
  },
  {
    name: 'plugins.deny and plugins.allow (models status does not look at plugins; the orders still agree)',
    shared: () => ({ profiles: { 'xai:default': xaiKey('d'), 'anthropic:a': token('a') } }),
    config: { ...model('xai/grok-4.7', [SONNET]), plugins: { deny: ['XAI'], allow: ['anthropic'] } },
  },
  {
    name: "OpenClaw's default aliases: `opus` and `sonnet` name the Anthropic models listed without an alias",
    shared: (now) => ({
      profiles: { 'anthropic:a': token('a'), 'anthropic:b': token('b'), 'openai:k': openaiKey('k') },
      usageStats: { 'anthropic:a': { cooldownUntil: now + 20 * MIN, cooldownReason: 'rate_limit' } },
    }),
    config: {
      agents: {
        defaults: {
          model: { primary: 'opus', fallbacks: ['sonnet'] },
          models: { 'anthropic/claude-opus-5': {}, 'anthropic/claude-sonnet-5': {} },
        },
      },
    },
  },
];
