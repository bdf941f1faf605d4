import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '../contexts.js';
import { errorMessage } from '../services/errors.js';
import type { AgentState } from '../services/profiles/agent-state.js';

export interface AgentStateView {
  state: AgentState | undefined;
  /** Why the last read failed (a store that does not parse, a lock that stays held): shown, never thrown. */
  error: string | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * The agent's credentials as on disk, re-read when the files change (the gateway writes them
 * too). A failed read keeps the last good state on screen next to the error.
 */
export function useAgentState(): AgentStateView {
  const services = useServices();
  // A screen opened after others (the dashboard after the wizard) starts from the last read, not
  // the start-up one, and reads again at once: a save made meanwhile shows without a stale frame.
  const [first] = useState(() => services.lastReadState?.() ?? services.preloadedState);
  const [state, setState] = useState<AgentState | undefined>(first);
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(first === undefined);
  const generation = useRef(0);

  const reload = useCallback(() => {
    const current = ++generation.current;
    services.loadState().then(
      (next) => {
        if (current !== generation.current) return;
        setState(next);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (current !== generation.current) return;
        setError(errorMessage(failure));
        setLoading(false);
      },
    );
  }, [services]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `first` is this screen's opening state, fixed at mount.
  useEffect(() => {
    if (first === undefined) {
      setState(undefined);
      setLoading(true);
      reload();
    }
    const stop = services.watchState(reload);
    // The state shown first was read before the watch began: look once more for a write that fell
    // in between — after the first frames at start-up (they come first), at once on a later screen.
    const startup = first !== undefined && first === services.preloadedState;
    const recheck = first === undefined ? undefined : setTimeout(reload, startup ? 500 : 0);
    return () => {
      generation.current++;
      if (recheck) clearTimeout(recheck);
      stop();
    };
  }, [services, reload]);

  return { state, error, loading, reload };
}
