import type { SignInMethod } from './services/oauth/oauth-providers.js';
import { type AgentState, listAgentProfiles, listEnvCredentials } from './services/profiles/agent-state.js';
import type { OnboardingMethod } from './services/providers.js';

/** Every screen the TUI can show, with what it starts from. */
export type Screen =
  /**
   * `resumeAt`: back from a method's own screen, at the method question (`lastMethod` highlighted)
   * or, where the sign-in was one of several places, at that question.
   */
  | {
      name: 'onboard';
      provider?: string;
      method?: OnboardingMethod;
      resumeAt?: 'method' | 'auth-choice';
      lastMethod?: OnboardingMethod;
      /** Resumed, the provider was given (`--provider`), not asked: Esc at the method leaves. */
      providerGiven?: boolean;
      /** Opened by `authdeck` on a home with no credential: done, it opens the dashboard on the new one. */
      home?: boolean;
    }
  /**
   * `select`: the profile to put the cursor on (one just added on a screen pushed over it);
   * `cursor` and `filter`: where it was when that screen was pushed, to come back to.
   */
  | { name: 'dashboard'; select?: string; cursor?: string; filter?: string }
  | { name: 'pick'; provider?: string; print?: boolean }
  | { name: 'logout' }
  /** `backTo`: the screen Esc returns to (the wizard that handed over), instead of leaving. */
  | { name: 'setup-token'; profileId?: string; claudeBin?: string; yes?: boolean; backTo?: Screen }
  | { name: 'sign-in'; provider: string; method: SignInMethod; backTo?: Screen };

export interface NavigationState {
  stack: Screen[];
}

export type NavigationAction =
  /** `from`: the screen being left, as it should be found again (the dashboard's place). */
  | { type: 'push'; screen: Screen; from?: Screen }
  | { type: 'replace'; screen: Screen }
  | { type: 'back'; select?: string };

export function navigationReducer(state: NavigationState, action: NavigationAction): NavigationState {
  switch (action.type) {
    case 'push':
      return {
        stack: [
          ...(action.from ? state.stack.slice(0, -1) : state.stack),
          ...(action.from ? [action.from] : []),
          action.screen,
        ],
      };
    case 'replace':
      return { stack: [...state.stack.slice(0, -1), action.screen] };
    case 'back': {
      if (state.stack.length <= 1) return state;
      const below = state.stack.slice(0, -1);
      const top = below.at(-1);
      if (action.select && top?.name === 'dashboard') below[below.length - 1] = { ...top, select: action.select };
      return { stack: below };
    }
  }
}

export function currentScreen(state: NavigationState): Screen {
  // The stack is never empty: `back` keeps the last screen.
  return state.stack.at(-1) ?? { name: 'dashboard' };
}

/**
 * What `authdeck` opens in a terminal: the dashboard when the agent has any credential (or its
 * store cannot be read: the dashboard shows why), else the onboarding wizard.
 */
export function homeScreen(state: AgentState | undefined): Screen {
  // A provider the config serves alone (its key there, or a local server) is set up too.
  const servedByConfig = (settings: { hasApiKey: boolean; localKeyless: boolean }) =>
    settings.hasApiKey || settings.localKeyless;
  const configured =
    state === undefined ||
    listAgentProfiles(state).length > 0 ||
    listEnvCredentials(state).length > 0 ||
    Object.values(state.workspace.config.models.providers).some(servedByConfig);
  return configured ? { name: 'dashboard' } : { name: 'onboard', home: true };
}

/** How the TUI ended: the exit code and, for `pick --print`, a line for stdout. */
export interface TuiResult {
  exitCode: number;
  print?: string;
  /** A profile this screen saved: the screen below selects it. */
  select?: string;
}
