import { describe, expect, it } from 'vitest';
import {
  providerOfModelRef,
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
    const uses = resolveProviderUses(settings, { primary: 'xai/grok-4', fallbacks: [] });
    expect(uses.map((use) => `${use.provider}:${use.role}:${use.fromAgent}`)).toEqual([
      'xai:default:true',
      'google:image:false',
    ]);
  });

  it("an agent's model named without fallbacks has none (a string, or {primary}); only one naming no model inherits the defaults'", () => {
    const roles = (agentModel: unknown) =>
      resolveProviderUses(settings, readModelChoice(agentModel)).map((use) => `${use.provider}:${use.role}`);
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
