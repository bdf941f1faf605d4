import { createContext, useContext } from 'react';
import type { AppServices } from './app-services.js';
import type { Screen, TuiResult } from './navigation.js';

export const ServicesContext = createContext<AppServices | null>(null);

/** UI actions live apart from UI state, so screens that only act do not re-render on moves. */
export interface NavigationActions {
  /** `from`: this screen as it should be found on the way back (see navigation.ts). */
  push(screen: Screen, from?: Screen): void;
  replace(screen: Screen): void;
  back(): void;
  /** Done with this screen: back to the one below, or leave the app when it is the only one. */
  finish(result: TuiResult): void;
  exit(result: TuiResult): void;
  /** A screen is underneath: Esc at the start goes back to it instead of leaving. */
  canGoBack: boolean;
}
export const NavigationActionsContext = createContext<NavigationActions | null>(null);

export function useServices(): AppServices {
  return required(useContext(ServicesContext), 'ServicesContext');
}

export function useNavigation(): NavigationActions {
  return required(useContext(NavigationActionsContext), 'NavigationActionsContext');
}

/** Swaps the services the screens use, e.g. after switching to another agent. */
export const SwitchServicesContext = createContext<((services: AppServices) => void) | null>(null);

export function useSwitchServices(): (services: AppServices) => void {
  return required(useContext(SwitchServicesContext), 'SwitchServicesContext');
}

/**
 * Whether a write of this app is under way, whichever screen started it: a screen that was left
 * and opened again must not start a second (the dashboard's K, then a, Esc, K). Null outside <App>.
 */
export const WritesBusyContext = createContext<(() => boolean) | null>(null);

export function useWritesBusy(): () => boolean {
  return useContext(WritesBusyContext) ?? (() => false);
}

function required<T>(value: T | null, name: string): T {
  if (value === null) throw new Error(`${name} is missing: render inside <App>`);
  return value;
}

/** The TUI is drawing its last frame: key hints and spinners go, since nothing takes keys or runs any more. */
export const LeavingContext = createContext(false);
