import { createContext, type RefObject, useContext, useEffect } from 'react';
import { useKeys } from '../../components/key-router.js';
import type { TextFieldState } from '../../components/text-field/use-text-field-state.js';
import { useNavigation } from '../../contexts.js';
import { ExitCode } from '../../services/errors.js';
import type { OnboardState } from './onboard-types.js';

/**
 * Esc in the wizard: a search is cleared first; otherwise one step back, or out when there is
 * none (what was saved stays saved). Not while a save or its check runs, nor on the summary,
 * whose own keys end it.
 */
export function useWizardEscape(
  currentState: () => OnboardState,
  providerSearch: TextFieldState,
  nearTyped: RefObject<string | undefined>,
  back: () => void,
  /** A step with questions of its own (Cloudflare's ids, a custom endpoint, a local server) goes back through them first. */
  stepBack: RefObject<(() => boolean) | undefined>,
  /** Out after "add another": where the summary's Enter goes (the dashboard, from `authdeck`). */
  done: () => void,
): void {
  const navigation = useNavigation();
  useKeys((_input, key) => {
    const now = currentState();
    if (!key.escape || now.step === 'summary' || now.step === 'verify' || (now.step === 'saving' && !now.error)) return;
    if (now.step === 'provider' && providerSearch.current() !== '') return providerSearch.set('');
    if (stepBack.current?.()) return;
    // Back from a typed id to the list: narrowed to the known id it was close to, else whole.
    if (now.step === 'custom-provider') providerSearch.set(nearTyped.current ?? '');
    // Leaving after "add another" is not a cancel: what was saved stays saved.
    if (now.history.length === 0 && now.wrote) done();
    else if (now.history.length === 0) navigation.finish({ exitCode: ExitCode.cancelled });
    else back();
  });
}

/**
 * A step with questions of its own hands the wizard's Esc its own way back: one question back
 * (its answers kept), or false at its first, where the wizard goes back a step.
 */
export function useStepBack(stepBack: RefObject<(() => boolean) | undefined>, back: () => boolean): void {
  useEffect(() => {
    stepBack.current = back;
    return () => {
      stepBack.current = undefined;
    };
  });
}

/** What Esc does at a step's first question, as its hint says it: back a step, or out of the wizard. */
export type WizardEscWord = 'back' | 'quit' | 'done';

/** The word for the step in hand, from the wizard (useWizardEscape's rule): "back" unless there is no step behind. */
export function wizardEscWord(state: OnboardState, canGoBack: boolean): WizardEscWord {
  if (state.history.length > 0) return 'back';
  // Out with something saved is done; out to the screen that opened the wizard is back.
  return state.wrote ? 'done' : canGoBack ? 'back' : 'quit';
}

export const WizardEscContext = createContext<WizardEscWord>('back');

export function useWizardEscWord(): WizardEscWord {
  return useContext(WizardEscContext);
}
