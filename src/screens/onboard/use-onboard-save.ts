import { useServices } from '../../contexts.js';
import type { SavedCredential } from '../../services/actions.js';
import { errorMessage } from '../../services/errors.js';
import { describeModelCoverage } from '../../services/profiles/model-coverage.js';
import { lostDefaultNote, movedEndpointNotes } from '../../services/providers/onboard-choice.js';
import { choiceForSecret } from '../../services/providers/provider-setup.js';
import { buildStatusReport } from '../../services/status/report.js';
import type { OnboardAction, OnboardState } from './onboard-flow.js';
import { secretKind } from './onboard-flow.js';

/**
 * The wizard's one write, and the model notes read after it (again after `d` makes a default).
 * Kept out of the screen so the screen is only steps and keys.
 */
export function useOnboardSave() {
  const services = useServices();

  async function modelNotesAfterSave(provider: string): Promise<string[]> {
    try {
      const report = buildStatusReport(await services.loadState(), {
        nowMs: services.now(),
        warnWithinMs: services.warnWithinMs,
      });
      return describeModelCoverage(report, provider, provider in services.workspace.config.models.providers);
    } catch {
      // Only advice: the save itself succeeded.
      return [];
    }
  }

  /** The endpoint this save moved under the provider's other profiles (another region's keys). */
  async function movedNotes(saved: SavedCredential): Promise<string[]> {
    const lost = saved.setup ? lostDefaultNote(saved.setup) : undefined;
    if (!saved.setup?.movedEndpoints) return lost ? [lost] : [];
    try {
      return [
        ...movedEndpointNotes(await services.loadState(), saved.setup, [saved.profileId]),
        ...(lost ? [lost] : []),
      ];
    } catch {
      return [];
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
      const modelNotes = [...(await modelNotesAfterSave(current.provider!)), ...(await movedNotes(saved))];
      dispatch({ type: 'saved', result: { saved, modelNotes, ...(choice ? { choice } : {}) } });
    } catch (error) {
      dispatch({ type: 'save-failed', error: errorMessage(error) });
    }
  }

  return { save, modelNotesAfterSave };
}
