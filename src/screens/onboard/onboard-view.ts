import type { OnboardResult, OnboardState, OnboardStep } from './onboard-types.js';

type WithProvider = 'method' | 'local' | 'auth-choice' | 'secret' | 'profile-id';
type AfterSave = 'verify' | 'summary';

/**
 * The wizard's state as its step sees it: each step with the answers it reads, present. The
 * reducer keeps one record across steps (Esc reopens an answer); the screen switches on this,
 * so no step reads an answer that is not there.
 */
export type OnboardView =
  | { step: Exclude<OnboardStep, WithProvider | AfterSave | 'overwrite' | 'env'> }
  | { step: WithProvider; provider: string }
  | { step: 'overwrite'; profileId: string; existingType: string }
  | { step: 'env'; variable: string }
  | { step: AfterSave; provider: string; result: OnboardResult };

/** The view of a state; a state the reducer cannot make (a step without its answers) throws. */
export function viewOf(state: OnboardState): OnboardView {
  const missing = (what: string) => new Error(`onboard: the ${state.step} step has no ${what}`);
  switch (state.step) {
    case 'method':
    case 'local':
    case 'auth-choice':
    case 'secret':
    case 'profile-id':
      if (!state.provider) throw missing('provider');
      return { step: state.step, provider: state.provider };
    case 'overwrite':
      if (!state.profileId) throw missing('profile id');
      return { step: 'overwrite', profileId: state.profileId, existingType: state.existingType ?? 'unknown' };
    case 'env':
      if (!state.envVariable) throw missing('variable');
      return { step: 'env', variable: state.envVariable };
    case 'verify':
    case 'summary':
      if (!state.provider || !state.result) throw missing('saved credential');
      return { step: state.step, provider: state.provider, result: state.result };
    default:
      return { step: state.step };
  }
}
