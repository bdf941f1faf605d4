import { useSyncReducer } from '../../hooks/use-sync-reducer.js';

export type DashboardMode = 'list' | 'filter' | 'details' | 'confirm-remove' | 'help' | 'agents' | 'doctor' | 'explain';
/** `busy`: a write still running; it stays until its outcome replaces it. */
export type Tone = 'info' | 'success' | 'error' | 'busy';

export interface DashboardUi {
  mode: DashboardMode;
  /** The selected row by key, so it stays on the same profile when the files change. */
  cursorKey?: string;
  /** Where that row was: when it goes (removed), the cursor stays at its place, not back at the top. */
  cursorAt?: number;
  top: number;
  /** The first entry the help or the details show, scrolled on a short terminal. */
  panelTop?: number;
  filter: string;
  /** `since`: when a busy message's write began (its seconds are shown as it runs). */
  message?: { text: string; tone: Tone; since?: number };
}

export type DashboardUiAction =
  | { type: 'select'; key: string; at: number; top: number }
  | { type: 'mode'; mode: DashboardMode }
  | { type: 'panel-scroll'; by: number; last: number }
  | { type: 'filter'; filter: string }
  | { type: 'message'; text: string; tone: Tone; since?: number }
  | { type: 'clear-message' };

export function dashboardUiReducer(state: DashboardUi, action: DashboardUiAction): DashboardUi {
  switch (action.type) {
    case 'select':
      return state.cursorKey === action.key && state.top === action.top && state.cursorAt === action.at
        ? state
        : { ...state, cursorKey: action.key, cursorAt: action.at, top: action.top };
    case 'mode':
      // A panel opens at its top.
      return { ...state, mode: action.mode, panelTop: 0 };
    case 'panel-scroll': {
      const panelTop = Math.min(Math.max(0, (state.panelTop ?? 0) + action.by), action.last);
      return panelTop === state.panelTop ? state : { ...state, panelTop };
    }
    case 'filter': {
      // The place the cursor was is a place in the old list: the new one starts from its top.
      const { cursorAt: _place, ...rest } = state;
      return { ...rest, filter: action.filter, top: 0 };
    }
    case 'message':
      return {
        ...state,
        message: {
          text: action.text,
          tone: action.tone,
          ...(action.since !== undefined ? { since: action.since } : {}),
        },
      };
    case 'clear-message':
      return state.message && state.message.tone !== 'busy' ? { ...state, message: undefined } : state;
  }
}

/** The dashboard's UI state; keys read it through the getter (several can come in one chunk). */
export function useDashboardUi(cursorKey?: string, filter = '') {
  return useSyncReducer(
    dashboardUiReducer,
    (): DashboardUi => ({ mode: 'list', top: 0, filter, ...(cursorKey ? { cursorKey } : {}) }),
  );
}
