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
];
