import { describe, expect, it } from 'vitest';
import type { ConfigFact } from '../../src/services/oauth/config-facts.js';
import { planFacts } from '../../src/services/providers/facts-plan.js';
import type { DefaultModelPolicy } from '../../src/services/providers/setup-plan.js';
import { planOnDisk } from '../helpers/plan-on-disk.js';

/** The facts planned against `doc` and applied to a real file. */
function writeFacts(
  doc: Record<string, unknown> | undefined,
  facts: ConfigFact[],
  provider = 'anthropic',
  policy: DefaultModelPolicy = 'auto',
) {
  return planOnDisk(doc, (current) => planFacts(current, facts, provider, policy));
}

const FOUNDRY = 'microsoft-foundry';
const OPUS = 'anthropic/claude-opus-5';

describe('planFacts: plugins', () => {
  it('enables the plugin through the catalog rules: not again when it is enabled', async () => {
    const fresh = await writeFacts({}, [{ kind: 'plugin-enabled', pluginId: 'anthropic' }]);
    expect(fresh.outcome.enabled).toEqual(['anthropic']);
    expect(fresh.config).toEqual({ plugins: { entries: { anthropic: { enabled: true } } } });
    const again = await writeFacts(fresh.config, [{ kind: 'plugin-enabled', pluginId: 'anthropic' }]);
    expect(again.outcome.enabled).toEqual([]);
    expect(again.changed).toBe(false);
  });

  it('appends to plugins.allow only when it is a non-empty list that lacks the plugin', async () => {
    const allowed: ConfigFact[] = [{ kind: 'plugin-allowed', pluginId: FOUNDRY }];
    expect((await writeFacts({ plugins: { allow: ['openai'] } }, allowed)).config.plugins.allow).toEqual([
      'openai',
      FOUNDRY,
    ]);
    const empty = await writeFacts({ plugins: { allow: [] } }, allowed);
    expect(empty.changed).toBe(false);
    expect(empty.config.plugins.allow).toEqual([]);
    const none = await writeFacts({ plugins: { entries: {} } }, allowed);
    expect(none.changed).toBe(false);
    expect(none.config.plugins).toEqual({ entries: {} });
    expect((await writeFacts({ plugins: { allow: [FOUNDRY, 'openai'] } }, allowed)).changed).toBe(false);
  });
});

describe('planFacts: provider blocks', () => {
  it('writes a new block without the keys it removes, and models.mode merge when unset', async () => {
    const { config } = await writeFacts({}, [
      {
        kind: 'provider',
        providerId: FOUNDRY,
        entry: { baseUrl: 'https://a.example/v1', api: 'x', apiKey: undefined },
      },
    ]);
    expect(config.models).toEqual({
      mode: 'merge',
      providers: { [FOUNDRY]: { baseUrl: 'https://a.example/v1', api: 'x' } },
    });
  });

  it('merges into an existing block: the keys named replace or remove theirs, the rest stays, a mode stays', async () => {
    const { config } = await writeFacts(
      {
        models: {
          mode: 'replace',
          providers: {
            [FOUNDRY]: { baseUrl: 'https://old.example', apiKey: 'k', authHeader: false, models: [{ id: 'm' }] },
          },
        },
      },
      [
        {
          kind: 'provider',
          providerId: FOUNDRY,
          entry: {
            baseUrl: 'https://new.example/v1',
            api: 'openai-responses',
            apiKey: undefined,
            authHeader: undefined,
          },
        },
      ],
      FOUNDRY,
    );
    expect(config.models).toEqual({
      mode: 'replace',
      providers: { [FOUNDRY]: { baseUrl: 'https://new.example/v1', models: [{ id: 'm' }], api: 'openai-responses' } },
    });
  });
});

describe('planFacts: model entries', () => {
  it('merges a model entry into the one there; keepAlias keeps an alias someone chose', async () => {
    const doc = {
      agents: {
        defaults: { models: { 'openrouter/auto': { alias: 'Mine', params: { a: 1 } }, 'x/y': { alias: 'Y' } } },
      },
    };
    const { config } = await writeFacts(
      doc,
      [
        { kind: 'model', ref: 'openrouter/auto', entry: { alias: 'OpenRouter' }, keepAlias: true },
        { kind: 'model', ref: 'x/y', entry: { alias: 'Z' } },
        { kind: 'model', ref: 'new/model', entry: {} },
      ],
      'openrouter',
    );
    expect(config.agents.defaults.models).toEqual({
      'openrouter/auto': { alias: 'Mine', params: { a: 1 } },
      'x/y': { alias: 'Z' },
      'new/model': {},
    });
  });

  it('gives an alias with keepAlias when there is none', async () => {
    const { config } = await writeFacts(
      {},
      [{ kind: 'model', ref: 'openrouter/auto', entry: { alias: 'OpenRouter' }, keepAlias: true }],
      'openrouter',
    );
    expect(config.agents.defaults.models).toEqual({ 'openrouter/auto': { alias: 'OpenRouter' } });
  });

  it('replace-models: the facts rebuild the list, old claude-cli/ keys dropped, other keys kept', async () => {
    const doc = {
      agents: {
        defaults: {
          models: {
            'claude-cli/claude-opus-5': { alias: 'old' },
            'openai/gpt-5': { alias: 'GPT' },
            [OPUS]: { params: { a: 1 } },
          },
        },
      },
    };
    const { config } = await writeFacts(doc, [
      { kind: 'replace-models' },
      { kind: 'model', ref: OPUS, entry: { agentRuntime: { id: 'claude-cli' } } },
      { kind: 'model', ref: 'anthropic/claude-sonnet-5', entry: { agentRuntime: { id: 'claude-cli' } } },
    ]);
    expect(config.agents.defaults.models).toEqual({
      'openai/gpt-5': { alias: 'GPT' },
      [OPUS]: { params: { a: 1 }, agentRuntime: { id: 'claude-cli' } },
      'anthropic/claude-sonnet-5': { agentRuntime: { id: 'claude-cli' } },
    });
  });
});

describe('planFacts: the default model', () => {
  const claudeCli = (ref: string): ConfigFact[] => [
    { kind: 'replace-models' },
    { kind: 'model', ref, entry: {} },
    { kind: 'default-model', ref },
  ];

  it('sets it when none is set, with no entry of its own beyond the model facts', async () => {
    const { outcome, config } = await writeFacts({}, [{ kind: 'default-model', ref: OPUS }]);
    expect(outcome.defaultModel).toEqual({ status: 'set', ref: OPUS });
    expect(config).toEqual({ agents: { defaults: { model: { primary: OPUS } } } });
  });

  it("keeps another provider's model under auto", async () => {
    const doc = { agents: { defaults: { model: { primary: 'openai/gpt-5' } } } };
    const { outcome, config } = await writeFacts(doc, claudeCli(OPUS));
    expect(outcome.defaultModel).toEqual({ status: 'kept', ref: OPUS, current: 'openai/gpt-5' });
    expect(config.agents.defaults.model).toEqual({ primary: 'openai/gpt-5' });
  });

  it('treats a claude-cli/ default the facts rename as the same model: it follows to anthropic/', async () => {
    const doc = {
      agents: { defaults: { model: { primary: 'claude-cli/claude-opus-5', fallbacks: ['openai/gpt-5'] } } },
    };
    const { outcome, config } = await writeFacts(doc, claudeCli(OPUS));
    expect(outcome.defaultModel).toEqual({ status: 'set', ref: OPUS, previous: 'claude-cli/claude-opus-5' });
    expect(config.agents.defaults).toEqual({
      model: { primary: OPUS, fallbacks: ['openai/gpt-5'] },
      models: { [OPUS]: {} },
    });
  });

  it('renames a claude-cli/ default even under --keep-default-model (the same model), but not without replace-models', async () => {
    const doc = { agents: { defaults: { model: 'claude-cli/claude-opus-5' } } };
    // Its entry is renamed to anthropic/: a default left on the old key would name no model.
    const keep = await writeFacts(doc, claudeCli(OPUS), 'anthropic', 'keep');
    expect(keep.outcome.defaultModel).toEqual({ status: 'set', ref: OPUS, previous: 'claude-cli/claude-opus-5' });
    expect(keep.config.agents.defaults.model).toEqual({ primary: OPUS });
    const noRename = await writeFacts(doc, [{ kind: 'default-model', ref: OPUS }]);
    expect(noRename.outcome.defaultModel.status).toBe('kept');
    expect(noRename.config.agents.defaults.model).toBe('claude-cli/claude-opus-5');
  });
});

describe('planFacts: auth order', () => {
  it("puts the profile first, then the provider's other configured profiles, none of another provider", async () => {
    const doc = {
      auth: {
        profiles: {
          [`${FOUNDRY}:default`]: { provider: FOUNDRY, mode: 'api_key' },
          [`${FOUNDRY}:entra`]: { provider: FOUNDRY, mode: 'oauth' },
          'openai:default': { provider: 'openai', mode: 'api_key' },
        },
        order: { [FOUNDRY]: [`${FOUNDRY}:default`], openai: ['openai:default'] },
      },
    };
    const { config } = await writeFacts(doc, [
      { kind: 'auth-order-first', provider: FOUNDRY, profileId: `${FOUNDRY}:entra` },
    ]);
    expect(config.auth.order).toEqual({
      [FOUNDRY]: [`${FOUNDRY}:entra`, `${FOUNDRY}:default`],
      openai: ['openai:default'],
    });
  });
});

describe('planFacts: only what differs', () => {
  it('writes nothing the second time the same facts are planned', async () => {
    const facts: ConfigFact[] = [
      { kind: 'plugin-enabled', pluginId: FOUNDRY },
      { kind: 'plugin-allowed', pluginId: FOUNDRY },
      { kind: 'auth-order-first', provider: FOUNDRY, profileId: `${FOUNDRY}:entra` },
      { kind: 'provider', providerId: FOUNDRY, entry: { baseUrl: 'https://a.example/v1', apiKey: undefined } },
      { kind: 'replace-models' },
      { kind: 'model', ref: `${FOUNDRY}/gpt-5`, entry: { alias: 'Foundry' } },
      { kind: 'default-model', ref: `${FOUNDRY}/gpt-5` },
    ];
    const doc = {
      plugins: { allow: ['openai'] },
      auth: { profiles: { [`${FOUNDRY}:entra`]: { provider: FOUNDRY, mode: 'oauth' } } },
      agents: { defaults: { models: { 'openai/gpt-5': {} } } },
    };
    const first = await writeFacts(doc, facts, FOUNDRY);
    expect(first.changed).toBe(true);
    const second = await writeFacts(first.config, facts, FOUNDRY);
    expect(second.outcome.changes).toEqual([]);
    expect(second.changed).toBe(false);
    expect(second.outcome.defaultModel).toEqual({ status: 'already', ref: `${FOUNDRY}/gpt-5` });
  });
});

describe('planFacts: the image model', () => {
  const image: ConfigFact = { kind: 'image-model', ref: `${FOUNDRY}/images` };

  it('an image default written as a string is read as its primary, and replaced whole (it threw before)', async () => {
    const own = await writeFacts(
      { agents: { defaults: { mediaModels: { image: `${FOUNDRY}/old` } } } },
      [image],
      FOUNDRY,
    );
    expect(own.config.agents.defaults.mediaModels).toEqual({ image: { primary: `${FOUNDRY}/images` } });
    const other = await writeFacts(
      { agents: { defaults: { mediaModels: { image: 'openai/gpt-image-2' } } } },
      [image],
      FOUNDRY,
    );
    expect(other.changed).toBe(false);
  });

  it('mediaModels that is not an object is left as it is', async () => {
    const odd = await writeFacts({ agents: { defaults: { mediaModels: 'x' } } }, [image], FOUNDRY, 'set');
    expect(odd.changed).toBe(false);
  });

  it('ifUnset: any image default, even of its own provider, stays', async () => {
    const fal: ConfigFact = { kind: 'image-model', ref: 'fal/fal-ai/flux/dev', ifUnset: true };
    const kept = await writeFacts(
      { agents: { defaults: { mediaModels: { image: { primary: 'fal/x' } } } } },
      [fal],
      'fal',
      'set',
    );
    expect(kept.changed).toBe(false);
    const fresh = await writeFacts({}, [fal], 'fal');
    expect(fresh.config.agents.defaults.mediaModels).toEqual({ image: { primary: 'fal/fal-ai/flux/dev' } });
  });
});
