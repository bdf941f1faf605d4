import { useServices } from '../../contexts.js';
import type { SavedCredential } from '../../services/actions.js';
import { errorMessage } from '../../services/errors.js';
import { describeModelCoverage } from '../../services/profiles/model-coverage.js';
import { setupNotes } from '../../services/providers/onboard-choice.js';
import { choiceForSecret, type ProviderSetUp } from '../../services/providers/provider-setup.js';
import { buildStatusReport } from '../../services/status/report.js';
import { secretKind } from './onboard-flow.js';
import type { OnboardAction, OnboardState } from './onboard-types.js';

/**
 * The wizard's one write, and the model notes read after it (again after `d` makes a default).
 * Kept out of the screen so the screen is only steps and keys.
 */
export function useOnboardSave() {
  const services = useServices();

  /** The model notes, and after a save what its setup did to other profiles and the default (setupNotes). */
  async function modelNotesAfterSave(provider: string, saved?: SavedCredential): Promise<string[]> {
    const setup = saved?.setup;
    const ids = saved ? [saved.profileId] : [];
    try {
      const state = await services.loadState();
      const report = buildStatusReport(state, {
        nowMs: services.now(),
        warnWithinMs: services.warnWithinMs,
      });
      return [
        ...describeModelCoverage(report, provider, provider in services.workspace.config.models.providers),
        ...(setup ? setupNotes(state, setup, ids) : []),
      ];
    } catch {
      // Only advice: the save itself succeeded (what needs no state is still said).
      return setup ? setupNotes(undefined, setup, ids) : [];
    }
  }

  async function save(current: OnboardState, dispatch: (action: OnboardAction) => void) {
    try {
      const saved = await services.saveCredential({
        profileId: current.profileId!,
        provider: current.provider!,
        kind: secretKind(current.method),
        secret: current.secret!,
        replace: current.replace,
        ...(current.authChoice ? { authChoice: current.authChoice } : {}),
        ...(current.cloudflare ? { metadata: { ...current.cloudflare } } : {}),
        ...(current.foundry ? { foundry: current.foundry } : {}),
        ...(current.writeEnv && current.envVariable ? { envVariable: current.envVariable } : {}),
      });
      const choice = choiceForSecret(current.provider!, secretKind(current.method), current.authChoice);
      const modelNotes = await modelNotesAfterSave(current.provider!, saved);
      dispatch({ type: 'saved', result: { saved, modelNotes, ...(choice ? { choice } : {}) } });
    } catch (error) {
      dispatch({ type: 'save-failed', error: errorMessage(error) });
    }
  }

  /**
   * The summary's `d`: the provider's model the default, over another provider's, from the setup
   * the save built (Foundry's deployment, Cloudflare's ids: asked again of nobody).
   */
  async function makeDefault(
    state: OnboardState,
    provider: string,
    profileId: string,
    dispatch: (action: OnboardAction) => void,
  ): Promise<ProviderSetUp> {
    const setup = await services.setDefaultModel({
      provider,
      kind: secretKind(state.method),
      ...(state.authChoice ? { authChoice: state.authChoice } : {}),
      ...(state.cloudflare || state.foundry
        ? {
            answers: {
              profileId,
              ...(state.cloudflare ? { metadata: { ...state.cloudflare } } : {}),
              ...(state.foundry ? { foundry: state.foundry } : {}),
            },
          }
        : {}),
    });
    // "No model uses openai yet" was true before `d`: the notes are read again.
    dispatch({ type: 'model-notes', notes: await modelNotesAfterSave(provider) });
    return setup;
  }

  return { save, modelNotesAfterSave, makeDefault };
}
