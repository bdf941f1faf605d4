export type Config = Record<string, unknown>;

export const withDefaults = (config: Config, defaults: unknown) => {
  config.agents = { ...(config.agents as object), defaults };
};

/** Settings OpenClaw's schema rejects (`openclaw config validate`), what authdeck names, and the words it uses. */
export const REFUSED: Array<[string, (config: Config) => void, string]> = [
  ['auth.order.anthropic', (c) => (c.auth = { order: { anthropic: 'anthropic:default' } }), 'a list of profile ids'],
  ['auth.profiles', (c) => (c.auth = { profiles: [] }), 'an object of profiles'],
  [
    'auth.profiles.anthropic:x.mode',
    (c) => (c.auth = { profiles: { 'anthropic:x': { provider: 'anthropic', mode: 'bogus' } } }),
    'one of api_key',
  ],
  ['models.providers.anthropic', (c) => (c.models = { providers: { anthropic: 42 } }), 'an object'],
  [
    'models.providers.anthropic.apiKey',
    (c) => (c.models = { providers: { anthropic: { apiKey: 42 } } }),
    'a key or a ref',
  ],
  [
    'agents.defaults.model.fallbacks',
    (c) => withDefaults(c, { model: { fallbacks: 'openai/gpt-5' } }),
    'a list of model refs',
  ],
  ['agents.defaults.models', (c) => withDefaults(c, { models: [] }), 'an object of models'],
  ['agents.defaults', (c) => withDefaults(c, 'x'), 'an object'],
  // A second round: settings authdeck reads that still slipped through.
  [
    'auth.profiles.groq:x.email',
    (c) => (c.auth = { profiles: { 'groq:x': { provider: 'groq', mode: 'api_key', email: 5 } } }),
    'an address',
  ],
  ['models.mode', (c) => (c.models = { mode: 'bogus' }), '"merge" or "replace"'],
  // A third round: the gateway's port and bind (a refused file is a gateway that never starts).
  ['gateway.port', (c) => (c.gateway = { mode: 'local', port: 'eighteen' }), 'a port number (1 to 65535)'],
  ['gateway.bind', (c) => (c.gateway = { mode: 'local', bind: 'everywhere' }), 'one of auto, lan, loopback'],
  ['models.providers.groq.api', (c) => (c.models = { providers: { groq: { api: 'bogus' } } }), 'an API'],
  ['models.providers.groq.auth', (c) => (c.models = { providers: { groq: { auth: 'bogus' } } }), 'one of api-key'],
  [
    'models.providers.groq.apiKey',
    (c) => (c.models = { providers: { groq: { apiKey: { source: 'env' } } } }),
    'a key or a ref',
  ],
  [
    'models.providers.groq.models[0]',
    (c) => (c.models = { providers: { groq: { baseUrl: 'https://x', models: [{ id: 5 }] } } }),
    'a model with an id',
  ],
  ['agents.ownership', (c) => (c.agents = { ownership: 'bogus' }), '"explicit"'],
  ['agents.defaults.systemAgent.agentId', (c) => withDefaults(c, { systemAgent: { agentId: 5 } }), 'an agent id'],
  ['agents.defaults.imageModel', (c) => withDefaults(c, { imageModel: 5 }), 'a model ref or an object'],
  ['agents.defaults.utilityModel', (c) => withDefaults(c, { utilityModel: 5 }), 'a model ref'],
  ['env.vars.A', (c) => (c.env = { vars: { A: 5 } }), 'a string'],
  ['env', (c) => (c.env = 'x'), 'an object'],
  [
    'agents.list[1].model.primary',
    (c) => (c.agents = { list: [{ id: 'main' }, { id: 'coder', model: { primary: 5 } }] }),
    'a model ref',
  ],
];

/** Settings of the right type, which OpenClaw accepts. */
export const ACCEPTED: Array<[string, (config: Config) => void]> = [
  [
    'each of them of its type',
    (c) => {
      c.auth = { order: { anthropic: [] }, profiles: { 'anthropic:x': { provider: 'anthropic', mode: 'api_key' } } };
      c.models = { providers: { anthropic: {} } };
      withDefaults(c, {
        model: 'anthropic/claude-opus-4-7',
        models: { 'anthropic/claude-opus-4-7': { alias: 'o' } },
      });
    },
  ],
  [
    'a provider block, env and image model of their types',
    (c) => {
      c.models = {
        mode: 'merge',
        providers: {
          groq: {
            baseUrl: 'https://api.groq.com/openai/v1',
            api: 'openai-completions',
            auth: 'api-key',
            apiKey: { source: 'env', provider: 'default', id: 'GROQ_API_KEY' },
            models: [{ id: 'llama-3.3-70b', name: 'Llama' }],
          },
        },
      };
      c.env = { vars: { A: '1' } };
      withDefaults(c, {
        // (utilityModel too on 2026.9; 2026.5 does not know it)
        imageModel: { primary: 'groq/llama-3.3-70b', fallbacks: [] },
      });
    },
  ],
];
