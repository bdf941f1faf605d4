import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CatalogChoice, endpointWarning, findChoice } from '../../src/services/providers/catalog.js';
import { catalogSetup } from '../../src/services/providers/catalog-setup.js';
import { withBaseUrl } from '../../src/services/providers/custom-endpoint.js';
import {
  currentDefaultModel,
  type DefaultModelPolicy,
  type ProviderSetup,
  planSetup,
  setupForHome,
  withBuiltInDefault,
} from '../../src/services/providers/setup-plan.js';
import { planOnDisk } from '../helpers/plan-on-disk.js';

function choice(id: string): CatalogChoice {
  const found = findChoice(id);
  if (!found) throw new Error(`no choice ${id} in the catalog`);
  return found;
}

const XAI = catalogSetup(choice('xai-api-key'));
const XAI_BLOCK = { api: 'openai-responses', baseUrl: 'https://api.x.ai/v1', models: [] };
const XAI_MODEL = 'xai/grok-4.7';
const OPUS = 'anthropic/claude-opus-5';

/** The xai setup planned against `doc` and applied to a real file. */
function setUpXai(doc: Record<string, unknown> | undefined, policy: DefaultModelPolicy = 'auto') {
  return planOnDisk(doc, (current) => planSetup(current, XAI, 'xai', policy));
}

const withDefault = (model: unknown, models: Record<string, unknown> = {}) => ({
  agents: { defaults: { model, models } },
});

describe('catalogSetup', () => {
  it("takes an observed setup as OpenClaw wrote it: plugins, models.mode, the provider block, the model's entry", () => {
    expect(XAI).toEqual({
      plugins: ['xai'],
      modelsMode: 'merge',
      providers: { xai: XAI_BLOCK },
      defaultModel: { ref: XAI_MODEL, entry: { alias: 'Grok' } },
      // What OpenClaw 2026.5.20's onboarding set: a home before 2026.8 gets it (setupForHome).
      olderDefaultModel: { ref: 'xai/grok-4.3', entry: { alias: 'Grok' } },
    });
  });

  it("sets the default model the home's OpenClaw knows: before 2026.8 the one its own onboarding set", () => {
    expect(setupForHome(XAI, true).defaultModel?.ref).toBe(XAI_MODEL);
    expect(setupForHome(XAI, false).defaultModel).toEqual({ ref: 'xai/grok-4.3', entry: { alias: 'Grok' } });
    // A choice whose plugin is ClawHub's today has no default in the catalog; 2026.5.20 built it
    // in, with one and its endpoint: written on its homes…
    const cerebras = catalogSetup(choice('cerebras-api-key'));
    expect(setupForHome(cerebras, true).defaultModel).toBeUndefined();
    expect(setupForHome(cerebras, true).providers).toEqual({});
    expect(setupForHome(cerebras, false).defaultModel?.ref).toBe('cerebras/zai-glm-4.7');
    expect(setupForHome(cerebras, false).providers.cerebras?.baseUrl).toBe('https://api.cerebras.ai/v1');
    // …and on newer ones where the choice picks a region, which the plugin's default endpoint is not.
    // Not Z.AI's generic key: OpenClaw finds its endpoint by trying the key online.
    expect(setupForHome(catalogSetup(choice('zai-api-key')), true).providers).toEqual({});
    expect(endpointWarning(choice('zai-api-key'))).toContain('set models.providers.zai.baseUrl');
    const zai = catalogSetup(choice('zai-cn'));
    for (const stamp of [true, false]) {
      expect(setupForHome(zai, stamp).defaultModel).toEqual({ ref: 'zai/glm-5.1', entry: { alias: 'GLM' } });
      expect(setupForHome(zai, stamp).providers.zai?.baseUrl).toBe('https://open.bigmodel.cn/api/paas/v4');
    }
    // Where both agree, nothing changes.
    const mistral = catalogSetup(choice('mistral-api-key'));
    expect(setupForHome(mistral, false)).toEqual(mistral);
  });

  it("without an observed run, writes the catalog's plugin and default model with its alias, and no models section", async () => {
    // Every choice with a default model has been observed in 2026.9.6: an unobserved one is made.
    const unobserved = { ...choice('deepseek-api-key'), setup: null };
    const { outcome, config } = await planOnDisk(undefined, (doc) =>
      planSetup(doc, catalogSetup(unobserved), 'deepseek', 'auto'),
    );
    expect(outcome.defaultModel).toEqual({ status: 'set', ref: 'deepseek/deepseek-v4-pro' });
    expect(config).toEqual({
      plugins: { entries: { deepseek: { enabled: true } } },
      agents: {
        defaults: {
          model: { primary: 'deepseek/deepseek-v4-pro' },
          models: { 'deepseek/deepseek-v4-pro': { alias: 'DeepSeek' } },
        },
      },
    });
  });

  it('an external plugin observed with its plugin installed: its region endpoint, as OpenClaw wrote it', async () => {
    const { config } = await planOnDisk(undefined, (doc) =>
      planSetup(doc, catalogSetup(choice('qwen-standard-api-key-cn')), 'qwen', 'auto'),
    );
    expect(config).toMatchObject({
      plugins: { entries: { qwen: { enabled: true } } },
      models: {
        mode: 'merge',
        providers: {
          qwen: {
            api: 'openai-completions',
            baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
            models: [],
          },
        },
      },
      agents: { defaults: { model: { primary: 'qwen/qwen3.5-plus' } } },
    });
    expect(config.agents.defaults.models['qwen/qwen3.5-plus']).toEqual({ alias: 'Qwen' });
  });
});

describe('planSetup: the default model', () => {
  it('none: a choice that names no model writes only its plugin', async () => {
    const { outcome, config } = await planOnDisk({}, (doc) =>
      planSetup(doc, catalogSetup(choice('groq-api-key')), 'groq', 'set'),
    );
    expect(outcome.defaultModel).toEqual({ status: 'none' });
    expect(config).toEqual({ plugins: { entries: { groq: { enabled: true } } } });
  });

  it('set: with none configured, the model becomes the default with its entry', async () => {
    const { outcome, config } = await setUpXai({});
    expect(outcome.defaultModel).toEqual({ status: 'set', ref: XAI_MODEL });
    expect(config.agents.defaults).toEqual({
      model: { primary: XAI_MODEL },
      models: { [XAI_MODEL]: { alias: 'Grok' } },
    });
  });

  it("set: --set-default-model replaces another provider's model, keeps the fallbacks and the old entry", async () => {
    const { outcome, config } = await setUpXai(
      withDefault({ primary: OPUS, fallbacks: ['openai/gpt-5'] }, { [OPUS]: { alias: 'Opus' } }),
      'set',
    );
    expect(outcome.defaultModel).toEqual({ status: 'set', ref: XAI_MODEL, previous: OPUS });
    expect(config.agents.defaults).toEqual({
      model: { primary: XAI_MODEL, fallbacks: ['openai/gpt-5'] },
      models: { [OPUS]: { alias: 'Opus' }, [XAI_MODEL]: { alias: 'Grok' } },
    });
  });

  it('set: a default written as a string becomes {primary}', async () => {
    const { config } = await setUpXai(withDefault(OPUS), 'set');
    expect(config.agents.defaults.model).toEqual({ primary: XAI_MODEL });
  });

  it('set: an alias someone gave the model stays; one onboarding gives is added beside other keys', async () => {
    const mine = await setUpXai(withDefault(OPUS, { [XAI_MODEL]: { alias: 'Mine' } }), 'set');
    expect(mine.config.agents.defaults.models[XAI_MODEL]).toEqual({ alias: 'Mine' });
    const params = await setUpXai(withDefault(OPUS, { [XAI_MODEL]: { params: { temperature: 0.2 } } }), 'set');
    expect(params.config.agents.defaults.models[XAI_MODEL]).toEqual({ params: { temperature: 0.2 }, alias: 'Grok' });
  });

  it('already: the model is the default (here by its alias): nothing is written when the rest is there too', async () => {
    const doc = {
      plugins: { entries: { xai: { enabled: true } } },
      models: { mode: 'merge', providers: { xai: XAI_BLOCK } },
      ...withDefault('Grok', { [XAI_MODEL]: { alias: 'Grok' } }),
    };
    const { outcome, config, changed, configPath } = await setUpXai(doc, 'set');
    expect(outcome).toEqual({ changes: [], defaultModel: { status: 'already', ref: XAI_MODEL }, enabled: [] });
    expect(changed).toBe(false);
    expect(readFileSync(configPath, 'utf8')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(config.agents.defaults.model).toBe('Grok');
  });

  it('already: --keep-default-model with the same model says so, not "kept"', async () => {
    const { outcome } = await setUpXai(withDefault({ primary: XAI_MODEL }), 'keep');
    expect(outcome.defaultModel).toEqual({ status: 'already', ref: XAI_MODEL });
  });

  it('same-provider: another model of the provider stays the default', async () => {
    const { outcome, config } = await setUpXai(withDefault({ primary: 'xai/grok-3' }));
    expect(outcome.defaultModel).toEqual({ status: 'same-provider', ref: XAI_MODEL, current: 'xai/grok-3' });
    // The choice's model gets its entry and alias all the same, as OpenClaw's onboarding adds it.
    expect(config.agents.defaults).toEqual({
      model: { primary: 'xai/grok-3' },
      models: { [XAI_MODEL]: { alias: 'Grok' } },
    });
  });

  it("kept: another provider's model stays under auto; the plugin and provider block are still written", async () => {
    const { outcome, config } = await setUpXai(withDefault({ primary: OPUS }));
    expect(outcome.defaultModel).toEqual({ status: 'kept', ref: XAI_MODEL, current: OPUS });
    expect(config.agents.defaults).toEqual({ model: { primary: OPUS }, models: { [XAI_MODEL]: { alias: 'Grok' } } });
    expect(config.plugins.entries.xai).toEqual({ enabled: true });
    expect(config.models.providers.xai).toEqual(XAI_BLOCK);
  });

  it('kept: no default written, but an OpenAI credential the gateway answers with now (its built-in model) stays', async () => {
    const openaiRecorded = { auth: { profiles: { 'openai:default': { provider: 'openai', mode: 'api_key' } } } };
    const { outcome, config } = await setUpXai(openaiRecorded);
    expect(outcome.defaultModel).toEqual({ status: 'kept', ref: XAI_MODEL, current: 'openai' });
    expect(config.agents.defaults).toEqual({ models: { [XAI_MODEL]: { alias: 'Grok' } } });
    // --set-default-model moves it, and says from what.
    const set = await setUpXai(openaiRecorded, 'set');
    expect(set.outcome.defaultModel).toEqual({ status: 'set', ref: XAI_MODEL, previous: 'openai' });
    expect(set.config.agents.defaults.model).toEqual({ primary: XAI_MODEL });
    // A credential of another provider recorded, none of OpenAI: nothing answers yet, so it is set.
    const other = await setUpXai({ auth: { profiles: { 'groq:default': { provider: 'groq', mode: 'api_key' } } } });
    expect(other.outcome.defaultModel).toEqual({ status: 'set', ref: XAI_MODEL });
    // A custom provider's first model is what runs: named by its ref.
    const ollama = await setUpXai({
      auth: { profiles: { 'ollama:default': { provider: 'ollama', mode: 'api_key' } } },
      models: { providers: { ollama: { baseUrl: 'http://127.0.0.1:11434', models: [{ id: 'llama3' }] } } },
    });
    expect(ollama.outcome.defaultModel).toEqual({ status: 'kept', ref: XAI_MODEL, current: 'ollama/llama3' });
  });

  it('set, not "kept": with no default written, a provider block that the gateway would then run takes over, and says so', async () => {
    // A configured provider's first model comes before OpenClaw's built-in one: adding Foundry's
    // deployment moves the gateway off the built-in OpenAI model whatever is written as default.
    const foundry: ProviderSetup = {
      plugins: [],
      providers: {
        'microsoft-foundry': {
          baseUrl: 'https://acme.openai.azure.com/openai/v1',
          api: 'openai-completions',
          models: [{ id: 'gpt-4o' }],
        },
      },
      defaultModel: { ref: 'microsoft-foundry/gpt-4o', entry: {} },
    };
    const openaiRecorded = { auth: { profiles: { 'openai:default': { provider: 'openai', mode: 'api_key' } } } };
    const { outcome, config } = await planOnDisk(openaiRecorded, (current) =>
      planSetup(current, foundry, 'microsoft-foundry', 'auto'),
    );
    expect(outcome.defaultModel).toEqual({ status: 'set', ref: 'microsoft-foundry/gpt-4o', previous: 'openai' });
    expect(config.agents.defaults.model).toEqual({ primary: 'microsoft-foundry/gpt-4o' });
  });

  it('kept: --keep-default-model keeps another model, the alias resolved to its ref', async () => {
    const { outcome, config } = await setUpXai(withDefault('Opus', { [OPUS]: { alias: 'Opus' } }), 'keep');
    expect(outcome.defaultModel).toEqual({ status: 'kept', ref: XAI_MODEL, current: OPUS });
    expect(config.agents.defaults.model).toBe('Opus');
  });

  it('skipped: --keep-default-model with none set writes no default model', async () => {
    const { outcome, config } = await setUpXai({}, 'keep');
    expect(outcome.defaultModel).toEqual({ status: 'skipped', ref: XAI_MODEL });
    expect(config.agents.defaults.model).toBeUndefined();
    expect(config.plugins.entries.xai).toEqual({ enabled: true });
  });
});

describe("planSetup: OpenAI's model is OpenClaw's built-in one", () => {
  // OpenAI's onboarding names no default model: with none configured OpenClaw runs its own, an
  // OpenAI model. Making OpenAI the default is clearing another provider's primary.
  const OPENAI = withBuiltInDefault(catalogSetup(choice('openai-api-key')), 'openai');
  const setUpOpenai = (doc: Record<string, unknown> | undefined, policy: DefaultModelPolicy = 'auto') =>
    planOnDisk(doc, (current) => planSetup(current, OPENAI, 'openai', policy));

  it("kept under auto, then set: the primary goes, the fallbacks and the models' entries stay", async () => {
    const doc = withDefault({ primary: OPUS, fallbacks: ['groq/llama'] }, { [OPUS]: { alias: 'Opus' } });
    const kept = await setUpOpenai(doc);
    expect(kept.outcome.defaultModel).toEqual({ status: 'kept', ref: 'openai', current: OPUS });
    expect(kept.config.agents.defaults.model).toEqual({ primary: OPUS, fallbacks: ['groq/llama'] });
    const set = await setUpOpenai(doc, 'set');
    expect(set.outcome.defaultModel).toEqual({ status: 'set', ref: 'openai', previous: OPUS });
    expect(set.config.agents.defaults).toEqual({
      model: { fallbacks: ['groq/llama'] },
      models: { [OPUS]: { alias: 'Opus' } },
    });
    expect(set.config.plugins.entries.openai).toEqual({ enabled: true });
  });

  it('set: a default written as a string goes whole', async () => {
    const { config } = await setUpOpenai(withDefault(OPUS), 'set');
    expect(config.agents.defaults).toEqual({ models: {} });
  });

  it('already: no default configured, or one of OpenAI; nothing written about models', async () => {
    expect((await setUpOpenai({}, 'set')).outcome.defaultModel).toEqual({ status: 'already', ref: 'openai' });
    const own = await setUpOpenai(withDefault({ primary: 'openai/gpt-5' }), 'set');
    expect(own.outcome.defaultModel).toEqual({ status: 'already', ref: 'openai/gpt-5' });
    expect(own.config.agents.defaults.model).toEqual({ primary: 'openai/gpt-5' });
  });

  it('none: where a cleared primary would not fall to OpenAI, or an allowlist would leave it out', async () => {
    const listed = {
      ...withDefault({ primary: OPUS }),
      models: { providers: { 'my-proxy': { baseUrl: 'https://x/v1', models: [{ id: 'qwen' }] } } },
    };
    expect((await setUpOpenai(listed, 'set')).outcome.defaultModel).toEqual({ status: 'none' });
    const allow = { agents: { defaults: { model: { primary: OPUS }, modelPolicy: { allow: [OPUS] } } } };
    const refused = await setUpOpenai(allow, 'set');
    expect(refused.outcome.defaultModel).toEqual({ status: 'none' });
    expect(refused.config.agents.defaults.model).toEqual({ primary: OPUS });
  });

  it('only OpenAI, and only when the choice names no model of its own', () => {
    expect(withBuiltInDefault(XAI, 'xai')).toBe(XAI);
    expect(withBuiltInDefault(XAI, 'openai')).toBe(XAI);
  });
});

describe('currentDefaultModel', () => {
  it('reads a string or {primary}, trimmed, and resolves an alias to the ref that carries it', () => {
    expect(currentDefaultModel(withDefault(' openai/gpt-5 '))).toBe('openai/gpt-5');
    expect(currentDefaultModel(withDefault({ primary: OPUS, fallbacks: ['x/y'] }))).toBe(OPUS);
    expect(currentDefaultModel(withDefault('Grok', { [XAI_MODEL]: { alias: 'Grok' } }))).toBe(XAI_MODEL);
    expect(currentDefaultModel(withDefault({ primary: 'Grok' }, { [XAI_MODEL]: { alias: 'Grok' } }))).toBe(XAI_MODEL);
  });

  it('returns an alias no entry carries as written, and nothing when no model is set', () => {
    expect(currentDefaultModel(withDefault('Nameless', { [XAI_MODEL]: { alias: 'Grok' } }))).toBe('Nameless');
    expect(currentDefaultModel(withDefault({ primary: '  ' }))).toBeUndefined();
    expect(currentDefaultModel(withDefault({ fallbacks: ['openai/gpt-5'] }))).toBeUndefined();
    expect(currentDefaultModel({})).toBeUndefined();
  });
});

describe('planSetup: plugins', () => {
  it('enables a plugin only when it is not enabled, keeping what its entry holds', async () => {
    const already = await setUpXai({ plugins: { entries: { xai: { enabled: true, config: { a: 1 } } } } });
    expect(already.outcome.enabled).toEqual([]);
    expect(already.outcome.changes.map((change) => change.path.join('.'))).not.toContain('plugins.entries.xai.enabled');

    const disabled = await setUpXai({ plugins: { entries: { xai: { enabled: false, config: { a: 1 } } } } });
    expect(disabled.outcome.enabled).toEqual(['xai']);
    expect(disabled.config.plugins.entries.xai).toEqual({ enabled: true, config: { a: 1 } });
  });
});

describe('planSetup: provider blocks', () => {
  it('writes a new block whole beside the other providers, and models.mode when unset', async () => {
    const other = { baseUrl: 'https://other.example/v1', apiKey: 'k', models: [{ id: 'o' }] };
    const { config } = await setUpXai({ models: { providers: { other } } });
    expect(config.models).toEqual({ mode: 'merge', providers: { other, xai: XAI_BLOCK } });
  });

  it('keeps a models.mode someone set', async () => {
    const { config } = await setUpXai({ models: { mode: 'replace' } });
    expect(config.models).toEqual({ mode: 'replace', providers: { xai: XAI_BLOCK } });
  });

  it('moves an existing block to the endpoint and API of the choice (a region switch); a curated model list and other keys stay', async () => {
    const curated = [{ id: 'glm-fast', name: 'GLM fast' }];
    const zaiCn = setupForHome(catalogSetup(choice('zai-cn')), true);
    const { config } = await planOnDisk(
      {
        models: {
          mode: 'merge',
          providers: {
            zai: { baseUrl: 'https://api.z.ai/api/paas/v4/', apiKey: 'k', headers: { h: 'v' }, models: curated },
          },
        },
      },
      (current) => planSetup(current, zaiCn, 'zai', 'auto'),
    );
    expect(config.models.providers.zai).toMatchObject({
      baseUrl: 'https://open.bigmodel.cn/api/paas/v4',
      apiKey: 'k',
      headers: { h: 'v' },
      models: curated,
    });
  });

  it("keeps an address of the person's own (a proxy, their LiteLLM server): no onboarding writes it", async () => {
    const own = { baseUrl: 'https://proxy.example.com/v1', apiKey: 'k', headers: { h: 'v' }, models: [] };
    const { config } = await setUpXai({ models: { mode: 'merge', providers: { xai: own } } });
    // The API follows the choice; the address and the (empty) model list are the server's.
    expect(config.models.providers.xai).toEqual({ ...own, api: 'openai-responses' });
    // As OpenClaw's own LiteLLM setup: the server's address stays and no model is added to it.
    const litellm = setupForHome(catalogSetup(choice('litellm-api-key')), true);
    const corp = { baseUrl: 'http://litellm.corp.internal:4000', api: 'openai-completions', models: [] };
    const kept = await planOnDisk({ models: { mode: 'merge', providers: { litellm: corp } } }, (current) =>
      planSetup(current, litellm, 'litellm', 'auto'),
    );
    expect(kept.config.models.providers.litellm).toEqual(corp);
    // An address asked for (--custom-base-url, Cloudflare's ids) is written over it.
    const asked = withBaseUrl(catalogSetup(choice('litellm-api-key')), 'litellm', 'http://new.corp:4000');
    const moved = await planOnDisk({ models: { mode: 'merge', providers: { litellm: corp } } }, (current) =>
      planSetup(current, asked, 'litellm', 'auto'),
    );
    expect(moved.config.models.providers.litellm.baseUrl).toBe('http://new.corp:4000');
    // A host in capitals is the same endpoint: moved as a region switch would be, not kept.
    const shouted = await setUpXai({ models: { providers: { xai: { baseUrl: 'https://API.X.AI/v1/' } } } });
    expect(shouted.config.models.providers.xai.baseUrl).toBe('https://api.x.ai/v1');
    // Where there is none, the choice's endpoint and model are written.
    const fresh = await planOnDisk({}, (current) => planSetup(current, litellm, 'litellm', 'auto'));
    expect(fresh.config.models.providers.litellm.baseUrl).toBe('http://localhost:4000');
    expect(fresh.config.models.providers.litellm.models).toEqual([expect.objectContaining({ id: 'claude-opus-4-6' })]);
  });

  it("fills an existing block's missing models list", async () => {
    const { config } = await setUpXai({ models: { providers: { xai: { baseUrl: 'https://api.x.ai/v1' } } } });
    expect(config.models.providers.xai).toEqual({
      baseUrl: 'https://api.x.ai/v1',
      api: 'openai-responses',
      models: [],
    });
  });

  it('replaces a curated list when the blocks were built complete from the config (a custom endpoint)', async () => {
    const block = { baseUrl: 'http://127.0.0.1:9/v1', models: [{ id: 'a' }, { id: 'b' }] };
    const setup = (complete: boolean): ProviderSetup => ({
      plugins: [],
      providers: { local: block },
      ...(complete ? { providersComplete: true } : {}),
    });
    const doc = { models: { providers: { local: { baseUrl: 'http://127.0.0.1:9/v1', models: [{ id: 'a' }] } } } };
    const complete = await planOnDisk(doc, (current) => planSetup(current, setup(true), 'local', 'auto'));
    expect(complete.config.models.providers.local.models).toEqual([{ id: 'a' }, { id: 'b' }]);
    const partial = await planOnDisk(doc, (current) => planSetup(current, setup(false), 'local', 'auto'));
    expect(partial.changed).toBe(false);
    expect(partial.config.models.providers.local.models).toEqual([{ id: 'a' }]);
  });

  it('writes no models section for a setup without provider blocks, even with a models.mode', async () => {
    const setup: ProviderSetup = { plugins: ['p'], modelsMode: 'merge', providers: {} };
    const { config } = await planOnDisk({}, (doc) => planSetup(doc, setup, 'p', 'auto'));
    expect(config).toEqual({ plugins: { entries: { p: { enabled: true } } } });
  });
});

describe('planSetup: the model entries a plugin writes beside its default', () => {
  const qwen = catalogSetup(choice('qwen-api-key'));

  it("adds Qwen's model list as OpenClaw's onboarding does, the default's alias with it", async () => {
    const { config } = await planOnDisk(undefined, (doc) => planSetup(doc, qwen, 'qwen', 'auto'));
    const entries = config.agents.defaults.models;
    expect(entries['qwen/qwen3.5-plus']).toEqual({ alias: 'Qwen' });
    expect(entries['qwen/qwen3.6-plus']).toEqual({});
    expect(entries['modelstudio/qwen3.6-plus']).toEqual({});
    expect(Object.keys(entries)).toHaveLength(Object.keys(qwen.modelEntries ?? {}).length + 1);
  });

  // OpenClaw's own non-interactive onboarding makes Qwen the default over another provider's
  // (seen on 2026.9.6); authdeck keeps it unless asked (README "Providers"), and still lists Qwen's models.
  it('adds them with another provider kept as the default, and leaves an entry someone set alone', async () => {
    const before = {
      agents: {
        defaults: {
          model: { primary: 'anthropic/claude-opus-5' },
          models: { 'anthropic/claude-opus-5': {}, 'qwen/qwen3.6-plus': { alias: 'mine' } },
        },
      },
    };
    const { outcome, config } = await planOnDisk(before, (doc) => planSetup(doc, qwen, 'qwen', 'auto'));
    expect(outcome.defaultModel).toMatchObject({ status: 'kept', current: 'anthropic/claude-opus-5' });
    const entries = config.agents.defaults.models;
    expect(config.agents.defaults.model).toEqual({ primary: 'anthropic/claude-opus-5' });
    expect(entries['qwen/qwen3.6-plus']).toEqual({ alias: 'mine' });
    expect(entries['modelstudio/qwen3.6-plus']).toEqual({});
    expect(entries['qwen/qwen3.5-plus']).toEqual({ alias: 'Qwen' });
  });
});
