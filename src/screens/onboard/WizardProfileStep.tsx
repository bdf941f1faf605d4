import type { AgentState } from '../../services/profiles/agent-state.js';
import { profileAWriteWouldReplace } from '../../services/profiles/agent-state.js';
import { secretKind } from './onboard-flow.js';
import type { OnboardAction, OnboardState } from './onboard-types.js';
import { ProfileIdStep } from './ProfileIdStep.js';
import { choiceProfileName, freeProfileName, profileChoice } from './profile-names.js';

/**
 * The wizard's profile name: the suggestion (a free name), the name typed before when Esc came
 * back from a later step, and what Enter does with a name (profileChoice) sent on as an action.
 */
export function WizardProfileStep({
  provider,
  currentState,
  agentState,
  dispatch,
}: {
  provider: string;
  /** The wizard's state as of now (keys of one chunk see each other's changes). */
  currentState: () => OnboardState;
  agentState: AgentState | undefined;
  dispatch: (action: OnboardAction) => void;
}) {
  const state = currentState();
  const replaced = (id: string) => (agentState ? profileAWriteWouldReplace(agentState, id) : undefined);
  const base = choiceProfileName(
    provider,
    secretKind(state.method),
    state.authChoice,
    agentState?.store.pluginsServeProviders ?? true,
  );
  const suggestion = freeProfileName(provider, (id) => replaced(id) !== undefined, base);
  // Back here with Esc from a later step, or again after Esc from this one: the name typed before
  // (the suggestion stays a placeholder).
  const before = state.profileId ?? state.typedProfileId;
  const typedBefore = before?.startsWith(`${provider}:`) ? before.slice(provider.length + 1) : undefined;
  /** What Enter on the profile field would do with `name` (see profileChoice). */
  const choiceFor = (name: string) => profileChoice(provider, secretKind(currentState().method), name, replaced);
  return (
    <ProfileIdStep
      provider={provider}
      suggestion={suggestion}
      {...(typedBefore && typedBefore !== suggestion ? { initial: typedBefore } : {})}
      base={base}
      onSubmit={(name) => {
        const choice = choiceFor(name);
        if ('error' in choice) dispatch({ type: 'save-failed', error: choice.error });
        else dispatch({ type: 'profile-id', ...choice });
      }}
      choiceFor={choiceFor}
      onLeave={(typed) => dispatch({ type: 'profile-typed', profileId: `${provider}:${typed}` })}
      {...(state.error ? { problem: state.error } : {})}
    />
  );
}
