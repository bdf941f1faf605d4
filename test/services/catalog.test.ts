import { describe, expect, it } from 'vitest';
import { probeEndpoint } from '../../src/services/probe/probe-endpoints.js';
import { recogniseSecret } from '../../src/services/profiles/credentials.js';
import {
  catalog,
  catalogGroups,
  choicesForProvider,
  findChoice,
  findGroup,
  resolveProviderAlias,
} from '../../src/services/providers/catalog.js';
import { providerSearchText, suggestProviderIds } from '../../src/services/providers/provider-search.js';
import { providerInfo } from '../../src/services/providers.js';

const choice = (id: string) => {
  const found = findChoice(id);
  if (!found) throw new Error(`no choice ${id}`);
  return found;
};
const param = (id: string, flag: string) => choice(id).providerConfig.params.find((entry) => entry.flag === flag);

describe('provider catalog: shape', () => {
  it('is generated from OpenClaw 2026.9.6: 50 groups, 86 picker choices, 94 choices in all', () => {
    expect(catalog.openclawVersion).toBe('2026.9.6');
    expect(catalogGroups()).toHaveLength(50);
    expect(catalogGroups().flatMap((group) => group.choiceIds)).toHaveLength(86);
    expect(catalog.choices).toHaveLength(94);
  });

  it("carries authdeck's own secret facts, and the wizard, add-key and the probes read them from it (no second list)", () => {
    const shaped = catalog.choices.filter((entry) => entry.credential.shape).map((entry) => entry.id);
    expect(shaped.sort()).toEqual([
      'apiKey',
      'cerebras-api-key',
      'deepseek-api-key',
      'gemini-api-key',
      'groq-api-key',
      'mistral-api-key',
      'openai-api-key',
      'openrouter-api-key',
      'setup-token',
      'xai-api-key',
    ]);
    // A shape is for the kind of secret the choice takes: Anthropic's key and setup-token differ.
    expect(choice('setup-token').credential.shape?.pattern).toBe('^sk-ant-oat01-[A-Za-z0-9_-]{80,}$');
    expect(providerInfo('anthropic').token?.pattern.source).toBe(choice('setup-token').credential.shape?.pattern);
    expect(providerInfo('anthropic').key?.pattern.source).toBe(choice('apiKey').credential.shape?.pattern);
    const probed = catalog.choices.filter((entry) => entry.probe).map((entry) => entry.provider);
    expect(probed.sort()).toEqual([
      'anthropic',
      'deepseek',
      'google',
      'groq',
      'mistral',
      'openai',
      'openrouter',
      'together',
      'xai',
    ]);
    expect(probeEndpoint('groq', {})).toMatchObject({ baseUrl: 'https://api.groq.com', path: '/openai/v1/models' });
    expect(probeEndpoint('cohere', {})).toBeUndefined();
    // Only a key is probed: a sign-in or a token of the same provider has no probe of its own.
    expect(choice('openai').probe).toBeNull();
    expect(choice('apiKey').keysUrl).toBe('https://console.anthropic.com/settings/keys');
    // Prefixes that name a secret in any field, refresh and admin keys too.
    expect(catalog.secretPrefixes.map((entry) => entry.prefix)).toContain('sk-ant-ort01-');
    expect(recogniseSecret(`sk-svcacct-${'a'.repeat(40)}`)).toMatchObject({ provider: 'openai', kind: 'api_key' });
  });

  it('has unique ids, and no deprecated id that is also a choice', () => {
    const ids = catalog.choices.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(catalog.groups.map((group) => group.id)).size).toBe(catalog.groups.length);
    for (const entry of catalog.choices) for (const old of entry.deprecatedIds) expect(ids).not.toContain(old);
  });

  it('puts every picker choice in exactly one group, the one it names, in picker order', () => {
    const listed = catalog.groups.flatMap((group) => group.choiceIds.map((id) => ({ id, group: group.id })));
    expect(listed.map((entry) => choice(entry.id).pickerOrder)).toEqual(listed.map((_, index) => index));
    for (const entry of listed) expect(choice(entry.id).groupId).toBe(entry.group);
    const inPicker = catalog.choices.filter((entry) => entry.pickerOrder !== null).map((entry) => entry.id);
    expect(inPicker.sort()).toEqual(listed.map((entry) => entry.id).sort());
    expect(catalog.groups.map((group) => group.order)).toEqual(catalog.groups.map((_, index) => index));
  });

  it('leaves out of the picker only CLI-only scopes, the generic token and detected-only choices', () => {
    const outside = catalog.choices.filter((entry) => entry.pickerOrder === null);
    for (const entry of outside) {
      const why = !entry.scopes.includes('text-inference') || entry.visibility === 'detected-only';
      expect(why, entry.id).toBe(true);
    }
  });

  it('gives every external plugin its install command, and no bundled one', () => {
    for (const entry of catalog.choices) {
      if (entry.plugin?.status === 'external-catalog') {
        expect(entry.plugin.npmSpec, entry.id).toMatch(/^@openclaw\//);
        expect(entry.plugin.installCommand).toBe(`openclaw plugins install ${entry.plugin.npmSpec}`);
        expect(entry.onboarding.needs).toContain('plugin-install');
      } else {
        expect(entry.plugin?.installCommand ?? null, entry.id).toBeNull();
      }
    }
  });

  it('starts the picker with the featured groups, in OpenClaw order', () => {
    const featured = catalog.groups.filter((group) => group.featured).map((group) => group.id);
    expect(featured).toEqual(['openai', 'openrouter', 'xai', 'google', 'anthropic']);
    expect(catalog.groups.slice(0, 5).every((group) => group.featured)).toBe(true);
  });

  it('counts a choice offline only when it can run non-interactively and needs nothing', () => {
    for (const entry of catalog.choices) {
      if (entry.onboarding.offline) expect(entry.onboarding.nonInteractive, entry.id).toBe(true);
      const online = ['plugin-install', 'runtime-plugin', 'network', 'sign-in'] as const;
      if (entry.onboarding.offline) for (const need of online) expect(entry.onboarding.needs).not.toContain(need);
    }
  });
});

describe('provider catalog: facts seen in real onboarding runs', () => {
  it('deepseek-api-key: external plugin deepseek, deepseek:default, deepseek/deepseek-v4-pro', () => {
    expect(choice('deepseek-api-key')).toMatchObject({
      provider: 'deepseek',
      groupId: 'deepseek',
      credential: { kind: 'api_key', flag: '--deepseek-api-key', envVars: ['DEEPSEEK_API_KEY'] },
      plugin: {
        id: 'deepseek',
        status: 'external-catalog',
        npmSpec: '@openclaw/deepseek-provider',
        installCommand: 'openclaw plugins install @openclaw/deepseek-provider',
      },
      providerConfig: { baseUrl: 'https://api.deepseek.com', api: 'openai-completions' },
      defaultModel: { ref: 'deepseek/deepseek-v4-pro', alias: 'DeepSeek' },
      onboarding: { nonInteractive: true, offline: false, needs: ['plugin-install'] },
      keysUrl: 'https://platform.deepseek.com/api_keys',
    });
    expect(choice('deepseek-api-key').credential.profileIds).toEqual(['deepseek:default']);
  });

  it('apiKey (Anthropic): the OAuth token env var wins over the key, offline, claude-opus-5', () => {
    expect(choice('apiKey')).toMatchObject({
      provider: 'anthropic',
      credential: { kind: 'api_key', envVars: ['ANTHROPIC_OAUTH_TOKEN', 'ANTHROPIC_API_KEY'] },
      plugin: { id: 'anthropic', status: 'bundled-enabled-by-default' },
      defaultModel: { ref: 'anthropic/claude-opus-5' },
      onboarding: { nonInteractive: true, offline: true, needs: [] },
    });
    expect(choice('apiKey').credential.profileIds).toEqual(['anthropic:default']);
    expect(choice('setup-token').credential).toMatchObject({ kind: 'token', flag: '--token' });
  });

  it('names profiles as the plugins do: openai:api-key, minimax:cn, both OpenCode profiles', () => {
    expect(choice('openai-api-key').credential.profileIds).toEqual(['openai:api-key']);
    expect(choice('openai-api-key').onboarding.needs).toEqual(['runtime-plugin']);
    expect(choice('minimax-cn-api').credential.profileIds).toEqual(['minimax:cn']);
    expect(choice('minimax-cn-api').providerConfig.baseUrl).toBe('https://api.minimaxi.com/anthropic');
    expect(choice('minimax-global-api').providerConfig.baseUrl).toBe('https://api.minimax.io/anthropic');
    expect(choice('opencode-go').credential.profileIds).toEqual(['opencode-go:default', 'opencode:default']);
    expect(choice('xai-api-key').defaultModel).toEqual({ ref: 'xai/grok-4.7', alias: 'Grok' });
  });

  it('local servers: Ollama probes its default address, vLLM needs a model id', () => {
    expect(choice('ollama')).toMatchObject({
      credential: { kind: 'none', profileIds: [] },
      providerConfig: { baseUrl: 'http://127.0.0.1:11434', api: 'ollama' },
      onboarding: { nonInteractive: true, offline: false, needs: ['local-server'] },
    });
    expect(param('ollama', '--custom-base-url')?.required).toBe(false);
    expect(param('vllm', '--custom-model-id')?.required).toBe(true);
    expect(choice('vllm').onboarding).toMatchObject({ offline: true, needs: ['local-server'] });
    expect(param('custom-api-key', '--custom-base-url')?.required).toBe(true);
    expect(param('custom-api-key', '--custom-compatibility')?.required).toBe(false);
  });

  it('sign-ins and CLIs cannot finish without a person; the Vertex choice sets nothing up', () => {
    expect(choice('openai-device-code').onboarding).toEqual({
      nonInteractive: false,
      offline: false,
      needs: ['sign-in'],
    });
    expect(choice('anthropic-cli').onboarding.needs).toEqual(['cli']);
    expect(choice('google-vertex-api-key').onboarding.nonInteractive).toBe(false);
    expect(param('cloudflare-ai-gateway-api-key', '--cloudflare-ai-gateway-account-id')).toBeDefined();
  });
});

describe('provider catalog: accessors', () => {
  it('finds choices by id or deprecated id, and groups by id', () => {
    expect(findChoice('claude-cli')?.id).toBe('anthropic-cli');
    expect(findChoice('nope')).toBeUndefined();
    expect(findGroup('openai')).toMatchObject({ label: 'OpenAI', featured: true, order: 0 });
    expect(findGroup('nope')).toBeUndefined();
  });

  it("resolves OpenClaw's provider aliases", () => {
    expect(resolveProviderAlias('x-ai')).toBe('xai');
    expect(resolveProviderAlias('Z.AI')).toBe('zai');
    expect(resolveProviderAlias('anthropic')).toBe('anthropic');
    expect(choicesForProvider('x-ai').map((entry) => entry.id)).toEqual([
      'xai-api-key',
      'xai-device-code',
      'xai-oauth',
    ]);
  });

  it('suggests provider ids for a typo', () => {
    expect(suggestProviderIds('opneai')[0]).toBe('openai');
    expect(suggestProviderIds('antropic')).toEqual(['anthropic']);
    expect(suggestProviderIds('moonshotia')[0]).toBe('moonshot');
    expect(suggestProviderIds('qqqqqqqq')).toEqual([]);
    // The products people know a provider by.
    expect(suggestProviderIds('gemini')).toContain('google');
    expect(suggestProviderIds('chatgpt')).toEqual(['openai']);
    expect(suggestProviderIds('claude')).toContain('anthropic');
    expect(providerSearchText('moonshot')).toContain('kimi');
  });
});
