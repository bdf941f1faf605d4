import { describe, expect, it } from 'vitest';
import { providerOfModelRef, withoutPinnedProfile } from '../../src/services/status/model-refs.js';
import {
  providersInUseFrom,
  readModelChoice,
  readModelSettings,
  resolveProviderUses,
} from '../../src/services/status/model-usage.js';

describe('providers in use', () => {
  const settings = readModelSettings({
    agents: {
      defaults: {
        model: { primary: 'opus', fallbacks: ['openrouter/meta/llama', 'claude-cli/sonnet'] },
        imageModel: 'google/gemini-3.1-flash-image-preview',
        models: { 'anthropic/claude-opus-4-6': { alias: 'Opus' } },
        cliBackends: { 'claude-cli': { command: 'claude' } },
      },
    },
    models: {
      providers: {
        'my-proxy': { baseUrl: 'http://localhost:8080', api: 'openai-completions', models: [{ id: 'qwen' }] },
      },
    },
  });

  it('resolves aliases, bare names and CLI backends as OpenClaw does', () => {
    expect(providerOfModelRef('opus', settings)).toBe('anthropic');
    expect(providerOfModelRef('qwen', settings)).toBe('my-proxy');
    expect(providerOfModelRef('gpt-5.5', settings)).toBe('openai');
    // A pinned profile is set aside; a date or a quantisation after `@` is the model's own.
    expect(providerOfModelRef('opus@anthropic:work', settings)).toBe('anthropic');
    expect(withoutPinnedProfile('anthropic/claude-opus-5@anthropic:work')).toBe('anthropic/claude-opus-5');
    expect(withoutPinnedProfile('anthropic/claude-3-5@20241022')).toBe('anthropic/claude-3-5@20241022');
    expect(withoutPinnedProfile('ollama/qwen3@q4_k_m@local:a')).toBe('ollama/qwen3@q4_k_m');
    const uses = resolveProviderUses(settings);
    expect(uses.map((use) => [use.provider, use.role])).toEqual([
      ['anthropic', 'default'],
      ['openrouter', 'fallback'],
      ['claude-cli', 'fallback'],
      ['google', 'image'],
    ]);
    expect(providersInUseFrom(uses, settings)).toEqual(['anthropic', 'openrouter', 'google']);
  });

  it("lets the agent's own model and fallbacks override the defaults", () => {
    const uses = resolveProviderUses(settings, { model: { primary: 'xai/grok-4', fallbacks: [] } });
    expect(uses.map((use) => `${use.provider}:${use.role}:${use.fromAgent}`)).toEqual([
      'xai:default:true',
      'google:image:false',
    ]);
  });

  it("an agent's model named without fallbacks has none (a string, or {primary}); only one naming no model inherits the defaults'", () => {
    const roles = (agentModel: unknown) =>
      resolveProviderUses(settings, { model: readModelChoice(agentModel) }).map((use) => `${use.provider}:${use.role}`);
    const ownOnly = ['deepseek:default', 'google:image'];
    expect(roles('deepseek/deepseek-chat')).toEqual(ownOnly);
    expect(roles({ primary: 'deepseek/deepseek-chat' })).toEqual(ownOnly);
    // As OpenClaw's resolveSelectedModelFallbacksOverride: a fallbacks key that is not a list, or no primary, inherits.
    const inherited = ['deepseek:default', 'openrouter:fallback', 'claude-cli:fallback', 'google:image'];
    expect(roles({ primary: 'deepseek/deepseek-chat', fallbacks: 'x' })).toEqual(inherited);
    expect(roles({ fallbacks: 'x' })).toEqual([
      'anthropic:default',
      'openrouter:fallback',
      'claude-cli:fallback',
      'google:image',
    ]);
  });

  it('falls back to the first configured provider with models, else openai, when no model is set', () => {
    const withProxy = readModelSettings({ models: { providers: { 'my-proxy': { models: [{ id: 'qwen' }] } } } });
    expect(resolveProviderUses(withProxy)[0]).toMatchObject({ provider: 'my-proxy', role: 'built-in default' });
    expect(resolveProviderUses(readModelSettings({}))[0]).toMatchObject({
      provider: 'openai',
      role: 'built-in default',
    });
  });
});

describe('what else decides the providers in use', () => {
  it("a utility model set in the config is in use (the agent's over the defaults'; '' is off)", () => {
    const settings = readModelSettings({
      agents: { defaults: { model: 'anthropic/claude-opus-5', utilityModel: 'openai/gpt-5.6-luna' } },
    });
    expect(resolveProviderUses(settings).map((use) => `${use.provider}:${use.role}`)).toEqual([
      'anthropic:default',
      'openai:utility',
    ]);
    expect(resolveProviderUses(settings, { utilityModel: '' }).map((use) => use.provider)).toEqual(['anthropic']);
    expect(resolveProviderUses(settings, { utilityModel: 'xai/grok-4-mini' }).map((use) => use.provider)).toEqual([
      'anthropic',
      'xai',
    ]);
  });

  it("an agent's own aliases name its models; a bare id one provider lists is that provider's", () => {
    const settings = readModelSettings({
      agents: { defaults: { model: 'm1', models: { 'myprov/m1': {} } } },
    });
    expect(resolveProviderUses(settings).map((use) => use.provider)).toEqual(['myprov']);
    const agent = { model: { primary: 'big', fallbacks: [] }, aliases: { big: 'xai/grok-4' } };
    expect(resolveProviderUses(settings, agent).map((use) => use.provider)).toEqual(['xai']);
  });
});
