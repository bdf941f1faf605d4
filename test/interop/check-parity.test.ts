import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { writeJsonFile } from '../helpers/temp-state.js';
import { interopHome } from './interop-home.js';
import { openclaw } from './openclaw-harness.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Profiles = Record<string, Record<string, unknown>>;

interface Case {
  name: string;
  /** The exit code both OpenClaw 2026.5.20 `models status --check` and `authdeck status --check` give. */
  expected: 0 | 1 | 2;
  profiles: (now: number) => Profiles;
  order?: Record<string, string[]>;
  config?: Record<string, unknown>;
  env?: Record<string, string>;
  agent?: string;
}

const token = (seed: string, expires?: number) => ({
  type: 'token',
  provider: 'anthropic',
  token: fakeSecrets.setupToken(seed),
  ...(expires !== undefined ? { expires } : {}),
});
const anthropicKey = { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey('parity') };
const anthropicModel = { agents: { defaults: { model: { primary: 'anthropic/claude-sonnet-4-6' } } } };
const threeAnthropic = (now: number): Profiles => ({
  'anthropic:static': token('static'),
  'anthropic:soon': token('soon', now + 12 * HOUR),
  'anthropic:key': anthropicKey,
});

/** The cases the README lists under `status --check`: each is run through both programs. */
const CASES: Case[] = [
  { name: 'empty home (OpenClaw falls back to its built-in openai model)', expected: 1, profiles: () => ({}) },
  {
    name: 'no model configured, only an Anthropic token',
    expected: 1,
    profiles: (now) => ({ 'anthropic:static': token('static', now + 90 * DAY) }),
  },
  {
    name: 'no model configured, an OpenAI key',
    expected: 0,
    profiles: () => ({ 'openai:key': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey() } }),
  },
  {
    name: 'in use, no order: static + expiring token + key',
    expected: 2,
    profiles: threeAnthropic,
    config: anthropicModel,
  },
  {
    name: 'order names the static token and the key only',
    expected: 0,
    profiles: threeAnthropic,
    order: { anthropic: ['anthropic:static', 'anthropic:key'] },
    config: anthropicModel,
  },
  {
    name: 'an expired leftover beside a static token',
    expected: 0,
    profiles: (now) => ({ 'anthropic:static': token('static'), 'anthropic:old': token('old', now - DAY) }),
    config: anthropicModel,
  },
  {
    name: 'order names only the expired one',
    expected: 1,
    profiles: (now) => ({ 'anthropic:static': token('static'), 'anthropic:old': token('old', now - DAY) }),
    order: { anthropic: ['anthropic:old'] },
    config: anthropicModel,
  },
  {
    name: 'the only token expired, an env key covers the provider',
    expected: 0,
    profiles: (now) => ({ 'anthropic:old': token('old', now - DAY) }),
    config: anthropicModel,
    env: { ANTHROPIC_API_KEY: fakeSecrets.anthropicApiKey('env') },
  },
  {
    name: 'expiring token of a provider not in use',
    expected: 0,
    profiles: (now) => ({
      'anthropic:soon': token('soon', now + HOUR),
      'openai:key': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey() },
    }),
    config: { agents: { defaults: { model: { primary: 'openai/gpt-5.5' } } } },
  },
  {
    name: 'a fallback provider without any credential',
    expected: 1,
    profiles: (now) => ({ 'anthropic:static': token('static', now + 90 * DAY) }),
    config: { agents: { defaults: { model: { primary: 'anthropic/claude-sonnet-4-6', fallbacks: ['groq/llama'] } } } },
  },
  {
    name: "the agent's own model (--agent)",
    expected: 2,
    profiles: (now) => ({
      'anthropic:soon': token('soon', now + HOUR),
      'openai:key': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey() },
    }),
    config: {
      agents: {
        defaults: { model: { primary: 'openai/gpt-5.5' } },
        list: [
          { id: 'main', default: true },
          { id: 'coder', model: 'anthropic/claude-sonnet-4-6' },
        ],
      },
    },
    agent: 'coder',
  },
  {
    name: 'the image model names a provider without any credential',
    expected: 1,
    profiles: (now) => ({ 'anthropic:static': token('static', now + 90 * DAY) }),
    config: {
      agents: {
        defaults: { model: 'anthropic/claude-sonnet-4-6', imageModel: 'google/gemini-3.1-flash-image-preview' },
      },
    },
  },
  {
    name: 'an empty order in the store (OpenClaw ignores it)',
    expected: 0,
    profiles: (now) => ({ 'anthropic:static': token('static', now + 90 * DAY) }),
    order: { anthropic: [] },
    config: anthropicModel,
  },
  {
    name: 'an empty auth.order in openclaw.json (the gateway tries nothing)',
    expected: 1,
    profiles: (now) => ({ 'anthropic:static': token('static', now + 90 * DAY) }),
    config: { ...anthropicModel, auth: { order: { anthropic: [] } } },
  },
  {
    name: 'an OAuth access token expired an hour ago (the refresh token does not count)',
    expected: 1,
    profiles: (now) => ({
      'anthropic:me': {
        type: 'oauth',
        provider: 'anthropic',
        access: 'fake-access.parity',
        refresh: 'fake-refresh.parity',
        expires: now - HOUR,
      },
    }),
    config: anthropicModel,
  },
  {
    name: 'an OAuth sign-in with a refresh token, its access token expiring in an hour (renewal does not count)',
    expected: 2,
    profiles: (now) => ({
      'anthropic:me': {
        type: 'oauth',
        provider: 'anthropic',
        access: 'fake-access.parity',
        refresh: 'fake-refresh.parity',
        expires: now + HOUR,
      },
    }),
    config: anthropicModel,
  },
  {
    name: 'the only token expired, the config holds a key for the provider',
    expected: 0,
    profiles: (now) => ({ 'anthropic:old': token('old', now - DAY) }),
    config: {
      ...anthropicModel,
      models: {
        providers: {
          anthropic: {
            baseUrl: 'https://api.anthropic.com',
            api: 'anthropic-messages',
            apiKey: fakeSecrets.anthropicApiKey('config'),
            models: [],
          },
        },
      },
    },
  },
];

describe('status --check gives the exit code of OpenClaw 2026.5.20 `models status --check`', () => {
  it.each(CASES)('$name → $expected', async (scenario) => {
    const h = interopHome('2026.5.20');
    const now = Date.now();
    // A coder agent without its own store reads the main agent's, in both programs.
    writeJsonFile(join(h.mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: scenario.profiles(now),
      ...(scenario.order ? { order: scenario.order } : {}),
    });
    if (scenario.config) writeJsonFile(h.configPath, scenario.config);
    const agentArgs = scenario.agent ? ['--agent', scenario.agent] : [];
    const [theirs, ours] = await Promise.all([
      openclaw('2026.5.20', h.home, ['models', 'status', '--check', ...agentArgs], { env: scenario.env ?? {} }),
      h.authdeck(['status', '--check', ...agentArgs], undefined, scenario.env ?? {}),
    ]);
    expect({ openclaw: theirs.code, authdeck: ours.code }).toEqual({
      openclaw: scenario.expected,
      authdeck: scenario.expected,
    });
  });
});
