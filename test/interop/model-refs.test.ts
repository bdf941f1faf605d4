import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { writeJsonFile } from '../helpers/temp-state.js';
import { interopHome } from './interop-home.js';
import { openclaw } from './openclaw-harness.js';

// The ways a config names the models in use that OpenClaw 2026.9.6 resolves and authdeck read
// otherwise (an adversarial round): a utility model set in the config (a provider in use, for
// `models status --check` too), an agent's own model aliases, a ref that pins a profile
// (`opus@anthropic:work`). Keys come from the environment, so no store is needed. (A bare model
// id one custom provider lists is left out: OpenClaw's resolvedDefault names that provider, as
// authdeck does, while its own check routes the id to openai and fails.)

interface Case {
  name: string;
  config: Record<string, unknown>;
  env: Record<string, string>;
  agent?: string;
}

const ANTHROPIC = { ANTHROPIC_API_KEY: fakeSecrets.anthropicApiKey('refs') };
const XAI = { XAI_API_KEY: fakeSecrets.xaiKey('refs') };
const defaults = (settings: Record<string, unknown>, entries?: Record<string, unknown>) => ({
  agents: { defaults: settings, ...(entries ? { entries } : {}) },
});

const CASES: Case[] = [
  {
    name: 'a utility model of a provider with no key',
    config: defaults({ model: 'anthropic/claude-opus-5', utilityModel: 'openai/gpt-5.6-luna' }),
    env: ANTHROPIC,
  },
  {
    name: "the agent's own utility model",
    config: defaults({ model: 'anthropic/claude-opus-5' }, { main: { utilityModel: 'xai/grok-4-mini' } }),
    env: ANTHROPIC,
    agent: 'main',
  },
  {
    name: 'the utility model switched off',
    config: defaults({ model: 'anthropic/claude-opus-5', utilityModel: '' }),
    env: ANTHROPIC,
  },
  {
    name: "an alias from the agent's own models",
    config: defaults({ model: 'xai/grok-4' }, { main: { model: 'big', models: { 'xai/grok-4': { alias: 'big' } } } }),
    env: XAI,
    agent: 'main',
  },
  {
    name: 'a default alias that pins a profile',
    config: defaults({ model: 'opus@anthropic:work', models: { 'anthropic/claude-opus-5': {} } }),
    env: ANTHROPIC,
  },
];

describe('model refs as OpenClaw 2026.9.6 resolves them: `status --check` gives `models status --check`', () => {
  it.each(CASES)('$name', async (scenario) => {
    const h = interopHome('2026.9.6');
    writeJsonFile(h.configPath, scenario.config);
    const agentArgs = scenario.agent ? ['--agent', scenario.agent] : [];
    const [theirs, ours] = await Promise.all([
      openclaw('2026.9.6', h.home, ['models', 'status', '--check', ...agentArgs], { env: scenario.env }),
      h.authdeck(['status', '--check', ...agentArgs], undefined, scenario.env),
    ]);
    expect(ours.code).toBe(theirs.code);
  });
});
