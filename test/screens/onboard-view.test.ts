import { describe, expect, it } from 'vitest';
import { envVariableFor, initialOnboardState, onboardReducer } from '../../src/screens/onboard/onboard-flow.js';
import { viewOf } from '../../src/screens/onboard/onboard-view.js';

describe('the wizard step views', () => {
  it('gives each step the answers it reads, along the reducer walk', () => {
    let state = initialOnboardState();
    expect(viewOf(state)).toEqual({ step: 'welcome' });
    state = onboardReducer(state, { type: 'continue' });
    state = onboardReducer(state, { type: 'provider', provider: 'openai' });
    expect(viewOf(state)).toEqual({ step: 'method', provider: 'openai' });
    state = onboardReducer(state, { type: 'method', method: 'api-key' });
    expect(viewOf(state)).toEqual({ step: 'secret', provider: 'openai' });
    state = onboardReducer(state, { type: 'secret', secret: 'sk-x' });
    state = onboardReducer(state, { type: 'profile-id', profileId: 'openai:default', existingType: 'token' });
    expect(viewOf(state)).toEqual({ step: 'overwrite', profileId: 'openai:default', existingType: 'token' });
    state = onboardReducer(state, { type: 'back' });
    state = onboardReducer(state, { type: 'profile-id', profileId: 'openai:work' });
    expect(viewOf(state)).toEqual({ step: 'env', variable: 'OPENAI_API_KEY' });
  });

  it('refuses a step without its answers instead of drawing it with holes', () => {
    const state = initialOnboardState();
    expect(() => viewOf({ ...state, step: 'summary', provider: 'openai' })).toThrow(
      'onboard: the summary step has no saved credential',
    );
    expect(() => viewOf({ ...state, step: 'secret' })).toThrow('onboard: the secret step has no provider');
  });
});

describe("the wizard's .env question", () => {
  it('offers <PROVIDER>_API_KEY where the provider reads one (MiniMax listed its plan variable first)', () => {
    expect(envVariableFor('minimax', 'api-key')).toBe('MINIMAX_API_KEY');
    expect(envVariableFor('groq', 'api-key')).toBe('GROQ_API_KEY');
    expect(envVariableFor('anthropic', 'paste-token')).toBeUndefined();
  });
});
