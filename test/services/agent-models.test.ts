import { describe, expect, it } from 'vitest';
import { planForAgent } from '../../src/services/providers/agent-models.js';
import { planSetup } from '../../src/services/providers/setup-plan.js';

// As OpenClaw 2026.9.6 leaves openclaw.json after `openclaw agents add coder` (tried):
// the roster explicit, the main agent's model moved into its own entry.
const explicitRoster = (main: Record<string, unknown>, defaults: Record<string, unknown> = {}) => ({
  agents: {
    ownership: 'explicit',
    defaults: { systemAgent: { agentId: 'main' }, ...defaults },
    entries: { main: { workspace: '/w', ...main }, coder: { name: 'coder' } },
  },
});

const customSetup = {
  plugins: [],
  providers: {},
  defaultModel: { ref: 'custom-local/llama3', entry: {} },
};

const plan = (doc: Record<string, unknown>, agentId = 'main') =>
  planForAgent(doc, agentId, (view) => planSetup(view, customSetup, 'custom-local', 'set').changes);

describe('a default model on an explicit 2026.9 roster goes to the agent it is for', () => {
  it("replaces the agent's own model in its entry, as openclaw onboard does, and leaves the defaults alone", () => {
    const doc = explicitRoster({
      model: { primary: 'anthropic/claude-opus-5' },
      models: { 'anthropic/claude-opus-5': {} },
    });
    expect(plan(doc)).toEqual([
      { path: ['agents', 'entries', 'main', 'model', 'primary'], value: 'custom-local/llama3' },
      { path: ['agents', 'entries', 'main', 'models', 'custom-local/llama3'], value: {} },
    ]);
  });

  it('an entry with no model of its own takes the defaults’ whole, fallbacks kept, with the new primary', () => {
    const doc = explicitRoster({}, { model: { primary: 'anthropic/claude-opus-5', fallbacks: ['xai/grok-4'] } });
    expect(plan(doc)).toEqual([
      {
        path: ['agents', 'entries', 'main', 'model'],
        value: { primary: 'custom-local/llama3', fallbacks: ['xai/grok-4'] },
      },
      { path: ['agents', 'entries', 'main', 'models', 'custom-local/llama3'], value: {} },
    ]);
  });

  it('another agent (--agent coder) gets its own entry model; with no roster the defaults as before', () => {
    expect(plan(explicitRoster({ model: { primary: 'a/b' } }), 'coder')[0]).toEqual({
      path: ['agents', 'entries', 'coder', 'model'],
      value: { primary: 'custom-local/llama3' },
    });
    const plain = { agents: { defaults: { model: { primary: 'anthropic/claude-opus-5' } } } };
    expect(plan(plain)[0]).toEqual({ path: ['agents', 'defaults', 'model', 'primary'], value: 'custom-local/llama3' });
    // An entry with a model of its own is where its model is, roster explicit or not.
    const own = { agents: { entries: { main: { model: 'anthropic/claude-opus-5' } } } };
    expect(plan(own)[0]).toEqual({
      path: ['agents', 'entries', 'main', 'model'],
      value: { primary: 'custom-local/llama3' },
    });
  });
});

describe('edge cases of an agent-scoped default', () => {
  it("OpenClaw's built-in OpenAI model for an agent with its own model is named, not cleared (clearing left the defaults' model)", () => {
    const doc = explicitRoster({ model: { primary: 'anthropic/claude-opus-5' } }, { model: 'anthropic/claude-opus-5' });
    const builtIn = {
      plugins: [],
      providers: {},
      defaultModel: { ref: 'openai', entry: null, builtIn: true as const },
    };
    const changes = planForAgent(doc, 'main', (view) => planSetup(view, builtIn, 'openai', 'set').changes);
    expect(changes).toContainEqual({
      path: ['agents', 'entries', 'main', 'model', 'primary'],
      value: 'openai/gpt-6-astra',
    });
    expect(changes.some((change) => change.path[1] === 'defaults')).toBe(false);
  });

  it("OpenClaw's built-in model as the default: a model with only a primary goes whole, one with fallbacks keeps them", () => {
    const builtIn = {
      plugins: [],
      providers: {},
      defaultModel: { ref: 'openai', entry: null, builtIn: true as const },
    };
    const set = (model: unknown) => planSetup({ agents: { defaults: { model } } }, builtIn, 'openai', 'set').changes;
    // An empty `"model": {}` was left behind.
    expect(set({ primary: 'anthropic/claude-opus-4-7' })).toContainEqual({
      path: ['agents', 'defaults', 'model'],
      value: undefined,
    });
    expect(set({ primary: 'anthropic/claude-opus-4-7', fallbacks: ['groq/x'] })).toContainEqual({
      path: ['agents', 'defaults', 'model', 'primary'],
      value: undefined,
    });
  });

  it('an agent with no entry of its own (a directory only) reads the defaults: no entry is added to the roster', () => {
    const doc = explicitRoster({ model: { primary: 'a/b' } }, { model: { primary: 'anthropic/claude-opus-5' } });
    const changes = plan(doc, 'ghost');
    expect(changes[0]).toEqual({ path: ['agents', 'defaults', 'model', 'primary'], value: 'custom-local/llama3' });
    expect(changes.some((change) => change.path[1] === 'entries')).toBe(false);
  });
});
