import { useNavigation } from '../contexts.js';
import type { Screen } from '../navigation.js';
import { ExitCode } from '../services/errors.js';

/**
 * The last Enter of an onboarding, in the wizard or in the screen it handed the secret to
 * (setup-token, a sign-in): `authdeck` on a home with no credential goes on to the dashboard, on
 * the new profile (README, "The TUI"); otherwise the screen is done.
 */
export function useOnboardingDone(home: boolean): (select?: string) => void {
  const navigation = useNavigation();
  return (select) => {
    if (home && !navigation.canGoBack) navigation.replace({ name: 'dashboard', ...(select ? { select } : {}) });
    else navigation.finish({ exitCode: ExitCode.ok, ...(select ? { select } : {}) });
  };
}

/** Whether a screen the wizard handed over to was opened by `authdeck` on an empty home. */
export function startedAtHome(backTo: Screen | undefined): boolean {
  return backTo?.name === 'onboard' && backTo.home === true;
}
