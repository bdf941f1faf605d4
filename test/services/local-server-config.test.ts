import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findLocalServer, LOCAL_SERVERS, type LocalServerKind } from '../../src/services/providers/local-server.js';
import { defaultModelChoice, localProviderConfig } from '../../src/services/providers/local-server-config.js';
import { type FakeLocalServerOptions, startFakeLocalServer } from '../helpers/fake-local-server.js';

// What OpenClaw 2026.9.6 wrote in real runs against a stand-in server serving these same models.
const OBSERVED = JSON.parse(
  readFileSync(new URL('../fixtures/local-servers/observed-onboarding.json', import.meta.url), 'utf8'),
).runs as Record<string, Observed>;

interface Observed {
  command: string;
  provider: unknown;
  modelsMode: string;
  pluginEntries: Record<string, unknown>;
  agentDefaults: { model: { primary: string }; models?: unknown };
  auth: unknown;
  storedProfiles: unknown;
}

const OLLAMA_TWO: FakeLocalServerOptions = {
  kind: 'ollama',
  models: [
    { name: 'observe-model', size: 100, capabilities: ['completion', 'tools'], context: 32768 },
    { name: 'observe-flag-model', size: 200, capabilities: ['completion', 'tools'], context: 32768 },
  ],
};
const OLLAMA_MIXED: FakeLocalServerOptions = {
  kind: 'ollama',
  models: [
    { name: 'nomic-embed-text:latest', size: 274000000, capabilities: ['embedding'], context: 2048 },
    { name: 'qwen3:8b', size: 5200000000, capabilities: ['completion', 'tools', 'thinking'], context: 40960 },
    { name: 'llama3.2:latest', size: 2000000000, capabilities: ['completion', 'tools'], context: 131072 },
    { name: 'llava:7b', size: 4700000000, capabilities: ['completion', 'vision'], context: 32768 },
    { name: 'deepseek-r1:8b', size: 5200000000, context: 131072 },
  ],
};
const OLLAMA_GEMMA: FakeLocalServerOptions = {
  kind: 'ollama',
  models: [
    { name: 'llama3.2:latest', size: 2000000000, capabilities: ['completion', 'tools'], context: 131072 },
    {
      name: 'gemma4:latest',
      size: 9600000000,
      capabilities: ['completion', 'tools', 'vision', 'thinking'],
      context: 131072,
    },
    { name: 'nomic-embed-text:latest', size: 274000000, capabilities: ['embedding'], context: 2048 },
  ],
};
const OLLAMA_ODD: FakeLocalServerOptions = {
  kind: 'ollama',
  models: [
    { name: 'deepseek-r1:1.5b', size: 1100000000, showFails: true },
    { name: 'kimi-k3:cloud', size: 1, capabilities: ['completion', 'tools', 'thinking'] },
    { name: 'phi4:latest', size: 9100000000, capabilities: ['completion', 'tools'], context: 16384 },
  ],
};
const loaded = (key: string, length: number) => [{ id: key, config: { context_length: length } }];
const LMSTUDIO: FakeLocalServerOptions = {
  kind: 'lmstudio',
  models: [
    {
      type: 'llm',
      key: 'observe-model',
      display_name: 'Observe Model',
      format: 'gguf',
      max_context_length: 32768,
      loaded_instances: loaded('observe-model', 16384),
    },
    {
      type: 'llm',
      key: 'observe-flag-model',
      display_name: 'Observe Flag',
      max_context_length: 131072,
      capabilities: { vision: true, trained_for_tool_use: true },
      loaded_instances: loaded('observe-flag-model', 32768),
    },
    {
      type: 'llm',
      key: 'qwen/qwen3-8b',
      display_name: 'Qwen3 8B',
      max_context_length: 40960,
      capabilities: { trained_for_tool_use: true, reasoning: { allowed_options: ['off', 'on'], default: 'on' } },
      loaded_instances: [],
    },
    {
      type: 'embedding',
      key: 'text-embedding-nomic-embed-text-v1.5',
      display_name: 'Nomic Embed',
      loaded_instances: [],
    },
  ],
};
const OPENAI_TWO: FakeLocalServerOptions = {
  kind: 'openai',
  models: [{ id: 'observe-model', object: 'model', max_model_len: 32768 }, { id: 'observe-flag-model' }],
};

interface Run {
  run: string;
  kind: LocalServerKind;
  server: FakeLocalServerOptions;
  /** The key OpenClaw was given (flag or env), when it was given one. */
  apiKey?: string;
}

const RUNS: Run[] = [
  { run: 'ollama-two', kind: 'ollama', server: OLLAMA_TWO },
  { run: 'ollama-flag', kind: 'ollama', server: OLLAMA_TWO },
  { run: 'ollama-mixed', kind: 'ollama', server: OLLAMA_MIXED },
  { run: 'ollama-gemma', kind: 'ollama', server: OLLAMA_GEMMA },
  { run: 'ollama-odd', kind: 'ollama', server: OLLAMA_ODD },
  { run: 'lms-default', kind: 'lmstudio', server: LMSTUDIO },
  { run: 'lms-flag', kind: 'lmstudio', server: LMSTUDIO },
  { run: 'lms-token', kind: 'lmstudio', server: LMSTUDIO, apiKey: 'sk-lms-secret' },
  { run: 'vllm-model', kind: 'vllm', server: OPENAI_TWO, apiKey: 'sk-vllm-secret' },
  { run: 'sglang-model', kind: 'sglang', server: OPENAI_TWO, apiKey: 'sk-sglang-secret' },
];

/** The value after `flag` in an observed command. */
const flagValue = (command: string, flag: string) => command.match(new RegExp(`${flag} (\\S+)`))?.[1];

async function setupAgainst(options: FakeLocalServerOptions, kind: LocalServerKind, command: string, apiKey?: string) {
  const server = await startFakeLocalServer(options);
  const typed = flagValue(command, '--custom-base-url')!.replace('ORIGIN', server.origin);
  const found = await findLocalServer(kind, { baseUrl: typed, timeoutMs: 5000, apiKey });
  if (!found.ok) throw new Error(found.reason);
  return { server, found, typed };
}

describe('localProviderConfig: what OpenClaw 2026.9.6 onboarding writes, as observed', () => {
  it.each(RUNS)('$run', async ({ run, kind, server: options, apiKey }) => {
    const observed = OBSERVED[run]!;
    const { server, found, typed } = await setupAgainst(options, kind, observed.command, apiKey);
    // The same --custom-base-url OpenClaw was given, and what findLocalServer read from the server.
    const modelId = flagValue(observed.command, '--custom-model-id');
    const setup = localProviderConfig(kind, typed, found.models, modelId, { apiKey });
    const expected = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll('ORIGIN', server.origin));
    // Key order too: the block is written as OpenClaw writes it.
    expect(JSON.stringify(setup.provider, null, 1)).toBe(JSON.stringify(expected(observed.provider), null, 1));
    expect(setup.modelsMode).toBe(observed.modelsMode);
    expect({ [kind]: setup.pluginEntry }).toEqual({ [kind]: observed.pluginEntries[kind] });
    expect({ model: { primary: setup.primaryModel } }).toEqual(observed.agentDefaults);
    expect(setup.alias).toBeNull();
    const profile = setup.authProfile;
    expect(profile ? { profiles: { [profile.id]: profile.configEntry } } : null).toEqual(observed.auth);
    expect(JSON.stringify(profile ? { [profile.id]: profile.credential } : null)).toBe(
      JSON.stringify(observed.storedProfiles),
    );
  });

  it('sglang-model: an address without /v1 is written as given; findLocalServer offers the one that works', async () => {
    const { server, found } = await setupAgainst(OPENAI_TWO, 'sglang', OBSERVED['sglang-model']!.command);
    expect((OBSERVED['sglang-model']!.provider as { baseUrl: string }).baseUrl).toBe('ORIGIN');
    expect(found.baseUrl).toBe(`${server.origin}/v1`);
    const setup = localProviderConfig('sglang', found.baseUrl, found.models, 'observe-model', { apiKey: 'k' });
    expect(setup.provider.baseUrl).toBe(`${server.origin}/v1`);
  });

  it('sglang-default-url: vLLM and SGLang setup never asks the server', () => {
    const observed = OBSERVED['sglang-default-url']!;
    const setup = localProviderConfig('sglang', LOCAL_SERVERS.sglang.defaultBaseUrl, [], 'Qwen/Qwen3-8B', {
      apiKey: 'sk-sglang-secret',
    });
    expect(JSON.stringify(setup.provider)).toBe(JSON.stringify(observed.provider));
    expect(setup.primaryModel).toBe(observed.agentDefaults.model.primary);
    expect(JSON.stringify({ [setup.authProfile!.id]: setup.authProfile!.credential })).toBe(
      JSON.stringify(observed.storedProfiles),
    );
  });
});

describe('localProviderConfig: where OpenClaw refuses, or would change the server first', () => {
  it('Ollama without a chat model with tools: OpenClaw would download gemma4', async () => {
    const server = await startFakeLocalServer({
      kind: 'ollama',
      models: [{ name: 'llava:7b', capabilities: ['completion', 'vision'], context: 32768 }],
    });
    const found = await findLocalServer('ollama', { baseUrl: server.origin, timeoutMs: 5000 });
    if (!found.ok) throw new Error(found.reason);
    expect(defaultModelChoice('ollama', found.models)).toMatchObject({ id: undefined, command: 'ollama pull gemma4' });
    expect(() => localProviderConfig('ollama', found.baseUrl, found.models, undefined)).toThrow(
      /\(ollama pull gemma4\)$/,
    );
    // A model the server lacks: OpenClaw pulls it; authdeck says what to run instead.
    expect(() => localProviderConfig('ollama', found.baseUrl, found.models, 'nothere:1b')).toThrow(
      /not on the Ollama server .*\(ollama pull nothere:1b\)$/,
    );
  });

  it('Ollama: an embedding model is refused, as OpenClaw does', async () => {
    const { found } = await setupAgainst(OLLAMA_GEMMA, 'ollama', '--custom-base-url ORIGIN');
    expect(() => localProviderConfig('ollama', found.baseUrl, found.models, 'nomic-embed-text')).toThrow(
      'Ollama model nomic-embed-text:latest only supports embeddings: choose a chat model',
    );
  });

  it('LM Studio: the model must be loaded; none loaded, no default', async () => {
    const { found } = await setupAgainst(LMSTUDIO, 'lmstudio', '--custom-base-url ORIGIN');
    expect(() => localProviderConfig('lmstudio', found.baseUrl, found.models, 'qwen/qwen3-8b')).toThrow(
      /is not loaded at .* \(lms load qwen\/qwen3-8b\)$/,
    );
    expect(() => localProviderConfig('lmstudio', found.baseUrl, found.models, 'nothere')).toThrow(/was not found/);
    const none = found.models.map((model) => ({ ...model, loadedContextWindow: null }));
    expect(defaultModelChoice('lmstudio', none)).toEqual({
      id: undefined,
      reason: 'LM Studio has no model loaded',
      command: 'lms load <model>',
    });
  });

  it('vLLM: a model id and a key (any value) are required', async () => {
    const { found } = await setupAgainst(OPENAI_TWO, 'vllm', '--custom-base-url ORIGIN/v1');
    expect(() => localProviderConfig('vllm', found.baseUrl, found.models, undefined, { apiKey: 'x' })).toThrow(
      'vLLM serves 2 models (observe-model, observe-flag-model): choose one (--custom-model-id observe-model)',
    );
    expect(() => localProviderConfig('vllm', found.baseUrl, found.models, 'observe-model')).toThrow(
      /^vLLM needs an API key .*VLLM_API_KEY or --custom-api-key$/,
    );
    const one = found.models.slice(0, 1);
    expect(defaultModelChoice('vllm', one)).toEqual({ id: 'observe-model', by: 'only-model' });
    expect(localProviderConfig('vllm', found.baseUrl, one, undefined, { apiKey: 'x' }).primaryModel).toBe(
      'vllm/observe-model',
    );
  });

  it('an id with escape codes is not offered, and the error that names it says it as text', async () => {
    const evil = 'evil\u001b[2J';
    const { found } = await setupAgainst(
      { kind: 'ollama', models: [{ name: evil, capabilities: ['completion'] }, { name: 'llama3' }] },
      'ollama',
      '--custom-base-url ORIGIN',
    );
    expect(found.models.map((model) => model.id)).toEqual(['llama3']);
    expect(() => localProviderConfig('ollama', found.baseUrl, found.models, evil)).toThrow(/evil\\x1b\[2J/);
  });
});
