// What authdeck knows of a provider's secrets that OpenClaw's code does not say, merged into the
// catalog by build-catalog.mjs (one catalog feeds the wizard, the CLI, status and the probes):
// - `shapes`: how a good secret looks, by credential kind. A secret that fails it is asked
//   about or refused (src/services/profiles/credentials.ts); a provider without one takes any.
// - `probe`: a free, read-only endpoint (a model list or key info) that answers 401/403 to a bad
//   key and spends no tokens (src/services/probe/probe-endpoints.ts). `auth` is how the key is
//   sent: `x-api-key`, `bearer` or `query-key`.
// - `keysUrl`: where to make a key, where it is more exact than what OpenClaw's docs say.
// - `keyNote`: what the key is, where the provider's name misleads (a gateway that forwards
//   another provider's key).
// - `prefixes`: what a secret of this provider starts with, whatever field it was pasted in
//   (an OpenAI key in Anthropic's field is named as one), refresh and admin keys included.
// A provider named here must be in the catalog: the generator stops otherwise.

const bearer = (baseUrl, path = '/v1/models') => ({ baseUrl, path, auth: 'bearer', headers: {} });

/** Anthropic's keys and setup-tokens alike: the prefix and 80+ characters (OpenClaw's own check). */
const anthropic = (prefix) => ({
  // Another length is asked about, not refused, in case Anthropic changes it.
  pattern: `^${prefix}[A-Za-z0-9_-]{80,}$`,
  looks: `starts with ${prefix} and is about 108 characters long`,
});

export const AUTHDECK_FACTS = {
  // OpenClaw's docs: the gateway forwards the provider's own key ("use your Anthropic API key"),
  // not a Cloudflare token; OpenClaw routes it to Anthropic's Messages API.
  'cloudflare-ai-gateway': {
    keysUrl: 'https://console.anthropic.com/settings/keys',
    keyNote: 'the key of the provider behind the gateway: for Anthropic models, your Anthropic API key',
  },
  anthropic: {
    shapes: { api_key: anthropic('sk-ant-api03-'), token: anthropic('sk-ant-oat01-') },
    probe: {
      baseUrl: 'https://api.anthropic.com',
      path: '/v1/models',
      auth: 'x-api-key',
      headers: { 'anthropic-version': '2023-06-01' },
    },
    keysUrl: 'https://console.anthropic.com/settings/keys',
    prefixes: [
      { prefix: 'sk-ant-api03-', kind: 'api_key', name: 'an Anthropic API key' },
      { prefix: 'sk-ant-oat01-', kind: 'token', name: 'an Anthropic setup-token' },
      { prefix: 'sk-ant-ort01-', kind: 'refresh', name: 'an Anthropic refresh token' },
      { prefix: 'sk-ant-admin01-', kind: 'admin', name: 'an Anthropic Admin API key' },
    ],
  },
  openai: {
    shapes: {
      api_key: {
        pattern: '^sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}$',
        looks: 'starts with sk- (often sk-proj-)',
      },
    },
    probe: bearer('https://api.openai.com'),
    keysUrl: 'https://platform.openai.com/api-keys',
    prefixes: [
      { prefix: 'sk-proj-', kind: 'api_key', name: 'an OpenAI API key' },
      { prefix: 'sk-svcacct-', kind: 'api_key', name: 'an OpenAI API key' },
    ],
  },
  openrouter: {
    shapes: { api_key: { pattern: '^sk-or-v1-[A-Za-z0-9]{32,}$', looks: 'starts with sk-or-v1-' } },
    // The key-info endpoint: it answers for a key with no credit, where a model list may not exist.
    probe: bearer('https://openrouter.ai', '/api/v1/key'),
    prefixes: [{ prefix: 'sk-or-v1-', kind: 'api_key', name: 'an OpenRouter key' }],
  },
  google: {
    shapes: { api_key: { pattern: '^AIza[0-9A-Za-z_-]{35}$', looks: 'starts with AIza and is 39 characters long' } },
    probe: {
      baseUrl: 'https://generativelanguage.googleapis.com',
      path: '/v1beta/models',
      auth: 'query-key',
      headers: {},
    },
    prefixes: [{ prefix: 'AIza', kind: 'api_key', name: 'a Google API key' }],
  },
  groq: {
    shapes: { api_key: { pattern: '^gsk_[A-Za-z0-9]{20,}$', looks: 'starts with gsk_' } },
    probe: bearer('https://api.groq.com', '/openai/v1/models'),
    prefixes: [{ prefix: 'gsk_', kind: 'api_key', name: 'a Groq key' }],
  },
  xai: {
    shapes: { api_key: { pattern: '^xai-[A-Za-z0-9_-]{20,}$', looks: 'starts with xai-' } },
    probe: bearer('https://api.x.ai'),
    keysUrl: 'https://console.x.ai',
    prefixes: [{ prefix: 'xai-', kind: 'api_key', name: 'an xAI key' }],
  },
  mistral: {
    shapes: { api_key: { pattern: '^[A-Za-z0-9]{32}$', looks: 'is 32 letters and digits' } },
    probe: bearer('https://api.mistral.ai'),
    keysUrl: 'https://console.mistral.ai/api-keys',
  },
  deepseek: {
    shapes: { api_key: { pattern: '^sk-[A-Za-z0-9]{20,}$', looks: 'starts with sk-' } },
    probe: bearer('https://api.deepseek.com'),
  },
  together: { probe: bearer('https://api.together.xyz') },
  cerebras: {
    shapes: { api_key: { pattern: '^csk-[A-Za-z0-9]{20,}$', looks: 'starts with csk-' } },
    keysUrl: 'https://cloud.cerebras.ai',
    prefixes: [{ prefix: 'csk-', kind: 'api_key', name: 'a Cerebras key' }],
  },
};
