import { describe, expect, it } from 'vitest';
import {
  type CustomEndpointInput,
  customSetup,
  endpointIdFromUrl,
  inferImageInput,
} from '../../src/services/providers/custom-endpoint.js';
import { planSetup } from '../../src/services/providers/setup-plan.js';
import { planOnDisk } from '../helpers/plan-on-disk.js';

const URL_9 = 'http://127.0.0.1:9/v1';
const ID_9 = 'custom-127-0-0-1-9';

function input(extra: Partial<CustomEndpointInput> = {}): CustomEndpointInput {
  return { baseUrl: URL_9, modelId: 'my-model', compatibility: 'openai', ...extra };
}

/** The endpoint set up as `onboard --auth-choice custom-api-key` does it, on a real file. */
function writeCustom(doc: Record<string, unknown> | undefined, endpoint = input(), secret = 'local-key') {
  return planOnDisk(doc, (current) => planSetup(current, customSetup(current, endpoint, secret), 'custom', 'auto'));
}

function modelRow(id: string, input: string[] = ['text']) {
  return {
    id,
    name: `${id} (Custom Provider)`,
    contextWindow: 128_000,
    maxTokens: 4096,
    input,
    cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
    reasoning: false,
  };
}

const elsewhere = (baseUrl: string) => ({ baseUrl, api: 'openai-completions', models: [{ id: 'theirs' }] });

describe('endpointIdFromUrl', () => {
  it('makes the id from the host and port, lower-cased, other characters as hyphens', () => {
    expect(endpointIdFromUrl(URL_9)).toBe(ID_9);
    expect(endpointIdFromUrl('https://API.Example.COM/v1')).toBe('custom-api-example-com');
    expect(endpointIdFromUrl('https://api.example.com:443/v1')).toBe('custom-api-example-com');
    expect(endpointIdFromUrl('http://my_host.lan:1234')).toBe('custom-my-host-lan-1234');
  });

  it('falls back to "custom" for what is not a URL', () => {
    expect(endpointIdFromUrl('not a url')).toBe('custom');
  });
});

describe('inferImageInput', () => {
  it('knows model families that take images, ones that take text only, and says nothing of the rest', () => {
    for (const name of ['gpt-4o', 'GPT-5-mini', 'claude-sonnet-4', 'gemini-2.5-pro', 'qwen2.5-vl-7b', 'llava:13b'])
      expect(inferImageInput(name), name).toBe(true);
    for (const name of ['llama3.1:8b', 'deepseek-r1', 'mistral-small', 'qwen2.5-coder', 'phi'])
      expect(inferImageInput(name), name).toBe(false);
    for (const name of ['my-model', '  ']) expect(inferImageInput(name), name).toBeUndefined();
  });
});

describe('customSetup', () => {
  it('writes the endpoint as OpenClaw does: block with key and model, models.mode merge, the model as default', async () => {
    const { config } = await writeCustom(undefined);
    expect(config).toEqual({
      models: {
        mode: 'merge',
        providers: {
          [ID_9]: { baseUrl: URL_9, api: 'openai-completions', apiKey: 'local-key', models: [modelRow('my-model')] },
        },
      },
      agents: { defaults: { model: { primary: `${ID_9}/my-model` }, models: { [`${ID_9}/my-model`]: {} } } },
    });
  });

  it('writes the API of each compatibility', () => {
    const api = (compatibility: CustomEndpointInput['compatibility']) =>
      customSetup({}, input({ compatibility }), '').providers[ID_9]?.api;
    expect(api('openai')).toBe('openai-completions');
    expect(api('openai-responses')).toBe('openai-responses');
    expect(api('anthropic')).toBe('anthropic-messages');
  });

  it('marks the model as taking images from its name or the flags', async () => {
    const vision = await writeCustom(undefined, input({ modelId: 'gpt-4o' }));
    expect(vision.config.models.providers[ID_9].models[0].input).toEqual(['text', 'image']);
    const textOnly = await writeCustom(undefined, input({ modelId: 'gpt-4o', imageInput: false }));
    expect(textOnly.config.models.providers[ID_9].models[0].input).toEqual(['text']);
  });

  it('gives the id -2 when another endpoint has it, -3 when -2 is taken too; theirs stay', async () => {
    const other = elsewhere('http://127.0.0.1:9/other');
    const second = await writeCustom({ models: { providers: { [ID_9]: other } } });
    expect(Object.keys(second.config.models.providers)).toEqual([ID_9, `${ID_9}-2`]);
    expect(second.config.models.providers[ID_9]).toEqual(other);
    expect(second.config.agents.defaults.model).toEqual({ primary: `${ID_9}-2/my-model` });
    const third = await writeCustom({
      models: { providers: { [ID_9]: other, [`${ID_9}-2`]: elsewhere('http://127.0.0.1:9/two') } },
    });
    expect(Object.keys(third.config.models.providers)).toEqual([ID_9, `${ID_9}-2`, `${ID_9}-3`]);
  });

  it('reuses the id of the same URL: its models and key stay, the new model is added', async () => {
    const doc = {
      models: {
        providers: { [ID_9]: { baseUrl: URL_9, apiKey: 'kept-key', headers: { a: 'b' }, models: [{ id: 'old' }] } },
      },
    };
    const { config } = await writeCustom(doc, input(), '');
    expect(Object.keys(config.models.providers)).toEqual([ID_9]);
    expect(config.models.providers[ID_9]).toEqual({
      baseUrl: URL_9,
      apiKey: 'kept-key',
      headers: { a: 'b' },
      models: [{ id: 'old' }, modelRow('my-model')],
      api: 'openai-completions',
    });
    // The block handed over holds the key, written whole; a key given replaces it.
    expect(customSetup(doc, input(), ' ').providers[ID_9]?.apiKey).toBe('kept-key');
    expect((await writeCustom(doc, input(), 'new-key')).config.models.providers[ID_9].apiKey).toBe('new-key');
  });

  it('writes nothing when the same endpoint is set up again, under its -2 id too', async () => {
    const first = await writeCustom(undefined);
    expect((await writeCustom(first.config)).changed).toBe(false);
    const taken = await writeCustom({ models: { providers: { [ID_9]: elsewhere('http://127.0.0.1:9/other') } } });
    const again = await writeCustom(taken.config);
    expect(Object.keys(again.config.models.providers)).toEqual([ID_9, `${ID_9}-2`]);
    expect(again.changed).toBe(false);
  });

  it('takes a provider id given, made safe', async () => {
    const { config } = await writeCustom(undefined, input({ providerId: ' My Endpoint ' }));
    expect(Object.keys(config.models.providers)).toEqual(['my-endpoint']);
    // Empty is none, as OpenClaw takes it: the id comes from the URL.
    for (const id of ['', '  ']) {
      const { config: derived } = await writeCustom(undefined, input({ providerId: id }));
      expect(Object.keys(derived.models.providers), JSON.stringify(id)).toEqual([ID_9]);
    }
    for (const id of ['***', '---'])
      expect(() => customSetup({}, input({ providerId: id }), ''), id).toThrow(
        '--custom-provider-id must include letters or numbers',
      );
    // OpenClaw's `models list` breaks on a provider named like a key of every object.
    expect(() => customSetup({}, input({ providerId: 'constructor' }), '')).toThrow('cannot name a provider');
  });

  it('refuses Azure endpoints, URLs that are not http(s), and an empty model id', () => {
    for (const host of ['me.openai.azure.com', 'me.services.ai.azure.com', 'me.cognitiveservices.azure.com'])
      expect(() => customSetup({}, input({ baseUrl: `https://${host}/openai/v1` }), 'k'), host).toThrow(
        /^Azure endpoints need the URL rewrites of `openclaw onboard --auth-choice custom-api-key`/,
      );
    expect(() => customSetup({}, input({ baseUrl: 'ftp://127.0.0.1/v1' }), 'k')).toThrow(
      '--custom-base-url: "ftp://127.0.0.1/v1" is not an http(s) URL',
    );
    expect(() => customSetup({}, input({ modelId: '  ' }), 'k')).toThrow('--custom-model-id is empty');
  });
});
