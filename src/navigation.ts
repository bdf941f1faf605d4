import type { OnboardingMethod } from './services/providers.js';

/** Every screen the TUI can show, with what it starts from. */
export type Screen =
  | { name: 'home' }
  | { name: 'onboard'; provider?: string; method?: OnboardingMethod; nonInteractive?: boolean }
  | { name: 'dashboard' }
  | { name: 'pick'; provider?: string; print?: boolean }
  | { name: 'setup-token'; profileId?: string; claudeBin?: string; yes?: boolean };

export interface NavigationState {
  stack: Screen[];
}

export type NavigationAction =
  | { type: 'push'; screen: Screen }
  | { type: 'replace'; screen: Screen }
  | { type: 'back' };

export function navigationReducer(state: NavigationState, action: NavigationAction): NavigationState {
  switch (action.type) {
    case 'push':
      return { stack: [...state.stack, action.screen] };
    case 'replace':
      return { stack: [...state.stack.slice(0, -1), action.screen] };
    case 'back':
      return state.stack.length > 1 ? { stack: state.stack.slice(0, -1) } : state;
  }
}

export function currentScreen(state: NavigationState): Screen {
  return state.stack[state.stack.length - 1]!;
}

/** How the TUI ended: the exit code and, for `pick --print`, a line for stdout. */
export interface TuiResult {
  exitCode: number;
  print?: string;
}
